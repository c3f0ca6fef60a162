package org.grace.bench.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.data.ImageDataset;
import org.grace.theory.drift.TensorDrift;
import org.grace.theory.probe.MethodProbe;
import org.grace.theory.probe.ProbeConfig;
import org.grace.theory.probe.ProbeInputs;
import org.grace.theory.probe.ProbeResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code theory} evaluation through grace-theory's {@link MethodProbe}: drift, λ_max, trace,
 * per-layer traces (beside GRACE's allocated ranks), the spectral density (first seeds only),
 * Lemma 3.2 discrepancies, proxy A-distances and Theorem 3.1's terms.
 *
 * <p>Data: the curvature batch is the first {@code Budget.probe().samples()} ID training images (the
 * bound's empirical risk is a training risk); the feature sets are the first
 * {@code Budget.probe().featureSamples()} ID test images, the same number drawn equally from the OOD
 * analogues (V2, Sketch, R: "OOD" is their union, as the OOD average is their mean), and the
 * headline attack's adversarial ID images.
 */
public final class ProbeTheoryEvaluation implements TheoryEvaluation {

    @Override
    public Result measure(Inputs in, NDManager manager) {
        Budget b = in.budget();
        Setting s = in.setting();
        try (NDManager scope = manager.newSubManager()) {
            Budget.ProbeBudget p = b.probe();
            ProbeConfig config = ProbeConfig.defaults(in.seed()).withCurvatureBatch(p.samples())
                    .withLanczos(p.lanczosSteps(), 1e-3)
                    .withTraceProbes(Math.min(4, p.traceProbes()), p.traceProbes(), p.layerProbes())
                    .withSlq(in.seed() < p.densitySeeds());
            LabelledImages id = LabelledImages.first(s.evaluationSplits().get("id"), p.featureSamples(), scope);
            LabelledImages ood = ood(s, p.featureSamples(), scope);
            LabelledImages adv = new LabelledImages(in.adversarial(), in.attacked().labels());
            Set<Integer> classes = comparableClasses(List.of(id, ood, adv));
            ProbeInputs inputs = new ProbeInputs(in.method(), in.deployed(), in.head(), in.reference(),
                    theory("curvature", LabelledImages.first(s.train(), p.samples(), scope)),
                    theory("id", id.keep(classes)), theory("ood", ood.keep(classes)),
                    theory("adversarial", adv.keep(classes)), s.train().size());
            ProbeResult r = MethodProbe.measure(inputs, config, scope);
            return toResult(r, in.ranks());
        }
    }

    /**
     * The classes with at least two images in every feature set: Lemma 3.2 compares class
     * centroids and covariances, so a class must be estimable in each domain. With 10 classes and
     * the embedded budget every class qualifies; at ImageNet scale, with fewer attacked images than
     * 2 × 1000, the discrepancies cover the classes that do.
     */
    static Set<Integer> comparableClasses(List<LabelledImages> sets) {
        Set<Integer> out = new TreeSet<>(sets.get(0).classCounts().keySet());
        for (LabelledImages set : sets) {
            Map<Integer, Integer> counts = set.classCounts();
            out.removeIf(c -> counts.getOrDefault(c, 0) < 2);
        }
        if (out.size() < 2) {
            throw new IllegalStateException("the feature sets share fewer than 2 classes with >= 2 images each"
                    + " (Lemma 3.2 needs them); raise the budget's apgdSamples or probe featureSamples");
        }
        return out;
    }

    static Result toResult(ProbeResult r, Map<String, Integer> ranks) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<String> names = r.layerNames();
        series.put("layer_trace", boxed(r.layerTraceValues()));
        notes.put("layer_names", String.join(",", names));
        if (!ranks.isEmpty()) {
            List<Double> allocated = new ArrayList<>();
            for (String n : names) {
                allocated.add(ranks.getOrDefault(n, 0).doubleValue());
            }
            series.put("layer_rank", allocated);
        }
        List<Double> drift = new ArrayList<>();
        for (TensorDrift d : r.layerDrift().values()) {
            drift.add(d.relative());
        }
        series.put("layer_drift", drift);
        notes.put("drift_layer_names", String.join(",", r.layerDrift().keySet()));
        if (r.density() != null) {
            series.put("slq_grid", boxed(r.density().grid()));
            series.put("slq_density", boxed(r.density().density()));
        }
        series.put("lanczos_ritz", boxed(r.lanczos().ritzValues()));
        Map<String, Double> metrics = new LinkedHashMap<>(r.metrics());
        metrics.put("id_error", r.idError());
        metrics.put("asymmetry", r.asymmetry());
        return new Result(metrics, series, notes);
    }

    private static org.grace.theory.probe.LabelledImages theory(String name, LabelledImages images) {
        return new org.grace.theory.probe.LabelledImages(name, images.images(), images.labels());
    }

    /** Equal parts of V2, Sketch and R (those present), concatenated. */
    private static LabelledImages ood(Setting s, int n, NDManager m) {
        List<LabelledImages> parts = new ArrayList<>();
        List<ImageDataset> splits = new ArrayList<>();
        for (String name : List.of("v2", "sketch", "r")) {
            ImageDataset d = s.evaluationSplits().get(name);
            if (d != null) {
                splits.add(d);
            }
        }
        if (splits.isEmpty()) {
            throw new IllegalStateException("the theory probe needs at least one OOD split (v2, sketch or r)");
        }
        int each = Math.max(1, n / splits.size());
        for (ImageDataset d : splits) {
            parts.add(LabelledImages.first(d, each, m));
        }
        NDArray images = parts.get(0).images();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                images = images.concat(parts.get(i).images(), 0);
            }
            for (int l : parts.get(i).labels()) {
                labels.add(l);
            }
        }
        return new LabelledImages(images, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
