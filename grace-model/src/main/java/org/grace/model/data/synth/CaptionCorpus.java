package org.grace.model.data.synth;

import org.grace.model.data.ImageDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The pretraining corpus: image–caption pairs over all eight styles and all sixteen shapes
 * (including the six shapes no evaluation split labels), generated on the fly. Pair {@code i}
 * draws its scene and then its caption from {@code SplittableRandom(Seeds.of(worldSeed, stream, i))},
 * and the image is rendered with the same seed, so the caption always describes its image.
 */
public final class CaptionCorpus {

    private final SceneRenderer renderer;
    private final long worldSeed;
    private final int stream;
    private final int size;

    CaptionCorpus(SceneRenderer renderer, long worldSeed, int stream, int size) {
        this.renderer = renderer;
        this.worldSeed = worldSeed;
        this.stream = stream;
        this.size = size;
    }

    /** Number of pairs. */
    public int size() {
        return size;
    }

    /** Side of the images. */
    public int imageSize() {
        return renderer.imageSize();
    }

    /** Image of pair {@code i}: CHW floats in {@code [0,1]}. */
    public float[] image(int i) {
        check(i);
        long seed = Seeds.of(worldSeed, stream, i);
        return renderer.render(SceneSampler.caption(new SplittableRandom(seed)), seed);
    }

    /** Caption of pair {@code i}. */
    public String caption(int i) {
        check(i);
        SplittableRandom rnd = new SplittableRandom(Seeds.of(worldSeed, stream, i));
        Scene scene = SceneSampler.caption(rnd);
        return Captioner.caption(scene, rnd);
    }

    /** Scene of pair {@code i}. */
    public Scene scene(int i) {
        check(i);
        return SceneSampler.caption(new SplittableRandom(Seeds.of(worldSeed, stream, i)));
    }

    /**
     * The corpus's images as an {@link ImageDataset} named {@code synth-captions}, so that
     * {@link org.grace.model.data.Batches} can prefetch them: the label of pair {@code i} is the
     * ordinal of its subject's {@link Shape} (all sixteen shapes are the classes), and the caption
     * of a batch row is {@code caption(batch.indices()[row])}.
     */
    public ImageDataset images() {
        List<String> shapes = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            shapes.add(shape.singular());
        }
        return new ImageDataset() {
            @Override
            public String name() {
                return "synth-captions";
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public List<String> classNames() {
                return shapes;
            }

            @Override
            public int label(int i) {
                return scene(i).subjectShape().ordinal();
            }

            @Override
            public float[] image(int i) {
                return CaptionCorpus.this.image(i);
            }

            @Override
            public int imageSize() {
                return CaptionCorpus.this.imageSize();
            }

            @Override
            public Optional<int[]> classSubset() {
                return Optional.empty();
            }
        };
    }

    /** Sorted unique caption tokens (see {@link CaptionVocabulary}). */
    public List<String> vocabulary() {
        return CaptionVocabulary.words();
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("caption pair " + i + " out of range [0, " + size + ")");
        }
    }
}
