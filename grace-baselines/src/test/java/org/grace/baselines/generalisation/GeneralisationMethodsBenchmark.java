package org.grace.baselines.generalisation;

import org.grace.model.method.FinetuningMethod;
import org.grace.model.method.MethodFixture;
import org.grace.model.method.MethodRunner;
import org.grace.model.train.ProgressBar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints the wall time of a short run (training + finish) of every generalisation baseline on the
 * tiny method fixture, so the relative cost of the probes (SPD), the radius fit (TPGM) and the
 * text tower (FLYP) is visible. Run: {@code mvn -o -q -pl grace-baselines -am test-compile} then
 * {@code java} this class on the test classpath with optional args {@code steps batch}.
 */
public final class GeneralisationMethodsBenchmark {

    private GeneralisationMethodsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        List<Map.Entry<String, Supplier<FinetuningMethod>>> methods = List.of(
                Map.entry(FullFinetuning.NAME, () -> FullFinetuning.create(FullFinetuning.defaults())),
                Map.entry(WiseFt.NAME, () -> WiseFt.create(WiseFt.defaults())),
                Map.entry(Tpgm.NAME, () -> Tpgm.create(Tpgm.defaults())),
                Map.entry(Spd.NAME, () -> Spd.create(Spd.defaults())),
                Map.entry(Flyp.NAME, () -> Flyp.create(Flyp.defaults())),
                Map.entry(LoraFt.NAME, () -> LoraFt.create(LoraFt.defaults())),
                Map.entry(LoraSpd.NAME, () -> LoraSpd.create(LoraSpd.defaults())));
        System.out.printf(Locale.ROOT, "tiny fixture, %d steps of %d images (TPGM adds its default radius fit)%n", steps, batch);
        for (Map.Entry<String, Supplier<FinetuningMethod>> entry : methods) {
            try (MethodFixture fixture = MethodFixture.tiny(1, steps, batch)) {
                Path folder = Files.createTempDirectory("bench-" + entry.getKey());
                long start = System.nanoTime();
                MethodRunner.run(entry.getValue().get(), fixture.context(), folder, ProgressBar.Mode.QUIET);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-9s %7.2f s  %7.1f ms/step%n", entry.getKey(), seconds,
                        1000 * seconds / steps);
            }
        }
    }
}
