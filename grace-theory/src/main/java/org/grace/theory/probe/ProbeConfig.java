package org.grace.theory.probe;

import org.grace.theory.bound.PacBayesConfig;
import org.grace.theory.discrepancy.Lemma32Config;
import org.grace.theory.discrepancy.ProxyAConfig;
import org.grace.theory.spectral.HutchinsonConfig;
import org.grace.theory.spectral.LanczosConfig;
import org.grace.theory.spectral.SlqConfig;

/**
 * Settings of one {@link MethodProbe} measurement.
 *
 * @param curvatureBatch        images of the ID curvature batch the Hessian is taken on (the first this many)
 * @param lanczosMaxSteps       Lanczos steps (= Hessian-vector products) allowed for λ_max
 * @param lanczosTolerance      relative residual at which λ_max counts as converged (β_m|s_m| ≤ tol·|θ|)
 * @param traceMinProbes        Hutchinson probes drawn before the standard-error rule is consulted (≥ 2)
 * @param traceMaxProbes        the most Hutchinson probes for the whole trace
 * @param traceRelativeError    stop the whole-trace estimate when SE ≤ this·|mean|
 * @param layerProbes           Rademacher probes per layer for each per-layer trace (a fixed count, no stopping rule)
 * @param slq                   also estimate the spectral density by stochastic Lanczos quadrature
 * @param slqProbes             SLQ start vectors
 * @param slqSteps              Lanczos steps per SLQ probe
 * @param slqGridPoints         points of the density grid
 * @param slqVarianceFraction   Gaussian kernel variance as a fraction of max(1, spectral range)
 * @param symmetryTrials        random pairs of the symmetry check run before anything else (0 skips it)
 * @param symmetryTolerance     relative asymmetry above which the probe refuses the operator
 * @param normaliseFeatures     L2-normalise image features before the discrepancies (the head sees normalised
 *                              features, so this is the geometry the classifier uses)
 * @param lemma32               Lemma 3.2 settings (2L_f, bias correction, class weights)
 * @param proxyAPenalty         L2 penalty of the proxy A-distance's logistic domain classifier
 * @param pacBayes              Theorem 3.1 settings (δ, λ*, σ search)
 * @param seed                  seed of every random probe and split
 */
public record ProbeConfig(int curvatureBatch, int lanczosMaxSteps, double lanczosTolerance, int traceMinProbes,
                          int traceMaxProbes, double traceRelativeError, int layerProbes, boolean slq, int slqProbes,
                          int slqSteps, int slqGridPoints, double slqVarianceFraction, int symmetryTrials,
                          double symmetryTolerance, boolean normaliseFeatures, Lemma32Config lemma32,
                          double proxyAPenalty, PacBayesConfig pacBayes, long seed) {

    public ProbeConfig {
        requireAtLeast("curvatureBatch", curvatureBatch, 1);
        requireAtLeast("lanczosMaxSteps", lanczosMaxSteps, 1);
        requireOpenUnit("lanczosTolerance", lanczosTolerance);
        requireAtLeast("traceMinProbes", traceMinProbes, 2);
        if (traceMaxProbes < traceMinProbes) {
            throw new IllegalArgumentException("traceMaxProbes (" + traceMaxProbes + ") must be >= traceMinProbes ("
                    + traceMinProbes + ")");
        }
        requireOpenUnit("traceRelativeError", traceRelativeError);
        requireAtLeast("layerProbes", layerProbes, 2);
        requireAtLeast("slqProbes", slqProbes, 1);
        requireAtLeast("slqSteps", slqSteps, 1);
        requireAtLeast("slqGridPoints", slqGridPoints, 2);
        if (!(slqVarianceFraction > 0.0) || Double.isInfinite(slqVarianceFraction)) {
            throw new IllegalArgumentException("slqVarianceFraction must be positive and finite, got " + slqVarianceFraction);
        }
        requireAtLeast("symmetryTrials", symmetryTrials, 0);
        if (symmetryTrials > 0) {
            requireOpenUnit("symmetryTolerance", symmetryTolerance);
        }
        if (lemma32 == null || pacBayes == null) {
            throw new IllegalArgumentException("lemma32 and pacBayes settings must be given");
        }
        if (!(proxyAPenalty > 0.0) || Double.isInfinite(proxyAPenalty)) {
            throw new IllegalArgumentException("proxyAPenalty must be positive and finite, got " + proxyAPenalty);
        }
    }

    /**
     * The bench's settings: curvature batch 64; λ_max to 1e-3 within 25 steps; the trace to a 5%
     * standard error within 4–20 probes; 8 probes per layer; SLQ off (3 probes × 30 steps, 400 grid
     * points, kernel variance 1e-3·range when on: PyHessian's 1e-5 turns 90 quadrature nodes into a comb
     * of spikes, Google's spectral-density suggests trying up to 1e-1); one symmetry pair at 1e-4; normalised features; Lemma
     * 3.2 with 2L_f = 1; proxy-A penalty 1e-2; Theorem 3.1 with δ = 1 (the paper's expression, so
     * the terms sum to the total), λ* = 0, σ by golden section in [1e-8, 1e3].
     */
    public static ProbeConfig defaults(long seed) {
        return new ProbeConfig(64, 25, 1e-3, 4, 20, 0.05, 8, false, 3, 30, 400, 1e-3, 1, 1e-4, true,
                Lemma32Config.defaults(), 1e-2,
                new PacBayesConfig(1.0, 0.0, 1e-8, 1e3, PacBayesConfig.SigmaSearch.GOLDEN_SECTION, 0), seed);
    }

    /** This config with the spectral density switched on or off. */
    public ProbeConfig withSlq(boolean on) {
        return new ProbeConfig(curvatureBatch, lanczosMaxSteps, lanczosTolerance, traceMinProbes, traceMaxProbes,
                traceRelativeError, layerProbes, on, slqProbes, slqSteps, slqGridPoints, slqVarianceFraction,
                symmetryTrials, symmetryTolerance, normaliseFeatures, lemma32, proxyAPenalty, pacBayes, seed);
    }

    /** This config with another curvature batch size. */
    public ProbeConfig withCurvatureBatch(int size) {
        return new ProbeConfig(size, lanczosMaxSteps, lanczosTolerance, traceMinProbes, traceMaxProbes,
                traceRelativeError, layerProbes, slq, slqProbes, slqSteps, slqGridPoints, slqVarianceFraction,
                symmetryTrials, symmetryTolerance, normaliseFeatures, lemma32, proxyAPenalty, pacBayes, seed);
    }

    /** This config with another Lanczos budget and tolerance. */
    public ProbeConfig withLanczos(int maxSteps, double tolerance) {
        return new ProbeConfig(curvatureBatch, maxSteps, tolerance, traceMinProbes, traceMaxProbes,
                traceRelativeError, layerProbes, slq, slqProbes, slqSteps, slqGridPoints, slqVarianceFraction,
                symmetryTrials, symmetryTolerance, normaliseFeatures, lemma32, proxyAPenalty, pacBayes, seed);
    }

    /** This config with other Hutchinson budgets: whole trace within [min, max] probes, {@code perLayer} probes per layer. */
    public ProbeConfig withTraceProbes(int min, int max, int perLayer) {
        return new ProbeConfig(curvatureBatch, lanczosMaxSteps, lanczosTolerance, min, max, traceRelativeError,
                perLayer, slq, slqProbes, slqSteps, slqGridPoints, slqVarianceFraction, symmetryTrials,
                symmetryTolerance, normaliseFeatures, lemma32, proxyAPenalty, pacBayes, seed);
    }

    /** This config with the spectral density on, from {@code probes} start vectors of {@code steps} Lanczos steps each. */
    public ProbeConfig withDensity(int probes, int steps) {
        return new ProbeConfig(curvatureBatch, lanczosMaxSteps, lanczosTolerance, traceMinProbes, traceMaxProbes,
                traceRelativeError, layerProbes, true, probes, steps, slqGridPoints, slqVarianceFraction,
                symmetryTrials, symmetryTolerance, normaliseFeatures, lemma32, proxyAPenalty, pacBayes, seed);
    }

    /** λ_max settings. */
    LanczosConfig lanczos() {
        return new LanczosConfig(lanczosMaxSteps, 1, lanczosTolerance, stream(1));
    }

    /** Whole-trace settings. */
    HutchinsonConfig trace() {
        return new HutchinsonConfig(traceMinProbes, traceMaxProbes, traceRelativeError, 0.0, stream(2));
    }

    /** Per-layer trace settings: exactly {@code layerProbes} probes per layer ({@code BlockTrace} adds the layer index to the seed). */
    HutchinsonConfig layerTrace() {
        return new HutchinsonConfig(layerProbes, layerProbes, traceRelativeError, 0.0, stream(3));
    }

    /** Spectral-density settings. */
    SlqConfig density() {
        return new SlqConfig(slqProbes, slqSteps, slqGridPoints, slqVarianceFraction, stream(4));
    }

    ProxyAConfig proxyA() {
        return new ProxyAConfig(proxyAPenalty, stream(5));
    }

    long symmetrySeed() {
        return stream(6);
    }

    /** Seed of the k-th random stream: far apart for neighbouring seeds and streams (SplitMix64 mixing constant). */
    private long stream(int k) {
        return seed * 0x9E3779B97F4A7C15L + 1_000_003L * k;
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    private static void requireOpenUnit(String name, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
        }
    }
}
