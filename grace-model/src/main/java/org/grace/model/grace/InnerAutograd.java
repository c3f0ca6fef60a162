package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.index.NDIndex;

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
 * <p>The two libtorch entry points ({@code JniUtils.backward}, {@code JniUtils.setGradMode}) are
 * public static methods of DJL's PyTorch engine, which grace-model depends on at compile scope for
 * them; arrays must be PyTorch-engine arrays.
 */
public final class InnerAutograd {

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
        boolean previous = JniUtils.isGradMode();
        try (NDManager scratch = manager.newSubManager()) {
            List<NDArray> saved = new ArrayList<>();
            for (NDArray p : protectedParameters) {
                saved.add(gradient(p, scratch).duplicate());
            }
            try {
                JniUtils.setGradMode(true);
                NDArray value = loss.get();
                if (value.getShape().size() != 1) {
                    throw new IllegalArgumentException("inner-gradient loss must be a scalar, got shape " + value.getShape());
                }
                JniUtils.backward(pt(value), pt(value.onesLike()), false, false);
                List<NDArray> out = new ArrayList<>();
                for (NDArray leaf : leaves) {
                    NDArray g = gradient(leaf, scratch).duplicate();
                    g.attach(manager);
                    out.add(g);
                }
                return out;
            } finally {
                JniUtils.setGradMode(previous);
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

    private static PtNDArray pt(NDArray array) {
        if (!(array instanceof PtNDArray p)) {
            throw new IllegalArgumentException("inner gradients need PyTorch-engine arrays, got " + array.getClass().getName());
        }
        return p;
    }
}
