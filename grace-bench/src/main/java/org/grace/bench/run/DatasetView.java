package org.grace.bench.run;

import org.grace.model.data.ImageDataset;

import java.util.List;
import java.util.Optional;

/**
 * A dataset seen through an index list, without copying any image: the first {@code n} images of a
 * split (evaluation budgets; splits are generated class-interleaved, so a prefix keeps the class
 * balance) and the paper scale's train/held-out partition of ImageNet train (every {@code k}-th
 * image held out, the rest trained on).
 */
public final class DatasetView implements ImageDataset {

    private final ImageDataset source;
    private final String name;
    private final int[] indices;

    private DatasetView(ImageDataset source, String name, int[] indices) {
        this.source = source;
        this.name = name;
        this.indices = indices;
    }

    /** {@code source} cut to its first {@code limit} images ({@code limit} 0, or beyond its size: all of it). */
    public static ImageDataset prefix(ImageDataset source, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("prefix limit must be >= 0, got " + limit + " for " + source.name());
        }
        if (limit == 0 || limit >= source.size()) {
            return source;
        }
        return new DatasetView(source, source.name(), java.util.stream.IntStream.range(0, limit).toArray());
    }

    /** Images {@code i} of {@code source} with {@code i mod k == 0} ({@code held = true}) or the others. */
    public static ImageDataset everyKth(ImageDataset source, int k, boolean held) {
        if (k < 2) {
            throw new IllegalArgumentException("held-out stride must be >= 2, got " + k);
        }
        int n = source.size();
        int count = held ? (n + k - 1) / k : n - (n + k - 1) / k;
        if (count < 1) {
            throw new IllegalArgumentException("dataset " + source.name() + " has " + n + " images, too few to split every "
                    + k + "th");
        }
        int[] idx = new int[count];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if ((i % k == 0) == held) {
                idx[j++] = i;
            }
        }
        return new DatasetView(source, source.name() + (held ? "-heldout" : "-train"), idx);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public int label(int i) {
        checkIndex(i);
        return source.label(indices[i]);
    }

    @Override
    public float[] image(int i) {
        checkIndex(i);
        return source.image(indices[i]);
    }

    @Override
    public int imageSize() {
        return source.imageSize();
    }

    @Override
    public Optional<int[]> classSubset() {
        return source.classSubset();
    }
}
