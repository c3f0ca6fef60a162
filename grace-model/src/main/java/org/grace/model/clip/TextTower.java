package org.grace.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;

import java.util.List;

/**
 * CLIP's text transformer (OpenAI {@code CLIP.encode_text}; HF {@code CLIPTextTransformer} +
 * {@code text_projection}):
 * <pre>
 *   x = tok_emb[ids] + pos[:L]
 *   x = blocks(x, causal mask: −∞ above the diagonal)
 *   x = ln_final(x)
 *   out = x[b, argmax_l ids[b,l]] · projᵀ     [B,E]
 * </pre>
 * Pooling at {@code argmax(ids)} picks the end-of-text token because it has the largest id
 * (OpenAI's rule; HF's legacy {@code eos_token_id == 2} branch does the same). Padding after the end
 * token cannot change the result because of the causal mask.
 */
public final class TextTower {

    private final TextConfig config;
    private final NDArray tokenEmbedding;
    private final NDArray positionEmbedding;
    private final List<ResidualBlock> blocks;
    private final LayerNormParams lnFinal;
    private final NDArray projection;

    TextTower(TextConfig config, NDArray tokenEmbedding, NDArray positionEmbedding, List<ResidualBlock> blocks,
              LayerNormParams lnFinal, NDArray projection) {
        this.config = config;
        this.tokenEmbedding = tokenEmbedding;
        this.positionEmbedding = positionEmbedding;
        this.blocks = List.copyOf(blocks);
        this.lnFinal = lnFinal;
        this.projection = projection;
    }

    /** Text embeddings [B, E] (not normalised) for token ids [B, L], L ≤ context length. */
    public NDArray forward(NDArray ids) {
        checkIds(ids);
        NDManager m = ids.getManager();
        long b = ids.getShape().get(0);
        int l = (int) ids.getShape().get(1);
        NDArray x = Embedding.embedding(ids, tokenEmbedding, SparseFormat.DENSE).singletonOrThrow();
        NDArray pos = positionEmbedding.get(new NDIndex(":" + l + ", :"));
        pos.attach(m);
        x = x.add(pos);
        NDArray mask = causalMask(m, l);
        for (ResidualBlock block : blocks) {
            x = block.forward(x, mask);
        }
        x = lnFinal.apply(x);
        NDArray eot = ids.argMax(1).oneHot(l, DataType.FLOAT32).reshape(b, l, 1);
        NDArray pooled = x.mul(eot).sum(new int[] {1});
        return Linear.linear(pooled, projection).singletonOrThrow();
    }

    private static NDArray causalMask(NDManager m, int l) {
        float[] mask = new float[l * l];
        for (int i = 0; i < l; i++) {
            for (int j = i + 1; j < l; j++) {
                mask[i * l + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return m.create(mask, new Shape(l, l));
    }

    private void checkIds(NDArray ids) {
        Shape s = ids.getShape();
        if (s.dimension() != 2 || s.get(1) < 1 || s.get(1) > config.contextLength()) {
            throw new IllegalArgumentException("token ids must be [B,L] with 1 ≤ L ≤ " + config.contextLength() + ", got " + s);
        }
        if (ids.getDataType() != DataType.INT64 && ids.getDataType() != DataType.INT32) {
            throw new IllegalArgumentException("token ids must be int64 or int32, got " + ids.getDataType());
        }
        long max = ids.max().toType(DataType.INT64, false).getLong();
        long min = ids.min().toType(DataType.INT64, false).getLong();
        if (min < 0 || max >= config.vocabSize()) {
            throw new IllegalArgumentException("token ids must lie in [0," + config.vocabSize() + "), found range ["
                    + min + "," + max + "]");
        }
    }

    public TextConfig config() {
        return config;
    }

    public List<ResidualBlock> blocks() {
        return blocks;
    }
}
