package org.grace.model.train;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointStoreTest {

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

    @Test
    void aCheckpointRestoresTrainedArraysAndOptimizerStateExactly() {
        try (ClipModel model = MicroClip.loraModel(root); ClipModel fresh = MicroClip.loraModel(root)) {
            TrainableParameters trained = TrainableParameters.select(model, null, Set.of(ParameterGroup.LORA));
            TrainingConfig config = TrainingConfig.builder(2, 1e-2, folder).build();
            new TrainingLoop(config, trained, MicroClip.contrastive(model), root).quiet().run();
            CheckpointStore store = new CheckpointStore(folder);
            Checkpoint latest = store.latest().orElseThrow();
            assertEquals(2, latest.step());
            TrainableParameters target = TrainableParameters.select(fresh, null, Set.of(ParameterGroup.LORA));
            try (Optimizer optimizer = Optimizer.create(config.optimizer(), root)) {
                store.load(latest, target, optimizer, config.fingerprint(target), config.describe(target));
                assertEquals(2, optimizer.stepCount());
                assertEquals(2 * target.arrays().size(), optimizer.exportState().size(), "exp_avg and exp_avg_sq per array");
            }
            Map<String, float[]> expected = MicroClip.snapshot(trained.arrays());
            expected.forEach((name, values) -> assertArrayEquals(values, target.arrays().get(name).toFloatArray(), 0f, name));
        }
    }

    @Test
    void aPointerToAMissingCheckpointIsAClearError() throws Exception {
        Files.writeString(folder.resolve(CheckpointStore.LATEST),
                "{\"step\":4,\"file\":\"checkpoints/step-00000004.safetensors\",\"fingerprint\":\"ab\"}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new CheckpointStore(folder).latest());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Files.writeString(folder.resolve(CheckpointStore.LATEST), "{\"step\":4}");
        IllegalStateException partial = assertThrows(IllegalStateException.class, () -> new CheckpointStore(folder).latest());
        assertTrue(partial.getMessage().contains("must hold step, file and fingerprint"), partial.getMessage());
    }

    @Test
    void trainingLeavesNothingBehindInTheModelsManager() {
        try (ClipModel model = MicroClip.loraModel(root)) {
            TrainableParameters trained = TrainableParameters.select(model, null, Set.of(ParameterGroup.LORA));
            int before = model.manager().getManagedArrays().size();
            new TrainingLoop(TrainingConfig.builder(3, 1e-2, folder).optimizer(OptimizerConfig.sgd(0.9, true, 1e-4))
                    .build(), trained, MicroClip.contrastive(model), root).quiet().run();
            assertEquals(before, model.manager().getManagedArrays().size());
        }
    }
}
