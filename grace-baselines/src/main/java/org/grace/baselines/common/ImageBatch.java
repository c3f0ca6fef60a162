package org.grace.baselines.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.data.ImageDataset;

/**
 * A batch of images [B,3,S,S] in [0,1] and their labels read from a dataset by index, for the
 * passes a method runs outside the training loop (TPGM's radius fitting on the held-out split).
 *
 * @param images [B,3,S,S]
 * @param labels B class indices
 */
public record ImageBatch(NDArray images, int[] labels) {

    /** Reads images {@code indices} of {@code dataset} into {@code manager}. */
    public static ImageBatch load(ImageDataset dataset, int[] indices, NDManager manager) {
        int s = dataset.imageSize();
        int per = 3 * s * s;
        float[] pixels = new float[indices.length * per];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            float[] image = dataset.image(indices[i]);
            if (image.length != per) {
                throw new IllegalArgumentException(dataset.name() + " image " + indices[i] + " has " + image.length
                        + " values, expected 3·" + s + "·" + s + " = " + per);
            }
            System.arraycopy(image, 0, pixels, i * per, per);
            labels[i] = dataset.label(indices[i]);
        }
        return new ImageBatch(manager.create(pixels, new Shape(indices.length, 3, s, s)), labels);
    }
}
