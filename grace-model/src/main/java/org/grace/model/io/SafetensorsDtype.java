package org.grace.model.io;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types a safetensors header may name in {@code "dtype"}, with their sizes in bits.
 *
 * <p>Source: huggingface/safetensors, {@code safetensors/src/tensor.rs}, enum {@code Dtype}. The
 * constants are declared in the same order as there, which the Rust writer uses as "alignment"
 * order: it stores tensors sorted by this order descending, then by name. Sub-byte types (F4, F6_*)
 * are packed, so a tensor of them is valid only when its bit count is a multiple of 8.
 */
public enum SafetensorsDtype {
    BOOL(8),
    F4(4),
    F6_E2M3(6),
    F6_E3M2(6),
    U8(8),
    I8(8),
    F8_E5M2(8),
    F8_E4M3(8),
    F8_E8M0(8),
    F8_E4M3FNUZ(8),
    F8_E5M2FNUZ(8),
    I16(16),
    U16(16),
    F16(16),
    BF16(16),
    I32(32),
    U32(32),
    F32(32),
    C64(64),
    F64(64),
    I64(64),
    U64(64);

    private final int bits;

    SafetensorsDtype(int bits) {
        this.bits = bits;
    }

    /** Size of one element in bits. */
    public int bits() {
        return bits;
    }

    /** The dtype spelled exactly {@code name} in a header (case-sensitive), or {@code null}. */
    public static SafetensorsDtype fromHeaderName(String name) {
        for (SafetensorsDtype dtype : values()) {
            if (dtype.name().equals(name)) {
                return dtype;
            }
        }
        return null;
    }

    /** All header spellings, comma separated, for error messages. */
    public static String allNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
