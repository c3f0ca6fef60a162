package org.grace.theory.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named set of labelled images for the probe: float32 images [N,3,S,S] in [0,1] and one label per
 * image, an index into the deployed head's classes (sets over a class subset, such as the A/R
 * analogues, must be mapped into the head's label space by the caller).
 *
 * @param name   the set's name, used in messages and results ("id", "ood", "adv", …)
 * @param images [N,3,S,S] float32
 * @param labels N labels, each ≥ 0 (the upper end is checked against the head by {@link ProbeInputs})
 */
public record LabelledImages(String name, NDArray images, int[] labels) {

    public LabelledImages {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a labelled image set needs a name");
        }
        if (images == null) {
            throw new IllegalArgumentException("image set '" + name + "' has no images array");
        }
        Shape s = images.getShape();
        if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) != s.get(3)) {
            throw new IllegalArgumentException("image set '" + name + "' must be [N,3,S,S], got shape " + s);
        }
        if (images.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("image set '" + name + "' must be float32, got " + images.getDataType());
        }
        if (s.get(0) == 0) {
            throw new IllegalArgumentException("image set '" + name + "' is empty");
        }
        if (labels == null || labels.length != s.get(0)) {
            throw new IllegalArgumentException("image set '" + name + "' has " + s.get(0) + " images but "
                    + (labels == null ? "no" : String.valueOf(labels.length)) + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("image set '" + name + "' has negative label " + labels[i] + " at " + i);
            }
        }
        labels = labels.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** N. */
    public int size() {
        return labels.length;
    }

    /** S, the image side. */
    public int imageSize() {
        return (int) images.getShape().get(2);
    }

    /** Images per class label, labels ascending. */
    public Map<Integer, Integer> classCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int y : labels) {
            counts.merge(y, 1, Integer::sum);
        }
        return counts;
    }
}
