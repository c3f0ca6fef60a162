package org.grace.model.adapters;

import java.util.Arrays;
import java.util.Locale;

/**
 * The linear layers of a CLIP residual block that can carry adapters: the four attention
 * projections and the two MLP layers. Names follow Hugging Face {@code CLIPEncoderLayer}, which are
 * also the {@code target_modules} PEFT writes into {@code adapter_config.json}.
 */
public enum AdapterTarget {
    Q("self_attn.q_proj"),
    K("self_attn.k_proj"),
    V("self_attn.v_proj"),
    OUT("self_attn.out_proj"),
    FC1("mlp.fc1"),
    FC2("mlp.fc2");

    private final String path;

    AdapterTarget(String path) {
        this.path = path;
    }

    /** Path of the layer inside a block, e.g. {@code self_attn.q_proj}. */
    public String path() {
        return path;
    }

    /** Last component of the path, PEFT's {@code target_modules} entry, e.g. {@code q_proj}. */
    public String moduleName() {
        return path.substring(path.indexOf('.') + 1);
    }

    /**
     * Parses {@code q, k, v, out, fc1, fc2} (case-insensitive) or a PEFT module name
     * ({@code q_proj, ..., out_proj, fc1, fc2}).
     *
     * @throws IllegalArgumentException naming the value and listing the accepted ones
     */
    public static AdapterTarget parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (AdapterTarget t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(n) || t.moduleName().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown adapter target '" + name + "'; expected one of "
                + Arrays.toString(values()) + " or their module names q_proj, k_proj, v_proj, out_proj, fc1, fc2");
    }
}
