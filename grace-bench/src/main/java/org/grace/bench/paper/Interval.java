package org.grace.bench.paper;

/**
 * A closed interval [lo, hi] of the values a rounded number may stand for, with the monotone
 * operations the paper audit needs: a function that increases in each argument maps intervals to
 * the interval of its values at the endpoints, so every recomputation is exact, not a linearisation.
 *
 * @param lo lower end
 * @param hi upper end, ≥ lo
 */
public record Interval(double lo, double hi) {

    public Interval {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("interval needs lo <= hi, got [" + lo + ", " + hi + "]");
        }
    }

    /** The single point x. */
    public static Interval point(double x) {
        return new Interval(x, x);
    }

    /** Whether the two intervals share a value (a printed number is consistent with a recomputation). */
    public boolean overlaps(Interval other) {
        return lo <= other.hi && other.lo <= hi;
    }

    /** Whether x lies in the interval. */
    public boolean contains(double x) {
        return lo <= x && x <= hi;
    }

    /** {a − b : a ∈ this, b ∈ other}. */
    public Interval minus(Interval other) {
        return new Interval(lo - other.hi, hi - other.lo);
    }

    /** {a / b : a ∈ this, b ∈ other}, for positive intervals. */
    public Interval dividedBy(Interval other) {
        if (lo < 0 || other.lo <= 0) {
            throw new IllegalArgumentException("ratio of intervals needs positive values, got " + this + " / " + other);
        }
        return new Interval(lo / other.hi, hi / other.lo);
    }

    /**
     * The interval of the harmonic mean 3/(1/a + 1/b + 1/c) over three positive intervals (the
     * harmonic mean increases in each argument, so its range is attained at the corners).
     */
    public static Interval harmonicMean(Interval a, Interval b, Interval c) {
        return new Interval(HarmonicMean.of(a.lo, b.lo, c.lo), HarmonicMean.of(a.hi, b.hi, c.hi));
    }

    /** The midpoint. */
    public double mid() {
        return 0.5 * (lo + hi);
    }
}
