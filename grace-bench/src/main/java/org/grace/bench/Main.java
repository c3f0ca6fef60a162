package org.grace.bench;

import ai.djl.engine.Engine;
import org.grace.model.benchmark.ModelThroughput;
import org.grace.model.clip.ClipConfig;
import org.grace.model.data.synth.DescribeWorld;
import org.grace.model.engine.EngineInfo;
import org.grace.model.engine.EngineSettings;
import org.grace.model.pretrain.PretrainCommand;
import org.grace.model.pretrain.VerifyEmbeddedScale;

import java.util.Arrays;
import java.util.Map;

/**
 * Entry point of {@code mvn -pl grace-bench -am compile exec:java [-Dexec.args="COMMAND ..."]}.
 *
 * <p>Without a command it starts the engine offline and prints what the suite computes with (DJL,
 * libtorch, device, threads, JVM) and the model configurations it knows. Commands:
 * <ul>
 *   <li>{@code describe [folder] [seed]}: the embedded world at a glance (split sizes, class
 *       balance, PNG grids), into {@code reports/figures} by default;</li>
 *   <li>{@code pretrain [output] [work] [steps] [batch]}: regenerates the committed tiny CLIP;</li>
 *   <li>{@code verify-embedded [checkpoint] [output.md] [work]}: the embedded-scale criteria table;</li>
 *   <li>{@code bench-model}: images/s of the vision tower (tiny and ViT-B/32).</li>
 * </ul>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "info" : args[0];
        String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "info" -> info();
            case "describe" -> DescribeWorld.main(rest.length == 0 ? new String[] {"reports/figures"} : rest);
            case "pretrain" -> PretrainCommand.main(rest);
            case "verify-embedded" -> VerifyEmbeddedScale.main(rest);
            case "bench-model" -> {
                EngineSettings.defaults().apply();
                ModelThroughput.run(System.out);
            }
            default -> throw new IllegalArgumentException("unknown command '" + command
                    + "'; known: info, describe, pretrain, verify-embedded, bench-model");
        }
    }

    private static void info() {
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
        System.out.println("Commands (-Dexec.args=\"COMMAND ...\"): describe, pretrain, verify-embedded, bench-model");
    }
}
