package org.grace.attacks.autoattack;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Locale;
import org.grace.attacks.Norm;

/**
 * Result of an AutoAttack evaluation: clean accuracy, the cumulative robust accuracy after each
 * attack, and the final robust accuracy, which is the per-sample worst case over all attacks
 * (a point is robust only if no attack fooled it; auto-attack issues #45, #52).
 *
 * @param version         the version run
 * @param norm            threat norm
 * @param eps             radius
 * @param samples         number of points evaluated
 * @param cleanAccuracy   fraction classified correctly without attack
 * @param steps           one entry per attack, in order
 * @param robustAccuracy  fraction robust to every attack
 * @param robust          per-sample robust flags
 * @param adversarial     per-sample worst-case images (the clean image where robust), in the
 *                        input images' manager
 * @param maxPerturbation largest ||x_adv - x||_p over the samples
 */
public record RobustnessReport(AutoAttackVersion version, Norm norm, double eps, int samples,
                               double cleanAccuracy, List<AttackStep> steps, double robustAccuracy,
                               boolean[] robust, NDArray adversarial, double maxPerturbation) {

    /** The report as auto-attack's log prints it. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "AutoAttack %s, %s eps = %.6f, %d samples%n",
                version.name().toLowerCase(Locale.ROOT), norm.label(), eps, samples));
        out.append(String.format(Locale.ROOT, "clean accuracy: %.2f%%%n", 100 * cleanAccuracy));
        for (AttackStep s : steps) {
            out.append(String.format(Locale.ROOT, "robust accuracy after %s: %.2f%% (%d fooled, %.1f s)%n",
                    s.attack().toUpperCase(Locale.ROOT), 100 * s.robustAccuracy(), s.fooled(), s.seconds()));
        }
        out.append(String.format(Locale.ROOT, "max %s perturbation: %.5f%n", norm.label(), maxPerturbation));
        out.append(String.format(Locale.ROOT, "robust accuracy: %.2f%%%n", 100 * robustAccuracy));
        return out.toString();
    }
}
