package org.grace.model.weights;

import org.grace.model.io.FloatTensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps OpenAI CLIP state-dict names to Hugging Face names and back, following HF's
 * {@code convert_clip_original_pytorch_to_hf.py} (table in {@code reference/clip.md} §2.2):
 * <ul>
 *   <li>{@code attn.in_proj_weight} [3w,w] splits by rows into q, k, v (rows 0..w−1 = q, …), and
 *       {@code in_proj_bias} likewise;</li>
 *   <li>{@code visual.proj} [w,E] and {@code text_projection} [w,E] are raw matrices applied as
 *       {@code x @ P}; HF stores Linear weights [E,w], so they are transposed;</li>
 *   <li>{@code ln_1/ln_2} → {@code layer_norm1/2}, {@code mlp.c_fc/c_proj} → {@code mlp.fc1/fc2},
 *       the rest renamed one to one;</li>
 *   <li>{@code input_resolution}, {@code context_length}, {@code vocab_size} (TorchScript archive
 *       scalars that {@code build_model} deletes) are skipped.</li>
 * </ul>
 */
public final class OpenAiLayout {

    /** Non-parameter entries of OpenAI checkpoints that are dropped on import. */
    public static final Set<String> SKIPPED = Set.of("input_resolution", "context_length", "vocab_size");

    private static final Pattern BLOCK = Pattern.compile("^(visual\\.)?transformer\\.resblocks\\.(\\d+)\\.(.+)$");
    private static final Map<String, String> BLOCK_RENAMES = Map.of(
            "attn.out_proj.weight", "self_attn.out_proj.weight",
            "attn.out_proj.bias", "self_attn.out_proj.bias",
            "ln_1.weight", "layer_norm1.weight",
            "ln_1.bias", "layer_norm1.bias",
            "ln_2.weight", "layer_norm2.weight",
            "ln_2.bias", "layer_norm2.bias",
            "mlp.c_fc.weight", "mlp.fc1.weight",
            "mlp.c_fc.bias", "mlp.fc1.bias",
            "mlp.c_proj.weight", "mlp.fc2.weight",
            "mlp.c_proj.bias", "mlp.fc2.bias");
    private static final Map<String, String> TOP_RENAMES = topRenames();

    private OpenAiLayout() {
    }

    private static Map<String, String> topRenames() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("visual.conv1.weight", "vision_model.embeddings.patch_embedding.weight");
        m.put("visual.class_embedding", "vision_model.embeddings.class_embedding");
        m.put("visual.positional_embedding", "vision_model.embeddings.position_embedding.weight");
        m.put("visual.ln_pre.weight", "vision_model.pre_layrnorm.weight");
        m.put("visual.ln_pre.bias", "vision_model.pre_layrnorm.bias");
        m.put("visual.ln_post.weight", "vision_model.post_layernorm.weight");
        m.put("visual.ln_post.bias", "vision_model.post_layernorm.bias");
        m.put("token_embedding.weight", "text_model.embeddings.token_embedding.weight");
        m.put("positional_embedding", "text_model.embeddings.position_embedding.weight");
        m.put("ln_final.weight", "text_model.final_layer_norm.weight");
        m.put("ln_final.bias", "text_model.final_layer_norm.bias");
        m.put("logit_scale", "logit_scale");
        return m;
    }

    /** How one HF tensor is derived from one OpenAI tensor. */
    enum Op {
        COPY, TRANSPOSE, ROWS_0, ROWS_1, ROWS_2
    }

    /** One HF tensor made from an OpenAI tensor by an {@link Op}. */
    record Route(String hfName, Op op) {
    }

    /**
     * Where an OpenAI tensor goes: nothing for skipped scalars, three routes for a fused q/k/v
     * projection, one otherwise.
     *
     * @throws IllegalArgumentException for a name with no HF counterpart
     */
    static List<Route> routes(String name) {
        if (SKIPPED.contains(name)) {
            return List.of();
        }
        if (TOP_RENAMES.containsKey(name)) {
            return List.of(new Route(TOP_RENAMES.get(name), Op.COPY));
        }
        if (name.equals("visual.proj")) {
            return List.of(new Route("visual_projection.weight", Op.TRANSPOSE));
        }
        if (name.equals("text_projection")) {
            return List.of(new Route("text_projection.weight", Op.TRANSPOSE));
        }
        Matcher m = BLOCK.matcher(name);
        if (m.matches()) {
            String prefix = (m.group(1) != null ? "vision_model" : "text_model") + ".encoder.layers." + m.group(2) + ".";
            String rest = m.group(3);
            if (rest.equals("attn.in_proj_weight") || rest.equals("attn.in_proj_bias")) {
                String suffix = rest.endsWith("weight") ? ".weight" : ".bias";
                return List.of(new Route(prefix + "self_attn.q_proj" + suffix, Op.ROWS_0),
                        new Route(prefix + "self_attn.k_proj" + suffix, Op.ROWS_1),
                        new Route(prefix + "self_attn.v_proj" + suffix, Op.ROWS_2));
            }
            if (BLOCK_RENAMES.containsKey(rest)) {
                return List.of(new Route(prefix + BLOCK_RENAMES.get(rest), Op.COPY));
            }
        }
        throw new IllegalArgumentException("OpenAI checkpoint tensor '" + name + "' has no HF counterpart");
    }

    /** HF name → shape for OpenAI name → shape, without touching any data. */
    public static Map<String, long[]> toHfShapes(Map<String, long[]> openAi) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : openAi.entrySet()) {
            for (Route r : routes(e.getKey())) {
                out.put(r.hfName(), shape(e.getKey(), r.op(), e.getValue()));
            }
        }
        return out;
    }

    /**
     * OpenAI-named tensors → HF-named tensors.
     *
     * @throws IllegalArgumentException naming any tensor that has no HF counterpart or a fused
     *     projection whose rows are not divisible by 3
     */
    public static Map<String, FloatTensor> toHf(Map<String, FloatTensor> openAi) {
        Map<String, FloatTensor> hf = new LinkedHashMap<>();
        for (Map.Entry<String, FloatTensor> e : openAi.entrySet()) {
            for (Route r : routes(e.getKey())) {
                hf.put(r.hfName(), apply(e.getKey(), r.op(), e.getValue()));
            }
        }
        return hf;
    }

    private static long[] shape(String name, Op op, long[] s) {
        switch (op) {
            case COPY:
                return s.clone();
            case TRANSPOSE:
                requireMatrix(name, s);
                return new long[] {s[1], s[0]};
            default:
                requireFused(name, s);
                long[] part = s.clone();
                part[0] = s[0] / 3;
                return part;
        }
    }

    private static FloatTensor apply(String name, Op op, FloatTensor t) {
        switch (op) {
            case COPY:
                return t;
            case TRANSPOSE:
                return transpose(name, t);
            default:
                requireFused(name, t.shape());
                int n = t.numel() / 3;
                int i = op.ordinal() - Op.ROWS_0.ordinal();
                return new FloatTensor(shape(name, op, t.shape()), Arrays.copyOfRange(t.data(), i * n, (i + 1) * n));
        }
    }

    private static void requireMatrix(String name, long[] s) {
        if (s.length != 2) {
            throw new IllegalArgumentException(name + ": expected a matrix to transpose, found shape " + Arrays.toString(s));
        }
    }

    private static void requireFused(String name, long[] s) {
        if (s.length < 1 || s[0] % 3 != 0) {
            throw new IllegalArgumentException(name + ": fused q/k/v projection needs a first dimension divisible by 3, found shape "
                    + Arrays.toString(s));
        }
    }

    /** HF-named tensors → OpenAI-named tensors (the inverse of {@link #toHf(Map)}). */
    public static Map<String, FloatTensor> fromHf(Map<String, FloatTensor> hf) {
        Map<String, String> inverseTop = new LinkedHashMap<>();
        TOP_RENAMES.forEach((k, v) -> inverseTop.put(v, k));
        Map<String, String> inverseBlock = new LinkedHashMap<>();
        BLOCK_RENAMES.forEach((k, v) -> inverseBlock.put(v, k));
        Pattern hfBlock = Pattern.compile("^(vision_model|text_model)\\.encoder\\.layers\\.(\\d+)\\.(.+)$");
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, FloatTensor> e : hf.entrySet()) {
            String name = e.getKey();
            if (inverseTop.containsKey(name)) {
                out.put(inverseTop.get(name), e.getValue());
            } else if (name.equals("visual_projection.weight")) {
                out.put("visual.proj", transpose(name, e.getValue()));
            } else if (name.equals("text_projection.weight")) {
                out.put("text_projection", transpose(name, e.getValue()));
            } else {
                Matcher m = hfBlock.matcher(name);
                if (!m.matches()) {
                    throw new IllegalArgumentException("HF tensor '" + name + "' has no OpenAI counterpart");
                }
                String prefix = (m.group(1).equals("vision_model") ? "visual." : "") + "transformer.resblocks." + m.group(2) + ".";
                String rest = m.group(3);
                if (rest.startsWith("self_attn.q_proj.")) {
                    String suffix = rest.substring("self_attn.q_proj.".length());
                    String base = m.group(1) + ".encoder.layers." + m.group(2) + ".self_attn.";
                    out.put(prefix + "attn.in_proj_" + suffix, concatRows(hf.get(base + "q_proj." + suffix),
                            hf.get(base + "k_proj." + suffix), hf.get(base + "v_proj." + suffix), name));
                } else if (rest.startsWith("self_attn.k_proj.") || rest.startsWith("self_attn.v_proj.")) {
                    continue;
                } else if (inverseBlock.containsKey(rest)) {
                    out.put(prefix + inverseBlock.get(rest), e.getValue());
                } else {
                    throw new IllegalArgumentException("HF tensor '" + name + "' has no OpenAI counterpart");
                }
            }
        }
        return out;
    }

    static FloatTensor transpose(String name, FloatTensor t) {
        long[] s = t.shape();
        requireMatrix(name, s);
        int rows = (int) s[0];
        int cols = (int) s[1];
        float[] out = new float[rows * cols];
        float[] in = t.data();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = in[i * cols + j];
            }
        }
        return new FloatTensor(new long[] {cols, rows}, out);
    }

    private static FloatTensor concatRows(FloatTensor q, FloatTensor k, FloatTensor v, String name) {
        if (q == null || k == null || v == null) {
            throw new IllegalArgumentException(name + ": q, k and v projections must all be present to fuse them");
        }
        long[] s = q.shape().clone();
        s[0] *= 3;
        float[] out = new float[q.numel() * 3];
        System.arraycopy(q.data(), 0, out, 0, q.numel());
        System.arraycopy(k.data(), 0, out, q.numel(), k.numel());
        System.arraycopy(v.data(), 0, out, 2 * q.numel(), v.numel());
        return new FloatTensor(s, out);
    }
}
