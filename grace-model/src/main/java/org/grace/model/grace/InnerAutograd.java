package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gradients of an inner quantity (an attack loss, a curvature probe, the AWP ascent loss) computed
 * inside a training step, while the loop's {@code GradientCollector} is open.
 *
 * <p>Why this exists: DJL 0.36 allows one collector at a time ({@code PtGradientCollector}'s
 * constructor throws "already collecting"), so code running inside the step cannot open its own,
 * and a backward pass accumulates into the {@code .grad} of every leaf that requires a gradient,
 * including the LoRA factors the step is about to train. {@link #gradients} therefore:
 * <ol>
 *   <li>turns libtorch's grad mode on for the duration (restoring the previous mode), builds the
 *       scalar on a fresh forward pass and runs libtorch's {@code backward} directly
 *       ({@code torch.autograd.backward(loss)}, no retained graph), the call a collector makes;</li>
 *   <li>snapshots and restores the gradient buffers of {@code protectedParameters} (as
 *       {@code org.grace.attacks.GradientGuard} does, but with every gradient handle DJL creates
 *       attached to a scratch manager, so that none accumulates in the model's manager over a run),
 *       so the step's own gradient is left exactly as it was;</li>
 *   <li>returns copies of the gradients of the requested {@code leaves}.</li>
 * </ol>
 * Because the inner forward is a separate graph, freeing it in backward does not touch the graph
 * the step returns.
 *
 * <p>Departure: grace-model sees the PyTorch engine only at runtime scope (parent pom), so the two
 * libtorch entry points ({@code JniUtils.backward}, {@code JniUtils.setGradMode}) are looked up
 * reflectively once; they are public static methods of DJL's PyTorch engine. With a compile-scope
 * engine dependency (as grace-theory has) they would be direct calls.
 */
public final class InnerAutograd {

    private static final Class<?> PT_ND_ARRAY;
    private static final Method BACKWARD;
    private static final Method SET_GRAD_MODE;
    private static final Method IS_GRAD_MODE;

    static {
        try {
            PT_ND_ARRAY = Class.forName("ai.djl.pytorch.engine.PtNDArray");
            Class<?> jni = Class.forName("ai.djl.pytorch.jni.JniUtils");
            BACKWARD = jni.getMethod("backward", PT_ND_ARRAY, PT_ND_ARRAY, boolean.class, boolean.class);
            SET_GRAD_MODE = jni.getMethod("setGradMode", boolean.class);
            IS_GRAD_MODE = jni.getMethod("isGradMode");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("GRACE's inner gradients need DJL's PyTorch engine "
                    + "(ai.djl.pytorch:pytorch-engine) on the classpath: " + e);
        }
    }

    private InnerAutograd() {
    }

    /**
     * The gradients of {@code loss} (a scalar built by the supplier) with respect to each of
     * {@code leaves}, as new arrays in {@code manager}; the leaves must require a gradient and start
     * with none (fresh arrays). The gradient buffers of {@code protectedParameters} (each requiring a
     * gradient) are the same after the call as before it.
     *
     * @throws IllegalArgumentException if the loss is not a scalar or a leaf requires no gradient
     */
    public static List<NDArray> gradients(Supplier<NDArray> loss, List<NDArray> leaves,
                                          List<NDArray> protectedParameters, NDManager manager) {
        for (int i = 0; i < leaves.size(); i++) {
            if (!leaves.get(i).hasGradient()) {
                throw new IllegalArgumentException("inner-gradient leaf " + i + " (shape " + leaves.get(i).getShape()
                        + ") does not require a gradient");
            }
        }
        boolean previous = (Boolean) call(IS_GRAD_MODE);
        try (NDManager scratch = manager.newSubManager()) {
            List<NDArray> saved = new ArrayList<>();
            for (NDArray p : protectedParameters) {
                saved.add(gradient(p, scratch).duplicate());
            }
            try {
                call(SET_GRAD_MODE, true);
                NDArray value = loss.get();
                if (value.getShape().size() != 1) {
                    throw new IllegalArgumentException("inner-gradient loss must be a scalar, got shape " + value.getShape());
                }
                call(BACKWARD, value, value.onesLike(), false, false);
                List<NDArray> out = new ArrayList<>();
                for (NDArray leaf : leaves) {
                    NDArray g = gradient(leaf, scratch).duplicate();
                    g.attach(manager);
                    out.add(g);
                }
                return out;
            } finally {
                call(SET_GRAD_MODE, previous);
                for (int i = 0; i < saved.size(); i++) {
                    NDArray g = gradient(protectedParameters.get(i), scratch);
                    g.set(new NDIndex("..."), 0f);
                    g.addi(saved.get(i));
                }
            }
        }
    }

    /** The parameter's gradient buffer (a handle sharing its storage), owned by {@code scope}. */
    private static NDArray gradient(NDArray parameter, NDManager scope) {
        if (!parameter.hasGradient()) {
            throw new IllegalArgumentException("array of shape " + parameter.getShape() + " does not require a gradient");
        }
        NDArray g = parameter.getGradient();
        g.attach(scope);
        return g;
    }

    private static Object call(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call libtorch " + method.getName(), e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("libtorch " + method.getName() + " failed", cause);
        }
    }
}
