package org.grace.model.clip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Full shape of a CLIP model: both towers and the shared embedding dimension.
 *
 * <p>Named presets follow OpenAI's released models ({@code clip/model.py build_model} applied to the
 * released state dicts): {@code ViT-B/32} (151,277,313 parameters), {@code ViT-B/16},
 * {@code ViT-L/14}. The {@code tiny} family is this suite's own: the same architecture at widths a
 * 2-core CPU trains in minutes; {@link #tiny(VisionConfig, TextConfig, int)} builds any member and
 * {@code "tiny"} names the default one used by the embedded scale.
 *
 * @param name identifier written into checkpoints and reports
 * @param embedDim dimension of the joint image–text embedding space
 * @param vision vision tower shape
 * @param text text tower shape
 */
public record ClipConfig(String name, int embedDim, VisionConfig vision, TextConfig text) {

    /** The default member of the tiny family (embedded scale). */
    public static final ClipConfig TINY = tiny(new VisionConfig(32, 4, 64, 4, 4), new TextConfig(64, 2, 4, 16, 512), 64);

    private static final Map<String, ClipConfig> PRESETS = presets();

    /** Validates every field, naming the one at fault. */
    public ClipConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vision, "vision");
        Objects.requireNonNull(text, "text");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        ConfigChecks.positive("embedDim", embedDim);
    }

    /** A member of the tiny family with the given shapes. */
    public static ClipConfig tiny(VisionConfig vision, TextConfig text, int embedDim) {
        return new ClipConfig("tiny", embedDim, vision, text);
    }

    /**
     * The preset with this name: {@code tiny}, {@code ViT-B/32}, {@code ViT-B/16} or {@code ViT-L/14}.
     *
     * @throws IllegalArgumentException naming the unknown name and listing the known ones
     */
    public static ClipConfig named(String name) {
        ClipConfig config = PRESETS.get(name);
        if (config == null) {
            throw new IllegalArgumentException("unknown model config '" + name + "'; known configs: " + names());
        }
        return config;
    }

    /** Names of every preset, in a stable order. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /**
     * Number of scalar parameters of the base model (no adapters): both towers, both projections and
     * the logit scale. For ViT-B/32 this is 151,277,313, as OpenAI's notebook prints.
     */
    public long parameterCount() {
        VisionConfig v = vision;
        long patch = (long) v.width() * 3 * v.patchSize() * v.patchSize();
        long visionTotal = patch + v.width() + (long) v.tokens() * v.width() + 2L * v.width()
                + v.layers() * blockParameters(v.width(), v.mlpWidth()) + 2L * v.width() + (long) v.width() * embedDim;
        TextConfig t = text;
        long textTotal = (long) t.vocabSize() * t.width() + (long) t.contextLength() * t.width()
                + t.layers() * blockParameters(t.width(), t.mlpWidth()) + 2L * t.width() + (long) t.width() * embedDim;
        return visionTotal + textTotal + 1;
    }

    private static long blockParameters(long width, long mlp) {
        long attention = 4 * (width * width + width);
        long norms = 4 * width;
        long mlpParams = mlp * width + mlp + width * mlp + width;
        return attention + norms + mlpParams;
    }

    private static Map<String, ClipConfig> presets() {
        Map<String, ClipConfig> m = new LinkedHashMap<>();
        m.put("tiny", TINY);
        TextConfig clipText512 = new TextConfig(512, 12, 8, 77, 49408);
        m.put("ViT-B/32", new ClipConfig("ViT-B/32", 512, new VisionConfig(224, 32, 768, 12, 12), clipText512));
        m.put("ViT-B/16", new ClipConfig("ViT-B/16", 512, new VisionConfig(224, 16, 768, 12, 12), clipText512));
        m.put("ViT-L/14", new ClipConfig("ViT-L/14", 768, new VisionConfig(224, 14, 1024, 24, 16),
                new TextConfig(768, 12, 12, 77, 49408)));
        return Collections.unmodifiableMap(m);
    }
}
