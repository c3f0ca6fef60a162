package org.grace.bench.cli;

import org.grace.baselines.MethodRegistry;
import org.grace.bench.grid.Shard;
import org.grace.bench.run.Budget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    @Test
    void theDefaultIsTheEmbeddedReproductionOfEveryMethodOverThreeSeeds() {
        BenchOptions o = BenchOptions.parse(new String[0]);
        assertEquals("embedded", o.scale());
        assertEquals(MethodRegistry.names(), o.methods());
        assertEquals(List.of(0, 1, 2), o.seeds());
        assertEquals(Path.of("reports"), o.out());
        assertEquals(Budget.standard(), o.budget());
        assertEquals(Shard.all(), o.shard());
        assertTrue(o.report());
        assertFalse(o.fresh());
    }

    @Test
    void quickUsesTheQuickBudgetAndItsOwnOutputFolder() {
        BenchOptions o = BenchOptions.parse(new String[] {"--quick"});
        assertEquals(Budget.quick(), o.budget());
        assertEquals(Path.of("target/reports-quick"), o.out());
        assertEquals(List.of(0, 1), o.seeds());
    }

    @Test
    void optionsAreReadWithOrWithoutEquals() {
        BenchOptions o = BenchOptions.parse(new String[] {"--methods=ft,grace", "--seeds", "4", "--shard", "2/3",
            "--steps", "7", "--no-report"});
        assertEquals(List.of("ft", "grace"), o.methods());
        assertEquals(List.of(0, 1, 2, 3), o.seeds());
        assertEquals(new Shard(2, 3), o.shard());
        assertEquals(7, o.budget().steps());
        assertFalse(o.report());
    }

    @Test
    void anUnknownMethodFailsBeforeAnyWorkNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--methods", "ft,grace-xl"}));
        assertTrue(e.getMessage().contains("grace-xl") && e.getMessage().contains("registered"), e.getMessage());
    }

    @Test
    void unknownOptionsAndMissingValuesAreClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--fast"}))
                .getMessage().contains("--fast"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--seeds"}))
                .getMessage().contains("--seeds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--steps", "x"}))
                .getMessage().contains("--steps"));
    }

    @Test
    void paperScaleNeedsItsPathsAndChecksThatTheyExist(@TempDir Path dir) {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--scale", "paper"}));
        assertTrue(missing.getMessage().contains("--clip-weights"), missing.getMessage());
        Path nowhere = dir.resolve("imagenet");
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--scale", "paper", "--clip-weights", dir.toString(),
                    "--imagenet", nowhere.toString()}));
        assertTrue(absent.getMessage().contains(nowhere.toString()), absent.getMessage());
    }

    @Test
    void theUsageNamesEveryOption() {
        String usage = BenchOptions.usage();
        for (String option : List.of("--scale", "--methods", "--seeds", "--out", "--work", "--quick", "--shard",
                "--fresh", "--no-report", "--clip-weights", "--imagenet", "--transfer", "--help", "merge")) {
            assertTrue(usage.contains(option), option);
        }
    }
}
