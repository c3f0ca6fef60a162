package org.grace.attacks;

import ai.djl.ndarray.NDArray;

/**
 * A differentiable image classifier as every attack and evaluator of the suite sees it.
 *
 * <p>Input: float32 images in NCHW layout with values in [0,1] (any normalisation happens inside
 * the classifier, so perturbation radii are in pixel units: 4/255 means 4/255 of the [0,1] range).
 * Output: logits of shape [N, numClasses]. Gradients with respect to the input must flow through
 * {@link #logits(NDArray)} when the input requires a gradient.
 */
public interface Classifier {

    /** Logits [N, numClasses] for images [N, C, H, W] in [0,1]. */
    NDArray logits(NDArray images);

    /** Number of output classes. */
    int numClasses();
}
