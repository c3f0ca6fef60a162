package org.grace.model.data.synth;

import org.grace.model.data.ImageDataset;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A split of the embedded world, generated on the fly: example {@code i} maps to source index
 * {@code s = sourceIndex(i)} (the identity, or the accepted candidates of a filtered split), its
 * image is the scene drawn from {@code SplittableRandom(Seeds.of(worldSeed, stream, s))} and
 * rendered with the same seed. Nothing is cached; any example can be produced in isolation, on any
 * thread, in any order.
 */
public final class SynthSplit implements ImageDataset {

    private final String name;
    private final List<String> classNames;
    private final int[] subset;
    private final SceneRenderer renderer;
    private final long worldSeed;
    private final int stream;
    private final int[] sourceIndices;
    private final int size;
    private final SceneSource source;

    SynthSplit(String name, List<String> classNames, int[] subset, SceneRenderer renderer, long worldSeed, int stream,
               int[] sourceIndices, int size, SceneSource source) {
        this.name = name;
        this.classNames = List.copyOf(classNames);
        this.subset = subset == null ? null : subset.clone();
        this.renderer = renderer;
        this.worldSeed = worldSeed;
        this.stream = stream;
        this.sourceIndices = sourceIndices == null ? null : sourceIndices.clone();
        this.size = sourceIndices == null ? size : sourceIndices.length;
        this.source = source;
    }

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
        return classNames;
    }

    @Override
    public int label(int i) {
        checkIndex(i);
        return source.label(sourceIndex(i));
    }

    @Override
    public float[] image(int i) {
        checkIndex(i);
        long seed = seed(i);
        return renderer.render(source.scene(sourceIndex(i), new SplittableRandom(seed)), seed);
    }

    /** The scene example {@code i} is rendered from. */
    public Scene scene(int i) {
        checkIndex(i);
        return source.scene(sourceIndex(i), new SplittableRandom(seed(i)));
    }

    /** Index of example {@code i} in the split's candidate stream (itself, unless filtered). */
    public int sourceIndex(int i) {
        return sourceIndices == null ? i : sourceIndices[i];
    }

    @Override
    public int imageSize() {
        return renderer.imageSize();
    }

    @Override
    public Optional<int[]> classSubset() {
        return subset == null ? Optional.empty() : Optional.of(subset.clone());
    }

    SceneSource source() {
        return source;
    }

    private long seed(int i) {
        return Seeds.of(worldSeed, stream, sourceIndex(i));
    }
}
