/**
 * Engine-independent weight files: a pure-Java reader and writer for the safetensors format and
 * atomic file writes.
 *
 * <p>safetensors (huggingface/safetensors, README and {@code safetensors/src/tensor.rs}) is
 * {@code [u64 little-endian N][N-byte UTF-8 JSON header][data buffer]}; the header maps each tensor
 * name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to the data
 * buffer, end exclusive, contiguous) plus an optional {@code "__metadata__"} string map. Tensors
 * are little-endian and row-major.
 *
 * <ul>
 *   <li>{@link org.grace.model.io.SafetensorsFile}: open, validate, list, read one tensor at a time
 *       as {@link org.grace.model.io.FloatTensor} (F32/F64/F16/BF16) or
 *       {@link org.grace.model.io.LongTensor} (integer and bool types).</li>
 *   <li>{@link org.grace.model.io.SafetensorsWriter}: write float tensors as F32, F16 or BF16,
 *       laid out as the Rust reference writer does.</li>
 *   <li>{@link org.grace.model.io.SafetensorsFormatException}: every malformed file, with the file,
 *       tensor, expected and found values in the message.</li>
 *   <li>{@link org.grace.model.io.AtomicFiles}: temp file in the same folder, fsync, atomic rename.</li>
 * </ul>
 * Nothing here depends on DJL, so weight-name mapping and checkpoint tooling can be tested without
 * an engine; turning a {@code FloatTensor} into an {@code NDArray} is one
 * {@code manager.create(data, new Shape(shape))} call.
 */
package org.grace.model.io;
