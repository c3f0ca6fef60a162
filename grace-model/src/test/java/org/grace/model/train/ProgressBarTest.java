package org.grace.model.train;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    private static StepMetrics step(int k) {
        return new StepMetrics(k, 0.5, 0.25, 1e-3, 1, 64, k);
    }

    private static String run(ProgressBar.Mode mode, int total) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             ProgressBar bar = new ProgressBar(out, mode, total, 25)) {
            for (int k = 1; k <= total; k++) {
                bar.update(step(k));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLineShowsStepLossAccuracyThroughputAndEta() {
        String line = ProgressBar.line(step(5), 20, 3725);
        assertEquals("step 5/20 [#####...............] loss 0.5000 acc 0.250 64.0 img/s ETA 1:02:05", line);
    }

    @Test
    void terminalModeRewritesOneLineAndEndsIt() {
        String out = run(ProgressBar.Mode.TERMINAL, 10);
        assertEquals(10, out.chars().filter(c -> c == '\r').count());
        assertTrue(out.endsWith("\n") && out.indexOf('\n') == out.length() - 1, "a single line, terminated once");
    }

    @Test
    void periodicModePrintsOnlyAtEachQuarterOfTheRun() {
        String out = run(ProgressBar.Mode.PERIODIC, 100);
        assertEquals(5, out.lines().count(), "steps 1, 25, 50, 75 and 100:\n" + out);
        assertTrue(out.indexOf('\r') < 0);
    }

    @Test
    void quietModePrintsNothing() {
        assertEquals("", run(ProgressBar.Mode.QUIET, 10));
    }
}
