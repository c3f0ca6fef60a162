package org.grace.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed file is rejected by open() with a message naming the file, tensor and values. */
class SafetensorsValidationTest {

    private static final String F32_2X3 = "\"dtype\":\"F32\",\"shape\":[2,3]";

    @TempDir
    Path folder;

    @Test
    void fileShorterThanTheLengthPrefix() throws IOException {
        Path file = Files.write(folder.resolve("short.safetensors"), new byte[5]);
        assertRejected(file, null, "the file is 5 bytes long, shorter than the 8-byte header length");
    }

    @Test
    void headerLengthBeyondTheEndOfTheFile() throws IOException {
        byte[] bytes = RawSafetensors.concat(RawSafetensors.littleEndianLong(100), "{}".getBytes(StandardCharsets.UTF_8),
                new byte[18]);
        Path file = Files.write(folder.resolve("long-header.safetensors"), bytes);
        assertRejected(file, null, "header length in the first 8 bytes is 100 bytes, but only 20 bytes follow them"
                + " (file size 28 bytes)");
    }

    @Test
    void headerLengthAboveTheFormatLimit() throws IOException {
        Path file = Files.write(folder.resolve("huge.safetensors"),
                RawSafetensors.concat(RawSafetensors.littleEndianLong(100_000_001L), new byte[8]));
        assertRejected(file, null, "header length in the first 8 bytes is 100000001, more than the format's limit"
                + " of 100000000 bytes");
    }

    @Test
    void notASafetensorsFileAtAll() throws IOException {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, (byte) 0x80, 0, 0, 0, 0};
        Path file = Files.write(folder.resolve("model.pt"), zip);
        assertRejected(file, null, "is 9223372122821446480, more than the format's limit",
                "first bytes 50 4B 03 04 14 00 00 80; is this a safetensors file?");
    }

    @Test
    void headerThatIsNotUtf8() throws IOException {
        byte[] header = {'{', '"', 'a', (byte) 0xFF, '"', ':', '1', '}'};
        Path file = Files.write(folder.resolve("latin1.safetensors"), RawSafetensors.bytes(header, new byte[0]));
        assertRejected(file, null, "header is not valid UTF-8: byte 0xFF at header offset 3 (file offset 11)");
    }

    @Test
    void headerThatIsNotJson() throws IOException {
        assertRejected("{\"w\":{" + F32_2X3 + ",\"data_offsets\":[0,24]}", new byte[24], null,
                "header is not valid JSON: ");
        assertRejected("{\"w\" 3}", new byte[0], null, "header is not valid JSON: ");
    }

    @Test
    void headerThatIsNotAnObject() throws IOException {
        assertRejected("[1,2]", new byte[0], null, "header must be a JSON object starting with '{', found '['");
        assertRejected(" {}", new byte[0], null, "starting with '{', found ' '");
        assertRejected("", new byte[0], null, "found an empty header");
    }

    @Test
    void contentAfterTheHeaderObject() throws IOException {
        assertRejected("{} {}", new byte[0], null, "only whitespace may follow its closing '}', found more content");
        assertRejected("{}\u0000", new byte[0], null, "only whitespace may follow its closing '}'");
        assertRejected("{\"w\": {\u0027dtype\u0027: 1}}", new byte[0], null, "header is not valid JSON: malformed JSON at line 1 column");
    }

    @Test
    void entryThatIsNotAnObject() throws IOException {
        assertRejected("{\"w\":[1]}", new byte[0], "w", "entry must be an object with dtype, shape and data_offsets,"
                + " found an array");
    }

    @Test
    void entryMissingDtypeShapeOrOffsets() throws IOException {
        assertRejected("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4], "w",
                "entry has no \"dtype\" (its keys: shape, data_offsets)");
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", new byte[4], "w",
                "entry has no \"shape\" (its keys: dtype, data_offsets)");
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offset\":[0,4]}}", new byte[4], "w",
                "entry has no \"data_offsets\" (its keys: dtype, shape, data_offset)");
    }

    @Test
    void unknownDtypeIsNamedWithTheKnownOnes() throws IOException {
        assertRejected("{\"w\":{\"dtype\":\"f32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4], "w",
                "unknown dtype \"f32\"; safetensors dtypes are BOOL, F4, F6_E2M3", "F32, C64, F64, I64, U64");
    }

    @Test
    void negativeDimension() throws IOException {
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,-3],\"data_offsets\":[0,0]}}", new byte[0], "w",
                "shape [2, -3] has the negative dimension -3 at index 1");
    }

    @Test
    void shapeThatIsNotIntegers() throws IOException {
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,10]}}", new byte[10], "w",
                "shape must hold integers, found 2.5 at index 0");
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[\"2\"],\"data_offsets\":[0,8]}}", new byte[8], "w",
                "shape must hold integers, found a string at index 0");
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":2,\"data_offsets\":[0,8]}}", new byte[8], "w",
                "shape must be an array of integers, found a number");
    }

    @Test
    void dataOffsetsThatAreNotBeginEnd() throws IOException {
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", new byte[4], "w",
                "data_offsets must be [begin, end] with 0 <= begin <= end, found [4, 0]");
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}}", new byte[4], "w",
                "data_offsets must be [begin, end] with 0 <= begin <= end, found [4]");
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}}", new byte[4], "w",
                "found [-4, 0]");
    }

    @Test
    void byteSpanDifferentFromShapeTimesDtypeSize() throws IOException {
        assertRejected("{\"w\":{" + F32_2X3 + ",\"data_offsets\":[0,20]}}", new byte[20], "w",
                "dtype F32 with shape [2, 3] needs 24 bytes, but data_offsets [0, 20] span 20 bytes");
    }

    @Test
    void subByteTypesMustFillWholeBytes() throws IOException {
        assertRejected("{\"w\":{\"dtype\":\"F4\",\"shape\":[3],\"data_offsets\":[0,2]}}", new byte[2], "w",
                "dtype F4 with shape [3] takes 12 bits, which is not a whole number of bytes");
    }

    @Test
    void shapeTooLargeToAddress() throws IOException {
        assertRejected("{\"w\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}",
                new byte[8], "w", "shape [4294967296, 4294967296] with dtype F64 is too large to address");
    }

    @Test
    void overlappingOffsets() throws IOException {
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12], "b",
                "data_offsets [4, 12] overlap tensor 'a' at [0, 8]");
    }

    @Test
    void nonContiguousOffsets() throws IOException {
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", new byte[12], "b",
                "data_offsets [8, 12] leave a gap of 4 bytes after the end of tensor 'a' [0, 4]; offsets must be contiguous");
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8], "a",
                "leave a gap of 4 bytes after the start of the data buffer (offset 0)");
    }

    @Test
    void truncatedFileSaysHowManyBytesAreMissing() throws IOException {
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"w\":{" + F32_2X3 + ",\"data_offsets\":[4,28]}}", new byte[10], "w",
                "data_offsets [4, 28] reach beyond the data buffer, which holds only 10 bytes: the file is truncated,"
                        + " 18 bytes are missing");
    }

    @Test
    void trailingBytesAfterTheLastTensor() throws IOException {
        assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[7], null,
                "the data buffer holds 7 bytes but the tensors end at byte 4; 3 trailing bytes belong to no tensor");
    }

    @Test
    void duplicateKeysAtEveryLevel() throws IOException {
        String entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        assertRejected("{\"w\":" + entry + ",\"w\":" + entry + "}", new byte[4], null,
                "header has the key 'w' twice; the format forbids duplicate keys");
        assertRejected("{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                new byte[4], "w", "entry has the key 'dtype' twice");
        assertRejected("{\"__metadata__\":{\"format\":\"pt\",\"format\":\"tf\"}}", new byte[0], null,
                "__metadata__ has the key 'format' twice");
        assertRejected("{\"__metadata__\":{},\"__metadata__\":{}}", new byte[0], null,
                "header has the key '__metadata__' twice");
    }

    @Test
    void metadataMustMapStringsToStrings() throws IOException {
        assertRejected("{\"__metadata__\":{\"epoch\":3}}", new byte[0], null,
                "__metadata__ value of 'epoch' must be a string, found a number");
        assertRejected("{\"__metadata__\":[\"pt\"]}", new byte[0], null,
                "__metadata__ must be an object of strings, found an array");
    }

    private void assertRejected(String header, byte[] data, String tensor, String... fragments) throws IOException {
        Path file = RawSafetensors.file(folder, "bad.safetensors", header, data);
        assertRejected(file, tensor, fragments);
    }

    private static void assertRejected(Path file, String tensor, String... fragments) {
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> SafetensorsFile.open(file));
        String message = e.getMessage();
        assertTrue(message.startsWith("safetensors file " + file), message);
        assertEquals(file, e.file());
        assertEquals(tensor, e.tensorName(), message);
        if (tensor != null) {
            assertTrue(message.contains("tensor '" + tensor + "'"), message);
        }
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "expected <" + fragment + "> in: " + message);
        }
    }
}
