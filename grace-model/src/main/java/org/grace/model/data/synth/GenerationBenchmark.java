package org.grace.model.data.synth;

import org.grace.model.data.ImageDataset;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Prints generation throughput (images/s) of every split of the default world, on one thread and
 * on all cores, plus the one-off cost of the adversarial filtration (training both reference
 * classifiers and filtering the A and A-Plus candidate streams).
 *
 * <p>Usage: {@code GenerationBenchmark [imagesPerSplit=2000] [seed=0]}.
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0L;
        SynthWorld world = new SynthWorld(SynthWorldConfig.defaults(seed));
        int cores = Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        SynthWorld.Filtered filtered = world.filtered();
        double filterSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "adversarial filtration (train 2 reference models on %d ID images, filter A %d "
                        + "+ A-Plus %d): %.2f s; acceptance A %.1f%%, A-Plus %.1f%%%n",
                world.config().sizes().idTrain(), world.config().sizes().adversarial(),
                world.config().sizes().adversarialPlus(), filterSeconds, 100 * filtered.adversarial().acceptanceRate(),
                100 * filtered.adversarialPlus().acceptanceRate());
        Map<String, ImageDataset> splits = new LinkedHashMap<>(world.labelledSplits());
        System.out.printf(Locale.ROOT, "%-34s %12s %12s   (%d images per split, %d cores)%n", "split", "1 thread/s",
                cores + " threads/s", n, cores);
        for (ImageDataset split : splits.values()) {
            int count = Math.min(n, split.size());
            double single = rate(count, false, split::image);
            double parallel = rate(count, true, split::image);
            System.out.printf(Locale.ROOT, "%-34s %12.0f %12.0f%n", split.name(), single, parallel);
        }
        CaptionCorpus captions = world.captions();
        System.out.printf(Locale.ROOT, "%-34s %12.0f %12.0f%n", "synth-captions (image+caption)",
                rate(n, false, i -> { captions.caption(i); return captions.image(i); }),
                rate(n, true, i -> { captions.caption(i); return captions.image(i); }));
    }

    private static double rate(int count, boolean parallel, java.util.function.IntFunction<float[]> generate) {
        IntStream warm = IntStream.range(0, Math.min(200, count));
        (parallel ? warm.parallel() : warm).forEach(generate::apply);
        long start = System.nanoTime();
        IntStream range = IntStream.range(0, count);
        double checksum = (parallel ? range.parallel() : range).mapToDouble(i -> generate.apply(i)[0]).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("NaN pixel generated");
        }
        return count / seconds;
    }
}
