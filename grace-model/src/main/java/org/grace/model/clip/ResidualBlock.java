package org.grace.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.AdapterTarget;

import java.util.EnumMap;
import java.util.Map;

/**
 * CLIP's pre-LN residual attention block (OpenAI {@code ResidualAttentionBlock}; HF
 * {@code CLIPEncoderLayer}):
 * <pre>
 *   x = x + out_proj(MHA(q_proj(ln1 x), k_proj(ln1 x), v_proj(ln1 x), mask))
 *   x = x + fc2(QuickGELU(fc1(ln2 x)))
 * </pre>
 * with {@code MHA = concat_h softmax(q_h k_hᵀ/√d_h + mask) v_h}, heads taking consecutive slices of
 * {@code d_h = width/heads} channels, and {@code QuickGELU(x) = x·σ(1.702x)} (not the exact GELU DJL
 * ships). Every linear layer is an {@link AdaptedLinear}, so LoRA and perturbation branches can be
 * placed on any of them.
 */
public final class ResidualBlock {

    private final String name;
    private final int heads;
    private final LayerNormParams ln1;
    private final LayerNormParams ln2;
    private final Map<AdapterTarget, AdaptedLinear> linears;

    /**
     * @param name HF module name, e.g. {@code text_model.encoder.layers.3}
     * @param linears all six linear layers, keyed by target
     */
    public ResidualBlock(String name, int heads, LayerNormParams ln1, LayerNormParams ln2,
                         Map<AdapterTarget, AdaptedLinear> linears) {
        this.name = name;
        this.heads = heads;
        this.ln1 = ln1;
        this.ln2 = ln2;
        this.linears = new EnumMap<>(linears);
        for (AdapterTarget t : AdapterTarget.values()) {
            if (!this.linears.containsKey(t)) {
                throw new IllegalArgumentException(name + ": missing linear layer " + t.path());
            }
        }
    }

    /**
     * Applies the block to x [B, L, D].
     *
     * @param additiveMask [L, L] added to the attention scores (−∞ above the diagonal for the text
     *     tower's causal mask), or null for none
     */
    public NDArray forward(NDArray x, NDArray additiveMask) {
        NDArray h = ln1.apply(x);
        x = x.add(attention(h, additiveMask));
        NDArray m = ln2.apply(x);
        NDArray hidden = linears.get(AdapterTarget.FC1).forward(m);
        hidden = quickGelu(hidden);
        return x.add(linears.get(AdapterTarget.FC2).forward(hidden));
    }

    private NDArray attention(NDArray h, NDArray additiveMask) {
        Shape s = h.getShape();
        long b = s.get(0);
        long l = s.get(1);
        long d = s.get(2);
        long dh = d / heads;
        NDArray q = split(linears.get(AdapterTarget.Q).forward(h), b, l, dh);
        NDArray k = split(linears.get(AdapterTarget.K).forward(h), b, l, dh);
        NDArray v = split(linears.get(AdapterTarget.V).forward(h), b, l, dh);
        // A scalar NDArray kept in the batch's manager, not a Number: DJL closes the scalar it makes for a
        // Number right after the op, and autograd would read its freed buffer in backward (see DjlScalarLifetimeTest).
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).muli(h.getManager().create((float) (1.0 / Math.sqrt(dh))));
        if (additiveMask != null) {
            scores = scores.add(additiveMask);
        }
        NDArray context = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, l, d);
        return linears.get(AdapterTarget.OUT).forward(context);
    }

    private NDArray split(NDArray x, long b, long l, long dh) {
        return x.reshape(b, l, heads, dh).transpose(0, 2, 1, 3);
    }

    /** QuickGELU, {@code x·σ(1.702·x)}, the activation of OpenAI's CLIP. */
    public static NDArray quickGelu(NDArray x) {
        // A scalar NDArray kept in the batch's manager, not a Number: DJL closes the scalar it makes for a
        // Number right after the op, and autograd would read its freed buffer in backward (see DjlScalarLifetimeTest).
        return x.mul(Activation.sigmoid(x.mul(x.getManager().create(1.702f))));
    }

    public String name() {
        return name;
    }

    public LayerNormParams ln1() {
        return ln1;
    }

    public LayerNormParams ln2() {
        return ln2;
    }

    /** The linear layer at this target. */
    public AdaptedLinear linear(AdapterTarget target) {
        return linears.get(target);
    }
}
