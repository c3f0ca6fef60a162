package org.grace.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

class SafetensorsRoundTripTest {

    private static final String[] NAME_SUFFIXES = {"", ".weight", "\"quoted\"", "ünïcödé", "emoji😀", "back\\slash"};

    @TempDir
    Path folder;

    @Test
    void f32RoundTripIsBitExactForAnyShapesIncludingScalarsAndEmptyTensors() {
        Path file = folder.resolve("f32.safetensors");
        qt().withExamples(60).forAll(shapeLists(), longs().all()).checkAssert((shapes, seed) -> {
            Map<String, FloatTensor> tensors = randomTensors(shapes, seed);
            Map<String, String> metadata = seed % 2 == 0 ? Map.of() : Map.of("format", "pt", "seed", "" + seed);
            Map<String, FloatTensor> read = writeAndRead(file, tensors, metadata, SafetensorsDtype.F32);
            assertEquals(tensors.keySet(), read.keySet());
            for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
                FloatTensor back = read.get(entry.getKey());
                assertArrayEquals(entry.getValue().shape(), back.shape(), entry.getKey());
                assertArrayEquals(rawBits(entry.getValue().data()), rawBits(back.data()), entry.getKey());
            }
        });
    }

    @Test
    void halfPrecisionRoundTripEqualsRoundingEachValue() {
        Path file = folder.resolve("half.safetensors");
        qt().withExamples(40).forAll(shapeLists(), longs().all()).checkAssert((shapes, seed) -> {
            SafetensorsDtype storage = seed % 2 == 0 ? SafetensorsDtype.F16 : SafetensorsDtype.BF16;
            Map<String, FloatTensor> tensors = randomTensors(shapes, seed);
            Map<String, FloatTensor> read = writeAndRead(file, tensors, Map.of(), storage);
            for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
                float[] original = entry.getValue().data();
                float[] expected = new float[original.length];
                for (int i = 0; i < original.length; i++) {
                    expected[i] = storage == SafetensorsDtype.F16
                            ? HalfFloats.f16ToFloat(HalfFloats.floatToF16(original[i]))
                            : HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(original[i]));
                }
                assertEquals(new FloatTensor(entry.getValue().shape(), expected), read.get(entry.getKey()));
            }
        });
    }

    @Test
    void metadataRoundTripsExactly() throws IOException {
        Path file = folder.resolve("meta.safetensors");
        Map<String, String> metadata = Map.of("format", "pt", "note", "quote \" slash \\ newline \n ünï 😀", "", "empty key");
        SafetensorsWriter.write(file, Map.of("x", FloatTensor.scalar(1f)), metadata);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(metadata, read.metadata());
        }
    }

    private static Gen<List<List<Integer>>> shapeLists() {
        Gen<List<Integer>> shape = lists().of(integers().between(0, 5)).ofSizeBetween(0, 4);
        return lists().of(shape).ofSizeBetween(0, 6);
    }

    private static Map<String, FloatTensor> randomTensors(List<List<Integer>> shapes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (int t = 0; t < shapes.size(); t++) {
            long[] shape = shapes.get(t).stream().mapToLong(Integer::longValue).toArray();
            float[] data = new float[(int) Shapes.numel(shape)];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextBoolean() ? Float.intBitsToFloat(random.nextInt()) : (float) random.nextGaussian();
            }
            tensors.put("t" + random.nextInt(1000) + "_" + t + NAME_SUFFIXES[random.nextInt(NAME_SUFFIXES.length)],
                    new FloatTensor(shape, data));
        }
        return tensors;
    }

    private static Map<String, FloatTensor> writeAndRead(Path file, Map<String, FloatTensor> tensors,
            Map<String, String> metadata, SafetensorsDtype storage) {
        try {
            SafetensorsWriter.write(file, tensors, metadata, storage);
            try (SafetensorsFile read = SafetensorsFile.open(file)) {
                assertEquals(metadata, read.metadata());
                Map<String, FloatTensor> result = new LinkedHashMap<>();
                for (String name : read.names()) {
                    assertEquals(storage.name(), read.info(name).dtype());
                    result.put(name, read.readFloat(name));
                }
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] rawBits(float[] values) {
        List<Integer> bits = new ArrayList<>();
        for (float value : values) {
            bits.add(Float.floatToRawIntBits(value));
        }
        return bits.stream().mapToInt(Integer::intValue).toArray();
    }
}
