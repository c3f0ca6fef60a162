package org.grace.theory.hessian;

import ai.djl.ndarray.NDArray;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The four libtorch autograd entry points that DJL's public API does not expose but
 * {@code ai.djl.pytorch.jni.JniUtils} (public, static) does: backward with {@code createGraph},
 * in-place gradient zeroing, and the global grad mode (theory.md §4.1–4.3).
 *
 * <p>Why reflection: the parent pom puts {@code pytorch-engine} on the runtime classpath only, and
 * this module may not change its pom, so the class is looked up by name once. The arrays passed in
 * must be PyTorch-engine arrays ({@code PtNDArray}); anything else gets a clear exception.
 * Using grad mode directly instead of a {@code GradientCollector} lets a Hessian operator live
 * across many products without holding DJL's global one-collector lock; callers must not have a
 * collector open while they use it.
 */
final class TorchAutograd {

    private static final String JNI_UTILS = "ai.djl.pytorch.jni.JniUtils";
    private static final String PT_NDARRAY = "ai.djl.pytorch.engine.PtNDArray";

    private static final Method BACKWARD;
    private static final Method ZERO_GRAD;
    private static final Method SET_GRAD_MODE;
    private static final Method IS_GRAD_MODE;
    private static final Class<?> PT_ARRAY_CLASS;

    static {
        try {
            Class<?> jni = Class.forName(JNI_UTILS);
            PT_ARRAY_CLASS = Class.forName(PT_NDARRAY);
            BACKWARD = jni.getMethod("backward", PT_ARRAY_CLASS, PT_ARRAY_CLASS, boolean.class, boolean.class);
            ZERO_GRAD = jni.getMethod("zeroGrad", PT_ARRAY_CLASS);
            SET_GRAD_MODE = jni.getMethod("setGradMode", boolean.class);
            IS_GRAD_MODE = jni.getMethod("isGradMode");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(new IllegalStateException(
                    "Hessian-vector products need DJL's PyTorch engine (" + JNI_UTILS + " with backward(PtNDArray, "
                            + "PtNDArray, boolean, boolean)) on the classpath", e));
        }
    }

    private TorchAutograd() {
    }

    /** target.backward(seed, keepGraph, createGraph); the seed must have the target's shape and dtype. */
    static void backward(NDArray target, NDArray seed, boolean keepGraph, boolean createGraph) {
        invoke(BACKWARD, requirePt(target, "backward target"), requirePt(seed, "backward seed"), keepGraph, createGraph);
    }

    /** Zeros the array's .grad in place; a no-op when it has none. */
    static void zeroGrad(NDArray array) {
        invoke(ZERO_GRAD, requirePt(array, "parameter"));
    }

    static void setGradMode(boolean enabled) {
        invoke(SET_GRAD_MODE, enabled);
    }

    static boolean isGradMode() {
        return (Boolean) invoke(IS_GRAD_MODE);
    }

    private static Object requirePt(NDArray array, String what) {
        if (!PT_ARRAY_CLASS.isInstance(array)) {
            throw new IllegalArgumentException(what + " must be a PyTorch-engine array (" + PT_NDARRAY + "), got "
                    + array.getClass().getName());
        }
        return array;
    }

    private static Object invoke(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + JNI_UTILS + "." + method.getName(), e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(JNI_UTILS + "." + method.getName() + " failed", cause);
        }
    }
}
