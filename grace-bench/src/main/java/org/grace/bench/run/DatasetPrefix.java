package org.grace.bench.run;

import org.grace.model.data.ImageDataset;

import java.util.List;
import java.util.Optional;

/**
 * The first {@code n} images of a dataset (all of it when {@code n} is 0 or exceeds its size).
 * Splits are generated in a seeded, class-interleaved order, so a prefix keeps the class balance.
 */
public final class DatasetPrefix implements ImageDataset {

    private final ImageDataset source;
    private final int size;

    private DatasetPrefix(ImageDataset source, int size) {
        this.source = source;
        this.size = size;
    }

    /** {@code source} cut to at most {@code limit} images ({@code limit} 0 = no cut). */
    public static ImageDataset of(ImageDataset source, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("prefix limit must be >= 0, got " + limit + " for " + source.name());
        }
        if (limit == 0 || limit >= source.size()) {
            return source;
        }
        return new DatasetPrefix(source, limit);
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public int label(int i) {
        checkIndex(i);
        return source.label(i);
    }

    @Override
    public float[] image(int i) {
        checkIndex(i);
        return source.image(i);
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
