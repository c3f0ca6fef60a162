package org.grace.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipModelTest {

    private static NDManager root;
    private static ClipModel model;
    private static final ClipConfig CONFIG = ClipConfig.TINY;

    @BeforeAll
    static void setUp() {
        root = NDManager.newBaseManager();
        model = ClipModel.randomInit(CONFIG, root, 7);
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    @Test
    void parameterCountMatchesTheLayout() {
        long total = model.parameters().values().stream().mapToLong(a -> a.getShape().size()).sum();
        assertEquals(CONFIG.parameterCount(), total);
    }

    @Test
    void embeddingsHaveTheJointDimensionAndLogitsAreScaledCosines() {
        try (NDManager m = root.newSubManager()) {
            NDArray images = TestInputs.images(m, CONFIG, 3, 1);
            NDArray ids = TestInputs.tokens(m, CONFIG, 2, 2);
            assertArrayEquals(new long[] {3, CONFIG.embedDim()}, model.encodeImage(images).getShape().getShape());
            assertArrayEquals(new long[] {2, CONFIG.embedDim()}, model.encodeText(ids).getShape().getShape());
            NDArray logits = model.logits(images, ids);
            assertArrayEquals(new long[] {3, 2}, logits.getShape().getShape());
            float bound = (float) Math.exp(Math.log(1 / 0.07)) + 1e-3f;
            for (float v : logits.toFloatArray()) {
                assertTrue(Math.abs(v) <= bound, "logit " + v + " exceeds exp(logit_scale)");
            }
        }
    }

    @Test
    void sameSeedGivesSameWeightsAndDifferentSeedDoesNot() {
        Map<String, float[]> a = ClipInitializer.initialValues(CONFIG, 7);
        Map<String, float[]> b = ClipInitializer.initialValues(CONFIG, 7);
        Map<String, float[]> c = ClipInitializer.initialValues(CONFIG, 8);
        String key = "vision_model.encoder.layers.0.self_attn.q_proj.weight";
        assertArrayEquals(a.get(key), b.get(key));
        assertFalse(java.util.Arrays.equals(a.get(key), c.get(key)));
    }

    @Test
    void paddingAfterTheEndTokenDoesNotChangeTheTextEmbedding() {
        try (NDManager m = root.newSubManager()) {
            NDArray ids = TestInputs.tokens(m, CONFIG, 1, 3);
            long[] row = ids.toLongArray();
            int end = 0;
            while (row[end] != CONFIG.text().vocabSize() - 1) {
                end++;
            }
            long[] padded = row.clone();
            for (int j = end + 1; j < padded.length; j++) {
                padded[j] = 5;
            }
            NDArray a = model.encodeText(ids);
            NDArray b = model.encodeText(m.create(padded, ids.getShape()));
            assertTrue(a.allClose(b, 1e-5, 1e-6, false), "causal mask must hide tokens after the end token");
        }
    }

    @Test
    void imageSizeAndRangeErrorsNameTheShape() {
        try (NDManager m = root.newSubManager()) {
            NDArray wrong = m.zeros(new ai.djl.ndarray.types.Shape(1, 3, 16, 16));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.encodeImage(wrong));
            assertTrue(e.getMessage().contains("(1, 3, 16, 16)"), e.getMessage());
            NDArray badIds = m.create(new long[] {0, 1, 9999}, new ai.djl.ndarray.types.Shape(1, 3));
            e = assertThrows(IllegalArgumentException.class, () -> model.encodeText(badIds));
            assertTrue(e.getMessage().contains("9999"), e.getMessage());
        }
    }

    @Test
    void missingAndUnexpectedWeightsAreListed() {
        Map<String, float[]> values = new HashMap<>(ClipInitializer.initialValues(CONFIG, 1));
        values.remove("logit_scale");
        values.put("vision_model.extra", new float[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClipModel.create(CONFIG, root, values));
        assertTrue(e.getMessage().contains("logit_scale") && e.getMessage().contains("vision_model.extra"), e.getMessage());
        Map<String, float[]> wrongSize = new HashMap<>(ClipInitializer.initialValues(CONFIG, 1));
        wrongSize.put("text_projection.weight", new float[3]);
        e = assertThrows(IllegalArgumentException.class, () -> ClipModel.create(CONFIG, root, wrongSize));
        assertTrue(e.getMessage().contains("text_projection.weight") && e.getMessage().contains("found 3"), e.getMessage());
    }

    @Test
    void forwardPassLeavesNothingBehindInTheModelManager() {
        int before = countArrays(model.manager());
        try (NDManager m = root.newSubManager()) {
            model.logits(TestInputs.images(m, CONFIG, 2, 4), TestInputs.tokens(m, CONFIG, 2, 5));
        }
        assertEquals(before, countArrays(model.manager()));
    }

    private static int countArrays(NDManager m) {
        return m.getManagedArrays().size();
    }
}
