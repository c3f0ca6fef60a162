package org.grace.model.pretrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The phenomena the embedded scale must show before the paper's comparisons mean anything there,
 * each with its threshold, evaluated from measured accuracies:
 * <ol>
 *   <li>zero-shot ID test accuracy ≥ 60% with at least 10 classes;</li>
 *   <li>each of the 8 transfer tasks at least twice chance;</li>
 *   <li>OOD average (V2, Sketch, R analogues) ≥ 0.75 × ID — CLIP's effective robustness;</li>
 *   <li>the A analogue clearly below ID (here: at most 0.8 × ID);</li>
 *   <li>the ID-only model beats zero-shot on ID but keeps a lower OOD/ID ratio.</li>
 * </ol>
 */
public final class EmbeddedScaleCheck {

    /** One criterion, its measured value, its threshold and whether it holds. */
    public record Criterion(String name, String measured, String threshold, boolean holds) {
    }

    private EmbeddedScaleCheck() {
    }

    /**
     * @param zeroShot split name → zero-shot accuracy ({@link org.grace.model.eval.ZeroShotSuite} names)
     * @param idOnly split name → accuracy of the ID-only model (ID test and the three OOD splits)
     * @param idClasses number of ID classes
     * @param transferClasses transfer split name → its number of classes
     */
    public static List<Criterion> evaluate(Map<String, Double> zeroShot, Map<String, Double> idOnly, int idClasses,
                                           Map<String, Integer> transferClasses) {
        List<Criterion> out = new ArrayList<>();
        double id = get(zeroShot, "synth-id-test");
        out.add(new Criterion("zero-shot ID test accuracy", pct(id) + " (" + idClasses + " classes)", "≥ 60.0% with ≥ 10 classes",
                id >= 0.60 && idClasses >= 10));
        transferClasses.forEach((split, k) -> {
            double acc = get(zeroShot, split);
            out.add(new Criterion("zero-shot " + split, pct(acc), "≥ 2 × chance = " + pct(2.0 / k), acc >= 2.0 / k));
        });
        double ood = oodAverage(zeroShot);
        out.add(new Criterion("zero-shot OOD avg (V2, Sketch, R)", pct(ood) + " = " + ratio(ood / id) + " × ID",
                "≥ 0.75 × ID", ood >= 0.75 * id));
        double a = get(zeroShot, "synth-a");
        out.add(new Criterion("zero-shot A analogue", pct(a) + " = " + ratio(a / id) + " × ID", "≤ 0.80 × ID", a <= 0.80 * id));
        double idOnlyId = get(idOnly, "synth-id-test");
        double idOnlyRatio = oodAverage(idOnly) / idOnlyId;
        out.add(new Criterion("ID-only model beats zero-shot on ID", pct(idOnlyId) + " vs " + pct(id), "ID-only > zero-shot",
                idOnlyId > id));
        out.add(new Criterion("ID-only model has a lower OOD/ID ratio", ratio(idOnlyRatio) + " vs " + ratio(ood / id),
                "ID-only < zero-shot", idOnlyRatio < ood / id));
        return out;
    }

    /** Mean accuracy over the V2, Sketch and R analogues. */
    public static double oodAverage(Map<String, Double> accuracies) {
        return (get(accuracies, "synth-v2") + get(accuracies, "synth-sketch") + get(accuracies, "synth-r")) / 3;
    }

    /** The criteria as a Markdown table. */
    public static String markdown(List<Criterion> criteria) {
        StringBuilder sb = new StringBuilder("| criterion | measured | threshold | holds |\n|---|---|---|---|\n");
        for (Criterion c : criteria) {
            sb.append("| ").append(c.name()).append(" | ").append(c.measured()).append(" | ").append(c.threshold())
                    .append(" | ").append(c.holds() ? "yes" : "**no**").append(" |\n");
        }
        return sb.toString();
    }

    private static double get(Map<String, Double> m, String key) {
        Double v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no accuracy for split " + key + "; have " + m.keySet());
        }
        return v;
    }

    private static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String ratio(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
