package org.grace.model.data.imagenet;

import org.grace.model.io.AtomicFiles;
import org.grace.model.data.BatchOptions;
import org.grace.model.data.Batches;
import org.grace.model.data.IndexOrder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Prints JPEG decode and decode + CLIP-preprocess (224) throughput on a generated folder of
 * ImageNet-sized JPEGs (500×375 and 375×500, smooth gradients, blobs and noise, quality 0.75),
 * sequentially and through {@link Batches} with all cores.
 *
 * <p>Usage: {@code DecodeBenchmark [folder=target/decode-benchmark] [images=300]}; the folder is
 * (re)filled with a {@code 0/} class folder of generated JPEGs.
 */
public final class DecodeBenchmark {

    private DecodeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/decode-benchmark");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        generate(root.resolve("0"), count);
        ImageFolderDataset dataset = ImageNetDatasets.imageFolder("jpeg-benchmark", root, null, ReaderOptions.defaults());
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < Math.min(20, count); i++) {
            dataset.image(i);
        }
        long t0 = System.nanoTime();
        long pixels = 0;
        for (int i = 0; i < count; i++) {
            pixels += ImageDecoder.decode(dataset.path(i)).data().length;
        }
        double decode = count / ((System.nanoTime() - t0) / 1e9);
        RgbImage[] decoded = new RgbImage[Math.min(50, count)];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = ImageDecoder.decode(dataset.path(i));
        }
        ClipPreprocessor preprocessor = new ClipPreprocessor(224);
        t0 = System.nanoTime();
        for (int round = 0; round < 4; round++) {
            for (RgbImage image : decoded) {
                preprocessor.apply(image);
            }
        }
        double preprocess = 4 * decoded.length / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            dataset.image(i);
        }
        double sequential = count / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        try (Batches batches = Batches.of(dataset, IndexOrder.identity(count), new BatchOptions(64, cores, 2, false), null)) {
            while (batches.hasNext()) {
                batches.nextHost();
            }
        }
        double parallel = count / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "%d JPEGs (%.0f KiB avg, %d decoded values): decode only %.1f img/s; preprocess only %.1f img/s; "
                        + "decode+preprocess 1 thread %.1f img/s; Batches(64) with %d threads %.1f img/s%n",
                count, Files.size(dataset.path(0)) / 1024.0, pixels, decode, preprocess, sequential, cores, parallel);
    }

    private static void generate(Path folder, int count) {
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < count; i++) {
                Path file = folder.resolve(String.format("img_%05d.jpg", i));
                if (Files.exists(file)) {
                    continue;
                }
                boolean landscape = i % 3 != 0;
                BufferedImage image = picture(landscape ? 500 : 375, landscape ? 375 : 500, new SplittableRandom(i));
                AtomicFiles.writeUnchecked(file, out -> {
                    if (!ImageIO.write(image, "jpg", out)) {
                        throw new IOException("no JPEG writer");
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate benchmark images in " + folder, e);
        }
    }

    private static BufferedImage picture(int w, int h, SplittableRandom rnd) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double cx = rnd.nextDouble() * w;
        double cy = rnd.nextDouble() * h;
        double radius = (0.1 + 0.3 * rnd.nextDouble()) * Math.min(w, h);
        int base = rnd.nextInt(0x1000000);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x - cx, y - cy);
                int noise = rnd.nextInt(24);
                int r = (int) (((base >> 16) & 0xFF) * 0.6 + 100.0 * x / w) + noise;
                int g = (int) (((base >> 8) & 0xFF) * 0.6 + 100.0 * y / h) + noise;
                int b = d < radius ? 230 - noise : (base & 0xFF) / 2 + noise;
                image.setRGB(x, y, Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b));
            }
        }
        return image;
    }
}
