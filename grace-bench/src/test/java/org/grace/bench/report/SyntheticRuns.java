package org.grace.bench.report;

import org.grace.bench.record.Evaluations;
import org.grace.bench.record.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic run records for every registered method × seeds, with every evaluation and
 * profiles shaped like the paper's tables (S1 high ID/OOD and low Adv, S2 the reverse, GRACE high on
 * all three), plus small per-seed noise.
 */
final class SyntheticRuns {

    /** id, ood, natural-adv, apgd, drift, lambda_max, cost ÷ ft, zero-shot. */
    static final Map<String, double[]> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("zeroshot", new double[] {.63, .57, .12, .02, 0.0, 2000, 0.05, .62});
        PROFILES.put("ft", new double[] {.75, .56, .12, .02, .30, 3200, 1, .50});
        PROFILES.put("wise-ft", new double[] {.70, .58, .12, .02, .08, 3300, 1.05, .60});
        PROFILES.put("tpgm", new double[] {.71, .575, .12, .02, .10, 3100, 1.2, .59});
        PROFILES.put("spd", new double[] {.72, .57, .12, .02, .10, 3000, 1.1, .58});
        PROFILES.put("flyp", new double[] {.73, .575, .12, .03, .15, 3000, 1.3, .57});
        PROFILES.put("tecoa", new double[] {.525, .38, .10, .32, .47, 2500, 7, .39});
        PROFILES.put("fare", new double[] {.55, .40, .10, .30, .40, 2400, 6.5, .42});
        PROFILES.put("pmg-aft", new double[] {.58, .434, .12, .35, .42, 2300, 7.5, .43});
        PROFILES.put("lora-ft", new double[] {.728, .55, .11, .02, .05, 3300, 0.9, .59});
        PROFILES.put("lora-spd", new double[] {.73, .56, .11, .03, .05, 3200, 0.95, .59});
        PROFILES.put("lora-tecoa", new double[] {.60, .45, .14, .38, .08, 2000, 5.5, .55});
        PROFILES.put("vpt-pmg-aft", new double[] {.70, .52, .14, .40, .04, 2000, 6, .58});
        PROFILES.put("grace-gv-only", new double[] {.72, .565, .11, .04, .06, 3100, 1.5, .59});
        PROFILES.put("grace-awp-nocurr", new double[] {.71, .53, .13, .26, .08, 2000, 4.5, .57});
        PROFILES.put("grace-awp-curr", new double[] {.725, .54, .14, .38, .09, 1700, 4.8, .58});
        PROFILES.put("grace", new double[] {.742, .57, .14, .40, .09, 1600, 5, .59});
    }

    private SyntheticRuns() {
    }

    /** Every method × the given seeds, all evaluations. */
    static List<RunRecord> all(int... seeds) {
        List<RunRecord> out = new ArrayList<>();
        for (String m : PROFILES.keySet()) {
            for (int seed : seeds) {
                out.addAll(records(m, seed));
            }
        }
        return out;
    }

    /** All evaluations of one (method, seed). */
    static List<RunRecord> records(String method, int seed) {
        double[] p = PROFILES.get(method);
        SplittableRandom rng = new SplittableRandom(31L * method.hashCode() + seed);
        List<RunRecord> out = new ArrayList<>();
        double wall = 100.0 * p[6] * (1 + 0.02 * rng.nextGaussian());
        List<Double> steps = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            steps.add((double) (s * 10));
            loss.add(2.0 * Math.exp(-s / 8.0) + 0.3 + 0.02 * rng.nextGaussian());
        }
        out.add(record(method, seed, Evaluations.TRAIN, Map.of("wall_s", wall, "steps", 200.0, "batch", 32.0,
                "ms_per_step", wall * 5, "final_loss", loss.get(19)), Map.of("step", steps, "loss", loss), Map.of()));
        Map<String, Double> clean = new LinkedHashMap<>();
        clean.put("id", noisy(rng, p[0]));
        clean.put("v2", noisy(rng, p[1] + 0.03));
        clean.put("sketch", noisy(rng, p[1] - 0.05));
        clean.put("r", noisy(rng, p[1] + 0.02));
        clean.put("a", noisy(rng, p[2]));
        clean.put("a_plus", noisy(rng, p[2] - 0.02));
        out.add(record(method, seed, Evaluations.CLEAN, clean, Map.of(), Map.of()));
        out.add(record(method, seed, Evaluations.ROBUST, Map.of("apgd_ce", noisy(rng, p[3]), "n_apgd", 500.0, "eps", 4 / 255.0),
                Map.of(), Map.of()));
        Map<String, Double> eps = new LinkedHashMap<>();
        for (int k : new int[] {0, 1, 2, 4, 8}) {
            // Geometric from clean accuracy at ε = 0 to the APGD-CE accuracy at ε = 4/255.
            eps.put("eps_" + k, noisy(rng, p[0] * Math.pow(Math.max(p[3], 1e-3) / p[0], k / 4.0)));
        }
        eps.put("n", 200.0);
        out.add(record(method, seed, Evaluations.ROBUST_EPS, eps, Map.of(), Map.of()));
        Map<String, Double> transfer = new LinkedHashMap<>();
        double sum = 0;
        for (String task : Evaluations.TRANSFER_TASKS) {
            double v = noisy(rng, p[7]);
            transfer.put(task, v);
            sum += v;
        }
        transfer.put("mean", sum / Evaluations.TRANSFER_TASKS.size());
        out.add(record(method, seed, Evaluations.TRANSFER, transfer, Map.of(), Map.of()));
        out.add(theory(method, seed, p, rng));
        return out;
    }

    private static RunRecord theory(String method, int seed, double[] p, SplittableRandom rng) {
        double sigma = method.equals("ft") ? 0.02 : 0.01;
        double drift = Math.max(0, p[4] + 0.005 * rng.nextGaussian());
        double lambda = p[5] * (1 + 0.03 * rng.nextGaussian());
        double trace = lambda * 20;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("drift", drift);
        m.put("lambda_max", lambda);
        m.put("trace", trace);
        double disc = 0.2 + (p[0] - p[1]) * 0.8;
        for (String d : List.of("disc_id_ood", "disc_id_adv", "disc_ood_adv", "disc_max", "proxy_a_id_ood", "proxy_a_id_adv")) {
            m.put(d, disc);
        }
        double prior = drift * drift * 1e-4 / (sigma * sigma);
        double sharp = 0.5 * sigma * sigma * trace / 10;
        m.put("bound_risk", 1 - p[0]);
        m.put("bound_prior", prior);
        m.put("bound_sharpness", sharp);
        m.put("bound_discrepancy", disc);
        m.put("bound_total", 1 - p[0] + prior + sharp + disc + 0.01);
        m.put("bound_sigma", sigma);
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<Double> layers = new ArrayList<>();
        List<Double> layerTrace = new ArrayList<>();
        List<Double> rank = new ArrayList<>();
        for (int l = 0; l < 6; l++) {
            layers.add((double) l);
            double t = trace / 6 * (0.5 + l / 5.0);
            layerTrace.add(t);
            rank.add((double) (1 + l / 2));
        }
        series.put("layer_names_index", layers);
        series.put("layer_trace", layerTrace);
        if (method.startsWith("grace-awp") || method.equals("grace")) {
            series.put("layer_rank", rank);
        }
        List<Double> grid = new ArrayList<>();
        List<Double> density = new ArrayList<>();
        for (int g = 0; g < 40; g++) {
            double x = -100 + g * (lambda + 100) / 39;
            grid.add(x);
            density.add(Math.exp(-x * x / (2 * 200.0 * 200.0)) + 0.01);
        }
        series.put("slq_grid", grid);
        series.put("slq_density", density);
        return record(method, seed, Evaluations.THEORY, m, series, Map.of("failure_mode", "none"));
    }

    static RunRecord record(String method, int seed, String evaluation, Map<String, Double> metrics,
                            Map<String, List<Double>> series, Map<String, String> notes) {
        return new RunRecord(RunRecord.SCHEMA, method, seed, "embedded", evaluation, metrics, series, notes,
                Map.of("commit", "test"));
    }

    private static double noisy(SplittableRandom rng, double p) {
        return Math.min(1, Math.max(0, p + 0.004 * rng.nextGaussian()));
    }

    /** A context for tests. */
    static ReportContext context() {
        return new ReportContext("embedded", List.of(0, 1, 2), "abc1234", "OpenJDK 17.0.9", "0.36.0", "2.7.1", "2-core CPU",
                1234.5, "mvn -pl grace-bench exec:java -Dexec.args=report");
    }
}
