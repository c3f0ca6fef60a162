package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.attacks.Classifier;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.PerturbationBranch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * LAR-AWP's state and steps for one run: the curvature EMA of the perturbed layers, their
 * perturbation ranks, and the installation of the low-rank weight perturbation δ.
 *
 * <p>Curvature refresh: {@code g_l = ∂ CE(f(x), y)/∂W_l} on the batch (y true or sampled, see
 * {@link CurvatureEstimator}) → {@link CurvatureEstimator#update} → {@link RankAllocator#allocate}.
 *
 * <p>Ascent (K inner steps, radius {@code ρ_l = γ_t‖W_l‖_F}): step 1 installs
 * {@link LowRankAwp#perturb} along {@code g_l = ∂ CE(f_{θ}(x_adv), y)/∂W_l}, which is AWP's normalised
 * one-step ascent kept in rank r_l (Wu et al. 2020; open choices 5–7 of
 * {@code reference/baselines.md}). Step k &gt; 1 takes the gradient at θ + δ_{k−1} and moves along
 * {@code δ_{k−1}/‖δ_{k−1}‖ + g/‖g‖}, again re-projected to rank r_l and radius ρ_l: normalised
 * ascent on the sphere of the radius (our choice; the paper says only "an inner loop performs
 * gradient ascent"). The warmup is {@code γ_t = γ·min(1, t/T_w)} (choice 8).
 *
 * <p>The curvature EMA and the ranks travel with every checkpoint ({@link #saveState()},
 * {@link #restoreState(Map)}), so a resumed GRACE run equals an uninterrupted one.
 */
public final class LarAwp {

    private final GraceConfig config;
    private final CurvatureEstimator estimator;
    private final RankCurriculum curriculum;
    private final Map<String, Integer> ranks = new LinkedHashMap<>();

    public LarAwp(GraceConfig config) {
        this.config = config;
        this.estimator = new CurvatureEstimator(config.curvatureEstimator(), config.curvatureBeta());
        this.curriculum = config.rankCurriculum();
    }

    /** γ_t = γ·min(1, t/T_w) with T_w = warmupFraction·T (no warmup when T_w = 0). */
    public double radius(int step, int totalSteps) {
        double warmup = config.awpWarmupFraction() * totalSteps;
        return warmup <= 0 ? config.awpGamma() : config.awpGamma() * Math.min(1.0, step / warmup);
    }

    /** Whether step t (1-based) refreshes the curvature: t = 1, 1 + k, 1 + 2k, … and whenever none exists yet. */
    public boolean refreshDue(int step) {
        return estimator.scores().isEmpty() || (step - 1) % config.curvatureEvery() == 0;
    }

    /** Folds the batch's curvature into the EMA and reallocates the ranks. */
    public void refreshCurvature(List<AdaptedLinear> layers, Classifier model, NDArray images, int[] labels,
                                 SplittableRandom rng, List<NDArray> trainable, NDManager m) {
        CrossEntropyLoss ce = new CrossEntropyLoss();
        Map<String, NDArray> grads = EffectiveWeightGradients.at(layers, Map.of(), () -> {
            NDArray logits = model.logits(images);
            int[] y = estimator.labels(logits.toFloatArray(), model.numClasses(), labels, rng);
            return ce.perSample(logits, y, null).mean();
        }, trainable, m);
        estimator.update(grads, labels.length);
        allocate(layers);
    }

    /** Ranks from the current scores (0 for a layer without one), or uniform without the curriculum. */
    public void allocate(List<AdaptedLinear> layers) {
        double[] scores = new double[layers.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = estimator.scores().getOrDefault(layers.get(i).name(), 0.0);
        }
        int[] r = RankAllocator.allocate(scores, curriculum);
        ranks.clear();
        for (int i = 0; i < r.length; i++) {
            ranks.put(layers.get(i).name(), r[i]);
        }
    }

    /** Installs the adversarial δ of radius γ on every layer (K ascent steps on CE(x_adv)). */
    public void perturbAdversarially(List<AdaptedLinear> layers, Classifier model, NDArray adversarial, int[] labels,
                                     double gamma, SplittableRandom rng, List<NDArray> trainable, NDManager m) {
        ensureRanks(layers);
        CrossEntropyLoss ce = new CrossEntropyLoss();
        Map<String, NDArray> delta = new LinkedHashMap<>();
        for (int k = 1; k <= config.awpInnerSteps(); k++) {
            Map<String, NDArray> grads = EffectiveWeightGradients.at(layers, delta,
                    () -> ce.perSample(model.logits(adversarial), labels, null).mean(), trainable, m);
            for (AdaptedLinear layer : layers) {
                NDArray g = grads.get(layer.name());
                NDArray previous = delta.get(layer.name());
                NDArray direction = previous == null ? g : unit(previous).add(unit(g));
                LowRankAwp.perturb(layer, direction, ranks.get(layer.name()), gamma, config.awpPowerIterations(), rng);
                if (k < config.awpInnerSteps()) {
                    PerturbationBranch step = release(layer, m);
                    if (step == null) {
                        delta.remove(layer.name());
                    } else {
                        delta.put(layer.name(), step.delta(m));
                    }
                }
            }
        }
    }

    /** Installs a random rank-r_l δ of radius γ on every layer (no gradient pass). */
    public void perturbRandomly(List<AdaptedLinear> layers, double gamma, SplittableRandom rng, NDManager m) {
        ensureRanks(layers);
        for (AdaptedLinear layer : layers) {
            float[] values = new float[layer.outFeatures() * layer.inFeatures()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) rng.nextGaussian();
            }
            NDArray direction = m.create(values, new Shape(layer.outFeatures(), layer.inFeatures()));
            LowRankAwp.perturb(layer, direction, ranks.get(layer.name()), gamma, config.awpPowerIterations(), rng);
        }
    }

    /**
     * Removes every layer's perturbation and returns it (layer name → branch), with its factors moved
     * into {@code m} (the step's manager): a graph built while a branch was installed keeps valid
     * operands until backward, and nothing accumulates in the model's manager across steps.
     */
    public static Map<String, PerturbationBranch> detach(List<AdaptedLinear> layers, NDManager m) {
        Map<String, PerturbationBranch> out = new LinkedHashMap<>();
        for (AdaptedLinear layer : layers) {
            PerturbationBranch p = release(layer, m);
            if (p != null) {
                out.put(layer.name(), p);
            }
        }
        return out;
    }

    /** Installs branches returned by {@link #detach} again. */
    public static void install(List<AdaptedLinear> layers, Map<String, PerturbationBranch> branches) {
        for (AdaptedLinear layer : layers) {
            PerturbationBranch p = branches.get(layer.name());
            if (p != null) {
                layer.setPerturbation(p.u(), p.v(), p.scale());
            }
        }
    }

    private static PerturbationBranch release(AdaptedLinear layer, NDManager m) {
        PerturbationBranch p = layer.perturbation();
        if (p != null) {
            p.u().attach(m);
            p.v().attach(m);
            layer.removePerturbation();
        }
        return p;
    }

    private void ensureRanks(List<AdaptedLinear> layers) {
        if (ranks.size() != layers.size()) {
            allocate(layers);
        }
    }

    private static NDArray unit(NDArray a) {
        float norm = a.norm().getFloat();
        return norm == 0 ? a : a.div(norm);
    }

    /** Current rank per layer name (empty before the first allocation). */
    public Map<String, Integer> ranks() {
        return Collections.unmodifiableMap(ranks);
    }

    /** The curvature averages ({@code curvature/<layer>}) and ranks ({@code rank/<layer>}) as strings. */
    public Map<String, String> saveState() {
        Map<String, String> out = new LinkedHashMap<>();
        estimator.scores().forEach((layer, v) -> out.put("curvature/" + layer, Double.toString(v)));
        ranks.forEach((layer, r) -> out.put("rank/" + layer, Integer.toString(r)));
        return out;
    }

    /** Puts back state written by {@link #saveState()}. */
    public void restoreState(Map<String, String> saved) {
        Map<String, Double> scores = new LinkedHashMap<>();
        ranks.clear();
        saved.forEach((key, value) -> {
            if (key.startsWith("curvature/")) {
                scores.put(key.substring("curvature/".length()), Double.parseDouble(value));
            } else if (key.startsWith("rank/")) {
                ranks.put(key.substring("rank/".length()), Integer.parseInt(value));
            } else {
                throw new IllegalArgumentException("unknown LAR-AWP state key '" + key + "'");
            }
        });
        estimator.restore(scores);
    }

    /** Current curvature score per layer name (empty before the first refresh). */
    public Map<String, Double> curvature() {
        return estimator.scores();
    }
}
