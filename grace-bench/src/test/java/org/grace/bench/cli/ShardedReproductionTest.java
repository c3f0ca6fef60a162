package org.grace.bench.cli;

import org.grace.bench.record.RunRecord;
import org.grace.bench.record.RunStore;
import org.grace.bench.report.ReportSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --shard i/n --no-report} on separate "machines" (here: separate work folders writing into
 * one reports folder, as a job array on a shared file system would), then {@code merge}: every
 * cell is recorded exactly once, in its shard's file, and the report covers them all.
 */
class ShardedReproductionTest {

    @Test
    void shardsRecordDisjointCellsAndMergeBuildsTheReportFromAll(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("reports");
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (int shard = 1; shard <= 2; shard++) {
            String[] args = {"--quick", "--methods", "zeroshot,lora-ft", "--seeds", "0,1", "--shard", shard + "/2",
                "--no-report", "--out", out.toString(), "--work", dir.resolve("work" + shard).toString()};
            Optional<ReportSummary> none = ReproduceCommand.run(BenchOptions.parse(args), List.of(args), log);
            assertTrue(none.isEmpty(), "a shard with --no-report writes no report");
        }
        assertTrue(Files.exists(out.resolve("runs/runs-shard-1-of-2.jsonl")));
        assertTrue(Files.exists(out.resolve("runs/runs-shard-2-of-2.jsonl")));
        List<RunRecord> records = RunStore.readAll(out.resolve("runs"));
        Set<String> cells = records.stream().map(r -> r.method() + "/" + r.seed()).collect(Collectors.toSet());
        assertEquals(Set.of("zeroshot/0", "lora-ft/0", "zeroshot/1", "lora-ft/1"), cells);
        assertEquals(records.size(), records.stream().map(RunRecord::key).distinct().count());

        String[] merge = {"--out", out.toString()};
        ReportSummary summary = MergeCommand.run(BenchOptions.parse(merge), List.of(merge), log);
        assertTrue(Files.readString(out.resolve("README.md")).contains("lora-ft"));
        assertTrue(summary.files().contains(out.resolve("manifest.csv")));
    }
}
