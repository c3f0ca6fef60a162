package org.grace.bench.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * Part {@code index} of {@code count} of the grid ({@code --shard i/n}, 1-based as a batch
 * scheduler's job array numbers its tasks). Cell {@code k} of the grid belongs to shard
 * {@code k mod n + 1}: round-robin over a seed-major grid spreads every method's cost over the
 * shards, and the union of all shards is the grid with no cell twice.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, got " + index + "/" + count);
        }
    }

    /** The whole grid. */
    public static Shard all() {
        return new Shard(1, 1);
    }

    /** Parses "i/n". */
    public static Shard parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard expects i/n (e.g. 2/4), got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard expects integers i/n, got '" + text + "'", e);
        }
    }

    /** This shard's cells, in grid order. */
    public List<RunSpec> select(List<RunSpec> grid) {
        List<RunSpec> out = new ArrayList<>();
        for (int k = 0; k < grid.size(); k++) {
            if (k % count == index - 1) {
                out.add(grid.get(k));
            }
        }
        return out;
    }

    /** The name of this shard's record file: {@code runs} for the whole grid, else {@code runs-shard-i-of-n}. */
    public String storeName() {
        return count == 1 ? "runs" : "runs-shard-" + index + "-of-" + count;
    }
}
