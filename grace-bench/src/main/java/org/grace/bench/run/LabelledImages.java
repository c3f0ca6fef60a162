package org.grace.bench.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.data.ImageDataset;

/**
 * The first {@code n} images of a split as one NCHW array in [0, 1] with their labels: the input
 * attacks and probes take.
 */
public record LabelledImages(NDArray images, int[] labels) {

    /** The first {@code min(n, size)} images of {@code split}, created under {@code manager}. */
    public static LabelledImages first(ImageDataset split, int n, NDManager manager) {
        int count = Math.min(n, split.size());
        if (count < 1) {
            throw new IllegalArgumentException("split " + split.name() + " has no images to take");
        }
        int s = split.imageSize();
        int per = 3 * s * s;
        float[] pixels = new float[count * per];
        int[] labels = new int[count];
        java.util.stream.IntStream.range(0, count).parallel().forEach(i -> {
            System.arraycopy(split.image(i), 0, pixels, i * per, per);
            labels[i] = split.label(i);
        });
        return new LabelledImages(manager.create(pixels, new Shape(count, 3, s, s)), labels);
    }

    /** The images whose label is in {@code classes}, in order (the array is created in the images' manager). */
    public LabelledImages keep(java.util.Set<Integer> classes) {
        int[] idx = java.util.stream.IntStream.range(0, labels.length).filter(i -> classes.contains(labels[i])).toArray();
        if (idx.length == labels.length) {
            return this;
        }
        if (idx.length == 0) {
            throw new IllegalArgumentException("no image of classes " + classes + " among " + labels.length);
        }
        NDArray index = images.getManager().create(java.util.Arrays.stream(idx).asLongStream().toArray());
        int[] kept = java.util.Arrays.stream(idx).map(i -> labels[i]).toArray();
        return new LabelledImages(images.get(index), kept);
    }

    /** How many images each label has. */
    public java.util.Map<Integer, Integer> classCounts() {
        java.util.Map<Integer, Integer> out = new java.util.TreeMap<>();
        for (int l : labels) {
            out.merge(l, 1, Integer::sum);
        }
        return out;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }
}
