package org.grace.attacks;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A differentiable image classifier as every attack and evaluator of the suite sees it.
 *
 * <p>Input: float32 images in NCHW layout with values in [0,1] (any normalisation happens inside
 * the classifier, so perturbation radii are in pixel units: 4/255 means 4/255 of the [0,1] range).
 * Output: logits of shape [N, numClasses]. Gradients with respect to the input must flow through
 * {@link #logits(NDArray)} when the input requires a gradient.
 *
 * <p>This is the model contract of auto-attack ({@code autoattack/autoattack.py}: "forward(x) takes
 * NCHW in [0,1] and returns logits"). Departure: {@link #gradientBearingParameters()} lets a
 * classifier that is being trained name the arrays whose gradient buffers an attack must leave as
 * it found them (DJL accumulates every backward pass into every leaf that requires a gradient).
 */
public interface Classifier {

    /** Logits [N, numClasses] for images [N, C, H, W] in [0,1]. */
    NDArray logits(NDArray images);

    /** Number of output classes. */
    int numClasses();

    /**
     * Arrays (typically trainable parameters) that require a gradient and whose gradient buffers
     * must be unchanged by an attack; attacks that back-propagate restore them before returning.
     * Default: none, which is right for a frozen model whose parameters require no gradient.
     */
    default List<NDArray> gradientBearingParameters() {
        return List.of();
    }
}
