package org.grace.bench.report;

import org.grace.bench.paper.HarmonicMean;
import org.grace.bench.record.Evaluations;

import java.util.OptionalDouble;

/**
 * The named quantities of the report and how each is read from a run's records (BENCH.md):
 * ID = {@code clean.id}; OOD avg = mean(clean.v2, clean.sketch, clean.r); Adv avg =
 * mean(clean.a, clean.a_plus, robust.apgd_ce); HM = 3/(1/ID + 1/OOD + 1/Adv); zero-shot =
 * {@code transfer.mean}. A derived quantity exists only when all its parts were recorded.
 *
 * <p>Departure from the paper: the paper does not define "Adv Avg"; ours averages the two
 * natural-adversarial splits (ImageNet-A, -A-Plus analogues) and APGD-CE robust accuracy with equal
 * weights.
 */
public enum Quantity implements Measure {
    ID("id", "ID", true),
    V2("v2", "V2", true),
    SKETCH("sketch", "Sketch", true),
    R("r", "R", true),
    OOD_AVG("ood_avg", "OOD avg", true),
    A("a", "A", true),
    A_PLUS("a_plus", "A-Plus", true),
    APGD_CE("apgd_ce", "APGD-CE", true),
    ADV_AVG("adv_avg", "Adv avg", true),
    HM("hm", "HM", true),
    ZERO_SHOT("zero_shot", "zero-shot", true),
    DRIFT("drift", "drift", false),
    LAMBDA_MAX("lambda_max", "λ_max", false),
    TRACE("trace", "Tr H", false),
    DISCREPANCY("disc_max", "discrepancy", false),
    BOUND_RISK("bound_risk", "R̂_ID", false),
    BOUND_PRIOR("bound_prior", "(A) proximity", false),
    BOUND_SHARPNESS("bound_sharpness", "(B) sharpness", false),
    BOUND_DISCREPANCY("bound_discrepancy", "(C) discrepancy", false),
    BOUND_TOTAL("bound_total", "bound", false),
    BOUND_SIGMA("bound_sigma", "σ", false),
    WALL_S("wall_s", "train wall s", false),
    MS_PER_STEP("ms_per_step", "ms/step", false);

    /** The ten accuracy components of Tables 6–8, in column order. */
    public static final java.util.List<Quantity> COMPONENTS = java.util.List.of(ID, V2, SKETCH, R, OOD_AVG, A, A_PLUS,
            APGD_CE, ADV_AVG, HM);

    private final String key;
    private final String label;
    private final boolean percent;

    Quantity(String key, String label, boolean percent) {
        this.key = key;
        this.label = label;
        this.percent = percent;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean percent() {
        return percent;
    }

    @Override
    public OptionalDouble of(SeedRun run) {
        return switch (this) {
            case ID, V2, SKETCH, R, A, A_PLUS -> run.metric(Evaluations.CLEAN, key);
            case APGD_CE -> run.metric(Evaluations.ROBUST, "apgd_ce");
            case OOD_AVG -> mean(V2.of(run), SKETCH.of(run), R.of(run));
            case ADV_AVG -> mean(A.of(run), A_PLUS.of(run), APGD_CE.of(run));
            case HM -> {
                OptionalDouble id = ID.of(run);
                OptionalDouble ood = OOD_AVG.of(run);
                OptionalDouble adv = ADV_AVG.of(run);
                yield id.isPresent() && ood.isPresent() && adv.isPresent()
                        ? OptionalDouble.of(HarmonicMean.of(id.getAsDouble(), ood.getAsDouble(), adv.getAsDouble()))
                        : OptionalDouble.empty();
            }
            case ZERO_SHOT -> run.metric(Evaluations.TRANSFER, "mean");
            case DRIFT, LAMBDA_MAX, TRACE, DISCREPANCY, BOUND_RISK, BOUND_PRIOR, BOUND_SHARPNESS, BOUND_DISCREPANCY,
                 BOUND_TOTAL, BOUND_SIGMA -> run.metric(Evaluations.THEORY, key);
            case WALL_S, MS_PER_STEP -> run.metric(Evaluations.TRAIN, key);
        };
    }

    private static OptionalDouble mean(OptionalDouble... parts) {
        double sum = 0;
        for (OptionalDouble p : parts) {
            if (p.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += p.getAsDouble();
        }
        return OptionalDouble.of(sum / parts.length);
    }
}
