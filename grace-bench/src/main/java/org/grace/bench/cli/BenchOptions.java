package org.grace.bench.cli;

import org.grace.baselines.MethodRegistry;
import org.grace.bench.grid.Shard;
import org.grace.bench.run.Budget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reproduction's command line, parsed and validated before any work starts: an unknown
 * option, an unknown method or a missing path fails here with a message naming it.
 *
 * @param scale        "embedded" or "paper"
 * @param methods      registered method names, in report order
 * @param seeds        training seeds
 * @param out          the reports folder (tables, figures, runs/, manifest.csv, README.md)
 * @param work         where runs keep checkpoints and training logs (resume reads them)
 * @param budget       the training/evaluation budget
 * @param quick        the smoke run (small world, few steps)
 * @param shard        the part of the grid this process runs
 * @param fresh        discard earlier records and checkpoints instead of resuming
 * @param report       write the report after running (a shard worker may leave it to {@code merge})
 * @param paperPaths   paper-scale inputs by option name (clip-weights, imagenet, imagenet-v2, ...)
 */
public record BenchOptions(String scale, List<String> methods, List<Integer> seeds, Path out, Path work,
                           Budget budget, boolean quick, Shard shard, boolean fresh, boolean report,
                           Map<String, Path> paperPaths) {

    /** Paper-scale path options; the first two are required at paper scale. */
    public static final List<String> PAPER_PATHS = List.of("clip-weights", "imagenet", "imagenet-v2",
            "imagenet-sketch", "imagenet-r", "imagenet-a", "imagenet-a-plus", "transfer");

    public BenchOptions {
        if (!scale.equals("embedded") && !scale.equals("paper")) {
            throw new IllegalArgumentException("--scale must be 'embedded' or 'paper', got '" + scale + "'");
        }
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        List<String> known = MethodRegistry.names();
        for (String m : methods) {
            if (!known.contains(m)) {
                throw new IllegalArgumentException("unknown method '" + m + "'; registered: " + String.join(", ", known));
            }
        }
        if (methods.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("--methods and --seeds must each name at least one value");
        }
        for (int s : seeds) {
            if (s < 0) {
                throw new IllegalArgumentException("--seeds must be >= 0, got " + s);
            }
        }
        paperPaths = Map.copyOf(paperPaths);
        if (scale.equals("paper")) {
            for (String required : List.of("clip-weights", "imagenet")) {
                if (!paperPaths.containsKey(required)) {
                    throw new IllegalArgumentException("paper scale needs --" + required + " PATH");
                }
            }
        }
        for (Map.Entry<String, Path> e : paperPaths.entrySet()) {
            if (!Files.exists(e.getValue())) {
                throw new IllegalArgumentException("--" + e.getKey() + " " + e.getValue() + " does not exist");
            }
        }
    }

    /** The usage text of {@code --help}. */
    public static String usage() {
        return String.join("\n",
                "GRACE reproduction suite: regenerates the paper's tables and charts with a verdict on each claim.",
                "",
                "mvn -pl grace-bench -am compile exec:java [-Dexec.args=\"[COMMAND] [OPTIONS]\"]",
                "",
                "Commands:",
                "  reproduce (default)  train and evaluate the grid, then write the report",
                "  merge                build the report from the records in OUT/runs/*.jsonl (every shard's)",
                "  info                 engine, threads and model configurations",
                "  describe, pretrain, verify-embedded, bench-model   the embedded world and tiny CLIP tools",
                "",
                "Options:",
                "  --scale embedded|paper   embedded world + committed tiny CLIP (default), or CLIP + ImageNet",
                "  --methods a,b,...|all    methods to run (default all: " + String.join(",", MethodRegistry.names()) + ")",
                "  --seeds 0,1,2|N          training seeds, a list or a count (default 0,1,2)",
                "  --out DIR                reports folder (default reports; target/reports-quick with --quick)",
                "  --work DIR               checkpoints and training logs (default .bench-work)",
                "  --budget quick|standard|paper   training/evaluation budget (default standard, paper at paper scale)",
                "  --steps N                override the budget's training steps",
                "  --quick                  smoke run: budget quick, small world, seeds 0,1",
                "  --shard i/n              run only part i of n of the grid (records go to runs-shard-i-of-n.jsonl)",
                "  --no-report              run without writing the report (shards; then run 'merge')",
                "  --fresh                  discard earlier records and checkpoints instead of resuming",
                "  --clip-weights PATH      paper scale: CLIP ViT-B/32 weights (HF model.safetensors or OpenAI state dict)",
                "  --imagenet ROOT          paper scale: ImageNet root with train/ and val/ wnid folders",
                "  --imagenet-v2 DIR, --imagenet-sketch DIR, --imagenet-r DIR, --imagenet-a DIR, --imagenet-a-plus DIR",
                "                           paper scale: the variant roots (a missing one is left out of the averages)",
                "  --transfer DIR           paper scale: one sub-folder per zero-shot task (class folders + classnames.txt)",
                "  --help                   this text",
                "",
                "Killed at any moment, the same command resumes: finished evaluations are kept, unfinished runs",
                "restart from their last checkpoint, and no record is written twice.");
    }

    /** Parses the options after the command. */
    public static BenchOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        List<String> valued = new ArrayList<>(List.of("scale", "methods", "seeds", "out", "work", "budget", "steps",
                "shard"));
        valued.addAll(PAPER_PATHS);
        List<String> switches = List.of("quick", "no-report", "fresh", "help");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; options start with --; see --help");
            }
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                flags.add(name);
            } else if (valued.contains(name)) {
                String v = inline != null ? inline : (i + 1 < args.length ? args[++i] : null);
                if (v == null || v.startsWith("--")) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                values.put(name, v);
            } else {
                throw new IllegalArgumentException("unknown option --" + name + "; see --help");
            }
        }
        boolean quick = flags.contains("quick");
        String scale = values.getOrDefault("scale", "embedded");
        List<String> methods = parseMethods(values.getOrDefault("methods", "all"));
        List<Integer> seeds = parseSeeds(values.getOrDefault("seeds", quick ? "0,1" : "0,1,2"));
        Path out = Path.of(values.getOrDefault("out", quick ? "target/reports-quick" : "reports"));
        Path work = Path.of(values.getOrDefault("work", quick ? "target/bench-work-quick" : ".bench-work"));
        Budget budget = Budget.named(values.getOrDefault("budget",
                quick ? "quick" : scale.equals("paper") ? "paper" : "standard"));
        if (values.containsKey("steps")) {
            budget = budget.withSteps(parsePositive("steps", values.get("steps")));
        }
        Shard shard = values.containsKey("shard") ? Shard.parse(values.get("shard")) : Shard.all();
        Map<String, Path> paths = new LinkedHashMap<>();
        for (String p : PAPER_PATHS) {
            Optional.ofNullable(values.get(p)).ifPresent(v -> paths.put(p, Path.of(v)));
        }
        return new BenchOptions(scale, methods, seeds, out, work, budget, quick, shard, flags.contains("fresh"),
                !flags.contains("no-report"), paths);
    }

    /** Whether {@code --help} is among the arguments. */
    public static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    private static List<String> parseMethods(String text) {
        if (text.equals("all")) {
            return MethodRegistry.names();
        }
        List<String> out = new ArrayList<>();
        for (String m : text.split(",")) {
            if (!m.isBlank() && !out.contains(m.trim())) {
                out.add(m.trim());
            }
        }
        return out;
    }

    private static List<Integer> parseSeeds(String text) {
        List<Integer> out = new ArrayList<>();
        if (!text.contains(",")) {
            int n = parsePositive("seeds", text);
            for (int s = 0; s < n; s++) {
                out.add(s);
            }
            return out;
        }
        for (String s : text.split(",")) {
            try {
                out.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seeds expects integers, got '" + s + "'", e);
            }
        }
        return out;
    }

    private static int parsePositive(String option, String text) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v < 1) {
                throw new IllegalArgumentException("--" + option + " must be >= 1, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " expects an integer, got '" + text + "'", e);
        }
    }
}
