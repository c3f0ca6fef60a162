package org.grace.model.pretrain;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.VisionConfig;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.text.WordTokenizer;
import org.grace.model.train.ProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TinyClipPretrainingTest {

    private static final PretrainConfig SMALL = new PretrainConfig(7, 3, 4, 8, 1e-3, 1, 0.2,
            new VisionConfig(32, 16, 16, 1, 2), 16, 1, 2, 20, 16);

    @TempDir
    Path dir;

    @Test
    void everyCaptionWordIsInTheTokenizerAndTheEndTokenIsTheLargestId() {
        WordTokenizer tokenizer = TinyClipPretraining.tokenizer(20);
        SynthWorld world = TinyClipPretraining.world(SMALL);
        for (int i = 0; i < 200; i++) {
            String caption = world.captions().caption(i);
            for (int id : tokenizer.encode(caption)) {
                assertTrue(id != WordTokenizer.UNK, "unknown word in: " + caption);
            }
            long[] row = tokenizer.tokenize(caption);
            assertTrue(java.util.Arrays.stream(row).max().getAsLong() == tokenizer.endToken());
        }
    }

    @Test
    void stepBatchesDependOnlyOnTheStep() {
        SynthWorld world = TinyClipPretraining.world(SMALL);
        WordTokenizer tokenizer = TinyClipPretraining.tokenizer(20);
        try (CaptionBatches a = new CaptionBatches(world.captions(), tokenizer, 5, 4);
             CaptionBatches b = new CaptionBatches(world.captions(), tokenizer, 5, 4)) {
            a.pairs(1);
            CaptionBatches.Pairs third = a.pairs(3);
            CaptionBatches.Pairs direct = b.pairs(3);
            assertArrayEquals(third.pixels(), direct.pixels());
            assertArrayEquals(third.tokens()[2], direct.tokens()[2]);
        }
    }

    @Test
    void aShortRunTrainsBothTowersAndKeepsTheTemperatureInRange() throws Exception {
        SynthWorld world = TinyClipPretraining.world(SMALL);
        WordTokenizer tokenizer = TinyClipPretraining.tokenizer(SMALL.contextLength());
        try (NDManager root = NDManager.newBaseManager()) {
            ClipModel fresh = ClipModel.randomInit(SMALL.modelConfig(tokenizer.vocabSize()), root, SMALL.seed());
            ClipModel trained = TinyClipPretraining.train(SMALL, world, tokenizer, dir, root, ProgressBar.Mode.QUIET);
            for (String name : List.of("vision_model.encoder.layers.0.mlp.fc1.weight", "text_model.encoder.layers.0.mlp.fc1.weight",
                    "logit_scale")) {
                assertTrue(!java.util.Arrays.equals(fresh.parameters().get(name).toFloatArray(),
                        trained.parameters().get(name).toFloatArray()), name + " must change");
            }
            float scale = trained.parameters().get("logit_scale").getFloat();
            assertTrue(scale >= 0 && scale <= ContrastiveLoss.MAX_LOGIT_SCALE);
            List<String> rows = Files.readAllLines(dir.resolve("metrics.csv"));
            assertEquals(SMALL.steps() + 1, rows.size(), "one CSV row per step plus the header");
        }
    }
}
