package org.grace.baselines.bench;

import org.grace.baselines.MethodRegistry;
import org.grace.model.method.FinetuningMethod;
import org.grace.model.method.MethodFixture;
import org.grace.model.method.MethodRunner;
import org.grace.model.train.ProgressBar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Training cost of every registered method, measured in one run on the same context
 * ({@link MethodFixture}, batch 16, default settings including each method's training attack):
 * wall milliseconds per step after a warm-up run, and the ratio to {@code lora-ft} and to {@code ft}.
 * The paper reports GRACE at about 5× vanilla training and adversarial training at about 7×.
 * Run: {@code java -cp <grace-baselines test classpath> org.grace.baselines.bench.MethodCostBenchmark [steps]}.
 */
public final class MethodCostBenchmark {

    private MethodCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Map<String, Double> msPerStep = new LinkedHashMap<>();
        for (String name : MethodRegistry.names()) {
            FinetuningMethod warm = MethodRegistry.create(name);
            try (MethodFixture fixture = MethodFixture.tiny(1, 2, 16)) {
                MethodRunner.run(warm, fixture.context(), Files.createTempDirectory("warm"), ProgressBar.Mode.QUIET);
            }
            FinetuningMethod method = MethodRegistry.create(name);
            try (MethodFixture fixture = MethodFixture.tiny(1, steps, 16)) {
                Path folder = Files.createTempDirectory("cost");
                long t0 = System.nanoTime();
                MethodRunner.run(method, fixture.context(), folder, ProgressBar.Mode.QUIET);
                msPerStep.put(name, (System.nanoTime() - t0) / 1e6 / steps);
            }
        }
        double lora = msPerStep.get("lora-ft");
        double ft = msPerStep.get("ft");
        System.out.println("method            ms/step   × lora-ft   × ft");
        msPerStep.forEach((name, ms) -> System.out.printf(Locale.ROOT, "%-16s %8.1f %10.2f %6.2f%n", name, ms, ms / lora, ms / ft));
    }
}
