package org.grace.model.grace;

import org.grace.model.adapters.AdapterTarget;
import org.grace.model.method.MethodSettings;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every setting of a GRACE run (and of its Table 8 ablations), validated on construction. The open
 * choices are those of the table "Open choices for GRACE" in {@code reference/baselines.md}
 * (numbers #1–#18 below); the defaults are those of {@code grace.json}, chosen for the embedded
 * scale (tiny CLIP, 32×32 images, hundreds of steps), and each says why.
 *
 * @param loraRank LoRA rank r ≥ 1. Default 8 (#10, LoRA default; the paper's "r ≪ min(n₁,n₂)").
 * @param loraAlpha LoRA alpha &gt; 0, scaling alpha/r. Default 16 (#10).
 * @param loraTargets vision-tower block layers with LoRA. Default q, v (#10, the LoRA paper's and
 *     PEFT's CLIP default); kept at embedded scale so that the run is the paper's LoRA-FT + terms.
 * @param learningRate AdamW rate for the LoRA factors. Default 1e-3: embedded-scale budgets are a few
 *     hundred steps, ten times shorter than #17's runs, so the rate is ten times #17's 1e-4.
 * @param weightDecay AdamW decoupled decay. Default 0 (#17: no decay on LoRA factors).
 * @param lrWarmupFraction fraction of the steps with linear LR warmup, in [0,1). Default 0.05 (#17
 *     uses 500 of ~10k steps).
 * @param maxGradNorm global gradient-norm clip, 0 for none. Default 1 (the suite's loop default).
 * @param pgdEps training PGD ℓ∞ radius in [0,1]. Default 4/255 (paper, Loss &amp; Training).
 * @param pgdStepSize PGD step α &gt; 0. Default 1/255 (paper).
 * @param pgdSteps PGD iterations ≥ 0. Default 10 (paper); #16's TeCoA setting of 2 steps is the
 *     cheaper alternative.
 * @param taskLoss which images L_task sees. Default ADVERSARIAL: CE on x_adv at θ (TeCoA, #14); the
 *     paper calls it "standard cross-entropy", CLEAN reads it literally.
 * @param lambdaLar weight of L_LAR-AWP ≥ 0. Default 1 (#14 uses 1 for the regulariser weights).
 * @param lambdaGv weight of L_GV ≥ 0. Default 1 (#14).
 * @param gvEpsilon ε added to the Gram diagonal ≥ 0. Default {@link GramVolume#DEFAULT_EPSILON} (#12).
 * @param perturbation how the weight perturbation δ is found. ADVERSARIAL: LAR-AWP ascent (default);
 *     RANDOM: a random rank-r direction of the same radius, used by {@code grace-gv-only} so that the
 *     Gram volume keeps its third vertex without any adversarial weight perturbation.
 * @param awpGamma layer-relative radius γ ≥ 0: ‖δ_l‖_F = γ_t‖W_l‖_F. Default 5e-3 (#6, TRADES-AWP).
 * @param awpWarmupFraction T_w as a fraction of the steps in [0,1]: γ_t = γ·min(1, t/T_w). Default
 *     0.1 (#8, AWP's awp_warmup); 0 disables the warmup.
 * @param awpInnerSteps ascent steps K ≥ 1. Default 1 (#7: AWP and SAM use one).
 * @param awpPowerIterations subspace iterations of the rank-r step ≥ 1. Default 2 (#5).
 * @param awpTargets vision-tower block layers carrying the perturbation branch. Default q, v: the
 *     paper's W_pert = W₀ + BA + B_AWP·A_AWP sits on the LoRA-adapted layers; #9's "all block
 *     weights" is q,k,v,out,fc1,fc2.
 * @param curriculum whether ranks follow curvature (LAR-AWP with curriculum) or are uniform.
 * @param rankCuts percentile cuts of the curvature tiers. Default 0.25, 0.75 (#4).
 * @param rankTiers rank per tier. Default 1, 4, 8 (#4).
 * @param rankBudgetPerLayer average rank per layer. Default 4 (#4); uniform AWP gets this rank.
 * @param curvatureEstimator TRUE_LABEL (the paper's h ≈ n·g⊙g on the data's labels, the empirical
 *     Fisher) or SAMPLED_LABEL (Sophia's Gauss–Newton–Bartlett, labels drawn from the model's
 *     softmax). Default SAMPLED_LABEL (#1, matches Sophia's code, which the paper cites).
 * @param curvatureBeta EMA decay in [0,1). Default 0.99 (#1, Sophia's β₂).
 * @param curvatureEvery refresh the curvature (and reallocate ranks) every k ≥ 1 steps. Default 10
 *     (#1, Sophia's k); ranks are reallocated at every refresh.
 * @param curvatureOnAdversarial take the curvature gradient on x_adv instead of x. Default false
 *     (#1: clean inputs, the quantity Sophia tracks).
 */
public record GraceConfig(int loraRank, double loraAlpha, Set<AdapterTarget> loraTargets, double learningRate,
                          double weightDecay, double lrWarmupFraction, double maxGradNorm, double pgdEps,
                          double pgdStepSize, int pgdSteps, TaskLoss taskLoss, double lambdaLar, double lambdaGv,
                          double gvEpsilon, Perturbation perturbation, double awpGamma, double awpWarmupFraction,
                          int awpInnerSteps, int awpPowerIterations, Set<AdapterTarget> awpTargets,
                          boolean curriculum, double[] rankCuts, int[] rankTiers, double rankBudgetPerLayer,
                          CurvatureEstimator.Kind curvatureEstimator, double curvatureBeta, int curvatureEvery,
                          boolean curvatureOnAdversarial) {

    /** Which images the task cross-entropy is taken on. */
    public enum TaskLoss { ADVERSARIAL, CLEAN }

    /** How the weight perturbation is chosen. */
    public enum Perturbation { ADVERSARIAL, RANDOM }

    /** The settings keys (snake_case names of the fields). */
    public static final Set<String> KEYS = Set.of("lora_rank", "lora_alpha", "lora_targets", "learning_rate",
            "weight_decay", "lr_warmup_fraction", "max_grad_norm", "pgd_eps", "pgd_step_size", "pgd_steps",
            "task_loss", "lambda_lar", "lambda_gv", "gv_epsilon", "perturbation", "awp_gamma", "awp_warmup_fraction",
            "awp_inner_steps", "awp_power_iterations", "awp_targets", "curriculum", "rank_cuts", "rank_tiers",
            "rank_budget_per_layer", "curvature_estimator", "curvature_beta", "curvature_every",
            "curvature_on_adversarial");

    /** Validates every field, naming the one at fault. */
    public GraceConfig {
        if (loraRank < 1) {
            throw new IllegalArgumentException("GRACE lora_rank must be at least 1, was " + loraRank);
        }
        positive("lora_alpha", loraAlpha);
        positive("learning_rate", learningRate);
        nonNegative("weight_decay", weightDecay);
        if (!(lrWarmupFraction >= 0 && lrWarmupFraction < 1)) {
            throw new IllegalArgumentException("GRACE lr_warmup_fraction must lie in [0,1), was " + lrWarmupFraction);
        }
        nonNegative("max_grad_norm", maxGradNorm);
        if (!(pgdEps >= 0 && pgdEps <= 1)) {
            throw new IllegalArgumentException("GRACE pgd_eps must lie in [0,1] (pixel units), was " + pgdEps);
        }
        positive("pgd_step_size", pgdStepSize);
        if (pgdSteps < 0) {
            throw new IllegalArgumentException("GRACE pgd_steps must be non-negative, was " + pgdSteps);
        }
        nonNegative("lambda_lar", lambdaLar);
        nonNegative("lambda_gv", lambdaGv);
        nonNegative("gv_epsilon", gvEpsilon);
        nonNegative("awp_gamma", awpGamma);
        if (!(awpWarmupFraction >= 0 && awpWarmupFraction <= 1)) {
            throw new IllegalArgumentException("GRACE awp_warmup_fraction must lie in [0,1], was " + awpWarmupFraction);
        }
        if (awpInnerSteps < 1) {
            throw new IllegalArgumentException("GRACE awp_inner_steps must be at least 1, was " + awpInnerSteps);
        }
        if (awpPowerIterations < 1) {
            throw new IllegalArgumentException("GRACE awp_power_iterations must be at least 1, was " + awpPowerIterations);
        }
        loraTargets = targets("lora_targets", loraTargets);
        awpTargets = targets("awp_targets", awpTargets);
        if (taskLoss == null || perturbation == null || curvatureEstimator == null) {
            throw new IllegalArgumentException("GRACE task_loss, perturbation and curvature_estimator must be set");
        }
        try {
            new RankCurriculum(curriculum, rankCuts, rankTiers, rankBudgetPerLayer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GRACE rank_cuts/rank_tiers/rank_budget_per_layer: " + e.getMessage(), e);
        }
        rankCuts = rankCuts.clone();
        rankTiers = rankTiers.clone();
        if (!(curvatureBeta >= 0 && curvatureBeta < 1)) {
            throw new IllegalArgumentException("GRACE curvature_beta must lie in [0,1), was " + curvatureBeta);
        }
        if (curvatureEvery < 1) {
            throw new IllegalArgumentException("GRACE curvature_every must be at least 1, was " + curvatureEvery);
        }
    }

    /** Reads and validates {@code settings}, rejecting unknown keys. */
    public static GraceConfig from(MethodSettings s) {
        s.requireOnly(KEYS);
        return new GraceConfig(s.integer("lora_rank"), s.number("lora_alpha"), parseTargets(s, "lora_targets"),
                s.number("learning_rate"), s.number("weight_decay"), s.number("lr_warmup_fraction"),
                s.number("max_grad_norm"), s.number("pgd_eps"), s.number("pgd_step_size"), s.integer("pgd_steps"),
                parseEnum(s, "task_loss", TaskLoss.class), s.number("lambda_lar"), s.number("lambda_gv"),
                s.number("gv_epsilon"), parseEnum(s, "perturbation", Perturbation.class), s.number("awp_gamma"),
                s.number("awp_warmup_fraction"), s.integer("awp_inner_steps"), s.integer("awp_power_iterations"),
                parseTargets(s, "awp_targets"), s.flag("curriculum"), parseDoubles(s, "rank_cuts"),
                parseInts(s, "rank_tiers"), s.number("rank_budget_per_layer"),
                parseEnum(s, "curvature_estimator", CurvatureEstimator.Kind.class), s.number("curvature_beta"),
                s.integer("curvature_every"), s.flag("curvature_on_adversarial"));
    }

    /** The rank curriculum (uniform when {@link #curriculum} is off). */
    public RankCurriculum rankCurriculum() {
        return new RankCurriculum(curriculum, rankCuts, rankTiers, rankBudgetPerLayer);
    }

    /** Whether a weight perturbation is needed at all (for L_LAR or as the Gram volume's third vertex). */
    public boolean perturbs() {
        return lambdaLar > 0 || lambdaGv > 0;
    }

    /** Whether curvature passes run: only an adversarial perturbation with the curriculum uses them. */
    public boolean tracksCurvature() {
        return perturbs() && perturbation == Perturbation.ADVERSARIAL && curriculum;
    }

    @Override
    public double[] rankCuts() {
        return rankCuts.clone();
    }

    @Override
    public int[] rankTiers() {
        return rankTiers.clone();
    }

    private static void positive(String key, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("GRACE " + key + " must be positive and finite, was " + v);
        }
    }

    private static void nonNegative(String key, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("GRACE " + key + " must be finite and non-negative, was " + v);
        }
    }

    private static Set<AdapterTarget> targets(String key, Set<AdapterTarget> t) {
        if (t == null || t.isEmpty()) {
            throw new IllegalArgumentException("GRACE " + key + " must name at least one layer");
        }
        return Set.copyOf(EnumSet.copyOf(t));
    }

    private static Set<AdapterTarget> parseTargets(MethodSettings s, String key) {
        Set<AdapterTarget> out = EnumSet.noneOf(AdapterTarget.class);
        for (String part : s.text(key).split(",")) {
            if (!part.isBlank()) {
                out.add(AdapterTarget.parse(part));
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E parseEnum(MethodSettings s, String key, Class<E> type) {
        String v = s.text(key).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + s.method() + "." + key + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", was '" + s.text(key) + "'");
        }
    }

    private static double[] parseDoubles(MethodSettings s, String key) {
        try {
            return Arrays.stream(s.text(key).split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + s.method() + "." + key
                    + " must be comma-separated numbers, was '" + s.text(key) + "'");
        }
    }

    private static int[] parseInts(MethodSettings s, String key) {
        try {
            return Arrays.stream(s.text(key).split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + s.method() + "." + key
                    + " must be comma-separated integers, was '" + s.text(key) + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraceConfig c && toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "GraceConfig[loraRank=" + loraRank + ", loraAlpha=" + loraAlpha + ", loraTargets=" + EnumSet.copyOf(loraTargets)
                + ", learningRate=" + learningRate + ", weightDecay=" + weightDecay + ", lrWarmupFraction="
                + lrWarmupFraction + ", maxGradNorm=" + maxGradNorm + ", pgdEps=" + pgdEps + ", pgdStepSize="
                + pgdStepSize + ", pgdSteps=" + pgdSteps + ", taskLoss=" + taskLoss + ", lambdaLar=" + lambdaLar
                + ", lambdaGv=" + lambdaGv + ", gvEpsilon=" + gvEpsilon + ", perturbation=" + perturbation
                + ", awpGamma=" + awpGamma + ", awpWarmupFraction=" + awpWarmupFraction + ", awpInnerSteps="
                + awpInnerSteps + ", awpPowerIterations=" + awpPowerIterations + ", awpTargets="
                + EnumSet.copyOf(awpTargets) + ", curriculum=" + curriculum + ", rankCuts=" + Arrays.toString(rankCuts)
                + ", rankTiers=" + Arrays.toString(rankTiers) + ", rankBudgetPerLayer=" + rankBudgetPerLayer
                + ", curvatureEstimator=" + curvatureEstimator + ", curvatureBeta=" + curvatureBeta
                + ", curvatureEvery=" + curvatureEvery + ", curvatureOnAdversarial=" + curvatureOnAdversarial + "]";
    }
}
