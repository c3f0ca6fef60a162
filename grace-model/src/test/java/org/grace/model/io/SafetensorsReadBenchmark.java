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
 * each), plus the same tensors stored as F16 and BF16 (100 MB each), read back with conversion to
 * float32. The files live in a temporary folder (under {@code java.io.tmpdir}, or the folder given
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
    private static final int PASSES = 3;

    private SafetensorsReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path parent = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        Path folder = Files.createTempDirectory(parent, "safetensors-bench");
        try {
            Map<String, FloatTensor> tensors = tensors(new SplittableRandom(42));
            for (SafetensorsDtype storage : new SafetensorsDtype[] {
                    SafetensorsDtype.F32, SafetensorsDtype.F16, SafetensorsDtype.BF16}) {
                Path file = folder.resolve("bench-" + storage + ".safetensors");
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
                            checksum += st.readFloat(name).data()[COLUMNS];
                        }
                    }
                    bestRead = Math.min(bestRead, (System.nanoTime() - start) / 1e9);
                }
                System.out.printf(Locale.ROOT, "%-4s file %7.1f MB | write %7.1f MB/s | read+convert to float32 %7.1f MB/s"
                                + " (%.3f s, checksum %.4f)%n", storage, bytes / 1e6, bytes / 1e6 / writeSeconds,
                        bytes / 1e6 / bestRead, bestRead, checksum);
                Files.delete(file);
            }
        } finally {
            try (var leftovers = Files.list(folder)) {
                for (Path path : (Iterable<Path>) leftovers::iterator) {
                    Files.deleteIfExists(path);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    private static Map<String, FloatTensor> tensors(SplittableRandom random) {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (int t = 0; t < TENSORS; t++) {
            float[] data = new float[ROWS * COLUMNS];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextGaussian();
            }
            tensors.put(String.format(Locale.ROOT, "layers.%02d.weight", t), new FloatTensor(new long[] {ROWS, COLUMNS}, data));
        }
        return tensors;
    }
}
