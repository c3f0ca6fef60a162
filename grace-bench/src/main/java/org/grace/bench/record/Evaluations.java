package org.grace.bench.record;

import java.util.List;

/**
 * The evaluations a run writes and the names inside each: the contract between the runner, which
 * writes {@link RunRecord}s, and the report, which reads them. Accuracies are fractions in [0, 1].
 */
public final class Evaluations {

    /** Training cost and curve. Metrics: {@code wall_s, steps, batch, ms_per_step, final_loss}; series: {@code step, loss}. */
    public static final String TRAIN = "train";
    /** Clean top-1 with the deployed head. Metrics: {@link #CLEAN_SPLITS}. */
    public static final String CLEAN = "clean";
    /** Adversarial accuracy. Metrics: {@code apgd_ce} (APGD-CE at the training ε), {@code n_apgd}, {@code eps},
     *  optionally {@code aa_standard} and {@code n_aa} (AutoAttack standard on a subset). */
    public static final String ROBUST = "robust";
    /** Robust accuracy against ε. Metrics {@code eps_<k>} for ε = k/255 (APGD-CE), and {@code n}. */
    public static final String ROBUST_EPS = "robust_eps";
    /** Zero-shot transfer. Metrics: one per task id ({@link #TRANSFER_TASKS}) and {@code mean}. */
    public static final String TRANSFER = "transfer";
    /** Geometry and bound terms. Metrics: {@link #THEORY_METRICS} plus {@code id_error}, {@code asymmetry};
     *  series: {@code layer_trace} and {@code layer_rank} (GRACE variants) in the order of the note
     *  {@code layer_names}, {@code layer_drift} in the order of the note {@code drift_layer_names},
     *  {@code lanczos_ritz}, and {@code slq_grid}/{@code slq_density} (the budget's first seeds). The
     *  failure mode is classified across methods by the report, not stored here. */
    public static final String THEORY = "theory";

    /** Clean split metric names: ID test, the three OOD analogues, the two natural-adversarial analogues. */
    public static final List<String> CLEAN_SPLITS = List.of("id", "v2", "sketch", "r", "a", "a_plus");
    /** OOD average = mean of these. */
    public static final List<String> OOD_SPLITS = List.of("v2", "sketch", "r");
    /** Transfer task ids, in report order. */
    public static final List<String> TRANSFER_TASKS = List.of("colour", "texture", "count", "position", "size",
            "background", "held-out-shapes", "orientation");
    /** Theory metric names. */
    public static final List<String> THEORY_METRICS = List.of("drift", "lambda_max", "trace", "disc_id_ood",
            "disc_id_adv", "disc_ood_adv", "disc_max", "proxy_a_id_ood", "proxy_a_id_adv", "bound_risk",
            "bound_prior", "bound_sharpness", "bound_discrepancy", "bound_total", "bound_sigma");

    private Evaluations() {
    }
}
