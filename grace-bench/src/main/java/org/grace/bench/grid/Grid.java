package org.grace.bench.grid;

import java.util.ArrayList;
import java.util.List;

/** The reproduction grid: every method × every seed, seed-major (seed 0 of every method first). */
public final class Grid {

    private Grid() {
    }

    /** Seed-major cells: a run stopped early still has every method for the first seeds. */
    public static List<RunSpec> of(List<String> methods, List<Integer> seeds) {
        if (methods.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("the grid needs at least one method and one seed");
        }
        List<RunSpec> out = new ArrayList<>();
        for (int seed : seeds) {
            for (String m : methods) {
                out.add(new RunSpec(m, seed));
            }
        }
        return out;
    }
}
