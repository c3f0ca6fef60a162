package org.grace.bench.report;

import java.util.List;

/**
 * Where the records came from: written beside every number (manifest provenance columns, README).
 *
 * @param scale       "embedded" or "paper"
 * @param seeds       training seeds of the run
 * @param commit      git commit of the code that produced the records
 * @param jvm         Java runtime (vendor and version)
 * @param djl         DJL version
 * @param libtorch    libtorch version
 * @param hardware    CPU/GPU description
 * @param wallTimeS   total wall time of the run in seconds (≥ 0)
 * @param commandLine the command that produced the records
 */
public record ReportContext(String scale, List<Integer> seeds, String commit, String jvm, String djl, String libtorch,
                            String hardware, double wallTimeS, String commandLine) {

    public ReportContext {
        requireText("scale", scale);
        requireText("commit", commit);
        requireText("jvm", jvm);
        requireText("djl", djl);
        requireText("libtorch", libtorch);
        requireText("hardware", hardware);
        requireText("commandLine", commandLine);
        if (seeds == null) {
            throw new IllegalArgumentException("report context: seeds must be given (may be empty)");
        }
        seeds = List.copyOf(seeds);
        if (!(wallTimeS >= 0) || Double.isInfinite(wallTimeS)) {
            throw new IllegalArgumentException("report context: wallTimeS must be finite and >= 0, got " + wallTimeS);
        }
    }

    /** Seeds as "0 1 2". */
    public String seedsText() {
        return seeds.stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse("");
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank() || value.contains("\n")) {
            throw new IllegalArgumentException("report context: " + name + " must be one non-blank line, got '" + value + "'");
        }
    }
}
