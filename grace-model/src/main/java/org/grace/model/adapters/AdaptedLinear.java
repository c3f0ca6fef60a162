package org.grace.model.adapters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

import java.util.Objects;

/**
 * A linear layer {@code y = x·Wᵀ + b} (weight [out,in], as HF/PyTorch {@code nn.Linear}) that can
 * host a LoRA branch and a perturbation branch:
 * {@code y = x·Wᵀ + b + (alpha/r)·x·Aᵀ·Bᵀ + s·x·Vᵀ·Uᵀ}.
 *
 * <p>{@link #merge()} folds the LoRA branch into W for deployment ({@code W ← W + (alpha/r)·B·A}) and
 * keeps the original W, so {@link #unmerge()} restores it bit for bit; recomputing
 * {@code W − ΔW} would not be exact in floating point. While merged, the LoRA branch is not
 * evaluated (its contribution is in W), and merging requires no perturbation to be set, so a
 * merged model is exactly the deployed model.
 */
public final class AdaptedLinear {

    private final String name;
    private final Tower tower;
    private final AdapterTarget target;
    private NDArray weight;
    private final NDArray bias;
    private LoraAdapter lora;
    private PerturbationBranch perturbation;
    private NDArray unmergedWeight;

    /**
     * @param name full module name, e.g. {@code vision_model.encoder.layers.0.self_attn.q_proj}
     * @param weight [out, in]
     * @param bias [out], or null for a bias-free layer
     */
    public AdaptedLinear(String name, Tower tower, AdapterTarget target, NDArray weight, NDArray bias) {
        this.name = Objects.requireNonNull(name, "name");
        this.tower = tower;
        this.target = target;
        this.weight = Objects.requireNonNull(weight, "weight");
        this.bias = bias;
        if (weight.getShape().dimension() != 2) {
            throw new IllegalArgumentException(name + ".weight must be [out,in], got " + weight.getShape());
        }
        if (bias != null && (bias.getShape().dimension() != 1 || bias.getShape().get(0) != outFeatures())) {
            throw new IllegalArgumentException(name + ".bias must be [" + outFeatures() + "], got " + bias.getShape());
        }
    }

    /** Output for x [..., in]. */
    public NDArray forward(NDArray x) {
        NDArray y = bias == null ? Linear.linear(x, weight).singletonOrThrow()
                : Linear.linear(x, weight, bias).singletonOrThrow();
        if (lora != null && unmergedWeight == null) {
            y = y.add(lora.apply(x));
        }
        if (perturbation != null) {
            y = y.add(perturbation.apply(x));
        }
        return y;
    }

    /** Attaches a LoRA branch of matching shape, replacing any previous one. */
    public void setLora(LoraAdapter adapter) {
        requireUnmerged("setLora");
        Shape sa = adapter.a().getShape();
        Shape sb = adapter.b().getShape();
        if (sa.get(1) != inFeatures() || sb.get(0) != outFeatures()) {
            throw new IllegalArgumentException(name + ": LoRA A " + sa + " / B " + sb + " do not fit weight " + weight.getShape());
        }
        lora = adapter;
    }

    /** Drops the LoRA branch (its arrays are left to their manager). */
    public void removeLora() {
        requireUnmerged("removeLora");
        lora = null;
    }

    /** Sets the perturbation branch δW = scale·U·V, replacing any previous one (the rank may change). */
    public void setPerturbation(NDArray u, NDArray v, float scale) {
        if (unmergedWeight != null) {
            throw new IllegalStateException(name + ": cannot perturb a merged layer; unmerge first");
        }
        PerturbationBranch p = new PerturbationBranch(u, v, scale);
        if (u.getShape().get(0) != outFeatures() || v.getShape().get(1) != inFeatures()) {
            throw new IllegalArgumentException(name + ": perturbation U " + u.getShape() + " / V " + v.getShape()
                    + " do not fit weight " + weight.getShape());
        }
        perturbation = p;
    }

    /** Multiplies the current perturbation by {@code factor}. */
    public void scalePerturbation(float factor) {
        if (perturbation == null) {
            throw new IllegalStateException(name + ": no perturbation to scale");
        }
        perturbation.rescale(factor);
    }

    /** Removes the perturbation; the layer's output is then exactly as before it was set. */
    public void removePerturbation() {
        perturbation = null;
    }

    /** Folds the LoRA branch into W; no-op without LoRA. */
    public void merge() {
        requireUnmerged("merge");
        if (perturbation != null) {
            throw new IllegalStateException(name + ": remove the perturbation before merging");
        }
        if (lora == null) {
            return;
        }
        NDManager manager = weight.getManager();
        NDArray delta = lora.delta(manager);
        NDArray merged = weight.add(delta);
        delta.close();
        unmergedWeight = weight;
        weight = merged;
    }

    /** Restores the exact pre-merge weight; no-op when not merged. */
    public void unmerge() {
        if (unmergedWeight == null) {
            return;
        }
        weight.close();
        weight = unmergedWeight;
        unmergedWeight = null;
    }

    /**
     * The weight this layer currently applies: {@code W + (alpha/r)·B·A} (+ perturbation when set),
     * as a new array in {@code manager}.
     */
    public NDArray effectiveWeight(NDManager manager) {
        NDArray w = weight.duplicate();
        w.attach(manager);
        if (lora != null && unmergedWeight == null) {
            NDArray d = lora.delta(manager);
            w.addi(d);
            d.close();
        }
        if (perturbation != null) {
            NDArray d = perturbation.delta(manager);
            w.addi(d);
            d.close();
        }
        return w;
    }

    private void requireUnmerged(String op) {
        if (unmergedWeight != null) {
            throw new IllegalStateException(name + ": cannot " + op + " while merged; unmerge first");
        }
    }

    public String name() {
        return name;
    }

    public Tower tower() {
        return tower;
    }

    public AdapterTarget target() {
        return target;
    }

    /** The base weight currently in use (the merged one while merged). */
    public NDArray weight() {
        return weight;
    }

    public NDArray bias() {
        return bias;
    }

    public LoraAdapter lora() {
        return lora;
    }

    public PerturbationBranch perturbation() {
        return perturbation;
    }

    public boolean merged() {
        return unmergedWeight != null;
    }

    public int inFeatures() {
        return (int) weight.getShape().get(1);
    }

    public int outFeatures() {
        return (int) weight.getShape().get(0);
    }
}
