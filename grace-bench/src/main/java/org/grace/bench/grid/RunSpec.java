package org.grace.bench.grid;

/**
 * One cell of the reproduction grid: a registered method trained with one seed.
 *
 * @param method registered method name
 * @param seed   training seed (also seeds the attacks of its evaluation)
 */
public record RunSpec(String method, int seed) {

    public RunSpec {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("run spec needs a method name");
        }
        if (seed < 0) {
            throw new IllegalArgumentException("run spec seed must be >= 0, got " + seed + " for " + method);
        }
    }

    /** {@code method/seedK}, the prefix of its records' keys and the name of its work folder. */
    public String id() {
        return method + "/seed" + seed;
    }
}
