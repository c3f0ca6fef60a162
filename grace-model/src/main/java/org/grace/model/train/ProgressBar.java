package org.grace.model.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress on one line:
 * {@code step 12/100 [###.......] loss 2.3456 acc 0.531 345.2 img/s ETA 0:01:23}.
 *
 * <p>{@link Mode#TERMINAL} rewrites the line in place with a carriage return after every step;
 * {@link Mode#PERIODIC}, for logs and pipes where carriage returns would pile up, prints a full
 * line only when progress crosses a multiple of {@code percentEvery}% (and at the last step);
 * {@link Mode#QUIET} prints nothing. The ETA is the mean time per step of this session times the
 * steps left.
 */
public final class ProgressBar implements AutoCloseable {

    /** How progress is shown. */
    public enum Mode { QUIET, TERMINAL, PERIODIC }

    private static final int BAR_WIDTH = 20;

    private final PrintStream out;
    private final Mode mode;
    private final int total;
    private final int percentEvery;
    private final long startNanos;
    private int firstStep = -1;
    private int lastBucket = -1;
    private boolean dirty;
    private int lastLength;

    /**
     * @param percentEvery in PERIODIC mode, print when progress crosses a multiple of this (1..100)
     */
    public ProgressBar(PrintStream out, Mode mode, int total, int percentEvery) {
        if (total < 1) {
            throw new IllegalArgumentException("total steps must be >= 1, was " + total);
        }
        if (percentEvery < 1 || percentEvery > 100) {
            throw new IllegalArgumentException("percentEvery must be in [1, 100], was " + percentEvery);
        }
        this.out = out;
        this.mode = mode;
        this.total = total;
        this.percentEvery = percentEvery;
        this.startNanos = System.nanoTime();
    }

    /** TERMINAL when the JVM has a console (stderr is likely a terminal), PERIODIC otherwise. */
    public static Mode detectMode() {
        return System.console() != null ? Mode.TERMINAL : Mode.PERIODIC;
    }

    /** Shows the metrics of a completed step. */
    public void update(StepMetrics m) {
        if (firstStep < 0) {
            firstStep = m.step();
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int done = m.step() - firstStep + 1;
        double eta = elapsed / done * (total - m.step());
        switch (mode) {
            case QUIET -> { }
            case TERMINAL -> {
                String text = line(m, total, eta);
                // Pads with spaces so a shorter line fully covers the previous one.
                out.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
                lastLength = text.length();
                out.flush();
                dirty = true;
            }
            case PERIODIC -> {
                int bucket = (int) ((long) m.step() * 100 / total / percentEvery);
                if (bucket != lastBucket || m.step() == total) {
                    lastBucket = bucket;
                    out.println(line(m, total, eta));
                }
            }
        }
    }

    /** The progress line for a step (no line terminator). */
    public static String line(StepMetrics m, int total, double etaSeconds) {
        int filled = (int) ((long) m.step() * BAR_WIDTH / total);
        StringBuilder s = new StringBuilder();
        s.append("step ").append(m.step()).append('/').append(total).append(" [")
                .append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                .append(String.format(Locale.ROOT, "loss %.4f", m.loss()));
        if (!Double.isNaN(m.accuracy())) {
            s.append(String.format(Locale.ROOT, " acc %.3f", m.accuracy()));
        }
        s.append(String.format(Locale.ROOT, " %.1f img/s ETA %s", m.imagesPerSecond(), clock(etaSeconds)));
        return s.toString();
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Ends the terminal line so later output starts on a fresh one. */
    @Override
    public void close() {
        if (mode == Mode.TERMINAL && dirty) {
            out.println();
            dirty = false;
        }
    }
}
