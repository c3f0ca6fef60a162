package org.grace.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraAdapter;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.adapters.VisualPromptConfig;
import org.grace.model.adapters.VisualPrompts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * CLIP (Radford et al., 2021): a vision and a text tower mapping into a joint space, with
 * {@code logits_per_image = exp(logit_scale) · normalize(f_img) · normalize(f_txt)ᵀ}
 * (OpenAI {@code clip/model.py CLIP.forward}; HF {@code CLIPModel}).
 *
 * <p>Weights are plain NDArrays owned by this model's manager and named as in HF checkpoints
 * ({@link ClipParameterLayout}); the forward pass is written functionally, so any subset can be made
 * trainable, perturbed or probed (Hessian-vector products) without DJL's Block machinery. All base
 * weights start frozen (no gradient); LoRA factors and VPT prompts are created trainable.
 * Intermediate arrays of a forward pass live in the manager of its input, so callers scope memory
 * per batch by creating inputs in a sub-manager.
 */
public final class ClipModel implements AutoCloseable {

    private final ClipConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final VisionTower vision;
    private final TextTower text;
    private final Map<String, AdaptedLinear> linears;

    private ClipModel(ClipConfig config, NDManager manager, Map<String, NDArray> parameters) {
        this.config = config;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.linears = new LinkedHashMap<>();
        VisionConfig v = config.vision();
        String vp = Tower.VISION.hfPrefix();
        this.vision = new VisionTower(v, manager, p(vp + ".embeddings.patch_embedding.weight"),
                p(vp + ".embeddings.class_embedding"), p(vp + ".embeddings.position_embedding.weight"),
                norm(vp + ".pre_layrnorm"), blocks(Tower.VISION, v.layers(), v.heads()), norm(vp + ".post_layernorm"),
                p("visual_projection.weight"));
        TextConfig t = config.text();
        String tp = Tower.TEXT.hfPrefix();
        this.text = new TextTower(t, p(tp + ".embeddings.token_embedding.weight"),
                p(tp + ".embeddings.position_embedding.weight"), blocks(Tower.TEXT, t.layers(), t.heads()),
                norm(tp + ".final_layer_norm"), p("text_projection.weight"));
    }

    /**
     * A model with the given values for every base parameter, in a new sub-manager of {@code parent}.
     *
     * @throws IllegalArgumentException listing missing and unexpected names, or naming a parameter
     *     whose value count does not match its shape; nothing is allocated in that case
     */
    public static ClipModel create(ClipConfig config, NDManager parent, Map<String, float[]> values) {
        Map<String, Shape> shapes = ClipParameterLayout.shapes(config);
        checkNames(config, shapes.keySet(), values.keySet());
        for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            long expected = e.getValue().size();
            int found = values.get(e.getKey()).length;
            if (found != expected) {
                throw new IllegalArgumentException("parameter " + e.getKey() + ": expected shape " + e.getValue()
                        + " (" + expected + " values), found " + found + " values");
            }
        }
        NDManager manager = parent.newSubManager();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            NDArray a = manager.create(values.get(e.getKey()), e.getValue());
            a.setName(e.getKey());
            arrays.put(e.getKey(), a);
        }
        return new ClipModel(config, manager, arrays);
    }

    /**
     * An independent copy of this model's current function (LoRA and any perturbation folded into
     * the weights, no adapters), in a new sub-manager of {@code parent}: the frozen θ₀ reference
     * that anchored methods (WiSE-FT, TPGM, SPD, PMG-AFT, FARE) compare against.
     */
    public ClipModel copy(NDManager parent) {
        Map<String, float[]> values = new LinkedHashMap<>();
        try (NDManager scratch = manager.newSubManager()) {
            effectiveParameters(scratch).forEach((name, array) -> values.put(name, array.toFloatArray()));
        }
        return create(config, parent, values);
    }

    /** A randomly initialised model ({@link ClipInitializer}); the same seed gives the same weights. */
    public static ClipModel randomInit(ClipConfig config, NDManager parent, long seed) {
        return create(config, parent, ClipInitializer.initialValues(config, seed));
    }

    private static void checkNames(ClipConfig config, Set<String> expected, Set<String> found) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("weights do not match config " + config.name() + ": missing "
                    + missing.size() + " " + abbreviate(missing) + ", unexpected " + unexpected.size() + " "
                    + abbreviate(unexpected));
        }
    }

    /** At most 20 names, then a count, so huge mismatches stay readable. */
    static String abbreviate(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        if (list.size() <= 20) {
            return list.toString();
        }
        return list.subList(0, 20) + " … and " + (list.size() - 20) + " more";
    }

    private NDArray p(String name) {
        return parameters.get(name);
    }

    private LayerNormParams norm(String name) {
        return new LayerNormParams(name, p(name + ".weight"), p(name + ".bias"));
    }

    private List<ResidualBlock> blocks(Tower tower, int layers, int heads) {
        List<ResidualBlock> list = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            String b = ClipParameterLayout.blockName(tower, i);
            Map<AdapterTarget, AdaptedLinear> lin = new EnumMap<>(AdapterTarget.class);
            for (AdapterTarget t : AdapterTarget.values()) {
                String module = b + "." + t.path();
                AdaptedLinear layer = new AdaptedLinear(module, tower, t, p(module + ".weight"), p(module + ".bias"));
                lin.put(t, layer);
                linears.put(module, layer);
            }
            list.add(new ResidualBlock(b, heads, norm(b + ".layer_norm1"), norm(b + ".layer_norm2"), lin));
        }
        return list;
    }

    /** Image embeddings [B,E], not normalised, for float images [B,3,S,S] in [0,1]. */
    public NDArray encodeImage(NDArray images) {
        return vision.forward(images);
    }

    /** Text embeddings [B,E], not normalised, for token ids [B,L]. */
    public NDArray encodeText(NDArray ids) {
        return text.forward(ids);
    }

    /** {@code exp(logit_scale) · normalize(img) · normalize(txt)ᵀ}, [B_img, B_txt]. */
    public NDArray logits(NDArray images, NDArray ids) {
        NDArray img = normalize(encodeImage(images));
        NDArray txt = normalize(encodeText(ids));
        return img.matMul(txt.transpose()).mul(logitScaleExp(images.getManager()));
    }

    /** exp(logit_scale) as a scalar array in {@code m} (differentiable when the scale is trainable). */
    public NDArray logitScaleExp(NDManager m) {
        NDArray s = parameters.get("logit_scale").exp();
        s.attach(m);
        return s;
    }

    /** Rows divided by their L2 norm. */
    public static NDArray normalize(NDArray x) {
        return x.div(x.norm(new int[] {-1}, true));
    }

    /** Adds fresh LoRA branches to every layer the config selects; the seed fixes A's initial values. */
    public void applyLora(LoraConfig lora, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (AdaptedLinear layer : linears.values()) {
            if (lora.adapts(layer.tower(), layer.target())) {
                int rank = lora.rankFor(layer.name());
                if (rank > Math.min(layer.inFeatures(), layer.outFeatures())) {
                    throw new IllegalArgumentException("LoRA rank " + rank + " exceeds min(in, out) = "
                            + Math.min(layer.inFeatures(), layer.outFeatures()) + " of " + layer.name());
                }
                layer.setLora(LoraAdapter.initialise(manager, layer.inFeatures(), layer.outFeatures(), rank,
                        lora.alphaFor(layer.name()), rng));
            }
        }
    }

    /** Installs fresh VPT prompts in the vision tower; the seed fixes their initial values. */
    public VisualPrompts applyVisualPrompts(VisualPromptConfig config, long seed) {
        VisionConfig v = this.config.vision();
        VisualPrompts prompts = VisualPrompts.initialise(manager, config, v.layers(), v.width(), v.patchSize(),
                new SplittableRandom(seed));
        vision.setPrompts(prompts);
        return prompts;
    }

    /** LoRA factors by PEFT name ({@code <module>.lora_A.weight}, {@code <module>.lora_B.weight}). */
    public Map<String, NDArray> loraParameters() {
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (AdaptedLinear layer : linears.values()) {
            if (layer.lora() != null) {
                m.put(layer.name() + ".lora_A.weight", layer.lora().a());
                m.put(layer.name() + ".lora_B.weight", layer.lora().b());
            }
        }
        return m;
    }

    /** VPT prompts by name ({@code vision_model.prompts.<i>}), empty without VPT. */
    public Map<String, NDArray> promptParameters() {
        Map<String, NDArray> m = new LinkedHashMap<>();
        VisualPrompts prompts = vision.prompts();
        if (prompts != null) {
            for (int i = 0; i < prompts.arrays().size(); i++) {
                m.put(Tower.VISION.hfPrefix() + ".prompts." + i, prompts.arrays().get(i));
            }
        }
        return m;
    }

    /** Makes the base parameters whose name satisfies {@code trainable} require gradients, freezing the rest. */
    public void setTrainableBase(Predicate<String> trainable) {
        parameters.forEach((name, array) -> array.setRequiresGradient(trainable.test(name)));
    }

    /** Merges every LoRA branch into its weight (exactly undone by {@link #unmerge()}). */
    public void merge() {
        linears.values().forEach(AdaptedLinear::merge);
    }

    /**
     * Puts the model in its deployed form: every LoRA branch not yet merged is folded into its
     * weight (methods that merge in their own {@code finish} leave nothing to do).
     */
    public void deploy() {
        linears.values().stream().filter(l -> !l.merged()).forEach(AdaptedLinear::merge);
    }

    /** Restores every pre-merge weight bit for bit. */
    public void unmerge() {
        linears.values().forEach(AdaptedLinear::unmerge);
    }

    /** Removes every perturbation branch. */
    public void removePerturbations() {
        linears.values().forEach(AdaptedLinear::removePerturbation);
    }

    /**
     * Every base parameter with LoRA (and any perturbation) folded in, as new arrays in {@code m}:
     * the weights the model currently computes with, under HF names. Used for export and drift.
     */
    public Map<String, NDArray> effectiveParameters(NDManager m) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            String name = e.getKey();
            AdaptedLinear layer = name.endsWith(".weight") ? linears.get(name.substring(0, name.length() - 7)) : null;
            NDArray value;
            if (layer != null) {
                value = layer.effectiveWeight(m);
            } else {
                value = e.getValue().duplicate();
                value.attach(m);
            }
            out.put(name, value);
        }
        return out;
    }

    /** The base parameters by HF name (frozen unless made trainable). */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** Every adaptable linear layer by full module name, in model order. */
    public Map<String, AdaptedLinear> linears() {
        return Collections.unmodifiableMap(linears);
    }

    /** The linear layer of a tower's block at a target. */
    public AdaptedLinear linear(Tower tower, int layer, AdapterTarget target) {
        AdaptedLinear l = linears.get(ClipParameterLayout.blockName(tower, layer) + "." + target.path());
        if (l == null) {
            throw new IllegalArgumentException("no layer " + layer + " in the " + tower + " tower of " + config.name());
        }
        return l;
    }

    public ClipConfig config() {
        return config;
    }

    public VisionTower vision() {
        return vision;
    }

    public TextTower text() {
        return text;
    }

    /** The manager that owns every weight of this model. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
