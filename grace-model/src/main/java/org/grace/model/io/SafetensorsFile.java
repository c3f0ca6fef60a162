package org.grace.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A safetensors file opened for reading: the header is parsed and validated by {@link #open(Path)},
 * and each tensor is read and converted only when asked for, from a memory mapping of its bytes.
 *
 * <p><b>Format</b> (huggingface/safetensors README and {@code safetensors/src/tensor.rs}):
 * <pre>
 *   [8 bytes: N, unsigned 64-bit little-endian]
 *   [N bytes: UTF-8 JSON header, N &lt;= 100,000,000, often space-padded to a multiple of 8]
 *   [data buffer: every tensor's bytes, little-endian, row-major, no strides]
 * header = {"__metadata__": {string: string} (optional),
 *           NAME: {"dtype": "F32", "shape": [d0, d1, ...], "data_offsets": [BEGIN, END]}, ...}
 * </pre>
 * Offsets are relative to the data buffer (file byte {@code 8 + N + BEGIN}), END is exclusive,
 * and sorted by offset the tensors tile the buffer exactly. A 0-rank tensor ({@code "shape": []})
 * holds one element; a tensor with a 0 dimension holds none. See {@link SafetensorsHeader} for
 * every check made when opening, each failing with a {@link SafetensorsFormatException} that names
 * the file, the tensor and the expected and found values.
 *
 * <p><b>Reading.</b> {@link #readFloat(String)} converts F32, F64, F16 and BF16 to float32
 * (F64 rounds to nearest); {@link #readLong(String)} widens I64, I32, I16, I8, U32, U16, U8 and
 * BOOL to long. Both copy into Java arrays, so a tensor must have fewer than
 * {@code 2^31 - 8} elements; each tensor's bytes are mapped with {@link FileChannel#map} and
 * read in chunks of at most 1 GiB, so a file larger than the heap reads one tensor at a time
 * (tensors under 1 MiB are read with a positional {@link FileChannel#read} instead, which is
 * cheaper than a mapping for biases and norms).
 * Nothing is cached: reading a tensor twice reads it twice. Reads may run concurrently.
 *
 * <p>Departure: DJL's {@code NDList.decode} reads the whole file into one heap array and limits
 * offsets to {@code int}; this reader does neither.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Largest header length the format accepts ({@code MAX_HEADER_SIZE} in {@code tensor.rs}). */
    public static final long MAX_HEADER_LENGTH = 100_000_000L;

    private static final int LENGTH_PREFIX_BYTES = 8;
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final long MAX_MAPPED_CHUNK = 1L << 30;
    /** Below this many bytes a positional read beats setting up a mapping (about 10 us each). */
    private static final long MAX_COPIED_READ = 1L << 20;
    private static final int SUGGESTIONS = 5;
    private static final Set<SafetensorsDtype> FLOAT_TYPES = Collections.unmodifiableSet(EnumSet.of(
            SafetensorsDtype.F32, SafetensorsDtype.F64, SafetensorsDtype.F16, SafetensorsDtype.BF16));
    private static final Set<SafetensorsDtype> INTEGER_TYPES = Collections.unmodifiableSet(EnumSet.of(
            SafetensorsDtype.I64, SafetensorsDtype.I32, SafetensorsDtype.I16, SafetensorsDtype.I8,
            SafetensorsDtype.U32, SafetensorsDtype.U16, SafetensorsDtype.U8, SafetensorsDtype.BOOL));

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, TensorInfo> tensorsByName;
    private final Map<String, String> metadata;
    private volatile boolean closed;

    private SafetensorsFile(Path file, FileChannel channel, long dataStart, SafetensorsHeader header) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        Map<String, TensorInfo> byName = new LinkedHashMap<>();
        for (TensorInfo tensor : header.tensors()) {
            byName.put(tensor.name(), tensor);
        }
        this.tensorsByName = byName;
        this.metadata = header.metadata();
    }

    /**
     * Opens {@code file}, reads and validates its header. Tensor data is not read.
     *
     * @throws SafetensorsFormatException if the file is not a valid safetensors file
     * @throws IOException if the file cannot be read
     */
    public static SafetensorsFile open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot open safetensors file " + file + ": it is a directory");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long fileSize = channel.size();
            if (fileSize < LENGTH_PREFIX_BYTES) {
                throw new SafetensorsFormatException(file, null, "the file is " + fileSize
                        + " bytes long, shorter than the 8-byte header length every safetensors file starts with");
            }
            ByteBuffer prefix = readFully(channel, 0, LENGTH_PREFIX_BYTES);
            long headerLength = prefix.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            if (headerLength < 0 || headerLength > MAX_HEADER_LENGTH) {
                throw new SafetensorsFormatException(file, null, "the header length in the first 8 bytes is "
                        + Long.toUnsignedString(headerLength) + ", more than the format's limit of " + MAX_HEADER_LENGTH
                        + " bytes (first bytes " + hex(prefix) + "; is this a safetensors file?)");
            }
            long available = fileSize - LENGTH_PREFIX_BYTES;
            if (headerLength > available) {
                throw new SafetensorsFormatException(file, null, "the header length in the first 8 bytes is "
                        + headerLength + " bytes, but only " + available + " bytes follow them (file size "
                        + fileSize + " bytes)");
            }
            ByteBuffer headerBytes = readFully(channel, LENGTH_PREFIX_BYTES, (int) headerLength);
            SafetensorsHeader header = SafetensorsHeader.parse(file, headerBytes);
            long dataStart = LENGTH_PREFIX_BYTES + headerLength;
            header.checkLayout(fileSize - dataStart);
            return new SafetensorsFile(file, channel, dataStart, header);
        } catch (IOException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The file this was opened from. */
    public Path path() {
        return file;
    }

    /** File offset of the data buffer, {@code 8 + N}. */
    public long dataStart() {
        return dataStart;
    }

    /**
     * Tensor names in data-buffer order (ascending data offsets, ties by name). For files written
     * by {@link SafetensorsWriter} or the Rust/Python writers this is dtype order, then name order.
     */
    public List<String> names() {
        return List.copyOf(tensorsByName.keySet());
    }

    /** Header entries in the order of {@link #names()}. */
    public List<TensorInfo> infos() {
        return List.copyOf(tensorsByName.values());
    }

    /** The header's {@code __metadata__} map (unmodifiable, header order), empty when absent. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Number of tensors. */
    public int size() {
        return tensorsByName.size();
    }

    /** Whether the header has a tensor with exactly this name. */
    public boolean contains(String name) {
        return tensorsByName.containsKey(name);
    }

    /**
     * The header entry of tensor {@code name}.
     *
     * @throws SafetensorsFormatException if there is no such tensor; the message lists the nearest names
     */
    public TensorInfo info(String name) throws SafetensorsFormatException {
        TensorInfo info = tensorsByName.get(name);
        if (info == null) {
            throw new SafetensorsFormatException(file, name, "no such tensor; " + suggestions(name));
        }
        return info;
    }

    /**
     * Reads tensor {@code name} as float32, converting from F32, F64 (rounded), F16 or BF16.
     *
     * @throws SafetensorsFormatException if there is no such tensor or its dtype is not a float type
     */
    public FloatTensor readFloat(String name) throws IOException {
        TensorInfo info = info(name);
        SafetensorsDtype dtype = info.dtypeEnum();
        int bytesPerElement = switch (dtype) {
            case F32 -> Float.BYTES;
            case F64 -> Double.BYTES;
            case F16, BF16 -> Short.BYTES;
            default -> throw new SafetensorsFormatException(file, name, "dtype " + info.dtype()
                    + " cannot be read as float; readFloat supports " + names(FLOAT_TYPES)
                    + (INTEGER_TYPES.contains(dtype) ? " (use readLong for " + info.dtype() + ")" : ""));
        };
        float[] data = new float[arrayLength(info)];
        forEachChunk(info, bytesPerElement, (bytes, at, count) -> {
            switch (dtype) {
                case F32 -> bytes.asFloatBuffer().get(data, at, count);
                case F64 -> {
                    for (int i = 0; i < count; i++) {
                        data[at + i] = (float) bytes.getDouble(i * Double.BYTES);
                    }
                }
                case F16 -> {
                    for (int i = 0; i < count; i++) {
                        data[at + i] = HalfFloats.f16ToFloat(bytes.getShort(i * Short.BYTES));
                    }
                }
                default -> {
                    for (int i = 0; i < count; i++) {
                        data[at + i] = HalfFloats.bf16ToFloat(bytes.getShort(i * Short.BYTES));
                    }
                }
            }
        });
        return new FloatTensor(info.shape(), data);
    }

    /**
     * Reads tensor {@code name} as 64-bit integers, widening I32, I16, I8, U32, U16, U8 and BOOL
     * (false 0, true 1) without loss.
     *
     * @throws SafetensorsFormatException if there is no such tensor or its dtype is not one of those
     */
    public LongTensor readLong(String name) throws IOException {
        TensorInfo info = info(name);
        SafetensorsDtype dtype = info.dtypeEnum();
        int bytesPerElement = switch (dtype) {
            case I64 -> Long.BYTES;
            case I32, U32 -> Integer.BYTES;
            case I16, U16 -> Short.BYTES;
            case I8, U8, BOOL -> Byte.BYTES;
            default -> throw new SafetensorsFormatException(file, name, "dtype " + info.dtype()
                    + " cannot be read as long; readLong supports " + names(INTEGER_TYPES)
                    + (FLOAT_TYPES.contains(dtype) ? " (use readFloat for " + info.dtype() + ")" : ""));
        };
        long[] data = new long[arrayLength(info)];
        forEachChunk(info, bytesPerElement, (bytes, at, count) -> {
            if (dtype == SafetensorsDtype.I64) {
                bytes.asLongBuffer().get(data, at, count);
                return;
            }
            for (int i = 0; i < count; i++) {
                data[at + i] = switch (dtype) {
                    case I32 -> bytes.getInt(i * Integer.BYTES);
                    case U32 -> Integer.toUnsignedLong(bytes.getInt(i * Integer.BYTES));
                    case I16 -> bytes.getShort(i * Short.BYTES);
                    case U16 -> Short.toUnsignedLong(bytes.getShort(i * Short.BYTES));
                    case I8 -> bytes.get(i);
                    case U8 -> Byte.toUnsignedLong(bytes.get(i));
                    default -> bytes.get(i) == 0 ? 0L : 1L;
                };
            }
        });
        return new LongTensor(info.shape(), data);
    }

    /** Closes the file. Arrays already read stay valid; later reads fail. Idempotent. */
    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }

    @Override
    public String toString() {
        return "SafetensorsFile[" + file + ", " + tensorsByName.size() + " tensors]";
    }

    /** Receives one chunk of a tensor: its little-endian bytes and the element range they hold. */
    @FunctionalInterface
    private interface ChunkConsumer {
        void accept(ByteBuffer bytes, int firstElement, int elementCount);
    }

    private void forEachChunk(TensorInfo info, int bytesPerElement, ChunkConsumer consumer) throws IOException {
        if (closed) {
            throw new IOException("safetensors file " + file + " is closed; cannot read tensor '" + info.name() + "'");
        }
        long elementsPerChunk = MAX_MAPPED_CHUNK / bytesPerElement;
        long total = info.numel();
        for (long first = 0; first < total; first += elementsPerChunk) {
            int count = (int) Math.min(elementsPerChunk, total - first);
            long position = dataStart + info.begin() + first * bytesPerElement;
            long length = (long) count * bytesPerElement;
            ByteBuffer bytes = length <= MAX_COPIED_READ
                    ? readFully(channel, position, (int) length)
                    : channel.map(FileChannel.MapMode.READ_ONLY, position, length);
            bytes.order(ByteOrder.LITTLE_ENDIAN);
            consumer.accept(bytes, (int) first, count);
        }
    }

    private int arrayLength(TensorInfo info) throws SafetensorsFormatException {
        long numel = info.numel();
        if (numel > MAX_ARRAY_LENGTH) {
            throw new SafetensorsFormatException(file, info.name(), "holds " + numel
                    + " elements, more than one Java array can (" + MAX_ARRAY_LENGTH + ")");
        }
        return (int) numel;
    }

    private String suggestions(String name) {
        if (tensorsByName.isEmpty()) {
            return "the file holds no tensors";
        }
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        Map<String, Integer> distances = new HashMap<>();
        for (String candidate : tensorsByName.keySet()) {
            distances.put(candidate, distance.apply(name, candidate));
        }
        List<String> nearest = new ArrayList<>(distances.keySet());
        nearest.sort(Comparator.comparing((String candidate) -> distances.get(candidate))
                .thenComparing(Comparator.<String>naturalOrder()));
        String shown = nearest.stream().limit(SUGGESTIONS).map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        return "the file holds " + tensorsByName.size() + " tensors; nearest names: " + shown;
    }

    private static String names(Set<SafetensorsDtype> dtypes) {
        return dtypes.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }

    private static String hex(ByteBuffer bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.limit(); i++) {
            text.append(i == 0 ? "" : " ").append(String.format("%02X", bytes.get(i) & 0xFF));
        }
        return text.toString();
    }
}
