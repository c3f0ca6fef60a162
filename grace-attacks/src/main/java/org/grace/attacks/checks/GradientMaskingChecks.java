package org.grace.attacks.checks;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.grace.attacks.Attack;
import org.grace.attacks.Classifier;
import org.grace.attacks.InputValidation;
import org.grace.attacks.LossGradient;
import org.grace.attacks.Norm;
import org.grace.attacks.Predictions;
import org.grace.attacks.autoattack.AttackStep;
import org.grace.attacks.autoattack.RobustnessReport;
import org.grace.attacks.loss.AttackLoss;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.loss.DlrLoss;

/**
 * Checks for gradient masking and other ways an evaluation can overestimate robustness.
 *
 * <ul>
 *   <li>{@link #zeroGradients}: count of correctly classified inputs whose DLR-loss gradient (CE
 *       with 2 classes) is exactly zero (auto-attack {@code check_zero_gradients}, which runs at
 *       APGD's start on the points it attacks; misclassified points are skipped because DLR is
 *       legitimately flat when y is the third-largest logit, auto-attack issue #108).</li>
 *   <li>{@link #probabilityOutputs}: all outputs in [-1e-5, 1 + 1e-5] with rows summing to 1 ± 1e-5
 *       (auto-attack {@code check_if_softmax}).</li>
 *   <li>{@link #randomisedOutputs}: {@code passes} forward passes; flags if the number of correct
 *       predictions differs or the max ℓ2 distance between ℓ2-normalised logits exceeds 1e-4
 *       (auto-attack {@code check_randomized}).</li>
 *   <li>{@link #blackBoxBeatsWhiteBox}: in a report, a gradient-free attack ("square") lowered the
 *       robust accuracy by more than 0.2 percentage points below every previous attack
 *       (auto-attack {@code check_square_sr}, α = 0.002).</li>
 *   <li>{@link #notMonotoneInEps}: robust accuracy at a larger ε exceeds that at a smaller ε
 *       (Carlini et al. 2019 checklist; not in auto-attack).</li>
 * </ul>
 * Departure: auto-attack's dynamic-defense check ({@code sys.settrace} on backward calls) has no
 * Java counterpart and is left out.
 */
public final class GradientMaskingChecks {

    /** auto-attack's α of {@code check_square_sr}. */
    public static final double SQUARE_MARGIN = 0.002;

    private GradientMaskingChecks() {}

    /** Flags inputs whose loss gradient is identically zero. */
    public static Optional<MaskingFlag> zeroGradients(Classifier model, NDArray images, int[] labels) {
        InputValidation.requireImages(images);
        InputValidation.requireLabels(labels, images.getShape().get(0), model.numClasses());
        AttackLoss loss = model.numClasses() >= 3 ? new DlrLoss() : new CrossEntropyLoss();
        LossGradient lg = LossGradient.at(model, images, loss, labels, null);
        boolean[] correct = Predictions.correct(lg.logits(), labels);
        float[] size = Norm.L1.perSample(lg.gradient()).toFloatArray();
        int zero = 0;
        for (int i = 0; i < size.length; i++) {
            zero += correct[i] && size[i] == 0f ? 1 : 0;
        }
        if (zero == 0) {
            return Optional.empty();
        }
        return Optional.of(new MaskingFlag(MaskingFlag.Kind.ZERO_GRADIENT, String.format(Locale.ROOT,
                "%d of %d correctly classified inputs have an all-zero %s gradient; gradient-based "
                        + "attacks cannot move them, so their robustness may be overestimated", zero,
                count(correct), loss.name())));
    }

    /** Flags outputs that look like probabilities rather than logits. */
    public static Optional<MaskingFlag> probabilityOutputs(Classifier model, NDArray images) {
        InputValidation.requireImages(images);
        NDArray out = model.logits(images);
        float min = out.min().getFloat();
        float max = out.max().getFloat();
        NDArray rowSums = out.sum(new int[] {1});
        float worstSum = rowSums.sub(1f).abs().max().getFloat();
        if (min > -1e-5f && max < 1f + 1e-5f && worstSum < 1e-5f) {
            return Optional.of(new MaskingFlag(MaskingFlag.Kind.PROBABILITY_OUTPUTS,
                    "outputs lie in [0,1] and rows sum to 1: the classifier seems to return "
                            + "probabilities; attacks (CE, DLR) expect logits"));
        }
        return Optional.empty();
    }

    /** Flags a classifier whose repeated forward passes disagree. */
    public static Optional<MaskingFlag> randomisedOutputs(Classifier model, NDArray images, int[] labels,
                                                         int passes) {
        InputValidation.requireImages(images);
        InputValidation.requireAtLeast("passes", passes, 2);
        NDArray first = normalisedLogits(model, images);
        int correct = count(Predictions.correct(model, images, labels));
        double maxDiff = 0;
        boolean accuracyChanged = false;
        for (int p = 1; p < passes; p++) {
            NDArray next = normalisedLogits(model, images);
            maxDiff = Math.max(maxDiff, Norm.L2.perSample(next.sub(first)).max().getFloat());
            accuracyChanged |= count(Predictions.correct(model, images, labels)) != correct;
        }
        if (accuracyChanged || maxDiff > 1e-4) {
            return Optional.of(new MaskingFlag(MaskingFlag.Kind.RANDOMISED_OUTPUTS, String.format(Locale.ROOT,
                    "%d forward passes disagree (max distance of normalised logits %.2e%s); the model "
                            + "is randomised: use AutoAttack version 'rand' (EOT)", passes, maxDiff,
                    accuracyChanged ? ", accuracy changed" : "")));
        }
        return Optional.empty();
    }

    /** Flags a report where the black-box Square attack beat all white-box attacks before it. */
    public static Optional<MaskingFlag> blackBoxBeatsWhiteBox(RobustnessReport report) {
        double whiteBoxMin = Double.POSITIVE_INFINITY;
        for (AttackStep step : report.steps()) {
            if (step.attack().equals("square")) {
                if (whiteBoxMin < Double.POSITIVE_INFINITY && step.robustAccuracy() < whiteBoxMin - SQUARE_MARGIN) {
                    return Optional.of(new MaskingFlag(MaskingFlag.Kind.BLACK_BOX_BEATS_WHITE_BOX,
                            String.format(Locale.ROOT, "Square lowered robust accuracy from %.2f%% to %.2f%%: "
                                    + "a black-box attack beat the white-box ones, so gradients are likely "
                                    + "masked and robustness overestimated", 100 * whiteBoxMin,
                                    100 * step.robustAccuracy())));
                }
            } else {
                whiteBoxMin = Math.min(whiteBoxMin, step.robustAccuracy());
            }
        }
        return Optional.empty();
    }

    /** Flags robust accuracies (in order of increasing eps) that rise with ε. */
    public static Optional<MaskingFlag> notMonotoneInEps(double[] eps, double[] robustAccuracy) {
        if (eps.length != robustAccuracy.length) {
            throw new IllegalArgumentException("got " + eps.length + " radii and " + robustAccuracy.length
                    + " accuracies");
        }
        List<String> rises = new ArrayList<>();
        for (int i = 1; i < eps.length; i++) {
            if (!(eps[i] > eps[i - 1])) {
                throw new IllegalArgumentException("radii must increase; got " + eps[i - 1] + " then " + eps[i]);
            }
            if (robustAccuracy[i] > robustAccuracy[i - 1]) {
                rises.add(String.format(Locale.ROOT, "%s -> %s: %.2f%% -> %.2f%%", eps[i - 1], eps[i],
                        100 * robustAccuracy[i - 1], 100 * robustAccuracy[i]));
            }
        }
        if (rises.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MaskingFlag(MaskingFlag.Kind.NOT_MONOTONE_IN_EPS,
                "robust accuracy rose as eps grew (" + String.join("; ", rises) + "): the attack is "
                        + "failing at larger radii, a sign of masked gradients or a broken attack"));
    }

    /** Robust accuracy of {@code attackAt.apply(eps)} at each radius (independent runs). */
    public static double[] robustAccuracyCurve(DoubleFunction<Attack> attackAt, Classifier model,
                                               NDArray images, int[] labels, double[] eps) {
        double[] out = new double[eps.length];
        for (int i = 0; i < eps.length; i++) {
            NDArray adv = attackAt.apply(eps[i]).perturb(model, images, labels);
            out[i] = (double) count(Predictions.correct(model, adv, labels)) / labels.length;
            adv.close();
        }
        return out;
    }

    private static NDArray normalisedLogits(Classifier model, NDArray images) {
        NDArray z = model.logits(images);
        NDArray norm = z.square().sum(new int[] {1}, true).sqrt().add(1e-12f);
        return z.div(norm);
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            c += f ? 1 : 0;
        }
        return c;
    }
}
