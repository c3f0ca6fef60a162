package org.grace.bench.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.grace.bench.grid.Grid;
import org.grace.bench.grid.RunSpec;
import org.grace.bench.record.RunStore;
import org.grace.bench.record.SessionLog;
import org.grace.bench.report.ReportSummary;
import org.grace.bench.run.BenchRunner;
import org.grace.bench.run.EmbeddedSetting;
import org.grace.bench.run.PaperSetting;
import org.grace.bench.run.ProbeTheoryEvaluation;
import org.grace.bench.run.Provenance;
import org.grace.bench.run.Setting;
import org.grace.model.data.synth.SplitSizes;
import org.grace.model.engine.EngineSettings;
import org.grace.model.train.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code reproduce}: runs this process's part of the grid into {@code OUT/runs/} and, unless told
 * not to, writes the report from every record there. The default command of the bench.
 */
public final class ReproduceCommand {

    /** World seed of the committed tiny CLIP (the embedded world it was pretrained beside). */
    static final long EMBEDDED_WORLD_SEED = 7;

    private ReproduceCommand() {
    }

    /** The embedded world's split sizes: the defaults, or a smaller world for {@code --quick}. */
    static SplitSizes embeddedSizes(boolean quick) {
        return quick ? new SplitSizes(1000, 200, 200, 200, 200, 200, 100, 50, 100, 1000) : SplitSizes.defaults();
    }

    /** Runs the grid (resuming) and, when asked, writes the report, which it returns. */
    public static Optional<ReportSummary> run(BenchOptions options, List<String> commandLine, PrintStream log) {
        long start = System.nanoTime();
        String startedUtc = java.time.Instant.now().toString();
        Engine engine = EngineSettings.defaults().apply();
        Path runs = options.out().resolve("runs");
        if (options.fresh()) {
            deleteQuietly(runs.resolve(options.shard().storeName() + ".jsonl"));
            deleteTree(options.work());
        }
        RunStore store = RunStore.open(runs, options.shard().storeName());
        List<RunSpec> cells = options.shard().select(Grid.of(options.methods(), options.seeds()));
        Map<String, String> provenance = Provenance.of(engine);
        log.printf(Locale.ROOT, "GRACE reproduction: %s scale, %d methods × %d seeds, shard %d/%d (%d runs), budget %s%n",
                options.scale(), options.methods().size(), options.seeds().size(), options.shard().index(),
                options.shard().count(), cells.size(), options.budget());
        log.printf(Locale.ROOT, "records: %s (%d already there); work: %s%n", store.file(), store.records().size(),
                options.work());
        int worked;
        try (NDManager root = NDManager.newBaseManager();
             AutoCloseableSetting setting = open(options, root)) {
            BenchRunner runner = new BenchRunner(setting.setting(), options.budget(), store, options.work(), provenance,
                    new ProbeTheoryEvaluation(), ProgressBar.detectMode(), log);
            worked = runner.run(cells, root);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        SessionLog.append(runs, options.shard().storeName(), startedUtc, wall, worked, cells.size());
        log.printf(Locale.ROOT, "runs finished in %.1f s (%d of %d runs worked on in this session)%n", wall, worked,
                cells.size());
        if (!options.report()) {
            return Optional.empty();
        }
        return Optional.of(MergeCommand.writeReport(options, commandLine, provenance, log));
    }

    private static AutoCloseableSetting open(BenchOptions options, NDManager root) {
        if (options.scale().equals("paper")) {
            PaperSetting s = new PaperSetting(options.paperPaths(), root);
            return new AutoCloseableSetting(s, s::close);
        }
        EmbeddedSetting s = new EmbeddedSetting(EMBEDDED_WORLD_SEED, embeddedSizes(options.quick()), root);
        return new AutoCloseableSetting(s, s::close);
    }

    private record AutoCloseableSetting(Setting setting, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("--fresh: cannot delete " + file, e);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("--fresh: cannot delete " + folder, e);
        }
    }
}
