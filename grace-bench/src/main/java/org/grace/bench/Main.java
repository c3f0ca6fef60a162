package org.grace.bench;

import ai.djl.engine.Engine;
import org.grace.model.benchmark.ModelThroughput;
import org.grace.model.clip.ClipConfig;
import org.grace.model.engine.EngineInfo;
import org.grace.model.engine.EngineSettings;

import java.util.Map;

/**
 * Entry point of {@code mvn -pl grace-bench -am compile exec:java}.
 *
 * <p>At this stage of the suite it starts the engine offline and prints what the suite computes
 * with (DJL, libtorch, device, threads, JVM) and the model configurations it knows, with their
 * parameter counts; the reproduction runs are added by the bench issue.
 */
public final class Main {

    private Main() {
    }

    /**
     * Prints the engine facts and the available model configs; {@code bench-model} then measures
     * model throughput.
     */
    public static void main(String[] args) {
        Engine engine = EngineSettings.defaults().apply();
        System.out.println("GRACE reproduction suite");
        for (Map.Entry<String, String> e : EngineInfo.of(engine).asMap().entrySet()) {
            System.out.printf("  %-18s %s%n", e.getKey(), e.getValue());
        }
        System.out.println("Model configs:");
        for (String name : ClipConfig.names()) {
            ClipConfig c = ClipConfig.named(name);
            System.out.printf("  %-9s image %3d patch %2d vision %4d×%2d text %3d×%2d ctx %2d vocab %5d embed %3d  %,d parameters%n",
                    name, c.vision().imageSize(), c.vision().patchSize(), c.vision().width(), c.vision().layers(),
                    c.text().width(), c.text().layers(), c.text().contextLength(), c.text().vocabSize(), c.embedDim(),
                    c.parameterCount());
        }
        for (String arg : args) {
            if (arg.equals("bench-model")) {
                ModelThroughput.run(System.out);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; known: bench-model");
            }
        }
    }
}
