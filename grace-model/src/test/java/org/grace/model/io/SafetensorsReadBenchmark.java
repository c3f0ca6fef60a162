package org.grace.model.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Prints write and read throughput (MB/s, 1 MB = 10^6 bytes) of {@link SafetensorsWriter} and
 * {@link SafetensorsFile} on a generated file of about 200 MB: 50 F32 tensors of 1024 x 1024 (4 MB
 * each), plus the same tensors stored as F16 and BF16 (100 MB each), read
 * back with conversion to float32; and on 20000 small F32 tensors of 768 values (63 MB), where the
 * per-tensor cost dominates, as for CLIP's biases and norms. The files live in a temporary folder (under {@code java.io.tmpdir}, or the folder given
 * as the first argument) and are deleted at the end. Reads run right after writing, so they measure
 * reading from the page cache, not from a cold disk; the best of three passes is reported.
 *
 * <p>Run: {@code mvn -o -q -pl grace-model -am test-compile} then
 * {@code java -cp <test classpath> org.grace.model.io.SafetensorsReadBenchmark [folder]}.
 */
public final class SafetensorsReadBenchmark {

    private static final int TENSORS = 50;
    private static final int ROWS = 1024;
    private static final int COLUMNS = 1024;
    private static final int SMALL_TENSORS = 20_000;
    private static final int SMALL_LENGTH = 768;
    private static final int PASSES = 3;

    private SafetensorsReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path parent = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        Path folder = Files.createTempDirectory(parent, "safetensors-bench");
        try {
            Map<String, FloatTensor> large = tensors(new SplittableRandom(42), TENSORS, ROWS, COLUMNS);
            for (SafetensorsDtype storage : new SafetensorsDtype[] {
                    SafetensorsDtype.F32, SafetensorsDtype.F16, SafetensorsDtype.BF16}) {
                measure(folder, storage + " 50 x [1024, 1024]", large, storage);
            }
            Map<String, FloatTensor> small = tensors(new SplittableRandom(43), SMALL_TENSORS, SMALL_LENGTH);
            measure(folder, "F32 20000 x [768]", small, SafetensorsDtype.F32);
        } finally {
            try (var leftovers = Files.list(folder)) {
                for (Path path : (Iterable<Path>) leftovers::iterator) {
                    Files.deleteIfExists(path);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    private static void measure(Path folder, String label, Map<String, FloatTensor> tensors, SafetensorsDtype storage)
            throws IOException {
        Path file = folder.resolve("bench.safetensors");
        long start = System.nanoTime();
        SafetensorsWriter.write(file, tensors, Map.of("format", "pt"), storage);
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(file);
        double bestRead = Double.MAX_VALUE;
        double checksum = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            start = System.nanoTime();
            try (SafetensorsFile st = SafetensorsFile.open(file)) {
                for (String name : st.names()) {
                    checksum += st.readFloat(name).data()[0];
                }
            }
            bestRead = Math.min(bestRead, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%-26s file %6.1f MB | write %7.1f MB/s | read+convert to float32 %7.1f MB/s"
                        + " (%.3f s, checksum %.3f)%n", label, bytes / 1e6, bytes / 1e6 / writeSeconds,
                bytes / 1e6 / bestRead, bestRead, checksum);
        Files.delete(file);
    }

    private static Map<String, FloatTensor> tensors(SplittableRandom random, int count, long... shape) {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (int t = 0; t < count; t++) {
            float[] data = new float[(int) Shapes.numel(shape)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextGaussian();
            }
            tensors.put(String.format(Locale.ROOT, "layers.%05d.weight", t), new FloatTensor(shape, data));
        }
        return tensors;
    }
}
