package org.grace.model.zeroshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TestInputs;
import org.grace.model.text.Tokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZeroShotHeadTest {

    private static final ClipConfig CONFIG = ClipConfig.TINY;
    private static NDManager root;
    private static ClipModel model;

    /** Maps each character to an id, enough to give different prompts different rows. */
    private static final Tokenizer CHARS = new Tokenizer() {
        @Override
        public int vocabSize() {
            return CONFIG.text().vocabSize();
        }

        @Override
        public int contextLength() {
            return CONFIG.text().contextLength();
        }

        @Override
        public int startToken() {
            return vocabSize() - 2;
        }

        @Override
        public int endToken() {
            return vocabSize() - 1;
        }

        @Override
        public List<Integer> encode(String text) {
            List<Integer> ids = new ArrayList<>();
            text.chars().forEach(c -> ids.add(1 + c % (vocabSize() - 3)));
            return ids;
        }

        @Override
        public long[] tokenize(String text) {
            long[] row = new long[contextLength()];
            row[0] = startToken();
            List<Integer> ids = encode(text);
            int n = Math.min(ids.size(), contextLength() - 2);
            for (int i = 0; i < n; i++) {
                row[i + 1] = ids.get(i);
            }
            row[n + 1] = endToken();
            return row;
        }
    };

    @BeforeAll
    static void setUp() {
        root = NDManager.newBaseManager();
        model = ClipModel.randomInit(CONFIG, root, 3);
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    @Test
    void columnsAreRenormalisedMeansOfNormalisedPromptEmbeddings() {
        List<String> classes = List.of("ring", "star", "cross");
        List<String> templates = List.of("a photo of a {}.", "a sketch of a {}.");
        ZeroShotHead head = ZeroShotHead.build(model, CHARS, classes, templates, root, 1);
        float[] w = head.weights().toFloatArray();
        int e = CONFIG.embedDim();
        try (NDManager m = root.newSubManager()) {
            for (int c = 0; c < classes.size(); c++) {
                NDArray ids = m.create(CHARS.tokenize(List.of(templates.get(0).replace("{}", classes.get(c)),
                        templates.get(1).replace("{}", classes.get(c)))));
                NDArray mean = ClipModel.normalize(model.encodeText(ids)).mean(new int[] {0}, true);
                float[] expected = ClipModel.normalize(mean).toFloatArray();
                for (int k = 0; k < e; k++) {
                    assertEquals(expected[k], w[k * classes.size() + c], 1e-5, "class " + c + " dim " + k);
                }
            }
        }
        assertEquals((float) (1 / 0.07), head.scale(), 1e-3);
    }

    @Test
    void batchingPromptsDoesNotChangeTheHead() {
        List<String> classes = List.of("ring", "star");
        List<String> templates = List.of("a {}.", "the {}!", "art of the {}.");
        float[] one = ZeroShotHead.build(model, CHARS, classes, templates, root, 1).weights().toFloatArray();
        float[] all = ZeroShotHead.build(model, CHARS, classes, templates, root, 8).weights().toFloatArray();
        assertArrayEquals(one, all, 1e-6f);
    }

    @Test
    void classifierLogitsAreScaledCosinesAndSubsetsSelectColumns() {
        List<String> classes = List.of("ring", "star", "cross", "heart");
        ZeroShotHead head = ZeroShotHead.build(model, CHARS, classes, List.of("a {}."), root, 4);
        ClipClassifier full = new ClipClassifier(model, head);
        ClipClassifier sub = new ClipClassifier(model, head, new int[] {3, 1});
        try (NDManager m = root.newSubManager()) {
            NDArray images = TestInputs.images(m, CONFIG, 2, 9);
            float[] f = full.logits(images).toFloatArray();
            float[] s = sub.logits(images).toFloatArray();
            assertEquals(4, full.numClasses());
            assertEquals(2, sub.numClasses());
            for (int b = 0; b < 2; b++) {
                assertEquals(f[b * 4 + 3], s[b * 2], 0f);
                assertEquals(f[b * 4 + 1], s[b * 2 + 1], 0f);
                for (int c = 0; c < 4; c++) {
                    assertTrue(Math.abs(f[b * 4 + c]) <= head.scale() * 1.0001f);
                }
            }
        }
    }

    @Test
    void badPromptsAndSubsetsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ZeroShotHead.build(model, CHARS, List.of(), List.of("a {}"), root, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZeroShotHead.build(model, CHARS, List.of("x"), List.of("no placeholder"), root, 1));
        assertTrue(e.getMessage().contains("no placeholder"));
        ZeroShotHead head = ZeroShotHead.build(model, CHARS, List.of("a", "b"), List.of("{}"), root, 1);
        e = assertThrows(IllegalArgumentException.class, () -> new ClipClassifier(model, head, new int[] {2}));
        assertTrue(e.getMessage().contains("2"));
    }
}
