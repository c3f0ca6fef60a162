package org.grace.baselines.adversarial;

import org.grace.model.method.FinetuningMethod;
import org.grace.model.method.MethodFixture;
import org.grace.model.method.MethodRunner;
import org.grace.model.train.ProgressBar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the wall time per training step of each adversarial baseline on the tiny fixture model
 * (batch 8, default settings: PGD-10), after one warm-up run. Usage: run {@code main} from the
 * test classpath; no arguments.
 */
public final class AdversarialStepBenchmark {

    private static final int STEPS = 10;

    private AdversarialStepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<FinetuningMethod> methods = List.of(Tecoa.create(Tecoa.defaults()), Fare.create(Fare.defaults()),
                PmgAft.create(PmgAft.defaults()), LoraTecoa.create(LoraTecoa.defaults()),
                VptPmgAft.create(VptPmgAft.defaults()));
        run(methods.get(0));
        System.out.printf("%-12s %10s%n", "method", "ms/step");
        for (FinetuningMethod method : methods) {
            System.out.printf("%-12s %10.1f%n", method.name(), run(method) * 1000 / STEPS);
        }
    }

    private static double run(FinetuningMethod method) throws Exception {
        Path folder = Files.createTempDirectory("adv-bench");
        try (MethodFixture fixture = MethodFixture.tiny(1, STEPS, 8)) {
            long start = System.nanoTime();
            MethodRunner.run(method, fixture.context(), folder, ProgressBar.Mode.QUIET);
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
