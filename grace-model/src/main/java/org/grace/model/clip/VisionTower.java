package org.grace.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import org.grace.model.adapters.VisualPrompts;

import java.util.List;

/**
 * CLIP's vision transformer (OpenAI {@code VisionTransformer.forward}; HF {@code CLIPVisionTransformer}
 * + {@code visual_projection}):
 * <pre>
 *   x = (img − mean)/std                      (CLIP's mean/std, inside the model)
 *   x = conv(x)  [B,D,g,g] → [B,g²,D]         (kernel = stride = patch, no bias)
 *   x = [cls ; x] + pos                       [B,g²+1,D]
 *   x = [x_0 ; prompts ; x_1..] (VPT, optional)
 *   x = ln_pre(x); x = blocks(x)
 *   out = ln_post(x[:,0]) · projᵀ             [B,E]
 * </pre>
 * Images enter as float NCHW in [0,1], so attack radii are in pixel units.
 */
public final class VisionTower {

    /** OpenAI CLIP's per-channel mean (clip/clip.py {@code _transform}). */
    public static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    /** OpenAI CLIP's per-channel standard deviation. */
    public static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private final VisionConfig config;
    private final NDArray patchWeight;
    private final NDArray classEmbedding;
    private final NDArray positionEmbedding;
    private final LayerNormParams lnPre;
    private final List<ResidualBlock> blocks;
    private final LayerNormParams lnPost;
    private final NDArray projection;
    private final NDArray mean;
    private final NDArray invStd;
    private VisualPrompts prompts;

    VisionTower(VisionConfig config, NDManager manager, NDArray patchWeight, NDArray classEmbedding,
                NDArray positionEmbedding, LayerNormParams lnPre, List<ResidualBlock> blocks,
                LayerNormParams lnPost, NDArray projection) {
        this.config = config;
        this.patchWeight = patchWeight;
        this.classEmbedding = classEmbedding;
        this.positionEmbedding = positionEmbedding;
        this.lnPre = lnPre;
        this.blocks = List.copyOf(blocks);
        this.lnPost = lnPost;
        this.projection = projection;
        this.mean = manager.create(MEAN, new Shape(1, 3, 1, 1));
        float[] inv = new float[3];
        for (int c = 0; c < 3; c++) {
            inv[c] = 1f / STD[c];
        }
        this.invStd = manager.create(inv, new Shape(1, 3, 1, 1));
    }

    /** Image embeddings [B, E] (not normalised) for images [B,3,S,S] in [0,1]. */
    public NDArray forward(NDArray images) {
        checkImages(images);
        NDManager m = images.getManager();
        long b = images.getShape().get(0);
        int d = config.width();
        NDArray x = images.sub(mean).muli(invStd);
        x = Conv2d.conv2d(x, patchWeight, null, new Shape(config.patchSize(), config.patchSize()))
                .singletonOrThrow();
        x = x.reshape(b, d, (long) config.gridSize() * config.gridSize()).transpose(0, 2, 1);
        NDArray cls = classEmbedding.reshape(1, 1, d);
        cls.attach(m);
        NDArray clsBatch = cls.broadcast(new Shape(b, 1, d));
        x = clsBatch.concat(x, 1).add(positionEmbedding);
        if (prompts != null) {
            x = prompts.insert(x);
        }
        x = lnPre.apply(x);
        for (int i = 0; i < blocks.size(); i++) {
            if (prompts != null) {
                x = prompts.beforeBlock(x, i);
            }
            x = blocks.get(i).forward(x, null);
        }
        NDArray pooled = lnPost.apply(x.get(new NDIndex(":, 0, :")));
        return Linear.linear(pooled, projection).singletonOrThrow();
    }

    private void checkImages(NDArray images) {
        Shape s = images.getShape();
        int size = config.imageSize();
        if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) != size || s.get(3) != size) {
            throw new IllegalArgumentException("images must be float [B,3," + size + "," + size + "] in [0,1], got " + s);
        }
        if (images.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("images must be float32, got " + images.getDataType());
        }
    }

    /** Installs VPT prompts (null removes them). */
    public void setPrompts(VisualPrompts prompts) {
        if (prompts != null && prompts.config().deep() && prompts.arrays().size() != blocks.size()) {
            throw new IllegalArgumentException("deep VPT needs one prompt set per block (" + blocks.size()
                    + "), got " + prompts.arrays().size());
        }
        this.prompts = prompts;
    }

    public VisualPrompts prompts() {
        return prompts;
    }

    public VisionConfig config() {
        return config;
    }

    public List<ResidualBlock> blocks() {
        return blocks;
    }
}
