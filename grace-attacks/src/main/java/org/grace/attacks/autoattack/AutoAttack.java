package org.grace.attacks.autoattack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.grace.attacks.Attack;
import org.grace.attacks.Classifier;
import org.grace.attacks.InputValidation;
import org.grace.attacks.Norm;
import org.grace.attacks.PerturbationCheck;
import org.grace.attacks.Predictions;
import org.grace.attacks.Rows;

/**
 * AutoAttack (Croce &amp; Hein 2020): an ensemble of attacks aggregated per sample.
 *
 * <p>The clean pass marks the correctly classified points robust. Each attack in order runs, in
 * batches of {@code batchSize}, only on the points still robust, always from the clean images
 * (auto-attack issue #85); its output is re-classified and every misclassified point is marked
 * non-robust and keeps that adversarial image. Robust accuracy after an attack is cumulative; the
 * final robust accuracy is the per-sample worst case over all attacks.
 *
 * <p>Source: auto-attack {@code autoattack.py run_standard_evaluation} and {@code set_version}.
 * Departures: a sample's randomness depends on (seed, its index in the evaluated set), so results
 * do not depend on {@code batchSize}; every attack batch is checked to lie in the ε-ball and in
 * [0,1] and a violation throws ({@link PerturbationCheck}); the seed is fixed (auto-attack uses
 * the time when none is given).
 */
public final class AutoAttack {

    private final AutoAttackVersion version;
    private final Norm norm;
    private final double eps;
    private final List<Attack> attacks;
    private final int batchSize;

    private AutoAttack(AutoAttackVersion version, Norm norm, double eps, List<Attack> attacks,
                       int batchSize) {
        this.version = version;
        this.norm = norm;
        this.eps = InputValidation.requireRadius("AutoAttack eps", eps);
        this.batchSize = InputValidation.requireAtLeast("AutoAttack batchSize", batchSize, 1);
        if (attacks.isEmpty()) {
            throw new IllegalArgumentException("AutoAttack needs at least one attack");
        }
        for (Attack a : attacks) {
            if (a.norm() != norm || a.eps() != eps) {
                throw new IllegalArgumentException("attack " + a.name() + " uses " + a.norm().label()
                        + " eps " + a.eps() + " but AutoAttack uses " + norm.label() + " eps " + eps);
            }
        }
        this.attacks = List.copyOf(attacks);
    }

    /** Version {@code standard}, {@code plus} or {@code rand} ('custom' needs a list: see below). */
    public static AutoAttack version(String version, Norm norm, double eps, long seed, int batchSize) {
        AutoAttackVersion v = AutoAttackVersion.parse(version);
        List<String> names;
        switch (v) {
            case STANDARD:
                names = List.of("apgd-ce", "apgd-t", "fab-t", "square");
                break;
            case PLUS:
                names = List.of("apgd-ce", "apgd-dlr", "fab", "square", "apgd-t", "fab-t");
                break;
            case RAND:
                names = List.of("apgd-ce", "apgd-dlr");
                break;
            default:
                throw new IllegalArgumentException("version 'custom' needs a list of attacks; use custom(...)");
        }
        return new AutoAttack(v, norm, eps, build(names, v, norm, eps, seed), batchSize);
    }

    /** Version 'custom': the named attacks with auto-attack's constructor defaults. */
    public static AutoAttack custom(List<String> names, Norm norm, double eps, long seed, int batchSize) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("custom AutoAttack needs a non-empty list of attack names");
        }
        return new AutoAttack(AutoAttackVersion.CUSTOM, norm, eps,
                build(names, AutoAttackVersion.CUSTOM, norm, eps, seed), batchSize);
    }

    /** Version 'custom' from attack objects (all with the same norm and ε). */
    public static AutoAttack ofAttacks(List<Attack> attacks, int batchSize) {
        if (attacks == null || attacks.isEmpty()) {
            throw new IllegalArgumentException("AutoAttack needs at least one attack");
        }
        return new AutoAttack(AutoAttackVersion.CUSTOM, attacks.get(0).norm(), attacks.get(0).eps(),
                attacks, batchSize);
    }

    private static List<Attack> build(List<String> names, AutoAttackVersion v, Norm norm, double eps,
                                      long seed) {
        List<Attack> out = new ArrayList<>();
        for (String name : names) {
            out.add(AttackCatalog.create(name, v, norm, eps, seed));
        }
        return out;
    }

    public List<Attack> attacks() {
        return attacks;
    }

    /** Evaluates {@code model} on images [N, C, H, W] in [0,1] with labels [N]. */
    public RobustnessReport evaluate(Classifier model, NDArray images, int[] labels) {
        InputValidation.requireImages(images);
        int n = Math.toIntExact(images.getShape().get(0));
        InputValidation.requireLabels(labels, n, model.numClasses());
        NDManager parent = images.getManager();
        try (NDManager work = parent.newSubManager()) {
            NDArray x = images.stopGradient();
            x.attach(work);
            boolean[] robust = cleanPass(model, x, labels);
            double clean = fraction(robust);
            NDArray adversarial = x.duplicate();
            List<AttackStep> steps = new ArrayList<>();
            for (Attack attack : attacks) {
                long start = System.nanoTime();
                int fooled = 0;
                int[] idx = Rows.where(robust, true);
                for (int from = 0; from < idx.length; from += batchSize) {
                    int[] chunk = Arrays.copyOfRange(idx, from, Math.min(idx.length, from + batchSize));
                    long[] ids = new long[chunk.length];
                    for (int j = 0; j < chunk.length; j++) {
                        ids[j] = chunk[j];
                    }
                    int[] y = Rows.gather(labels, chunk);
                    try (NDManager batch = work.newSubManager()) {
                        NDArray xb = Rows.gather(x, chunk);
                        xb.attach(batch);
                        NDArray adv = attack.perturb(model, xb, y, ids);
                        boolean[] stillCorrect = Predictions.correct(model, adv, y);
                        boolean[] take = new boolean[chunk.length];
                        for (int j = 0; j < chunk.length; j++) {
                            if (!stillCorrect[j]) {
                                take[j] = true;
                                robust[chunk[j]] = false;
                                fooled++;
                            }
                        }
                        NDArray merged = Rows.scatter(adversarial, chunk, adv, take);
                        merged.attach(work);
                        adversarial.close();
                        adversarial = merged;
                    }
                }
                steps.add(new AttackStep(attack.name(), fraction(robust), fooled,
                        (System.nanoTime() - start) / 1e9));
            }
            PerturbationCheck.requireWithin("AutoAttack", x, adversarial, norm, eps);
            double maxPerturbation = norm.perSample(adversarial.sub(x)).max().getFloat();
            adversarial.attach(parent);
            return new RobustnessReport(version, norm, eps, n, clean, List.copyOf(steps),
                    fraction(robust), robust, adversarial, maxPerturbation);
        }
    }

    private boolean[] cleanPass(Classifier model, NDArray x, int[] labels) {
        boolean[] out = new boolean[labels.length];
        for (int from = 0; from < labels.length; from += batchSize) {
            int to = Math.min(labels.length, from + batchSize);
            int[] chunk = new int[to - from];
            for (int j = 0; j < chunk.length; j++) {
                chunk[j] = from + j;
            }
            try (NDManager batch = x.getManager().newSubManager()) {
                NDArray xb = Rows.gather(x, chunk);
                xb.attach(batch);
                boolean[] ok = Predictions.correct(model, xb, Rows.gather(labels, chunk));
                System.arraycopy(ok, 0, out, from, ok.length);
            }
        }
        return out;
    }

    private static double fraction(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            c += f ? 1 : 0;
        }
        return (double) c / flags.length;
    }
}
