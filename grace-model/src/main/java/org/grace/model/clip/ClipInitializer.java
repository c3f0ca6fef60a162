package org.grace.model.clip;

import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random initial values for training a CLIP from scratch, following OpenAI
 * {@code CLIP.initialize_parameters} (clip/model.py): token embedding N(0, 0.02²), text positional
 * embedding N(0, 0.01²); in the transformer {@code attn_std = width^-½} for q/k/v,
 * {@code proj_std = width^-½·(2·layers)^-½} for out_proj and fc2, {@code fc_std = (2·width)^-½} for
 * fc1; projections N(0, width^-1); biases 0, LayerNorm γ = 1, β = 0; {@code logit_scale = ln(1/0.07)}.
 *
 * <p>Departures: OpenAI applies the transformer rule to the text tower only and leaves the vision
 * tower at PyTorch defaults; we use the same rule for both towers (class and positional embeddings
 * N(0, width^-1) as OpenAI's {@code scale = width^-½}, patch conv N(0, 1/(3p²))). Values come from one
 * {@link SplittableRandom} walked in the fixed order of {@link ClipParameterLayout}, so the same seed
 * gives the same model on every platform.
 */
public final class ClipInitializer {

    private ClipInitializer() {
    }

    /** Initial values (row-major float arrays) for every base parameter. */
    public static Map<String, float[]> initialValues(ClipConfig config, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : ClipParameterLayout.shapes(config).entrySet()) {
            String name = e.getKey();
            int n = Math.toIntExact(e.getValue().size());
            float[] values = new float[n];
            if (name.equals("logit_scale")) {
                values[0] = (float) Math.log(1 / 0.07);
            } else if (isGamma(name)) {
                Arrays.fill(values, 1f);
            } else if (stdFor(config, name) > 0) {
                double std = stdFor(config, name);
                for (int i = 0; i < n; i++) {
                    values[i] = (float) (rng.nextGaussian() * std);
                }
            }
            out.put(name, values);
        }
        return out;
    }

    private static boolean isGamma(String name) {
        return (name.contains("layer_norm") || name.contains("layrnorm") || name.contains("layernorm"))
                && name.endsWith(".weight");
    }

    private static double stdFor(ClipConfig config, String name) {
        boolean vision = name.startsWith("vision_model");
        int width = vision ? config.vision().width() : config.text().width();
        int layers = vision ? config.vision().layers() : config.text().layers();
        if (name.endsWith(".bias") || isGamma(name)) {
            return 0;
        }
        if (name.endsWith("token_embedding.weight")) {
            return 0.02;
        }
        if (name.equals("text_model.embeddings.position_embedding.weight")) {
            return 0.01;
        }
        if (name.startsWith("vision_model.embeddings.") && !name.contains("patch")) {
            return Math.pow(width, -0.5);
        }
        if (name.endsWith("patch_embedding.weight")) {
            int p = config.vision().patchSize();
            return 1 / Math.sqrt(3.0 * p * p);
        }
        if (name.equals("visual_projection.weight")) {
            return Math.pow(config.vision().width(), -0.5);
        }
        if (name.equals("text_projection.weight")) {
            return Math.pow(config.text().width(), -0.5);
        }
        if (name.contains("q_proj") || name.contains("k_proj") || name.contains("v_proj")) {
            return Math.pow(width, -0.5);
        }
        if (name.contains("out_proj") || name.contains("fc2")) {
            return Math.pow(width, -0.5) * Math.pow(2.0 * layers, -0.5);
        }
        if (name.contains("fc1")) {
            return Math.pow(2.0 * width, -0.5);
        }
        throw new IllegalStateException("no initialisation rule for parameter " + name);
    }
}
