package org.grace.model.data;

import java.util.List;
import java.util.Optional;

/**
 * A labelled image classification split with random access by index.
 *
 * <p>Definition: a finite sequence of pairs {@code (x_i, y_i)}, {@code i = 0 .. size()-1}, where
 * {@code x_i} is an RGB image stored as float32 CHW in {@code [0,1]} ({@code 3*H*W} values, channel
 * planes R, G, B, rows top to bottom) and {@code y_i} is an index into {@link #classNames()}.
 * Random access lets callers shard and shuffle deterministically (see {@link IndexOrder}).
 *
 * <p>Subsets of a larger label space (ImageNet-R/-A and their embedded analogues) report
 * {@link #classSubset()}: entry {@code j} is the index, in the full label space the model's head
 * was built for, of this dataset's class {@code j}. Evaluation then keeps only those logit columns
 * ({@code logits[:, subset]}) before the argmax, as WiSE-FT's {@code CLASS_SUBLIST_MASK} does.
 *
 * <p>Implementations must be safe for concurrent {@link #image(int)} calls from several threads:
 * {@link Batches} decodes or generates images in parallel.
 */
public interface ImageDataset {

    /** Short name of the split, used in reports (e.g. {@code "imagenet-v2"}, {@code "synth-id-test"}). */
    String name();

    /** Number of examples. */
    int size();

    /** Class names of this dataset's label space, in label order. */
    List<String> classNames();

    /** Label of example {@code i}, in {@code [0, classNames().size())}. */
    int label(int i);

    /** Image of example {@code i}: {@code 3*imageSize()*imageSize()} floats, CHW, in {@code [0,1]}. */
    float[] image(int i);

    /** Side length in pixels of every (square) image this dataset returns. */
    int imageSize();

    /**
     * For subset datasets, the index into the full label space of each of this dataset's classes
     * (the logit mask); empty when the labels already are the full label space.
     */
    Optional<int[]> classSubset();

    /** Bounds check shared by implementations; names the dataset and the offending index. */
    default void checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(
                    "index " + i + " out of range [0, " + size() + ") for dataset " + name());
        }
    }
}
