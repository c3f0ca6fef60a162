package org.grace.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.ClipParameterLayout;
import org.grace.model.io.FloatTensor;
import org.grace.model.io.SafetensorsDtype;
import org.grace.model.io.SafetensorsFile;
import org.grace.model.io.SafetensorsWriter;
import org.grace.model.io.TensorInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads CLIP weights from safetensors files in HF or OpenAI layout and exports models in HF layout.
 *
 * <p>Loading is all-or-nothing: every check (layout, names, shapes, dtypes) runs on the file's
 * header before a single model array is allocated, so a bad file never leaves a half-loaded model.
 * Errors name the file and list the missing and unexpected tensors, or give the tensor with its
 * expected and found shape or dtype. Non-persistent {@code position_ids} buffers (int64) that HF
 * checkpoints still carry are skipped, as current transformers does (PR #45385); so are OpenAI's
 * {@link OpenAiLayout#SKIPPED} scalars. F32, F16, BF16 and F64 tensors are read as float32.
 */
public final class ClipWeights {

    private static final Set<SafetensorsDtype> FLOATS = Set.of(SafetensorsDtype.F32, SafetensorsDtype.F16,
            SafetensorsDtype.BF16, SafetensorsDtype.F64);

    private ClipWeights() {
    }

    /**
     * A model with the file's weights.
     *
     * @param config expected architecture, or null to infer it from the tensor shapes
     *     ({@link ClipConfigInference})
     * @param parent the new model's manager becomes a sub-manager of this one
     */
    public static ClipModel load(Path file, ClipConfig config, NDManager parent) throws IOException {
        return ClipModel.create(config == null ? inferConfig(file) : config, parent, readChecked(file, config));
    }

    /** The architecture the file's shapes describe. */
    public static ClipConfig inferConfig(Path file) throws IOException {
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            CheckpointLayout layout = CheckpointLayout.detect(file, f.names());
            for (TensorInfo info : f.infos()) {
                if (!skipped(info.name())) {
                    shapes.put(info.name(), info.shape());
                }
            }
            if (layout == CheckpointLayout.OPENAI) {
                shapes = OpenAiLayout.toHfShapes(shapes);
            }
            return ClipConfigInference.infer(shapes, file.toString());
        }
    }

    /**
     * The file's tensors under HF names, checked against {@code config}'s layout (or the inferred
     * one) using the header alone, before any tensor data is read.
     */
    public static Map<String, float[]> readChecked(Path file, ClipConfig config) throws IOException {
        ClipConfig expectedConfig = config == null ? inferConfig(file) : config;
        Map<String, Shape> expected = ClipParameterLayout.shapes(expectedConfig);
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            CheckpointLayout layout = CheckpointLayout.detect(file, f.names());
            Map<String, long[]> fileShapes = new LinkedHashMap<>();
            for (TensorInfo info : f.infos()) {
                if (skipped(info.name())) {
                    continue;
                }
                if (!FLOATS.contains(info.dtypeEnum())) {
                    throw new IllegalArgumentException(file + ": tensor " + info.name() + " has dtype " + info.dtype()
                            + ", expected a floating-point dtype (F32, F16, BF16 or F64)");
                }
                fileShapes.put(info.name(), info.shape());
            }
            Map<String, long[]> hfShapes = layout == CheckpointLayout.OPENAI ? OpenAiLayout.toHfShapes(fileShapes) : fileShapes;
            checkNames(file, expected.keySet(), hfShapes.keySet());
            for (Map.Entry<String, long[]> e : hfShapes.entrySet()) {
                checkShape(file, e.getKey(), expected.get(e.getKey()), e.getValue());
            }
            Map<String, FloatTensor> tensors = new LinkedHashMap<>();
            for (String name : fileShapes.keySet()) {
                tensors.put(name, f.readFloat(name));
            }
            if (layout == CheckpointLayout.OPENAI) {
                tensors = OpenAiLayout.toHf(tensors);
            }
            Map<String, float[]> values = new LinkedHashMap<>();
            tensors.forEach((name, t) -> values.put(name, t.data()));
            return values;
        }
    }

    private static boolean skipped(String name) {
        return name.endsWith("position_ids") || OpenAiLayout.SKIPPED.contains(name);
    }

    private static void checkNames(Path file, Set<String> expected, Set<String> found) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException(file + ": tensors do not match the model: missing " + missing.size()
                    + " " + abbreviate(missing) + ", unexpected " + unexpected.size() + " " + abbreviate(unexpected));
        }
    }

    private static String abbreviate(Set<String> names) {
        return names.size() <= 20 ? names.toString()
                : names.stream().limit(20).toList() + " … and " + (names.size() - 20) + " more";
    }

    private static void checkShape(Path file, String name, Shape expected, long[] found) {
        if (!Arrays.equals(expected.getShape(), found)) {
            throw new IllegalArgumentException(file + ": tensor " + name + " has shape " + Arrays.toString(found)
                    + ", expected " + Arrays.toString(expected.getShape()));
        }
    }

    /** The model's current weights (LoRA and any perturbation folded in) as HF-named tensors. */
    public static Map<String, FloatTensor> effectiveTensors(ClipModel model) {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        try (NDManager m = model.manager().newSubManager()) {
            for (Map.Entry<String, NDArray> e : model.effectiveParameters(m).entrySet()) {
                out.put(e.getKey(), new FloatTensor(e.getValue().getShape().getShape(), e.getValue().toFloatArray()));
            }
        }
        return out;
    }

    /** Writes the model in HF layout ({@code model.safetensors} naming), LoRA merged, F32. */
    public static void saveHf(ClipModel model, Path file) throws IOException {
        SafetensorsWriter.write(file, effectiveTensors(model), Map.of("format", "pt"));
    }

    /** Writes the model in OpenAI layout (fused in_proj, raw projections). */
    public static void saveOpenAi(ClipModel model, Path file) throws IOException {
        SafetensorsWriter.write(file, OpenAiLayout.fromHf(effectiveTensors(model)), Map.of("format", "pt"));
    }
}
