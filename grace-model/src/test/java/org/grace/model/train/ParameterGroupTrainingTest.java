package org.grace.model.train;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterGroupTrainingTest {

    private static NDManager root;

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        root = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    private TrainingConfig threeSteps() {
        return TrainingConfig.builder(3, 1e-2, folder).optimizer(OptimizerConfig.adamW(0.1)).build();
    }

    @Test
    void loraRunChangesOnlyLoraFactors() {
        try (ClipModel model = MicroClip.loraModel(root)) {
            TrainableParameters trainable = TrainableParameters.select(model, null, Set.of(ParameterGroup.LORA));
            assertEquals(model.loraParameters().keySet(), trainable.arrays().keySet());
            Map<String, float[]> base = MicroClip.snapshot(model.parameters());
            Map<String, float[]> lora = MicroClip.snapshot(model.loraParameters());
            new TrainingLoop(threeSteps(), trainable, MicroClip.contrastive(model), root).quiet().run();
            base.forEach((name, before) -> assertArrayEquals(before, model.parameters().get(name).toFloatArray(), 0f,
                    "frozen base weight " + name + " changed"));
            lora.forEach((name, before) -> assertFalse(Arrays.equals(before, model.loraParameters().get(name).toFloatArray()),
                    "LoRA factor " + name + " did not change"));
        }
    }

    @Test
    void headRunChangesOnlyTheHead() {
        try (ClipModel model = MicroClip.model(root); NDManager m = root.newSubManager()) {
            ZeroShotHead head = MicroClip.head(m);
            TrainableParameters trainable = TrainableParameters.select(model, head, Set.of(ParameterGroup.HEAD));
            assertEquals(Set.of(ParameterGroup.HEAD_NAME), trainable.arrays().keySet());
            Map<String, float[]> base = MicroClip.snapshot(model.parameters());
            float[] before = head.weights().toFloatArray();
            new TrainingLoop(threeSteps(), trainable, MicroClip.classification(model, head), root).quiet().run();
            base.forEach((name, b) -> assertArrayEquals(b, model.parameters().get(name).toFloatArray(), 0f, name));
            assertFalse(Arrays.equals(before, head.weights().toFloatArray()), "the head did not change");
        }
    }

    @Test
    void imageTowerRunNeverTouchesTheTextTower() {
        try (ClipModel model = MicroClip.model(root)) {
            TrainableParameters trainable = TrainableParameters.select(model, null, Set.of(ParameterGroup.IMAGE_TOWER));
            assertTrue(trainable.arrays().keySet().stream().allMatch(
                    n -> n.startsWith("vision_model.") || n.equals("visual_projection.weight")));
            assertTrue(trainable.arrays().containsKey("visual_projection.weight"));
            Map<String, float[]> base = MicroClip.snapshot(model.parameters());
            new TrainingLoop(threeSteps(), trainable, MicroClip.contrastive(model), root).quiet().run();
            base.forEach((name, b) -> {
                boolean changed = !Arrays.equals(b, model.parameters().get(name).toFloatArray());
                if (!trainable.arrays().containsKey(name)) {
                    assertFalse(changed, "untrained " + name + " changed");
                }
            });
            assertFalse(Arrays.equals(base.get("visual_projection.weight"),
                    model.parameters().get("visual_projection.weight").toFloatArray()));
        }
    }

    @Test
    void fullRunTrainsEveryBaseParameterIncludingTheLogitScale() {
        try (ClipModel model = MicroClip.loraModel(root)) {
            TrainableParameters trainable = TrainableParameters.select(model, null, Set.of(ParameterGroup.FULL));
            assertEquals(model.parameters().keySet(), trainable.arrays().keySet());
            assertTrue(model.loraParameters().values().stream().noneMatch(a -> a.hasGradient()), "LoRA frozen under FULL");
            float scale = model.parameters().get("logit_scale").toFloatArray()[0];
            new TrainingLoop(TrainingConfig.builder(1, 1e-2, folder).build(), trainable, MicroClip.contrastive(model), root)
                    .quiet().run();
            assertTrue(scale != model.parameters().get("logit_scale").toFloatArray()[0], "logit_scale did not change");
        }
    }

    @Test
    void groupsWithNothingToTrainAreRejected() {
        try (ClipModel model = MicroClip.model(root)) {
            IllegalArgumentException lora = assertThrows(IllegalArgumentException.class,
                    () -> TrainableParameters.select(model, null, Set.of(ParameterGroup.LORA)));
            assertTrue(lora.getMessage().contains("applyLora"), lora.getMessage());
            assertThrows(IllegalArgumentException.class, () -> TrainableParameters.select(model, null, Set.of(ParameterGroup.HEAD)));
            assertThrows(IllegalArgumentException.class, () -> TrainableParameters.select(model, null, Set.of(ParameterGroup.PROMPTS)));
            assertThrows(IllegalArgumentException.class, () -> TrainableParameters.select(model, null, Set.of()));
        }
    }
}
