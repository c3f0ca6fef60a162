package org.grace.attacks.square;

/**
 * Square's schedule of the fraction p of pixels changed at iteration i (auto-attack
 * {@code square.py p_selection}, without rescaling): p_init divided by 1, 2, 4, ..., 512 for
 * i in [0,10], (10,50], (50,200], (200,500], (500,1000], (1000,2000], (2000,4000], (4000,6000],
 * (6000,8000], (8000,∞); the square side is s = max(round(sqrt(p·h·w)), 1), capped at min(h, w).
 */
public final class SquareSchedule {

    private static final int[] BOUNDS = {10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000};

    private SquareSchedule() {}

    /** The fraction p at iteration {@code i}. */
    public static double fraction(double pInit, int i) {
        int halvings = 0;
        while (halvings < BOUNDS.length && i > BOUNDS[halvings]) {
            halvings++;
        }
        return pInit / (1 << halvings);
    }

    /** The side of the ℓ∞ square for fraction p on an h×w image. */
    public static int side(double p, int h, int w) {
        int s = (int) Math.max(Math.round(Math.sqrt(p * h * w)), 1);
        return Math.min(s, Math.min(h, w));
    }

    /** The (odd, ≥ 3) side of the ℓ2 windows for fraction p, capped at min(h, w). */
    public static int sideL2(double p, int h, int w) {
        int s = (int) Math.max(Math.round(Math.sqrt(p * h * w)), 3);
        if (s % 2 == 0) {
            s++;
        }
        return Math.min(s, Math.min(h, w));
    }
}
