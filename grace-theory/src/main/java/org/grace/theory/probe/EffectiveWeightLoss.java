package org.grace.theory.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;
import org.grace.theory.hessian.ParameterSubset;

/**
 * The deployed classifier's loss on one fixed batch as a function of the effective weights of the
 * vision attention q and v projections: L(W_1, …, W_m) = mean_i CE(head(f_img(x_i; W)), y_i), all
 * other weights, the head and the batch fixed. Its Hessian is the probe's curvature operator, on the
 * same coordinates for every method whatever it trained (LoRA, full weights, prompts).
 *
 * <p>The model must be a merged copy without adapters on those layers ({@link ClipModel#copy}), so its
 * weights W⁽⁰⁾ are the effective weights. The Hessian operators call {@link #apply} with fresh leaf
 * arrays W' (in {@link #subset()} order); each call installs on every layer the branch
 * y += x·(W' − W⁽⁰⁾)ᵀ (a perturbation branch U = W' − W⁽⁰⁾, V = I, scale 1), so the layer computes with
 * W' and gradients flow to W'. At W' = W⁽⁰⁾ the branch is exactly zero, so the loss is the deployed
 * loss bit for bit; ∂W'/∂W' = I, so the Hessian is the Hessian with respect to the weights themselves.
 * The identity costs one extra in×in product per token and layer. {@link #restore()} removes the branches.
 * No randomness runs in the forward pass (no dropout; the model has no train mode), so the operator is
 * a fixed symmetric matrix.
 */
public final class EffectiveWeightLoss implements Function<List<NDArray>, NDArray> {

    private final ClipModel model;
    private final ZeroShotHead head;
    private final NDArray images;
    private final NDArray oneHot;
    private final List<AdaptedLinear> layers;
    private final List<NDArray> identities = new ArrayList<>();
    private final ParameterSubset subset;

    /**
     * The loss over the vision q/v projections ({@link VisionLayers#attentionQv}), the probe's coordinates.
     *
     * @param model  a merged copy of the deployed model (no LoRA or perturbation on the vision q/v layers)
     * @param head   the head, with frozen weights
     * @param images the fixed batch [B,3,S,S]
     * @param labels its labels, indices into the head's classes
     */
    public EffectiveWeightLoss(ClipModel model, ZeroShotHead head, NDArray images, int[] labels) {
        this(model, VisionLayers.attentionQv(model), head, images, labels);
    }

    /**
     * The loss over the weights of the given layers of {@code model} (in that order), for other coordinate sets.
     *
     * @throws IllegalArgumentException if a layer carries an adapter, or the batch and labels disagree
     */
    public EffectiveWeightLoss(ClipModel model, List<AdaptedLinear> layers, ZeroShotHead head, NDArray images,
                               int[] labels) {
        if (images.getShape().get(0) != labels.length) {
            throw new IllegalArgumentException("curvature batch has " + images.getShape().get(0) + " images but "
                    + labels.length + " labels");
        }
        for (int y : labels) {
            if (y < 0 || y >= head.numClasses()) {
                throw new IllegalArgumentException("curvature label " + y + " outside [0," + head.numClasses() + ")");
            }
        }
        this.model = model;
        this.head = head;
        this.images = images;
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the curvature loss needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        NDManager manager = model.manager();
        Map<String, NDArray> weights = new LinkedHashMap<>();
        for (AdaptedLinear layer : layers) {
            if (layer.lora() != null || layer.perturbation() != null || layer.merged()) {
                throw new IllegalArgumentException(layer.name() + " carries an adapter; the curvature loss needs a "
                        + "merged copy of the deployed model (ClipModel.copy)");
            }
            weights.put(layer.name(), layer.weight());
            identities.add(manager.eye(layer.inFeatures()));
        }
        this.subset = ParameterSubset.of(weights);
        this.oneHot = images.getManager().create(labels).oneHot(head.numClasses());
    }

    /** The effective q/v weights by module name, in the order {@link #apply} expects them. */
    public ParameterSubset subset() {
        return subset;
    }

    @Override
    public NDArray apply(List<NDArray> weights) {
        if (weights.size() != layers.size()) {
            throw new IllegalArgumentException("expected " + layers.size() + " weight matrices, got " + weights.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            AdaptedLinear layer = layers.get(i);
            NDArray w = weights.get(i);
            if (!w.getShape().equals(layer.weight().getShape())) {
                throw new IllegalArgumentException(layer.name() + ": weight of shape " + w.getShape() + ", expected "
                        + layer.weight().getShape());
            }
            layer.setPerturbation(w.sub(layer.weight()), identities.get(i), 1f);
        }
        NDArray logits = head.logits(model.encodeImage(images));
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    /** Removes the branches: the model computes with its own weights again. */
    public void restore() {
        layers.forEach(AdaptedLinear::removePerturbation);
    }
}
