package org.grace.model.io;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes float tensors as a safetensors file, atomically (see {@link AtomicFiles}).
 *
 * <p>Layout, as the Rust reference writer ({@code prepare} in huggingface/safetensors
 * {@code safetensors/src/tensor.rs}) produces it: {@code [u64 LE N][N bytes header][data]} where
 * the header is compact JSON {@code {"__metadata__":{...},"NAME":{"dtype":"F32","shape":[...],
 * "data_offsets":[BEGIN,END]},...}} padded with spaces (0x20) to a multiple of 8 bytes, so that
 * the data buffer starts 8-byte aligned. Tensors are stored in dtype-alignment order descending,
 * then by name (all tensors of one file share one dtype here, so: by name, compared by Unicode
 * code point, which is the byte order of their UTF-8 that Rust sorts by); offsets are contiguous
 * from 0. {@code __metadata__} is written, first, only when the map is non-empty.
 *
 * <p>Departures: metadata keys are written sorted (Rust writes a {@code HashMap} in arbitrary
 * order), so equal inputs give byte-identical files; JSON strings are escaped by Gson's
 * {@link JsonWriter}, which also escapes U+2028/U+2029 (still the same JSON strings).
 *
 * <p>Storage types: {@link SafetensorsDtype#F32} (exact), {@link SafetensorsDtype#F16} and
 * {@link SafetensorsDtype#BF16} (rounded to nearest even by {@link HalfFloats}).
 */
public final class SafetensorsWriter {

    private static final int CHUNK_ELEMENTS = 1 << 16;
    private static final int HEADER_ALIGNMENT = 8;

    private SafetensorsWriter() {
    }

    /** Writes {@code tensors} as F32 with {@code metadata} to {@code file}, replacing it atomically. */
    public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata)
            throws IOException {
        write(file, tensors, metadata, SafetensorsDtype.F32);
    }

    /**
     * Writes {@code tensors} stored as {@code storage} (F32, F16 or BF16) with {@code metadata} to
     * {@code file}, replacing it atomically.
     *
     * @throws IllegalArgumentException if a name is null or {@code "__metadata__"}, a metadata key
     *     or value is null, or {@code storage} is not F32, F16 or BF16
     */
    public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata,
            SafetensorsDtype storage) throws IOException {
        List<Map.Entry<String, FloatTensor>> ordered = checkedInOrder(file, tensors);
        byte[] header = header(ordered, checkedMetadata(file, metadata), storage);
        AtomicFiles.write(file, out -> {
            out.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (Map.Entry<String, FloatTensor> entry : ordered) {
                writeData(out, entry.getValue().data(), storage);
            }
        });
    }

    /**
     * The header bytes, space-padded to a multiple of 8, for tensors already in storage order.
     */
    static byte[] header(List<Map.Entry<String, FloatTensor>> ordered, Map<String, String> metadata,
            SafetensorsDtype storage) throws IOException {
        int bytesPerElement = bytesPerElement(storage);
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setHtmlSafe(false);
            json.beginObject();
            if (!metadata.isEmpty()) {
                json.name(SafetensorsHeader.METADATA_KEY).beginObject();
                for (Map.Entry<String, String> entry : metadata.entrySet()) {
                    json.name(entry.getKey()).value(entry.getValue());
                }
                json.endObject();
            }
            long offset = 0;
            for (Map.Entry<String, FloatTensor> entry : ordered) {
                FloatTensor tensor = entry.getValue();
                long end = offset + (long) tensor.numel() * bytesPerElement;
                json.name(entry.getKey()).beginObject();
                json.name("dtype").value(storage.name());
                json.name("shape").beginArray();
                for (long dimension : tensor.shape()) {
                    json.value(dimension);
                }
                json.endArray();
                json.name("data_offsets").beginArray().value(offset).value(end).endArray();
                json.endObject();
                offset = end;
            }
            json.endObject();
        }
        byte[] unpadded = text.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (unpadded.length + HEADER_ALIGNMENT - 1) / HEADER_ALIGNMENT * HEADER_ALIGNMENT;
        byte[] header = Arrays.copyOf(unpadded, padded);
        Arrays.fill(header, unpadded.length, padded, (byte) ' ');
        return header;
    }

    private static void writeData(OutputStream out, float[] data, SafetensorsDtype storage) throws IOException {
        int bytesPerElement = bytesPerElement(storage);
        ByteBuffer chunk = ByteBuffer.allocate(Math.min(data.length, CHUNK_ELEMENTS) * bytesPerElement)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int first = 0; first < data.length; first += CHUNK_ELEMENTS) {
            int count = Math.min(CHUNK_ELEMENTS, data.length - first);
            chunk.clear();
            switch (storage) {
                case F32 -> chunk.asFloatBuffer().put(data, first, count);
                case F16 -> {
                    for (int i = 0; i < count; i++) {
                        chunk.putShort(i * Short.BYTES, HalfFloats.floatToF16(data[first + i]));
                    }
                }
                default -> {
                    for (int i = 0; i < count; i++) {
                        chunk.putShort(i * Short.BYTES, HalfFloats.floatToBf16(data[first + i]));
                    }
                }
            }
            out.write(chunk.array(), 0, count * bytesPerElement);
        }
    }

    private static int bytesPerElement(SafetensorsDtype storage) {
        return switch (storage) {
            case F32 -> Float.BYTES;
            case F16, BF16 -> Short.BYTES;
            default -> throw new IllegalArgumentException("cannot store float tensors as " + storage
                    + "; SafetensorsWriter writes F32, F16 or BF16");
        };
    }

    private static List<Map.Entry<String, FloatTensor>> checkedInOrder(Path file, Map<String, FloatTensor> tensors) {
        if (tensors == null) {
            throw new IllegalArgumentException("writing " + file + ": the tensor map is null");
        }
        List<Map.Entry<String, FloatTensor>> ordered = new ArrayList<>();
        for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
            String name = entry.getKey();
            if (name == null || name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("writing " + file + ": '" + name
                        + "' cannot name a tensor (null and " + SafetensorsHeader.METADATA_KEY + " are reserved)");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("writing " + file + ": tensor '" + name + "' is null");
            }
            ordered.add(Map.entry(name, entry.getValue()));
        }
        ordered.sort((left, right) -> compareCodePoints(left.getKey(), right.getKey()));
        return ordered;
    }

    private static Map<String, String> checkedMetadata(Path file, Map<String, String> metadata) {
        Map<String, String> sorted = new TreeMap<>(SafetensorsWriter::compareCodePoints);
        if (metadata == null) {
            return sorted;
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("writing " + file + ": metadata entry " + entry.getKey() + " = "
                        + entry.getValue() + " has a null key or value");
            }
            sorted.put(entry.getKey(), entry.getValue());
        }
        return sorted;
    }

    /** Compares by Unicode code point, the order of the strings' UTF-8 bytes. */
    private static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }
}
