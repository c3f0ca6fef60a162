package org.grace.model.weights;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The suite's own checkpoint for small models: a folder holding {@code model.safetensors} (HF
 * names, F32, LoRA merged) and {@code config.json} ({@link ClipConfigJson}). Both files are written
 * atomically; the config is written last, so a folder with a config always has its weights.
 */
public final class ClipCheckpoint {

    /** Weights file name inside a checkpoint folder. */
    public static final String WEIGHTS = "model.safetensors";
    /** Config file name inside a checkpoint folder. */
    public static final String CONFIG = "config.json";

    private ClipCheckpoint() {
    }

    /** Writes the model's current weights and its config into {@code folder}. */
    public static void save(ClipModel model, Path folder) throws IOException {
        Files.createDirectories(folder);
        ClipWeights.saveHf(model, folder.resolve(WEIGHTS));
        AtomicFiles.writeString(folder.resolve(CONFIG), ClipConfigJson.write(model.config()));
    }

    /** The config stored in a checkpoint folder. */
    public static ClipConfig readConfig(Path folder) throws IOException {
        Path file = folder.resolve(CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "checkpoint config missing");
        }
        return ClipConfigJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Loads a checkpoint folder written by {@link #save}. */
    public static ClipModel load(Path folder, NDManager parent) throws IOException {
        ClipConfig config = readConfig(folder);
        Path weights = folder.resolve(WEIGHTS);
        if (!Files.isRegularFile(weights)) {
            throw new NoSuchFileException(weights.toString(), null, "checkpoint weights missing");
        }
        return ClipWeights.load(weights, config, parent);
    }
}
