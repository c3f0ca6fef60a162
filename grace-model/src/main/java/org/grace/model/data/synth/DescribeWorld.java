package org.grace.model.data.synth;

import org.grace.model.io.AtomicFiles;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.ImageGrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Describes an embedded world at a glance: per split its size, class balance and a PNG grid of
 * examples (one row per class, eight examples each, enlarged 4× by nearest neighbour), plus a grid
 * of pretraining pairs with their captions and the filtration statistics of the A analogues.
 *
 * <p>Usage: {@code DescribeWorld [outputDir=reports/figures] [seed=0]}. Writes
 * {@code synth-splits.md}, {@code synth-splits.csv}, {@code synth-<split>.png},
 * {@code synth-captions.png} and {@code synth-captions.md}, each atomically.
 */
public final class DescribeWorld {

    private static final int PER_CLASS = 8;

    private DescribeWorld() {
    }

    public static void main(String[] args) {
        if (args.length > 2) {
            System.err.println("usage: DescribeWorld [outputDir=reports/figures] [seed=0]");
            System.exit(2);
        }
        Path out = Path.of(args.length > 0 ? args[0] : "reports/figures");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0L;
        describe(new SynthWorld(SynthWorldConfig.defaults(seed)), out);
        System.out.println("wrote world description to " + out.toAbsolutePath());
    }

    /** Writes the description of {@code world} into {@code out}. */
    public static void describe(SynthWorld world, Path out) {
        StringBuilder md = new StringBuilder("# Embedded world (seed " + world.config().seed() + ", "
                + world.config().imageSize() + "×" + world.config().imageSize() + ")\n\n"
                + "| split | size | classes | class subset | min/max per class | counts |\n|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("split,size,classes,subset,min_per_class,max_per_class,counts\n");
        for (Map.Entry<String, ImageDataset> entry : world.labelledSplits().entrySet()) {
            ImageDataset split = entry.getValue();
            int[] counts = classCounts(split);
            int min = Integer.MAX_VALUE;
            int max = 0;
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < counts.length; c++) {
                min = Math.min(min, counts[c]);
                max = Math.max(max, counts[c]);
                parts.add(split.classNames().get(c) + "=" + counts[c]);
            }
            String subset = split.classSubset().map(java.util.Arrays::toString).orElse("-");
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d/%d | %s |%n", split.name(), split.size(),
                    counts.length, subset, min, max, String.join(", ", parts)));
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,\"%s\",%d,%d,\"%s\"%n", split.name(), split.size(),
                    counts.length, subset, min, max, String.join(";", parts)));
            ImageGrid.writePng(out.resolve(split.name() + ".png"), examplesByClass(split), split.imageSize(), PER_CLASS, 4);
        }
        SynthWorld.Filtered f = world.filtered();
        md.append(String.format(Locale.ROOT, "%nReference classifiers on ID test: HOG+colour %.3f, pixels+edges %.3f."
                        + " A filtration kept %d of %d candidates (%.1f%%); A-Plus kept %d of %d (%.1f%%).%n",
                f.first().accuracy(world.idTest()), f.second().accuracy(world.idTest()),
                f.adversarial().accepted().length, f.adversarial().candidatesSeen(),
                100 * f.adversarial().acceptanceRate(), f.adversarialPlus().accepted().length,
                f.adversarialPlus().candidatesSeen(), 100 * f.adversarialPlus().acceptanceRate()));
        AtomicFiles.writeStringUnchecked(out.resolve("synth-splits.md"), md.toString());
        AtomicFiles.writeStringUnchecked(out.resolve("synth-splits.csv"), csv.toString());
        writeCaptions(world.captions(), out);
    }

    static int[] classCounts(ImageDataset split) {
        int[] counts = new int[split.classNames().size()];
        for (int i = 0; i < split.size(); i++) {
            counts[split.label(i)]++;
        }
        return counts;
    }

    private static List<float[]> examplesByClass(ImageDataset split) {
        int classes = split.classNames().size();
        List<float[]> cells = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int found = 0;
            for (int i = 0; i < split.size() && found < PER_CLASS; i++) {
                if (split.label(i) == c) {
                    cells.add(split.image(i));
                    found++;
                }
            }
            for (; found < PER_CLASS; found++) {
                cells.add(null);
            }
        }
        return cells;
    }

    private static void writeCaptions(CaptionCorpus corpus, Path out) {
        int n = Math.min(48, corpus.size());
        List<float[]> images = new ArrayList<>();
        StringBuilder md = new StringBuilder("# Pretraining pairs 0.." + (n - 1) + " (grid row-major, 8 per row)\n\n");
        for (int i = 0; i < n; i++) {
            images.add(corpus.image(i));
            md.append(i).append(". ").append(corpus.caption(i)).append('\n');
        }
        md.append("\nVocabulary (").append(corpus.vocabulary().size()).append(" tokens): ")
                .append(String.join(" ", corpus.vocabulary())).append('\n');
        ImageGrid.writePng(out.resolve("synth-captions.png"), images, corpus.imageSize(), 8, 4);
        AtomicFiles.writeStringUnchecked(out.resolve("synth-captions.md"), md.toString());
    }
}
