package org.grace.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;

/**
 * LayerNorm over the last axis, {@code y = (x − mean)/√(var + 1e-5)·γ + β}, as CLIP uses everywhere
 * (torch default eps; HF {@code layer_norm_eps = 1e-5}). Named by its HF module name, e.g.
 * {@code vision_model.pre_layrnorm}; the parameters are {@code name.weight} (γ) and
 * {@code name.bias} (β).
 */
public record LayerNormParams(String name, NDArray gamma, NDArray beta) {

    /** The epsilon inside the square root. */
    public static final float EPS = 1e-5f;

    /** Normalises x [..., D] over its last axis. */
    public NDArray apply(NDArray x) {
        return LayerNorm.layerNorm(x, new Shape(gamma.getShape().get(0)), gamma, beta, EPS).singletonOrThrow();
    }
}
