package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.adapters.AdaptedLinear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gradients of a loss with respect to the <em>effective</em> weights {@code W_l = W₀ + ΔW_l (+ P_l)}
 * of some adapted layers, taken inside a training step (open choice 2 of
 * {@code reference/baselines.md}: curvature and AWP directions live in W-space, not in the LoRA
 * factors' basis).
 *
 * <p>How: each layer's perturbation slot receives a dense probe {@code P_l} [out,in] that requires a
 * gradient (written as {@code P_l·I} or {@code I·P_l}, whichever identity is smaller), so the layer
 * computes {@code x·(W₀ + ΔW + P_l)ᵀ}. Since the output depends on W₀, ΔW and P_l only through
 * their sum, {@code ∂L/∂P_l = ∂L/∂W_l} evaluated at {@code W₀ + ΔW + P_l}. A zero probe gives the
 * gradient at θ; a probe equal to the current AWP step gives it at θ + δ. Base weights are never
 * made trainable (the reference suggests enabling grad on W₀ during the pass; the probe gives the
 * same number without touching the model's parameters). The probes are removed afterwards, and the
 * LoRA gradients are protected by {@link InnerAutograd}.
 */
public final class EffectiveWeightGradients {

    private EffectiveWeightGradients() {
    }

    /**
     * ∂loss/∂W_l for every layer, evaluated at {@code W₀ + ΔW + offsets[l]} (a missing offset is 0).
     *
     * @param loss builds the scalar loss with a fresh forward pass (called once, probes installed)
     * @param trainable arrays whose gradient buffers must be left unchanged (the LoRA factors)
     * @return layer name → gradient [out,in] in {@code manager}, in layer order
     */
    public static Map<String, NDArray> at(List<AdaptedLinear> layers, Map<String, NDArray> offsets,
                                          Supplier<NDArray> loss, List<NDArray> trainable, NDManager manager) {
        List<NDArray> probes = new ArrayList<>();
        try {
            for (AdaptedLinear layer : layers) {
                if (layer.perturbation() != null) {
                    throw new IllegalStateException(layer.name() + " already carries a perturbation; remove it first");
                }
                Shape shape = new Shape(layer.outFeatures(), layer.inFeatures());
                NDArray offset = offsets.get(layer.name());
                NDArray probe = offset == null ? manager.zeros(shape) : offset.duplicate();
                probe.attach(manager);
                probe.setRequiresGradient(true);
                probes.add(probe);
                if (layer.inFeatures() <= layer.outFeatures()) {
                    layer.setPerturbation(probe, eye(manager, layer.inFeatures()), 1f);
                } else {
                    layer.setPerturbation(eye(manager, layer.outFeatures()), probe, 1f);
                }
            }
            List<NDArray> grads = InnerAutograd.gradients(loss, probes, trainable, manager);
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (int i = 0; i < layers.size(); i++) {
                out.put(layers.get(i).name(), grads.get(i));
            }
            return out;
        } finally {
            layers.forEach(AdaptedLinear::removePerturbation);
        }
    }

    private static NDArray eye(NDManager manager, int n) {
        return manager.eye(n);
    }
}
