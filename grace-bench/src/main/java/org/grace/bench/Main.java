package org.grace.bench;

import ai.djl.engine.Engine;
import org.grace.model.benchmark.ModelThroughput;
import org.grace.model.clip.ClipConfig;
import org.grace.model.data.synth.DescribeWorld;
import org.grace.model.engine.EngineInfo;
import org.grace.model.engine.EngineSettings;
import org.grace.model.pretrain.PretrainCommand;
import org.grace.model.pretrain.VerifyEmbeddedScale;

import org.grace.bench.cli.BenchOptions;
import org.grace.bench.cli.MergeCommand;
import org.grace.bench.cli.ReproduceCommand;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code mvn -pl grace-bench -am compile exec:java [-Dexec.args="COMMAND ..."]}.
 *
 * <p>Without a command it runs the default embedded reproduction ({@code reproduce}): every method
 * × 3 seeds on the committed tiny CLIP and the embedded world, then writes {@code reports/}. Commands
 * (options: {@code --help}):
 * <ul>
 *   <li>{@code reproduce [options]}: train and evaluate the grid (or a shard of it), then write the report;</li>
 *   <li>{@code merge [--out DIR]}: the report from every shard's records;</li>
 *   <li>{@code info}: engine, threads, JVM and the model configurations;</li>
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
        boolean named = args.length > 0 && !args[0].startsWith("--");
        String command = named ? args[0] : "reproduce";
        String[] rest = named ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (BenchOptions.wantsHelp(args)) {
            System.out.println(BenchOptions.usage());
            return;
        }
        switch (command) {
            case "reproduce" -> ReproduceCommand.run(BenchOptions.parse(rest), commandLine(args), System.out);
            case "merge" -> MergeCommand.run(BenchOptions.parse(rest), commandLine(args), System.out);
            case "info" -> info();
            case "describe" -> DescribeWorld.main(rest.length == 0 ? new String[] {"reports/figures"} : rest);
            case "pretrain" -> PretrainCommand.main(rest);
            case "verify-embedded" -> VerifyEmbeddedScale.main(rest);
            case "bench-model" -> {
                EngineSettings.defaults().apply();
                ModelThroughput.run(System.out);
            }
            default -> throw new IllegalArgumentException("unknown command '" + command
                    + "'; known: reproduce, merge, info, describe, pretrain, verify-embedded, bench-model; see --help");
        }
    }

    /** The command as a user types it, for the report's provenance. */
    static List<String> commandLine(String[] args) {
        List<String> out = new java.util.ArrayList<>(List.of("mvn", "-pl", "grace-bench", "-am", "compile", "exec:java"));
        if (args.length > 0) {
            out.add("-Dexec.args=\"" + String.join(" ", args) + "\"");
        }
        return out;
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
        System.out.println("Commands (-Dexec.args=\"COMMAND ...\"): reproduce (default), merge, info, describe, pretrain,"
                + " verify-embedded, bench-model; --help for the options");
    }
}
