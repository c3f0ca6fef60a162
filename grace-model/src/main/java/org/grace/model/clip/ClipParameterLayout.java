package org.grace.model.clip;

import ai.djl.ndarray.types.Shape;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.Tower;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical parameter names and shapes of a CLIP model: Hugging Face {@code CLIPModel} names
 * (see {@code reference/clip.md} §2.1), which are this suite's internal names too. Linear weights are
 * [out,in]; the two projections are stored as Linear weights ({@code visual_projection.weight}
 * [embed, width]), i.e. transposed relative to OpenAI's {@code visual.proj} [width, embed].
 * Non-persistent {@code position_ids} buffers are not parameters and are absent.
 */
public final class ClipParameterLayout {

    private ClipParameterLayout() {
    }

    /** Name → shape of every base parameter, in a stable order (vision, text, projections, scale). */
    public static Map<String, Shape> shapes(ClipConfig config) {
        Map<String, Shape> m = new LinkedHashMap<>();
        VisionConfig v = config.vision();
        String vp = Tower.VISION.hfPrefix();
        m.put(vp + ".embeddings.class_embedding", new Shape(v.width()));
        m.put(vp + ".embeddings.patch_embedding.weight", new Shape(v.width(), 3, v.patchSize(), v.patchSize()));
        m.put(vp + ".embeddings.position_embedding.weight", new Shape(v.tokens(), v.width()));
        layerNorm(m, vp + ".pre_layrnorm", v.width());
        for (int i = 0; i < v.layers(); i++) {
            block(m, vp + ".encoder.layers." + i, v.width(), v.mlpWidth());
        }
        layerNorm(m, vp + ".post_layernorm", v.width());
        TextConfig t = config.text();
        String tp = Tower.TEXT.hfPrefix();
        m.put(tp + ".embeddings.token_embedding.weight", new Shape(t.vocabSize(), t.width()));
        m.put(tp + ".embeddings.position_embedding.weight", new Shape(t.contextLength(), t.width()));
        for (int i = 0; i < t.layers(); i++) {
            block(m, tp + ".encoder.layers." + i, t.width(), t.mlpWidth());
        }
        layerNorm(m, tp + ".final_layer_norm", t.width());
        m.put("visual_projection.weight", new Shape(config.embedDim(), v.width()));
        m.put("text_projection.weight", new Shape(config.embedDim(), t.width()));
        m.put("logit_scale", new Shape());
        return Collections.unmodifiableMap(m);
    }

    /** HF module name of block {@code layer} of a tower. */
    public static String blockName(Tower tower, int layer) {
        return tower.hfPrefix() + ".encoder.layers." + layer;
    }

    private static void layerNorm(Map<String, Shape> m, String name, int width) {
        m.put(name + ".weight", new Shape(width));
        m.put(name + ".bias", new Shape(width));
    }

    private static void block(Map<String, Shape> m, String name, int width, int mlp) {
        for (AdapterTarget t : new AdapterTarget[] {AdapterTarget.Q, AdapterTarget.K, AdapterTarget.V, AdapterTarget.OUT}) {
            m.put(name + "." + t.path() + ".weight", new Shape(width, width));
            m.put(name + "." + t.path() + ".bias", new Shape(width));
        }
        layerNorm(m, name + ".layer_norm1", width);
        m.put(name + ".mlp.fc1.weight", new Shape(mlp, width));
        m.put(name + ".mlp.fc1.bias", new Shape(mlp));
        m.put(name + ".mlp.fc2.weight", new Shape(width, mlp));
        m.put(name + ".mlp.fc2.bias", new Shape(width));
        layerNorm(m, name + ".layer_norm2", width);
    }
}
