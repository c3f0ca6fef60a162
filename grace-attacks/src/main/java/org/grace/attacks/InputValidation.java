package org.grace.attacks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Checks every attack applies to its arguments before it runs, so that bad input fails with a
 * message naming the shape or value at fault instead of producing silently wrong robustness
 * numbers: images must be float32 NCHW with N ≥ 1 and every value finite and in [0,1]; labels must
 * be one per image and in [0, numClasses); radii must be finite and ≥ 0.
 */
public final class InputValidation {

    private InputValidation() {}

    /** Requires float32 images of shape [N, C, H, W], N ≥ 1, all values in [0,1]. */
    public static void requireImages(NDArray images) {
        if (images == null) {
            throw new IllegalArgumentException("images are null");
        }
        Shape shape = images.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(
                    "images must have shape [N, C, H, W]; got " + shape + " (" + shape.dimension()
                            + " axes)");
        }
        for (int axis = 0; axis < 4; axis++) {
            if (shape.get(axis) < 1) {
                throw new IllegalArgumentException("images shape " + shape + " has an empty axis "
                        + axis);
            }
        }
        if (images.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException(
                    "images must be float32; got " + images.getDataType() + " with shape " + shape);
        }
        float min = images.min().getFloat();
        float max = images.max().getFloat();
        if (!(min >= 0f && max <= 1f)) {
            throw new IllegalArgumentException("image values must lie in [0,1] (normalise inside "
                    + "the classifier); got min " + min + ", max " + max + " for shape " + shape);
        }
    }

    /** Requires one label per image, each in [0, numClasses). */
    public static void requireLabels(int[] labels, long batch, int numClasses) {
        if (labels == null) {
            throw new IllegalArgumentException("labels are null");
        }
        if (labels.length != batch) {
            throw new IllegalArgumentException(
                    "got " + labels.length + " labels for " + batch + " images");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException(
                    "a classifier needs at least 2 classes; numClasses() = " + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i
                        + " is outside [0, " + numClasses + ")");
            }
        }
    }

    /** Requires one distinct-purpose sample id per image (ids seed the per-sample random streams). */
    public static void requireSampleIds(long[] sampleIds, long batch) {
        if (sampleIds == null || sampleIds.length != batch) {
            throw new IllegalArgumentException("got "
                    + (sampleIds == null ? "null" : String.valueOf(sampleIds.length))
                    + " sample ids for " + batch + " images");
        }
    }

    /** Requires a finite radius ≥ 0; {@code what} names it in the message (e.g. "eps"). */
    public static double requireRadius(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0; got " + value);
        }
        return value;
    }

    /** Requires a value > 0 and finite. */
    public static double requirePositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and > 0; got " + value);
        }
        return value;
    }

    /** Requires an integer ≥ {@code min}. */
    public static int requireAtLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + "; got " + value);
        }
        return value;
    }
}
