package org.grace.bench.grid;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class ShardTest {

    @Test
    void theShardsPartitionTheGrid() {
        qt().forAll(integers().between(1, 17), integers().between(1, 5), integers().between(1, 12))
                .checkAssert((methods, seeds, n) -> {
                    List<String> names = IntStream.range(0, methods).mapToObj(i -> "m" + i).toList();
                    List<RunSpec> grid = Grid.of(names, IntStream.range(0, seeds).boxed().toList());
                    List<RunSpec> union = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        union.addAll(new Shard(i, n).select(grid));
                    }
                    assertEquals(grid.size(), union.size());
                    assertEquals(new HashSet<>(grid), new HashSet<>(union));
                });
    }

    @Test
    void theGridIsSeedMajor() {
        List<RunSpec> grid = Grid.of(List.of("a", "b"), List.of(0, 1));
        assertEquals(List.of(new RunSpec("a", 0), new RunSpec("b", 0), new RunSpec("a", 1), new RunSpec("b", 1)), grid);
    }

    @Test
    void shardsParseAndNameTheirStores() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertEquals("runs-shard-2-of-4", Shard.parse("2/4").storeName());
        assertEquals("runs", Shard.all().storeName());
        Set<String> bad = Set.of("0/3", "4/3", "2", "a/b", "1/0");
        for (String s : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(s));
            assertTrue(e.getMessage().contains("shard"), e.getMessage());
        }
    }
}
