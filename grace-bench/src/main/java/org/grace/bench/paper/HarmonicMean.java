package org.grace.bench.paper;

/**
 * The paper's summary score of the trilemma: HM = 3 / (1/ID + 1/OOD + 1/Adv), the harmonic mean of
 * ID accuracy, OOD average and Adv average (Tables 6–8, column "Harmonic Mean"). It is 0 when any
 * axis is 0 (the limit of the formula), so a method with no robustness at all scores 0.
 */
public final class HarmonicMean {

    private HarmonicMean() {
    }

    /** 3/(1/id + 1/ood + 1/adv); 0 if any argument is 0; NaN if any is NaN or negative. */
    public static double of(double id, double ood, double adv) {
        if (!(id >= 0 && ood >= 0 && adv >= 0)) {
            return Double.NaN;
        }
        if (id == 0 || ood == 0 || adv == 0) {
            return 0.0;
        }
        return 3.0 / (1.0 / id + 1.0 / ood + 1.0 / adv);
    }
}
