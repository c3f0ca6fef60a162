package org.grace.theory.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The four libtorch autograd entry points that DJL's public API does not expose but
 * {@code ai.djl.pytorch.jni.JniUtils} does: backward with {@code createGraph}, in-place gradient
 * zeroing, and the global grad mode (theory.md §4.1–4.3). grace-theory depends on the PyTorch
 * engine at compile scope for exactly these calls.
 *
 * <p>The arrays passed in must be PyTorch-engine arrays ({@code PtNDArray}); anything else gets a
 * clear exception. Using grad mode directly instead of a {@code GradientCollector} lets a Hessian
 * operator live across many products without holding DJL's global one-collector lock; callers must
 * not have a collector open while they use it.
 */
final class TorchAutograd {

    private TorchAutograd() {
    }

    /** target.backward(seed, keepGraph, createGraph); the seed must have the target's shape and dtype. */
    static void backward(NDArray target, NDArray seed, boolean keepGraph, boolean createGraph) {
        JniUtils.backward(requirePt(target, "backward target"), requirePt(seed, "backward seed"), keepGraph, createGraph);
    }

    /** Zeros the array's .grad in place; a no-op when it has none. */
    static void zeroGrad(NDArray array) {
        JniUtils.zeroGrad(requirePt(array, "parameter"));
    }

    static void setGradMode(boolean enabled) {
        JniUtils.setGradMode(enabled);
    }

    static boolean isGradMode() {
        return JniUtils.isGradMode();
    }

    private static PtNDArray requirePt(NDArray array, String what) {
        if (!(array instanceof PtNDArray pt)) {
            throw new IllegalArgumentException(what + " must be a PyTorch-engine array (PtNDArray), got "
                    + array.getClass().getName());
        }
        return pt;
    }
}
