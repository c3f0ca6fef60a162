package org.grace.bench.run;

import ai.djl.ndarray.NDManager;
import org.grace.attacks.Norm;
import org.grace.attacks.apgd.Apgd;
import org.grace.attacks.apgd.ApgdConfig;
import org.grace.attacks.autoattack.AutoAttack;
import org.grace.attacks.autoattack.RobustnessReport;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.ImageDataset;
import org.grace.model.eval.TopOneAccuracy;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.model.zeroshot.ZeroShotHead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one evaluator every method goes through (issue 7's protocol), always on the model exactly as
 * deployed: LoRA merged, the method's head attached, CLIP normalisation inside the model, images in
 * [0, 1].
 *
 * <ul>
 *   <li>clean: top-1 on ID test, the V2/Sketch/R analogues and the A/A-Plus analogues (class
 *       subsets masked, as ImageNet-R/A are evaluated);</li>
 *   <li>robust: APGD-CE (ℓ∞, the training ε, one restart) on the first ID test images, and the
 *       full AutoAttack {@code standard} composition on a smaller subset;</li>
 *   <li>robust vs ε: APGD-CE at each ε of the grid;</li>
 *   <li>transfer: zero-shot accuracy on each transfer task with a head built from the model's own
 *       text tower (so FLYP's finetuned text tower is what transfers).</li>
 * </ul>
 * Departure: auto-attack runs APGD-CE for 100 iterations; the embedded budget uses fewer
 * ({@link Budget#apgdIterations()}), written into every record's provenance.
 */
public final class RunEvaluator {

    private final Setting setting;
    private final Budget budget;
    private final int batchSize;

    public RunEvaluator(Setting setting, Budget budget, int batchSize) {
        this.setting = setting;
        this.budget = budget;
        this.batchSize = batchSize;
    }

    /** Clean accuracy per split name of {@link Setting#evaluationSplits()}. */
    public Map<String, Double> clean(ClipClassifier deployed, NDManager manager) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, ImageDataset> e : setting.evaluationSplits().entrySet()) {
            out.put(e.getKey(), TopOneAccuracy.of(deployed, DatasetView.prefix(e.getValue(), budget.evalLimit()),
                    batchSize, manager));
        }
        return out;
    }

    /** The headline APGD-CE result at the training ε (its report keeps the adversarial images). */
    public RobustnessReport apgd(ClipClassifier deployed, LabelledImages clean, double eps, int iterations, long seed) {
        Apgd attack = new Apgd(ApgdConfig.of(Norm.LINF, eps, new CrossEntropyLoss(), 1, seed).withIterations(iterations));
        return AutoAttack.ofAttacks(List.of(attack), batchSize).evaluate(deployed, clean.images(), clean.labels());
    }

    /** Robust accuracy: {@code apgd_ce}, {@code n_apgd}, {@code eps} and, when due, {@code aa_standard}, {@code n_aa}. */
    public Map<String, Double> robust(ClipClassifier deployed, RobustnessReport apgd, int seed, NDManager manager) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("apgd_ce", apgd.robustAccuracy());
        out.put("n_apgd", (double) apgd.samples());
        out.put("eps", budget.eps());
        out.put("apgd_iterations", (double) budget.apgdIterations());
        if (budget.autoAttackSamples() > 0 && seed < budget.autoAttackSeeds()) {
            try (NDManager scope = manager.newSubManager()) {
                LabelledImages subset = LabelledImages.first(setting.evaluationSplits().get("id"),
                        budget.autoAttackSamples(), scope);
                RobustnessReport aa = AutoAttack.version("standard", Norm.LINF, budget.eps(), seed, batchSize)
                        .evaluate(deployed, subset.images(), subset.labels());
                out.put("aa_standard", aa.robustAccuracy());
                out.put("n_aa", (double) aa.samples());
            }
        }
        return out;
    }

    /**
     * APGD-CE robust accuracy at each ε of the grid, as {@code eps_<k>} (k in 1/255 units). At the
     * headline ε, when the curve uses the headline's images and iterations, the headline result is
     * reused instead of attacking twice (same seed, so the same number).
     */
    public Map<String, Double> robustVersusEps(ClipClassifier deployed, RobustnessReport headline, long seed,
                                               NDManager manager) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (NDManager scope = manager.newSubManager()) {
            LabelledImages subset = LabelledImages.first(setting.evaluationSplits().get("id"), budget.epsSamples(),
                    scope);
            for (double e : budget.epsGrid()) {
                double acc;
                boolean sameAsHeadline = headline != null && e == budget.epsPixels()
                        && budget.epsSamples() == budget.apgdSamples()
                        && budget.epsIterations() == budget.apgdIterations();
                if (sameAsHeadline) {
                    acc = headline.robustAccuracy();
                } else if (e == 0) {
                    acc = TopOneAccuracy.of(deployed, DatasetView.prefix(setting.evaluationSplits().get("id"),
                            subset.size()), batchSize, scope);
                } else {
                    acc = apgd(deployed, subset, e / 255.0, budget.epsIterations(), seed).robustAccuracy();
                }
                out.put("eps_" + epsName(e), acc);
            }
            out.put("n", (double) subset.size());
        }
        return out;
    }

    /** Zero-shot accuracy per transfer task and their mean. */
    public Map<String, Double> transfer(ClipModel model, NDManager manager) {
        Map<String, Double> out = new LinkedHashMap<>();
        double sum = 0;
        for (Setting.TransferSplit task : setting.transferTasks()) {
            try (NDManager scope = manager.newSubManager()) {
                ZeroShotHead head = ZeroShotHead.build(model, setting.tokenizer(), task.texts().classNames(),
                        task.texts().templates(), scope, 64);
                double acc = TopOneAccuracy.of(new ClipClassifier(model, head),
                        DatasetView.prefix(task.images(), budget.evalLimit()), batchSize, scope);
                out.put(task.id(), acc);
                sum += acc;
            }
        }
        if (!setting.transferTasks().isEmpty()) {
            out.put("mean", sum / setting.transferTasks().size());
        }
        return out;
    }

    /** "4" for 4.0, "0.5" for 0.5: the suffix of an {@code eps_} metric. */
    public static String epsName(double e) {
        return e == Math.rint(e) ? Long.toString((long) e) : Double.toString(e);
    }
}
