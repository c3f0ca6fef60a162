package org.grace.bench.cli;

import ai.djl.engine.Engine;
import org.grace.bench.record.RunRecord;
import org.grace.bench.record.RunStore;
import org.grace.bench.record.SessionLog;
import org.grace.bench.report.ReportContext;
import org.grace.bench.report.ReportSummary;
import org.grace.bench.report.ReportWriter;
import org.grace.bench.run.Provenance;
import org.grace.model.engine.EngineSettings;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code merge}: builds the report from every record in {@code OUT/runs/*.jsonl}, whichever shard
 * or machine wrote it. Tables and figures come from the records only, so merging the same records
 * twice writes the same report.
 */
public final class MergeCommand {

    private MergeCommand() {
    }

    public static ReportSummary run(BenchOptions options, List<String> commandLine, PrintStream log) {
        Engine engine = EngineSettings.defaults().apply();
        return writeReport(options, commandLine, Provenance.of(engine), log);
    }

    /**
     * Writes the report. Its wall time is the sum of every session that worked on the records
     * ({@link SessionLog}); records without a session log (copied in by hand) count their own
     * training and evaluation seconds instead.
     */
    static ReportSummary writeReport(BenchOptions options, List<String> commandLine, Map<String, String> provenance,
                                     PrintStream log) {
        List<RunRecord> records = RunStore.readAll(options.out().resolve("runs"));
        if (records.isEmpty()) {
            throw new IllegalStateException("no run records in " + options.out().resolve("runs")
                    + "; run the reproduction first");
        }
        double sessions = SessionLog.totalSeconds(options.out().resolve("runs"));
        double wall = sessions > 0 ? sessions : recordedSeconds(records);
        List<Integer> seeds = List.copyOf(new TreeSet<>(records.stream().map(RunRecord::seed).toList()));
        String scale = records.get(0).scale();
        ReportContext ctx = new ReportContext(scale, seeds, provenance.get("commit"), provenance.get("jvm"),
                provenance.get("djl"), provenance.get("libtorch"), provenance.get("hardware"), wall,
                String.join(" ", commandLine));
        ReportSummary summary = ReportWriter.write(records, ctx, options.out());
        log.printf(Locale.ROOT, "report written to %s: %d records, %d files, %d claims%n", options.out(),
                records.size(), summary.files().size(), summary.claims().size());
        return summary;
    }

    private static double recordedSeconds(List<RunRecord> records) {
        double sum = 0;
        for (RunRecord r : records) {
            sum += r.metric("wall_s").orElse(0.0);
            String e = r.provenance().get("evaluation_wall_s");
            if (e != null) {
                sum += Double.parseDouble(e);
            }
        }
        return sum;
    }
}
