package org.grace.model.io;

import static org.grace.model.io.RawSafetensors.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files crafted byte by byte: conversions, names, metadata and lookup errors. */
class SafetensorsFileTest {

    @TempDir
    Path folder;

    @Test
    void f16FileDecodesNormalsSubnormalsInfinitiesAndNaN() throws IOException {
        Path file = RawSafetensors.file(folder, "f16.safetensors",
                "{\"h\":{\"dtype\":\"F16\",\"shape\":[2,4],\"data_offsets\":[0,16]}}",
                RawSafetensors.shorts(0x3C00, 0xC000, 0x7BFF, 0x0001, 0x03FF, 0x7C00, 0xFC00, 0x7E00));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            FloatTensor h = st.readFloat("h");
            assertArrayEquals(new long[] {2, 4}, h.shape());
            float[] v = h.data();
            assertEquals(1.0f, v[0]);
            assertEquals(-2.0f, v[1]);
            assertEquals(65504f, v[2]);
            assertEquals(5.9604645e-8f, v[3], "smallest subnormal 2^-24");
            assertEquals(6.097555e-5f, v[4], "largest subnormal 1023 * 2^-24");
            assertEquals(Float.POSITIVE_INFINITY, v[5]);
            assertEquals(Float.NEGATIVE_INFINITY, v[6]);
            assertTrue(Float.isNaN(v[7]));
        }
    }

    @Test
    void bf16FileDecodesToTheUpperHalfOfFloat32() throws IOException {
        Path file = RawSafetensors.file(folder, "bf16.safetensors",
                "{\"b\":{\"dtype\":\"BF16\",\"shape\":[5],\"data_offsets\":[0,10]}}",
                RawSafetensors.shorts(0x3F80, 0xC040, 0x3E80, 0x7F80, 0x0001));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            float[] v = st.readFloat("b").data();
            assertEquals(1.0f, v[0]);
            assertEquals(-3.0f, v[1]);
            assertEquals(0.25f, v[2]);
            assertEquals(Float.POSITIVE_INFINITY, v[3]);
            assertEquals(Float.intBitsToFloat(0x00010000), v[4]);
        }
    }

    @Test
    void f64IsRoundedToFloat32() throws IOException {
        Path file = RawSafetensors.file(folder, "f64.safetensors",
                "{\"d\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]}}", RawSafetensors.doubles(Math.PI));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(FloatTensor.scalar((float) Math.PI), st.readFloat("d"));
        }
    }

    @Test
    void integerTypesWidenToLongWithoutLoss() throws IOException {
        String header = "{"
                + "\"ids\":{\"dtype\":\"I64\",\"shape\":[1,3],\"data_offsets\":[0,24]},"
                + "\"i32\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[24,32]},"
                + "\"u32\":{\"dtype\":\"U32\",\"shape\":[1],\"data_offsets\":[32,36]},"
                + "\"i16\":{\"dtype\":\"I16\",\"shape\":[1],\"data_offsets\":[36,38]},"
                + "\"u16\":{\"dtype\":\"U16\",\"shape\":[1],\"data_offsets\":[38,40]},"
                + "\"i8\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[40,41]},"
                + "\"u8\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[41,42]},"
                + "\"mask\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[42,44]}}";
        byte[] data = concat(RawSafetensors.longs(0, 1, Long.MIN_VALUE), RawSafetensors.ints(-7, Integer.MAX_VALUE),
                RawSafetensors.ints(-1), RawSafetensors.shorts(-2), RawSafetensors.shorts(0xFFFF),
                new byte[] {-3}, new byte[] {(byte) 0xFF}, new byte[] {0, 1});
        Path file = RawSafetensors.file(folder, "ints.safetensors", header, data);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(new LongTensor(new long[] {1, 3}, new long[] {0, 1, Long.MIN_VALUE}), st.readLong("ids"));
            assertArrayEquals(new long[] {-7, Integer.MAX_VALUE}, st.readLong("i32").data());
            assertArrayEquals(new long[] {0xFFFFFFFFL}, st.readLong("u32").data());
            assertArrayEquals(new long[] {-2}, st.readLong("i16").data());
            assertArrayEquals(new long[] {0xFFFF}, st.readLong("u16").data());
            assertArrayEquals(new long[] {-3}, st.readLong("i8").data());
            assertArrayEquals(new long[] {255}, st.readLong("u8").data());
            assertArrayEquals(new long[] {0, 1}, st.readLong("mask").data());
        }
    }

    @Test
    void namesFollowDataOffsetsNotHeaderOrder() throws IOException {
        String header = "{\"second\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"__metadata__\":{\"format\":\"pt\"},"
                + "\"first\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        Path file = RawSafetensors.file(folder, "order.safetensors", header, RawSafetensors.floats(1, 2));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(List.of("first", "second"), st.names());
            assertEquals(Map.of("format", "pt"), st.metadata());
            assertEquals(2, st.size());
            assertEquals(new TensorInfo("second", "F32", new long[] {1}, 4, 8), st.info("second"));
            assertEquals(8 + header.length(), st.dataStart());
            assertTrue(st.contains("first"));
            assertFalse(st.contains("__metadata__"));
            assertEquals(FloatTensor.scalar(2).data()[0], st.readFloat("second").data()[0]);
        }
    }

    @Test
    void metadataIsEmptyWhenAbsent() throws IOException {
        Path file = RawSafetensors.file(folder, "nometa.safetensors", "{}", new byte[0]);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(Map.of(), st.metadata());
            assertEquals(List.of(), st.names());
        }
    }

    @Test
    void unknownNameListsTheNearestNames() throws IOException {
        Map<String, FloatTensor> tensors = Map.of(
                "vision_model.post_layernorm.weight", FloatTensor.scalar(1),
                "vision_model.pre_layrnorm.weight", FloatTensor.scalar(2),
                "text_model.final_layer_norm.weight", FloatTensor.scalar(3),
                "logit_scale", FloatTensor.scalar(4));
        Path file = folder.resolve("names.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of());
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                    () -> st.readFloat("vision_model.pre_layernorm.weight"));
            assertEquals("vision_model.pre_layernorm.weight", e.tensorName());
            assertEquals(file, e.file());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("no such tensor; the file holds 4 tensors; nearest names: "
                    + "'vision_model.pre_layrnorm.weight', 'vision_model.post_layernorm.weight'"), e.getMessage());
        }
    }

    @Test
    void readingWithTheWrongMethodNamesTheDtypeAndTheRightMethod() throws IOException {
        String header = "{\"ids\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]},"
                + "\"q\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[12,13]}}";
        Path file = RawSafetensors.file(folder, "types.safetensors", header,
                concat(RawSafetensors.longs(5), RawSafetensors.floats(1), new byte[] {1}));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            SafetensorsFormatException asFloat = assertThrows(SafetensorsFormatException.class, () -> st.readFloat("ids"));
            assertTrue(asFloat.getMessage().contains("tensor 'ids': dtype I64 cannot be read as float; readFloat supports"
                    + " F16, BF16, F32, F64 (use readLong for I64)"), asFloat.getMessage());
            SafetensorsFormatException asLong = assertThrows(SafetensorsFormatException.class, () -> st.readLong("w"));
            assertTrue(asLong.getMessage().contains("(use readFloat for F32)"), asLong.getMessage());
            SafetensorsFormatException fp8 = assertThrows(SafetensorsFormatException.class, () -> st.readFloat("q"));
            assertTrue(fp8.getMessage().contains("dtype F8_E4M3 cannot be read as float"), fp8.getMessage());
            assertArrayEquals(new long[] {1}, st.info("q").shape(), "unsupported dtypes still have header info");
        }
    }

    @Test
    void openingADirectoryNamesIt() {
        IOException e = assertThrows(IOException.class, () -> SafetensorsFile.open(folder));
        assertTrue(e.getMessage().contains("cannot open safetensors file " + folder + ": it is a directory"),
                e.getMessage());
    }

    @Test
    void readingAfterCloseFailsWithTheFileAndTensorNamed() throws IOException {
        Path file = RawSafetensors.file(folder, "closed.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", RawSafetensors.floats(1));
        SafetensorsFile st = SafetensorsFile.open(file);
        FloatTensor before = st.readFloat("w");
        st.close();
        st.close();
        IOException e = assertThrows(IOException.class, () -> st.readFloat("w"));
        assertTrue(e.getMessage().contains(file + " is closed; cannot read tensor 'w'"), e.getMessage());
        assertEquals(1f, before.data()[0], "arrays read before closing stay valid");
    }
}
