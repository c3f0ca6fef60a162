package org.grace.model.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed and validated JSON header of a safetensors file: its tensor entries in data-buffer
 * order and its optional {@code __metadata__} map.
 *
 * <p>Checks, after huggingface/safetensors {@code tensor.rs} ({@code read_metadata},
 * {@code Metadata::validate}): the header is UTF-8, starts with {@code '{'}, is one JSON object
 * (trailing whitespace allowed: writers pad with spaces) with no duplicate key at any level;
 * {@code __metadata__}, when present, maps strings to strings; each other key maps to an object
 * with a known {@code dtype}, a {@code shape} of non-negative integers and {@code data_offsets}
 * {@code [begin, end]} with {@code begin <= end} spanning exactly {@code numel * bits / 8} bytes;
 * sorted by offsets, the tensors tile the data buffer {@code [0, length)} without gap or overlap.
 *
 * <p>Departures: duplicate keys are an error here, where serde keeps one of them silently (the
 * format's README forbids duplicates); extra keys inside an entry are ignored, as serde does;
 * the start-with-{@code '{'} check, commented out in {@code tensor.rs} until version 0.4, is on
 * (DJL's {@code NDList.decode} relies on it to recognise the format).
 */
final class SafetensorsHeader {

    /** Key of the optional string-to-string map in the header. */
    static final String METADATA_KEY = "__metadata__";

    private static final String DTYPE = "dtype";
    private static final String SHAPE = "shape";
    private static final String DATA_OFFSETS = "data_offsets";

    private final Path file;
    private final List<TensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafetensorsHeader(Path file, List<TensorInfo> tensors, Map<String, String> metadata) {
        this.file = file;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /** Tensor entries sorted by data offsets (ties by name): the order of the data buffer. */
    List<TensorInfo> tensors() {
        return tensors;
    }

    /** The {@code __metadata__} map in header order; empty when absent. */
    Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Decodes and parses the header bytes and validates every entry on its own (dtype, shape,
     * offsets, byte span). The layout against the data buffer is checked by
     * {@link #checkLayout(long)}.
     */
    static SafetensorsHeader parse(Path file, ByteBuffer headerBytes) throws SafetensorsFormatException {
        String json = decodeUtf8(file, headerBytes);
        if (json.isEmpty() || json.charAt(0) != '{') {
            String found = json.isEmpty() ? "an empty header" : "'" + json.codePoints().limit(1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "'";
            throw new SafetensorsFormatException(file, null,
                    "header must be a JSON object starting with '{', found " + found);
        }
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        try {
            List<TensorInfo> tensors = new ArrayList<>();
            Map<String, String> metadata = Collections.emptyMap();
            Set<String> keys = new LinkedHashSet<>();
            reader.beginObject();
            while (reader.hasNext()) {
                String key = reader.nextName();
                if (!keys.add(key)) {
                    throw new SafetensorsFormatException(file, null,
                            "header has the key '" + key + "' twice; the format forbids duplicate keys");
                }
                if (key.equals(METADATA_KEY)) {
                    metadata = readMetadata(file, reader);
                } else {
                    tensors.add(readEntry(file, key, reader));
                }
            }
            reader.endObject();
            checkNothingAfterObject(file, reader);
            tensors.sort(Comparator.comparingLong(TensorInfo::begin)
                    .thenComparingLong(TensorInfo::end)
                    .thenComparing(TensorInfo::name));
            return new SafetensorsHeader(file, List.copyOf(tensors), metadata);
        } catch (SafetensorsFormatException e) {
            throw e;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new SafetensorsFormatException(file, null, "header is not valid JSON: " + gsonReason(e.getMessage()));
        }
    }

    private static void checkNothingAfterObject(Path file, JsonReader reader) throws IOException {
        JsonToken next;
        try {
            next = reader.peek();
        } catch (MalformedJsonException trailing) {
            next = null;
        }
        if (next != JsonToken.END_DOCUMENT) {
            throw new SafetensorsFormatException(file, null, "header is not valid JSON: only whitespace may follow"
                    + " its closing '}', found more content after it");
        }
    }

    /**
     * Checks that the tensors, sorted by offset, tile {@code [0, dataLength)}: the first begins at
     * 0, each begins where the previous ends, and the last ends at the end of the data buffer.
     */
    void checkLayout(long dataLength) throws SafetensorsFormatException {
        long expectedBegin = 0;
        TensorInfo previous = null;
        for (TensorInfo tensor : tensors) {
            if (tensor.begin() < expectedBegin) {
                throw new SafetensorsFormatException(file, tensor.name(), "data_offsets " + offsets(tensor)
                        + " overlap tensor '" + previous.name() + "' at " + offsets(previous));
            }
            if (tensor.begin() > expectedBegin) {
                String before = previous == null
                        ? "the start of the data buffer (offset 0)"
                        : "the end of tensor '" + previous.name() + "' " + offsets(previous);
                throw new SafetensorsFormatException(file, tensor.name(), "data_offsets " + offsets(tensor)
                        + " leave a gap of " + (tensor.begin() - expectedBegin) + " bytes after " + before
                        + "; offsets must be contiguous");
            }
            expectedBegin = tensor.end();
            previous = tensor;
        }
        if (expectedBegin > dataLength) {
            throw new SafetensorsFormatException(file, previous.name(), "data_offsets " + offsets(previous)
                    + " reach beyond the data buffer, which holds only " + dataLength + " bytes: the file is"
                    + " truncated, " + (expectedBegin - dataLength) + " bytes are missing");
        }
        if (expectedBegin < dataLength) {
            throw new SafetensorsFormatException(file, null, "the data buffer holds " + dataLength
                    + " bytes but the tensors end at byte " + expectedBegin + "; " + (dataLength - expectedBegin)
                    + " trailing bytes belong to no tensor");
        }
    }

    private static String offsets(TensorInfo tensor) {
        return "[" + tensor.begin() + ", " + tensor.end() + "]";
    }

    private static String decodeUtf8(Path file, ByteBuffer bytes) throws SafetensorsFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = bytes.duplicate();
        int start = in.position();
        CharBuffer out = CharBuffer.allocate(in.remaining());
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position() - start;
            throw new SafetensorsFormatException(file, null, String.format(
                    "header is not valid UTF-8: byte 0x%02X at header offset %d (file offset %d) starts a malformed sequence",
                    in.get(in.position()) & 0xFF, at, 8L + at));
        }
        return out.flip().toString();
    }

    private static Map<String, String> readMetadata(Path file, JsonReader reader)
            throws IOException {
        expect(file, null, reader, JsonToken.BEGIN_OBJECT, METADATA_KEY + " must be an object of strings");
        Map<String, String> metadata = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (reader.peek() != JsonToken.STRING) {
                throw new SafetensorsFormatException(file, null, METADATA_KEY + " value of '" + key
                        + "' must be a string, found " + describe(reader.peek()));
            }
            if (metadata.put(key, reader.nextString()) != null) {
                throw new SafetensorsFormatException(file, null, METADATA_KEY + " has the key '" + key
                        + "' twice; the format forbids duplicate keys");
            }
        }
        reader.endObject();
        return Collections.unmodifiableMap(metadata);
    }

    private static TensorInfo readEntry(Path file, String name, JsonReader reader) throws IOException {
        expect(file, name, reader, JsonToken.BEGIN_OBJECT, "entry must be an object with dtype, shape and data_offsets");
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        Set<String> found = new LinkedHashSet<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (!found.add(key)) {
                throw new SafetensorsFormatException(file, name, "entry has the key '" + key
                        + "' twice; the format forbids duplicate keys");
            }
            switch (key) {
                case DTYPE -> {
                    expect(file, name, reader, JsonToken.STRING, "dtype must be a string");
                    dtype = reader.nextString();
                }
                case SHAPE -> shape = readIntegers(file, name, SHAPE, reader);
                case DATA_OFFSETS -> offsets = readIntegers(file, name, DATA_OFFSETS, reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        for (String required : List.of(DTYPE, SHAPE, DATA_OFFSETS)) {
            if (!found.contains(required)) {
                throw new SafetensorsFormatException(file, name, "entry has no \"" + required
                        + "\" (its keys: " + String.join(", ", found) + ")");
            }
        }
        return validatedInfo(file, name, dtype, shape, offsets);
    }

    private static TensorInfo validatedInfo(Path file, String name, String dtypeName, long[] shape, long[] offsets)
            throws SafetensorsFormatException {
        SafetensorsDtype dtype = SafetensorsDtype.fromHeaderName(dtypeName);
        if (dtype == null) {
            throw new SafetensorsFormatException(file, name, "unknown dtype \"" + dtypeName
                    + "\"; safetensors dtypes are " + SafetensorsDtype.allNames());
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new SafetensorsFormatException(file, name, "shape " + Arrays.toString(shape)
                        + " has the negative dimension " + shape[i] + " at index " + i);
            }
        }
        if (offsets.length != 2 || offsets[0] < 0 || offsets[1] < offsets[0]) {
            throw new SafetensorsFormatException(file, name, "data_offsets must be [begin, end] with"
                    + " 0 <= begin <= end, found " + Arrays.toString(offsets));
        }
        long bits;
        try {
            bits = Math.multiplyExact(Shapes.numel(shape), dtype.bits());
        } catch (IllegalArgumentException | ArithmeticException overflow) {
            throw new SafetensorsFormatException(file, name, "shape " + Arrays.toString(shape)
                    + " with dtype " + dtypeName + " is too large to address");
        }
        if (bits % 8 != 0) {
            throw new SafetensorsFormatException(file, name, "dtype " + dtypeName + " with shape "
                    + Arrays.toString(shape) + " takes " + bits + " bits, which is not a whole number of bytes");
        }
        long span = offsets[1] - offsets[0];
        if (span != bits / 8) {
            throw new SafetensorsFormatException(file, name, "dtype " + dtypeName + " with shape "
                    + Arrays.toString(shape) + " needs " + (bits / 8) + " bytes, but data_offsets "
                    + Arrays.toString(offsets) + " span " + span + " bytes");
        }
        return new TensorInfo(name, dtypeName, shape, offsets[0], offsets[1]);
    }

    private static long[] readIntegers(Path file, String name, String key, JsonReader reader) throws IOException {
        expect(file, name, reader, JsonToken.BEGIN_ARRAY, key + " must be an array of integers");
        List<Long> values = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            if (reader.peek() != JsonToken.NUMBER) {
                throw new SafetensorsFormatException(file, name, key + " must hold integers, found "
                        + describe(reader.peek()) + " at index " + values.size());
            }
            String literal = reader.nextString();
            try {
                values.add(Long.parseLong(literal));
            } catch (NumberFormatException notAnInteger) {
                throw new SafetensorsFormatException(file, name, key + " must hold integers, found " + literal
                        + " at index " + values.size());
            }
        }
        reader.endArray();
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static void expect(Path file, String name, JsonReader reader, JsonToken token, String rule)
            throws IOException {
        JsonToken found = reader.peek();
        if (found != token) {
            throw new SafetensorsFormatException(file, name, rule + ", found " + describe(found));
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> token.toString();
        };
    }

    /** Gson's reason without its troubleshooting link, and without advice to parse leniently. */
    private static String gsonReason(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        String reason = newline < 0 ? message : message.substring(0, newline);
        return reason.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
    }
}
