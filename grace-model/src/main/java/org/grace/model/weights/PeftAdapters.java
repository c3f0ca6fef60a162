package org.grace.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.LoraAdapter;
import org.grace.model.clip.ClipModel;
import org.grace.model.io.AtomicFiles;
import org.grace.model.io.FloatTensor;
import org.grace.model.io.SafetensorsFile;
import org.grace.model.io.SafetensorsWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * LoRA adapters as a PEFT folder (huggingface/peft {@code save_pretrained} layout):
 * {@code adapter_model.safetensors} with {@code base_model.model.<module>.lora_A.weight} [r,in] and
 * {@code ….lora_B.weight} [out,r], and {@code adapter_config.json} with {@code peft_type: LORA},
 * {@code r}, {@code lora_alpha}, {@code rank_pattern}, {@code alpha_pattern} and
 * {@code target_modules}.
 *
 * <p>Departure: {@code target_modules} lists full module names (PEFT matches an entry by equality
 * or by suffix), so an adapter on the vision tower only is not re-applied to the text tower by PEFT,
 * as short names like {@code q_proj} would be. {@code r}/{@code lora_alpha} are the most common
 * rank and alpha; other layers go to the patterns. The base model name is the suite's config name.
 */
public final class PeftAdapters {

    /** Adapter weights file name. */
    public static final String WEIGHTS = "adapter_model.safetensors";
    /** Adapter config file name. */
    public static final String CONFIG = "adapter_config.json";
    private static final String PREFIX = "base_model.model.";

    private PeftAdapters() {
    }

    /** Writes every LoRA branch of {@code model} into {@code folder}. */
    public static void export(ClipModel model, Path folder) throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Map<String, Float> alphas = new LinkedHashMap<>();
        for (AdaptedLinear layer : model.linears().values()) {
            LoraAdapter lora = layer.lora();
            if (lora != null) {
                tensors.put(PREFIX + layer.name() + ".lora_A.weight", tensor(lora.a()));
                tensors.put(PREFIX + layer.name() + ".lora_B.weight", tensor(lora.b()));
                ranks.put(layer.name(), lora.rank());
                alphas.put(layer.name(), lora.alpha());
            }
        }
        if (tensors.isEmpty()) {
            throw new IllegalStateException("model has no LoRA adapters to export");
        }
        int rank = mostCommon(ranks);
        float alpha = mostCommon(alphas);
        JsonObject config = new JsonObject();
        config.addProperty("peft_type", "LORA");
        config.addProperty("base_model_name_or_path", model.config().name());
        config.add("task_type", JsonNull.INSTANCE);
        config.addProperty("inference_mode", true);
        config.addProperty("r", rank);
        config.addProperty("lora_alpha", alpha);
        config.addProperty("lora_dropout", 0.0);
        config.addProperty("bias", "none");
        config.addProperty("fan_in_fan_out", false);
        config.addProperty("init_lora_weights", true);
        JsonArray targets = new JsonArray();
        ranks.keySet().forEach(targets::add);
        config.add("target_modules", targets);
        JsonObject rankPattern = new JsonObject();
        ranks.forEach((k, v) -> {
            if (v != rank) {
                rankPattern.addProperty(k, v);
            }
        });
        JsonObject alphaPattern = new JsonObject();
        alphas.forEach((k, v) -> {
            if (v != alpha) {
                alphaPattern.addProperty(k, v);
            }
        });
        config.add("rank_pattern", rankPattern);
        config.add("alpha_pattern", alphaPattern);
        Files.createDirectories(folder);
        SafetensorsWriter.write(folder.resolve(WEIGHTS), tensors, Map.of("format", "pt"));
        AtomicFiles.writeString(folder.resolve(CONFIG),
                new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(config) + "\n");
    }

    /**
     * Installs the adapters of a PEFT folder on {@code model}, replacing any LoRA on those layers.
     * Every tensor and config entry is checked before any layer changes.
     */
    public static void load(ClipModel model, Path folder) throws IOException {
        Path configFile = folder.resolve(CONFIG);
        Path weightsFile = folder.resolve(WEIGHTS);
        for (Path p : List.of(configFile, weightsFile)) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString(), null, "PEFT adapter file missing");
            }
        }
        JsonObject config;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(configFile, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(configFile + ": must be a JSON object");
            }
            config = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(configFile + ": not valid JSON: " + e.getMessage(), e);
        }
        for (String key : List.of("peft_type", "r", "lora_alpha")) {
            if (!config.has(key)) {
                throw new IllegalArgumentException(configFile + ": missing key " + key);
            }
        }
        if (!"LORA".equals(config.get("peft_type").getAsString())) {
            throw new IllegalArgumentException(configFile + ": peft_type must be LORA, found " + config.get("peft_type"));
        }
        float alpha = config.get("lora_alpha").getAsFloat();
        Map<String, Float> alphaPattern = new HashMap<>();
        if (config.has("alpha_pattern") && config.get("alpha_pattern").isJsonObject()) {
            config.getAsJsonObject("alpha_pattern").entrySet().forEach(en -> alphaPattern.put(en.getKey(), en.getValue().getAsFloat()));
        }
        Map<String, FloatTensor[]> factors = new LinkedHashMap<>();
        try (SafetensorsFile f = SafetensorsFile.open(weightsFile)) {
            Set<String> unexpected = new TreeSet<>();
            for (String name : f.names()) {
                String module = moduleOf(name);
                if (module == null || !model.linears().containsKey(module)) {
                    unexpected.add(name);
                    continue;
                }
                FloatTensor[] pair = factors.computeIfAbsent(module, k -> new FloatTensor[2]);
                pair[name.endsWith(".lora_A.weight") ? 0 : 1] = f.readFloat(name);
            }
            if (!unexpected.isEmpty()) {
                throw new IllegalArgumentException(weightsFile + ": tensors that are not LoRA factors of this model: " + unexpected);
            }
        }
        for (Map.Entry<String, FloatTensor[]> e : factors.entrySet()) {
            AdaptedLinear layer = model.linears().get(e.getKey());
            FloatTensor a = e.getValue()[0];
            FloatTensor b = e.getValue()[1];
            if (a == null || b == null) {
                throw new IllegalArgumentException(weightsFile + ": " + e.getKey() + " needs both lora_A and lora_B");
            }
            long[] sa = a.shape();
            long[] sb = b.shape();
            if (sa.length != 2 || sb.length != 2 || sa[1] != layer.inFeatures() || sb[0] != layer.outFeatures() || sa[0] != sb[1]) {
                throw new IllegalArgumentException(weightsFile + ": " + e.getKey() + " expects lora_A [r," + layer.inFeatures()
                        + "] and lora_B [" + layer.outFeatures() + ",r], found " + java.util.Arrays.toString(sa) + " and "
                        + java.util.Arrays.toString(sb));
            }
        }
        for (Map.Entry<String, FloatTensor[]> e : factors.entrySet()) {
            AdaptedLinear layer = model.linears().get(e.getKey());
            NDArray a = model.manager().create(e.getValue()[0].data(), new Shape(e.getValue()[0].shape()));
            NDArray b = model.manager().create(e.getValue()[1].data(), new Shape(e.getValue()[1].shape()));
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            layer.setLora(new LoraAdapter(a, b, alphaPattern.getOrDefault(e.getKey(), alpha)));
        }
    }

    private static String moduleOf(String name) {
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        for (String suffix : List.of(".lora_A.weight", ".lora_B.weight")) {
            if (name.endsWith(suffix)) {
                return name.substring(PREFIX.length(), name.length() - suffix.length());
            }
        }
        return null;
    }

    private static FloatTensor tensor(NDArray a) {
        return new FloatTensor(a.getShape().getShape(), a.toFloatArray());
    }

    private static <T> T mostCommon(Map<String, T> values) {
        Map<T, Integer> counts = new LinkedHashMap<>();
        values.values().forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
    }
}
