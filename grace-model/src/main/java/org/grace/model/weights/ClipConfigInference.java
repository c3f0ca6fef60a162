package org.grace.model.weights;

import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.TextConfig;
import org.grace.model.clip.VisionConfig;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers a {@link ClipConfig} from the tensor shapes of an HF-named checkpoint, as OpenAI's
 * {@code build_model} does from a state dict: widths from the embeddings, patch size from the patch
 * kernel, image size from the number of positions, layer counts from the largest block index,
 * vocabulary and context from the text embeddings, embedding size from the projection.
 *
 * <p>Heads are not visible in the shapes; like {@code build_model} ({@code heads = width // 64}) we
 * assume a head width of 64, true of every released CLIP. When a preset has exactly the inferred
 * shape its name is used, otherwise the name is {@code "custom"}.
 */
public final class ClipConfigInference {

    private static final Pattern LAYER = Pattern.compile("^(vision_model|text_model)\\.encoder\\.layers\\.(\\d+)\\.");

    private ClipConfigInference() {
    }

    /**
     * @param shapes HF name → shape
     * @param source file name for error messages
     */
    public static ClipConfig infer(Map<String, long[]> shapes, String source) {
        int vWidth = dim(shapes, "vision_model.embeddings.class_embedding", 0, source);
        int patch = dim(shapes, "vision_model.embeddings.patch_embedding.weight", 2, source);
        int positions = dim(shapes, "vision_model.embeddings.position_embedding.weight", 0, source);
        int grid = (int) Math.round(Math.sqrt(positions - 1));
        if (grid * grid + 1 != positions) {
            throw new IllegalArgumentException(source + ": vision position embedding has " + positions
                    + " rows, not 1 + a square number of patches");
        }
        int vocab = dim(shapes, "text_model.embeddings.token_embedding.weight", 0, source);
        int tWidth = dim(shapes, "text_model.embeddings.token_embedding.weight", 1, source);
        int context = dim(shapes, "text_model.embeddings.position_embedding.weight", 0, source);
        int embed = dim(shapes, "visual_projection.weight", 0, source);
        int vLayers = 0;
        int tLayers = 0;
        for (String name : shapes.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.find()) {
                int n = Integer.parseInt(m.group(2)) + 1;
                if (m.group(1).equals("vision_model")) {
                    vLayers = Math.max(vLayers, n);
                } else {
                    tLayers = Math.max(tLayers, n);
                }
            }
        }
        VisionConfig vision = new VisionConfig(grid * patch, patch, vWidth, vLayers, Math.max(1, vWidth / 64));
        TextConfig text = new TextConfig(tWidth, tLayers, Math.max(1, tWidth / 64), context, vocab);
        for (String name : ClipConfig.names()) {
            ClipConfig preset = ClipConfig.named(name);
            if (preset.vision().equals(vision) && preset.text().equals(text) && preset.embedDim() == embed) {
                return preset;
            }
        }
        return new ClipConfig("custom", embed, vision, text);
    }

    private static int dim(Map<String, long[]> shapes, String name, int axis, String source) {
        long[] s = shapes.get(name);
        if (s == null) {
            throw new IllegalArgumentException(source + ": missing tensor " + name + " needed to infer the model config");
        }
        if (s.length <= axis) {
            throw new IllegalArgumentException(source + ": tensor " + name + " has shape " + Arrays.toString(s)
                    + ", expected at least " + (axis + 1) + " dimensions");
        }
        return Math.toIntExact(s[axis]);
    }
}
