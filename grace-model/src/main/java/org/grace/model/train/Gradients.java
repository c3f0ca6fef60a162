package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gradient bookkeeping DJL leaves to the caller.
 *
 * <p><b>Zeroing.</b> DJL's PyTorch engine accumulates into {@code .grad} across gradient collectors
 * (as {@code loss.backward()} does in PyTorch) and its collector does not reset them, so every
 * step starts with {@link #zero}: each existing gradient is overwritten with 0 (an index
 * assignment, so NaN or ∞ left by a failed step is cleared too, which {@code g − g} would not do).
 *
 * <p><b>Clipping.</b> {@link #clipGlobalNorm} has the semantics of
 * {@code torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type=2)}:
 * <pre>
 *   total = ‖(‖g_1‖₂, …, ‖g_n‖₂)‖₂          (the L2 norm of all gradients as one vector)
 *   coef  = min(1, max_norm / (total + 1e-6))
 *   g_i  ← coef · g_i
 * </pre>
 * and returns {@code total}, the norm before clipping. Departure: gradients are left untouched when
 * {@code coef = 1} (PyTorch multiplies by 1.0, which is the identity in IEEE arithmetic), and when
 * {@code total} is not finite (PyTorch would write NaN into every gradient; the training loop stops
 * on a non-finite norm instead).
 *
 * <p>DJL's {@code getGradient()} returns a new handle owned by the parameter's manager on every
 * call; the helpers here attach each handle to a scratch manager so that nothing accumulates in the
 * model's manager.
 */
public final class Gradients {

    /** Added to the norm before dividing, as {@code clip_grad_norm_}. */
    public static final double CLIP_EPSILON = 1e-6;

    private Gradients() {
    }

    /** Overwrites every gradient of {@code parameters} with zeros. */
    public static void zero(Collection<NDArray> parameters, NDManager scratch) {
        try (NDManager scope = scratch.newSubManager()) {
            forEachGradient(parameters, scope, g -> g.set(new NDIndex("..."), 0f));
        }
    }

    /** {@code ‖(‖g_1‖₂, …, ‖g_n‖₂)‖₂} over the gradients of {@code parameters}. */
    public static double globalNorm(Collection<NDArray> parameters, NDManager scratch) {
        try (NDManager scope = scratch.newSubManager()) {
            NDList norms = new NDList();
            forEachGradient(parameters, scope, g -> norms.add(g.flatten().norm()));
            if (norms.isEmpty()) {
                return 0;
            }
            return NDArrays.stack(norms).norm().getFloat();
        }
    }

    /**
     * Scales all gradients so their global L2 norm is at most {@code maxNorm} (see class doc).
     *
     * @return the global norm before clipping
     * @throws IllegalArgumentException if {@code maxNorm} is not positive and finite
     */
    public static double clipGlobalNorm(Collection<NDArray> parameters, double maxNorm, NDManager scratch) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("max gradient norm must be positive and finite, was " + maxNorm);
        }
        double total = globalNorm(parameters, scratch);
        double coef = maxNorm / (total + CLIP_EPSILON);
        if (Double.isFinite(total) && coef < 1) {
            float scale = (float) coef;
            try (NDManager scope = scratch.newSubManager()) {
                forEachGradient(parameters, scope, g -> g.muli(scale));
            }
        }
        return total;
    }

    /** Names of the parameters whose gradient holds a NaN or an infinity, in map order. */
    public static List<String> nonFinite(Map<String, NDArray> parameters, NDManager scratch) {
        List<String> names = new ArrayList<>();
        try (NDManager scope = scratch.newSubManager()) {
            parameters.forEach((name, p) -> forEachGradient(List.of(p), scope, g -> {
                if (g.isInfinite().logicalOr(g.isNaN()).any().getBoolean()) {
                    names.add(name);
                }
            }));
        }
        return names;
    }

    /**
     * Calls {@code action} with the gradient of each parameter that requires one; the handles are
     * attached to {@code scope} and closed with it.
     */
    static void forEachGradient(Collection<NDArray> parameters, NDManager scope, Consumer<NDArray> action) {
        for (NDArray p : parameters) {
            if (p.hasGradient()) {
                NDArray g = p.getGradient();
                g.attach(scope);
                action.accept(g);
            }
        }
    }
}
