package org.grace.baselines.generalisation;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.grace.baselines.common.ImageBatch;
import org.grace.baselines.common.WeightSnapshot;
import org.grace.baselines.common.ZeroShotCrossEntropy;
import org.grace.model.method.MethodContext;
import org.grace.model.train.EpochSampler;
import org.grace.model.train.Gradients;
import org.grace.model.train.ParameterGroup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TPGM's per-layer projection (Tian et al., "Trainable Projected Gradient Method for Robust
 * Fine-tuning", CVPR 2023; {@code PotatoTian/TPGM} {@code ImageNet_ViT_Exp/utils/tpgm.py}, "l2"
 * norm mode): for each array l with anchor θ₀_l and displacement Δ_l = θ_l − θ₀_l,
 * <pre>
 *   Proj_γ(θ)_l = θ₀_l + ρ_l·Δ_l,   ρ_l = hardtanh( γ_l / (‖Δ_l‖ + 1e-8), 0, 1 )
 * </pre>
 * so ‖Proj_γ(θ)_l − θ₀_l‖ ≤ γ_l. The radii γ (one per array) are fitted by Adam (β = (0.9, 0.999),
 * ε = 1e-8) to minimise the held-out loss of the projected model, each initialised at ‖Δ_l‖ / 2
 * and clipped after each step as TPGM's {@code _clip} does before each use (γ ≤ 0 becomes 1e-8,
 * γ &gt; ‖Δ_l‖ + 1e-8 becomes ‖Δ_l‖). The gradient of γ_l is the chain rule through the
 * projection, ∂L/∂γ_l = ⟨∇_{θ_l}L(Proj_γ θ), Δ_l⟩ / (‖Δ_l‖ + 1e-8) where 0 &lt; ρ_l &lt; 1 and 0
 * elsewhere (hardtanh's derivative): the same numbers autograd gives on TPGM's differentiable
 * projected copy, computed here with one backward through the model set to the projected weights.
 *
 * <p>Departure: the released code fits γ on the evaluation split; here only
 * {@link MethodContext#heldOut()} (a held-out slice of train) is used, with batches of the run's
 * batch size drawn by an {@link EpochSampler} seeded from the run seed.
 */
final class ProjectionRadii {

    static final double NORM_EPSILON = 1e-8;
    static final double MIN_RADIUS = 1e-8;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;
    private static final long HELD_OUT_SEED_SALT = 0x7e9a_11c5_3d2bL;

    private final List<String> names;
    private final Map<String, NDArray> anchors;
    private final Map<String, NDArray> displacements;
    private final double[] norms;
    private final double[] radii;

    private ProjectionRadii(List<String> names, Map<String, NDArray> anchors, Map<String, NDArray> displacements,
                            double[] norms) {
        this.names = names;
        this.anchors = anchors;
        this.displacements = displacements;
        this.norms = norms;
        this.radii = new double[norms.length];
        for (int i = 0; i < radii.length; i++) {
            radii[i] = clip(norms[i] / 2, norms[i]);
        }
    }

    /** Displacements of {@code live} from {@code anchors} (same names), kept in {@code manager}. */
    static ProjectionRadii between(Map<String, NDArray> anchors, Map<String, NDArray> live, NDManager manager) {
        List<String> names = new ArrayList<>(anchors.keySet());
        Map<String, NDArray> displacements = new LinkedHashMap<>();
        double[] norms = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            NDArray d = WeightSnapshot.detachedCopy(live.get(name), manager).subi(anchors.get(name));
            displacements.put(name, d);
            norms[i] = d.norm().getFloat();
        }
        return new ProjectionRadii(names, anchors, displacements, norms);
    }

    /** ρ = hardtanh(γ / (‖Δ‖ + 1e-8), 0, 1). */
    static double ratio(double radius, double norm) {
        return Math.max(0, Math.min(1, radius / (norm + NORM_EPSILON)));
    }

    /** TPGM's {@code _clip}: a radius ≤ 0 becomes 1e-8, one beyond the whole displacement becomes ‖Δ‖. */
    static double clip(double radius, double norm) {
        if (radius <= 0) {
            return MIN_RADIUS;
        }
        return radius / (norm + NORM_EPSILON) > 1 ? norm : radius;
    }

    /** Fits the radii with {@code steps} Adam steps of rate {@code lr} on the context's held-out split. */
    void fit(MethodContext context, Map<String, NDArray> live, int steps, double lr) {
        double[] m = new double[radii.length];
        double[] v = new double[radii.length];
        EpochSampler sampler = new EpochSampler(context.heldOut().size(), context.seed() ^ HELD_OUT_SEED_SALT,
                context.batchSize());
        for (int t = 1; t <= steps; t++) {
            apply(live);
            double[] grad = new double[radii.length];
            try (NDManager scratch = context.manager().newSubManager()) {
                Gradients.zero(live.values(), scratch);
                ImageBatch batch = ImageBatch.load(context.heldOut(), sampler.indices(t), scratch);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = ZeroShotCrossEntropy.loss(context.model().encodeImage(batch.images()),
                            live.get(ParameterGroup.HEAD_NAME), context.head().scale(), batch.labels()).loss();
                    collector.backward(loss);
                }
                for (int i = 0; i < radii.length; i++) {
                    double ratio = radii[i] / (norms[i] + NORM_EPSILON);
                    if (ratio > 0 && ratio < 1) {
                        NDArray g = live.get(names.get(i)).getGradient();
                        g.attach(scratch);
                        grad[i] = g.mul(displacements.get(names.get(i))).sum().getFloat() / (norms[i] + NORM_EPSILON);
                    }
                }
                Gradients.zero(live.values(), scratch);
            }
            double c1 = 1 - StrictMath.pow(BETA1, t);
            double c2 = 1 - StrictMath.pow(BETA2, t);
            for (int i = 0; i < radii.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
                double step = lr / c1 * m[i] / (StrictMath.sqrt(v[i]) / StrictMath.sqrt(c2) + ADAM_EPSILON);
                radii[i] = clip(radii[i] - step, norms[i]);
            }
        }
        apply(live);
    }

    /** Sets every live array to θ₀ + ρ·Δ for the current radii. */
    void apply(Map<String, NDArray> live) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            NDArray anchor = anchors.get(name);
            try (NDManager scratch = displacements.get(name).getManager().newSubManager()) {
                NDArray projected = WeightSnapshot.detachedCopy(displacements.get(name), scratch)
                        .muli((float) ratio(radii[i], norms[i])).addi(anchor);
                WeightSnapshot.assign(live.get(name), projected);
            }
        }
    }

    /** γ by array name. */
    Map<String, Double> radii() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), radii[i]);
        }
        return Collections.unmodifiableMap(out);
    }
}
