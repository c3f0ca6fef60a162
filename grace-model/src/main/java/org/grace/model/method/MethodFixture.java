package org.grace.model.method;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TextConfig;
import org.grace.model.clip.VisionConfig;
import org.grace.model.data.ClassTexts;
import org.grace.model.data.ImageDataset;
import org.grace.model.text.WordTokenizer;
import org.grace.model.zeroshot.ZeroShotHead;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A small self-contained {@link MethodContext} for smoke runs and tests of methods: a randomly
 * initialised 16-pixel CLIP, a word tokenizer over three class names and two templates, and
 * seeded random labelled images (train 24, held-out 12). Nothing is learnable from it; it only
 * exercises the code paths quickly.
 */
public final class MethodFixture implements AutoCloseable {

    /** The fixture's classes. */
    public static final List<String> CLASSES = List.of("ring", "star", "cross");
    /** The fixture's templates. */
    public static final List<String> TEMPLATES = List.of("a photo of a {}.", "a sketch of a {}.");

    private final NDManager manager;
    private final MethodContext context;

    private MethodFixture(long seed, int steps, int batch) {
        manager = NDManager.newBaseManager();
        WordTokenizer tokenizer = new WordTokenizer(List.of("a", "cross", "of", "photo", "ring", "sketch", "star"), 12);
        ClipConfig config = ClipConfig.tiny(new VisionConfig(16, 8, 32, 2, 2),
                new TextConfig(32, 1, 2, 12, tokenizer.vocabSize()), 16);
        ClipModel model = ClipModel.randomInit(config, manager, seed);
        ClipModel reference = model.copy(manager);
        ZeroShotHead head = ZeroShotHead.build(model, tokenizer, CLASSES, TEMPLATES, manager, 8);
        context = new MethodContext(model, reference, head, tokenizer, new ClassTexts(CLASSES, TEMPLATES),
                randomSplit("fixture-train", 24, seed + 1), randomSplit("fixture-held-out", 12, seed + 2),
                steps, batch, seed, manager);
    }

    /** A fixture for a run of {@code steps} steps of {@code batch} images. */
    public static MethodFixture tiny(long seed, int steps, int batch) {
        return new MethodFixture(seed, steps, batch);
    }

    public MethodContext context() {
        return context;
    }

    public NDManager manager() {
        return manager;
    }

    private static ImageDataset randomSplit(String name, int size, long seed) {
        return new ImageDataset() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public List<String> classNames() {
                return CLASSES;
            }

            @Override
            public int label(int i) {
                checkIndex(i);
                return i % CLASSES.size();
            }

            @Override
            public float[] image(int i) {
                checkIndex(i);
                SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + i);
                float[] pixels = new float[3 * 16 * 16];
                for (int k = 0; k < pixels.length; k++) {
                    pixels[k] = (float) rng.nextDouble();
                }
                return pixels;
            }

            @Override
            public int imageSize() {
                return 16;
            }

            @Override
            public Optional<int[]> classSubset() {
                return Optional.empty();
            }
        };
    }

    @Override
    public void close() {
        manager.close();
    }
}
