package org.grace.model.clip;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ViT-B/32 at full size, randomly initialised: shape-level checks of the paper-scale model. */
class VitB32Test {

    private static final ClipConfig B32 = ClipConfig.named("ViT-B/32");
    private static NDManager root;
    private static ClipModel model;

    @BeforeAll
    static void setUp() {
        root = NDManager.newBaseManager();
        model = ClipModel.randomInit(B32, root, 1);
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    @Test
    void hasExactly151277313Parameters() {
        assertEquals(151_277_313L, B32.parameterCount());
        long total = model.parameters().values().stream().mapToLong(a -> a.getShape().size()).sum();
        assertEquals(151_277_313L, total);
        assertEquals(398, model.parameters().size());
    }

    @Test
    void forwardsTwoImagesAndTwoTextsThenLoraBackwardReachesOnlyLora() {
        model.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q, AdapterTarget.V), 4, 8f), 2);
        try (NDManager m = root.newSubManager();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray images = TestInputs.images(m, B32, 2, 3);
            NDArray ids = TestInputs.tokens(m, B32, 2, 4);
            NDArray logits = model.logits(images, ids);
            assertArrayEquals(new long[] {2, 2}, logits.getShape().getShape());
            for (float v : logits.toFloatArray()) {
                assertTrue(Float.isFinite(v));
            }
            gc.backward(logits.sum());
        }
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            assertFalse(e.getValue().hasGradient(), e.getKey());
        }
        Map<String, NDArray> lora = model.loraParameters();
        assertEquals(2 * 2 * 12, lora.size());
        for (Map.Entry<String, NDArray> e : lora.entrySet()) {
            assertTrue(e.getValue().hasGradient(), e.getKey());
        }
    }
}
