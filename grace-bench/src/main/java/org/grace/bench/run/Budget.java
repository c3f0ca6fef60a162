package org.grace.bench.run;

import java.util.List;

/**
 * How much work one (method, seed) run does: the training budget every method shares, and the
 * size of each evaluation. Presets: {@link #quick()} (the smoke run, minutes), {@link #standard()}
 * (the default embedded reproduction, ≤ 30 min on 2 cores) and {@link #paper()} (ImageNet scale).
 *
 * @param steps          optimiser steps per method (the same for every method: equal budgets)
 * @param batchSize      images per step
 * @param evalLimit      at most this many images per clean/transfer split (0 = all)
 * @param epsPixels      the training and headline ε, in 1/255 units (paper: 4)
 * @param apgdSamples    ID test images attacked for the headline APGD-CE number
 * @param apgdIterations APGD-CE iterations (auto-attack: 100)
 * @param autoAttackSamples ID test images for the full AutoAttack {@code standard} (0 = skip)
 * @param autoAttackSeeds   run AutoAttack {@code standard} only for seeds below this
 * @param epsSeeds       compute the robust-accuracy-vs-ε curve only for seeds below this
 * @param epsGrid        ε values (1/255 units) of the robust-accuracy-vs-ε curve
 * @param epsSamples     images per ε of that curve
 * @param epsIterations  APGD-CE iterations per ε of that curve
 * @param probe          the theory probe's sample sizes and effort
 */
public record Budget(int steps, int batchSize, int evalLimit, double epsPixels, int apgdSamples, int apgdIterations,
                     int autoAttackSamples, int autoAttackSeeds, int epsSeeds, List<Double> epsGrid, int epsSamples,
                     int epsIterations, ProbeBudget probe) {

    /**
     * The theory probe's budget.
     *
     * @param samples        ID training images in the curvature batch
     * @param featureSamples images per domain (ID, OOD, Adv) for the feature discrepancies
     * @param densitySeeds   compute the Hessian spectral density only for seeds below this
     * @param lanczosSteps   at most this many Lanczos steps for λ_max
     * @param traceProbes    at most this many Hutchinson probes for the trace
     * @param layerProbes    Hutchinson probes per layer for the per-layer traces
     */
    public record ProbeBudget(int samples, int featureSamples, int densitySeeds, int lanczosSteps, int traceProbes,
                              int layerProbes) {

        public ProbeBudget {
            atLeast("probe samples", samples, 2);
            atLeast("probe featureSamples", featureSamples, 4);
            atLeast("probe densitySeeds", densitySeeds, 0);
            atLeast("probe lanczosSteps", lanczosSteps, 2);
            atLeast("probe traceProbes", traceProbes, 2);
            atLeast("probe layerProbes", layerProbes, 2);
        }
    }


    /** Validates every field, naming the one at fault. */
    public Budget {
        atLeast("steps", steps, 1);
        atLeast("batchSize", batchSize, 1);
        atLeast("evalLimit", evalLimit, 0);
        if (!(epsPixels > 0 && epsPixels <= 255)) {
            throw new IllegalArgumentException("budget epsPixels must be in (0, 255], got " + epsPixels);
        }
        atLeast("apgdSamples", apgdSamples, 1);
        atLeast("apgdIterations", apgdIterations, 1);
        atLeast("autoAttackSamples", autoAttackSamples, 0);
        atLeast("autoAttackSeeds", autoAttackSeeds, 0);
        atLeast("epsSeeds", epsSeeds, 0);
        epsGrid = List.copyOf(epsGrid);
        for (double e : epsGrid) {
            if (!(e >= 0 && e <= 255)) {
                throw new IllegalArgumentException("budget epsGrid value must be in [0, 255], got " + e);
            }
        }
        atLeast("epsSamples", epsSamples, 1);
        atLeast("epsIterations", epsIterations, 1);
        java.util.Objects.requireNonNull(probe, "probe budget");
    }

    /** The smoke run: a few steps and small evaluations, to check that everything is produced. */
    public static Budget quick() {
        return new Budget(4, 16, 64, 4, 32, 5, 0, 0, 1, List.of(0.0, 2.0, 4.0, 8.0), 32, 5,
                new ProbeBudget(16, 32, 1, 6, 2, 2));
    }

    /** The default embedded reproduction. */
    public static Budget standard() {
        return new Budget(100, 32, 0, 4, 64, 30, 16, 1, 1, List.of(0.0, 1.0, 2.0, 4.0, 8.0), 64, 30,
                new ProbeBudget(32, 200, 1, 20, 10, 4));
    }

    /** ImageNet scale (the paper's protocol where it states one: APGD-CE 100 iterations at 4/255). */
    public static Budget paper() {
        return new Budget(10_000, 128, 0, 4, 1000, 100, 1000, 1, 3, List.of(0.0, 1.0, 2.0, 4.0, 8.0), 1000, 100,
                new ProbeBudget(128, 2000, 1, 30, 30, 8));
    }

    /** The named preset: quick, standard or paper. */
    public static Budget named(String name) {
        switch (name) {
            case "quick":
                return quick();
            case "standard":
                return standard();
            case "paper":
                return paper();
            default:
                throw new IllegalArgumentException("unknown budget '" + name + "'; known: quick, standard, paper");
        }
    }

    /** This budget with another step count. */
    public Budget withSteps(int newSteps) {
        return new Budget(newSteps, batchSize, evalLimit, epsPixels, apgdSamples, apgdIterations, autoAttackSamples,
                autoAttackSeeds, epsSeeds, epsGrid, epsSamples, epsIterations, probe);
    }

    /** ε in pixel units of the [0, 1] range. */
    public double eps() {
        return epsPixels / 255.0;
    }

    static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("budget " + name + " must be >= " + min + ", got " + value);
        }
    }
}
