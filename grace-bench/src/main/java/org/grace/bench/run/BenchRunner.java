package org.grace.bench.run;

import ai.djl.ndarray.NDManager;
import org.grace.attacks.autoattack.RobustnessReport;
import org.grace.baselines.MethodRegistry;
import org.grace.bench.grid.RunSpec;
import org.grace.bench.record.Evaluations;
import org.grace.bench.record.RunRecord;
import org.grace.bench.record.RunStore;
import org.grace.model.clip.ClipModel;
import org.grace.model.grace.GraceMethod;
import org.grace.model.method.FinetuningMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodRunner;
import org.grace.model.train.ProgressBar;
import org.grace.model.train.TrainingResult;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.model.zeroshot.ZeroShotHead;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trains and evaluates each {@link RunSpec} of a grid, appending one {@link RunRecord} per
 * evaluation to a {@link RunStore}.
 *
 * <p>Resume: a cell whose evaluations are all stored is skipped; otherwise training resumes from
 * the checkpoint in its work folder (or reloads the finished model) and only the missing
 * evaluations run. Training and evaluation are seeded, so the numbers are the ones an
 * uninterrupted run writes. Progress: the loop's bar per run and, after each run, the overall
 * count and ETA.
 */
public final class BenchRunner {

    /** The evaluations every cell records, in the order they run. */
    public static final List<String> EVALUATIONS = List.of(Evaluations.TRAIN, Evaluations.CLEAN, Evaluations.ROBUST,
            Evaluations.ROBUST_EPS, Evaluations.TRANSFER, Evaluations.THEORY);

    private final Setting setting;
    private final Budget budget;
    private final RunStore store;
    private final Path workFolder;
    private final Map<String, String> provenance;
    private final TheoryEvaluation theory;
    private final ProgressBar.Mode progress;
    private final PrintStream log;

    public BenchRunner(Setting setting, Budget budget, RunStore store, Path workFolder, Map<String, String> provenance,
                       TheoryEvaluation theory, ProgressBar.Mode progress, PrintStream log) {
        this.setting = setting;
        this.budget = budget;
        this.store = store;
        this.workFolder = workFolder;
        this.provenance = Map.copyOf(provenance);
        this.theory = theory;
        this.progress = progress;
        this.log = log;
    }

    /** Runs every cell not yet complete; returns the number of cells that did work. */
    public int run(List<RunSpec> cells, NDManager root) {
        long start = System.nanoTime();
        int done = 0;
        int worked = 0;
        for (RunSpec cell : cells) {
            if (complete(cell)) {
                done++;
                log.printf(Locale.ROOT, "[%d/%d] %s already recorded, skipped%n", done, cells.size(), cell.id());
                continue;
            }
            long t0 = System.nanoTime();
            runCell(cell, root);
            worked++;
            done++;
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = elapsed / worked * (cells.size() - done);
            log.printf(Locale.ROOT, "[%d/%d] %s done in %.1f s; elapsed %s, ETA %s%n", done, cells.size(), cell.id(),
                    (System.nanoTime() - t0) / 1e9, clock(elapsed), clock(eta));
        }
        return worked;
    }

    /** Whether every evaluation due for {@code cell} is stored. */
    public boolean complete(RunSpec cell) {
        return evaluationsFor(cell).stream().allMatch(e -> store.contains(cell.id() + "/" + e));
    }

    /** The evaluations due for {@code cell}: all, except the ε curve beyond the budget's first seeds. */
    public List<String> evaluationsFor(RunSpec cell) {
        return EVALUATIONS.stream()
                .filter(e -> !e.equals(Evaluations.ROBUST_EPS) || cell.seed() < budget.epsSeeds())
                .toList();
    }

    private void runCell(RunSpec cell, NDManager root) {
        try (NDManager m = root.newSubManager()) {
            ClipModel model = setting.pretrained(m);
            ClipModel reference = setting.pretrained(m);
            ZeroShotHead head = ZeroShotHead.build(model, setting.tokenizer(), setting.idTexts().classNames(),
                    setting.idTexts().templates(), m, 64);
            MethodContext context = new MethodContext(model, reference, head, setting.tokenizer(), setting.idTexts(),
                    setting.train(), setting.heldOut(), budget.steps(), budget.batchSize(), cell.seed(), m);
            FinetuningMethod method = MethodRegistry.create(cell.method());
            Map<String, String> prov = new LinkedHashMap<>(provenance);
            prov.put("config", method.settings().toJson().toString());
            prov.put("budget", budget.toString());
            prov.putAll(setting.describe());
            Path folder = workFolder.resolve(cell.method()).resolve("seed" + cell.seed());
            long t0 = System.nanoTime();
            Optional<TrainingResult> trained = MethodRunner.run(method, context, folder, progress);
            double wall = (System.nanoTime() - t0) / 1e9;
            record(cell, Evaluations.TRAIN, () -> trainMetrics(trained, folder, wall), prov,
                    trained.isPresent() ? curve(folder) : Map.of());
            model.deploy();
            ClipClassifier deployed = new ClipClassifier(model, head);
            RunEvaluator eval = new RunEvaluator(setting, budget, Math.max(budget.batchSize(), 64));
            record(cell, Evaluations.CLEAN, () -> eval.clean(deployed, m), prov, Map.of());
            boolean needAdversarial = !complete(cell);
            RobustnessReport apgd = null;
            LabelledImages idAttacked = null;
            if (needAdversarial) {
                idAttacked = LabelledImages.first(setting.evaluationSplits().get("id"), budget.apgdSamples(), m);
                long ta = System.nanoTime();
                apgd = eval.apgd(deployed, idAttacked, budget.eps(), budget.apgdIterations(), cell.seed());
                prov.put("apgd_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - ta) / 1e9));
            }
            RobustnessReport headline = apgd;
            record(cell, Evaluations.ROBUST, () -> eval.robust(deployed, headline, cell.seed(), m), prov, Map.of());
            if (evaluationsFor(cell).contains(Evaluations.ROBUST_EPS)) {
                record(cell, Evaluations.ROBUST_EPS, () -> eval.robustVersusEps(deployed, headline, cell.seed(), m),
                        prov, Map.of());
            }
            record(cell, Evaluations.TRANSFER, () -> eval.transfer(model, m), prov, Map.of());
            if (!store.contains(cell.id() + "/" + Evaluations.THEORY)) {
                Map<String, Integer> ranks = method instanceof GraceMethod g ? g.ranks() : Map.of();
                long tt = System.nanoTime();
                TheoryEvaluation.Result r = theory.measure(new TheoryEvaluation.Inputs(cell.method(), setting, budget, model,
                        reference, head, idAttacked, headline.adversarial(), ranks, cell.seed()), m);
                append(cell, Evaluations.THEORY, r.metrics(), r.series(), r.notes(), prov,
                        (System.nanoTime() - tt) / 1e9);
            }
        }
    }

    private Map<String, Double> trainMetrics(Optional<TrainingResult> trained, Path folder, double wall) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (trained.isEmpty()) {
            out.put("wall_s", 0.0);
            out.put("steps", 0.0);
            out.put("batch", 0.0);
            out.put("ms_per_step", 0.0);
            return out;
        }
        TrainingCurve c = TrainingCurve.read(folder, 200);
        out.put("wall_s", c.wallSeconds());
        out.put("steps", (double) budget.steps());
        out.put("batch", (double) budget.batchSize());
        out.put("ms_per_step", 1000 * c.wallSeconds() / budget.steps());
        out.put("final_loss", trained.get().last().loss());
        out.put("process_wall_s", wall);
        return out;
    }

    private static Map<String, List<Double>> curve(Path folder) {
        TrainingCurve c = TrainingCurve.read(folder, 200);
        Map<String, List<Double>> out = new LinkedHashMap<>();
        out.put("step", c.steps());
        out.put("loss", c.losses());
        return out;
    }

    private interface Metrics {
        Map<String, Double> compute();
    }

    private void record(RunSpec cell, String evaluation, Metrics metrics, Map<String, String> prov,
                        Map<String, List<Double>> series) {
        if (store.contains(cell.id() + "/" + evaluation)) {
            return;
        }
        long t0 = System.nanoTime();
        Map<String, Double> values = metrics.compute();
        append(cell, evaluation, values, series, Map.of(), prov, (System.nanoTime() - t0) / 1e9);
    }

    private void append(RunSpec cell, String evaluation, Map<String, Double> metrics, Map<String, List<Double>> series,
                        Map<String, String> notes, Map<String, String> prov, double seconds) {
        Map<String, String> p = new LinkedHashMap<>(prov);
        p.put("evaluation_wall_s", String.format(Locale.ROOT, "%.2f", seconds));
        store.append(new RunRecord(RunRecord.SCHEMA, cell.method(), cell.seed(), setting.scale(), evaluation, metrics,
                series, notes, p));
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
