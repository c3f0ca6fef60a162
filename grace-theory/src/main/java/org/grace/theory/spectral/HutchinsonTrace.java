package org.grace.theory.spectral;

import java.util.SplittableRandom;

/**
 * Hutchinson's stochastic trace estimator with Rademacher probes and a standard-error stopping rule.
 *
 * <p>Definition (Hutchinson 1990; theory.md §1): for v with i.i.d. ±1 entries, E[vᵀAv] = tr(A) and
 * Var[vᵀAv] = 2(‖A‖_F² − Σ_i a_ii²), so a diagonal A is estimated exactly by one probe. The estimate
 * is the mean of the probe values. Departure from PyHessian: PyHessian stops when two consecutive
 * running means agree to 1e-3, which two similar early samples satisfy; here the run stops when the
 * standard error SE = s/√n (s the sample standard deviation, Welford's update) falls to
 * {@code relativeStandardError·|mean|} or {@code absoluteStandardError}, after at least
 * {@code minSamples} probes.
 *
 * <p>A probe may be confined to a support (a parameter block): then the estimator targets the trace
 * of that diagonal block, tr(A_bb), because E[v_bᵀ A v_b] only sees A_bb.
 */
public final class HutchinsonTrace {

    private final HutchinsonConfig config;

    public HutchinsonTrace(HutchinsonConfig config) {
        this.config = config;
    }

    /** Estimates tr(A). */
    public TraceEstimate estimate(SymmetricOperator op) {
        return estimate(op, 0, op.dimension());
    }

    /** Estimates tr(A_bb) for the block of coordinates [offset, offset + length). */
    public TraceEstimate estimate(SymmetricOperator op, int offset, int length) {
        int n = op.dimension();
        if (offset < 0 || length <= 0 || offset + length > n) {
            throw new IllegalArgumentException("block [" + offset + ", " + (offset + length)
                    + ") is not a non-empty range inside [0, " + n + ")");
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        double mean = 0.0;
        double m2 = 0.0;
        int count = 0;
        double standardError = Double.POSITIVE_INFINITY;
        while (count < config.maxSamples()) {
            double[] v = new double[n];
            for (int i = offset; i < offset + length; i++) {
                v[i] = random.nextBoolean() ? 1.0 : -1.0;
            }
            double[] av = op.apply(v);
            Vectors.requireLength(av, n, "operator product for Hutchinson probe " + (count + 1));
            double sample = 0.0;
            for (int i = offset; i < offset + length; i++) {
                sample += v[i] * av[i];
            }
            if (!Double.isFinite(sample)) {
                throw new ArithmeticException("Hutchinson probe " + (count + 1) + " gave a non-finite vᵀAv = " + sample);
            }
            count++;
            double delta = sample - mean;
            mean += delta / count;
            m2 += delta * (sample - mean);
            if (count >= 2) {
                standardError = Math.sqrt(m2 / (count - 1) / count);
            }
            if (count >= config.minSamples()
                    && (standardError <= config.relativeStandardError() * Math.abs(mean)
                    || standardError <= config.absoluteStandardError())) {
                return new TraceEstimate(mean, standardError, count, true);
            }
        }
        return new TraceEstimate(mean, standardError, count, false);
    }
}
