package org.grace.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inspects the raw bytes our writer produces, independently of our reader. */
class SafetensorsWriterLayoutTest {

    @TempDir
    Path folder;

    @Test
    void matchesTheRustReferenceSerializationByteForByte() throws IOException {
        // Expected bytes of test_serialization in huggingface/safetensors safetensors/src/tensor.rs.
        Path file = folder.resolve("attn.safetensors");
        SafetensorsWriter.write(file,
                Map.of("attn.0", new FloatTensor(new long[] {1, 2, 3}, new float[] {0, 1, 2, 3, 4, 5})), Map.of());
        byte[] expected = RawSafetensors.bytes(
                "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}",
                RawSafetensors.floats(0, 1, 2, 3, 4, 5));
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void padsTheHeaderWithSpacesLikeTheRustReference() throws IOException {
        // test_serialization_forced_alignement in tensor.rs: a 65-byte header padded with 7 spaces.
        Path file = folder.resolve("attn0.safetensors");
        SafetensorsWriter.write(file,
                Map.of("attn0", new FloatTensor(new long[] {1, 1, 2, 3}, new float[] {0, 1, 2, 3, 4, 5})), Map.of());
        byte[] expected = RawSafetensors.bytes(
                "{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       ",
                RawSafetensors.floats(0, 1, 2, 3, 4, 5));
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void emptyFilesMatchTheRustReference() throws IOException {
        // test_empty in tensor.rs, without and with metadata.
        Path file = folder.resolve("empty.safetensors");
        SafetensorsWriter.write(file, Map.of(), Map.of());
        assertArrayEquals(RawSafetensors.bytes("{}      ", new byte[0]), Files.readAllBytes(file));
        SafetensorsWriter.write(file, Map.of(), Map.of("framework", "pt"));
        assertArrayEquals(RawSafetensors.bytes("{\"__metadata__\":{\"framework\":\"pt\"}}     ", new byte[0]),
                Files.readAllBytes(file));
    }

    @Test
    void headerIsPaddedToAMultipleOfEightAndOffsetsAreContiguousInNameOrder() throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        tensors.put("zeta", new FloatTensor(new long[] {3}, new float[] {1, 2, 3}));
        tensors.put("alpha.bias", new FloatTensor(new long[] {2, 2}, new float[] {4, 5, 6, 7}));
        tensors.put("empty", new FloatTensor(new long[] {0, 5}, new float[0]));
        tensors.put("scale", FloatTensor.scalar(8));
        for (int nameLength = 1; nameLength <= 8; nameLength++) {
            tensors.put("n".repeat(nameLength), FloatTensor.scalar(nameLength));
            Path file = folder.resolve("layout" + nameLength + ".safetensors");
            SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));
            byte[] bytes = Files.readAllBytes(file);
            long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, headerLength % 8, "header length " + headerLength);
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
            String json = header.stripTrailing();
            assertTrue(header.substring(json.length()).chars().allMatch(c -> c == ' '), "padding is spaces");
            assertTrue(header.length() - json.length() < 8, "at most 7 padding bytes");

            JsonObject parsed = JsonParser.parseString(json).getAsJsonObject();
            List<String> keys = new ArrayList<>(parsed.keySet());
            assertEquals("__metadata__", keys.get(0), "metadata comes first");
            List<String> names = keys.subList(1, keys.size());
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(null);
            assertEquals(sorted, names, "tensors in name order");
            long expectedBegin = 0;
            for (String name : names) {
                JsonArray offsets = parsed.getAsJsonObject(name).getAsJsonArray("data_offsets");
                assertEquals(expectedBegin, offsets.get(0).getAsLong(), name);
                long end = offsets.get(1).getAsLong();
                assertEquals(4L * tensors.get(name).numel(), end - expectedBegin, name);
                float[] stored = new float[tensors.get(name).numel()];
                ByteBuffer.wrap(bytes, (int) (8 + headerLength + expectedBegin), (int) (end - expectedBegin))
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(stored);
                assertArrayEquals(tensors.get(name).data(), stored, name);
                expectedBegin = end;
            }
            assertEquals(bytes.length, 8 + headerLength + expectedBegin, "data ends with the last tensor");
        }
    }

    @Test
    void halfPrecisionStorageWritesTwoBytesPerValue() throws IOException {
        Path file = folder.resolve("half.safetensors");
        SafetensorsWriter.write(file, Map.of("h", new FloatTensor(new long[] {3}, new float[] {1f, -2f, 65504f})),
                Map.of(), SafetensorsDtype.F16);
        byte[] bytes = Files.readAllBytes(file);
        byte[] data = Arrays.copyOfRange(bytes, bytes.length - 6, bytes.length);
        assertArrayEquals(RawSafetensors.shorts(0x3C00, 0xC000, 0x7BFF), data);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"dtype\":\"F16\""));
        SafetensorsWriter.write(file, Map.of("b", FloatTensor.scalar(1f)), Map.of(), SafetensorsDtype.BF16);
        bytes = Files.readAllBytes(file);
        assertArrayEquals(RawSafetensors.shorts(0x3F80), Arrays.copyOfRange(bytes, bytes.length - 2, bytes.length));
    }

    @Test
    void sameInputGivesIdenticalBytes() throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("b", "2");
        metadata.put("a", "1");
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("a", "1");
        reversed.put("b", "2");
        Path first = folder.resolve("first.safetensors");
        Path second = folder.resolve("second.safetensors");
        SafetensorsWriter.write(first, Map.of("x", FloatTensor.scalar(1), "y", FloatTensor.scalar(2)), metadata);
        SafetensorsWriter.write(second, Map.of("y", FloatTensor.scalar(2), "x", FloatTensor.scalar(1)), reversed);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void rejectsReservedNamesNullsAndNonFloatStorage() {
        Path file = folder.resolve("bad.safetensors");
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> SafetensorsWriter.write(file, Map.of("__metadata__", FloatTensor.scalar(1)), Map.of()));
        assertTrue(reserved.getMessage().contains("__metadata__"), reserved.getMessage());
        Map<String, FloatTensor> withNull = new LinkedHashMap<>();
        withNull.put("w", null);
        IllegalArgumentException nullTensor = assertThrows(IllegalArgumentException.class,
                () -> SafetensorsWriter.write(file, withNull, Map.of()));
        assertTrue(nullTensor.getMessage().contains("tensor 'w' is null"), nullTensor.getMessage());
        IllegalArgumentException storage = assertThrows(IllegalArgumentException.class,
                () -> SafetensorsWriter.write(file, Map.of("w", FloatTensor.scalar(1)), Map.of(), SafetensorsDtype.I64));
        assertTrue(storage.getMessage().contains("I64"), storage.getMessage());
        assertFalse(Files.exists(file), "nothing is written for rejected input");
    }
}
