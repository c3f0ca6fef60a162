package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import org.grace.model.io.AtomicFiles;
import org.grace.model.io.FloatTensor;
import org.grace.model.io.SafetensorsFile;
import org.grace.model.io.SafetensorsWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoints of one training run in its output folder:
 * <pre>
 *   checkpoints/step-00000004.safetensors   trained arrays as "param/&lt;name&gt;", optimiser slots as
 *                                           "optimizer/&lt;name&gt;/&lt;slot&gt;" (F32); metadata: format,
 *                                           step, fingerprint, config, optimizer_kind, optimizer_steps
 *   latest.json                             {"step":4,"file":"checkpoints/step-00000004.safetensors",
 *                                            "fingerprint":"…"}
 * </pre>
 * Both files are written atomically ({@link AtomicFiles}), the checkpoint before the pointer, so
 * {@code latest.json} always names a complete checkpoint. After each write only the newest
 * {@code keep} checkpoints are kept; files of steps after the one just written (left by a run
 * that crashed before updating {@code latest.json}) are removed too.
 */
public final class CheckpointStore {

    public static final String LATEST = "latest.json";
    public static final String FOLDER = "checkpoints";
    static final String FORMAT = "grace-train-checkpoint/1";
    static final String PARAM_PREFIX = "param/";
    static final String OPTIMIZER_PREFIX = "optimizer/";
    static final String STATE_PREFIX = "state/";
    private static final Pattern FILE_NAME = Pattern.compile("step-(\\d+)\\.safetensors");

    private final Path folder;

    public CheckpointStore(Path outputFolder) {
        this.folder = outputFolder;
    }

    /** Path of the checkpoint of {@code step}. */
    public Path fileFor(int step) {
        return folder.resolve(FOLDER).resolve(String.format("step-%08d.safetensors", step));
    }

    /** Writes the checkpoint of {@code step}, points {@code latest.json} at it and prunes old ones. */
    public Checkpoint write(int step, TrainableParameters parameters, Optimizer optimizer, String fingerprint,
                            String description, int keep) {
        return write(step, parameters, optimizer, fingerprint, description, keep, Map.of());
    }

    /** As above, with a method's {@link ExtraState} stored under metadata keys {@code state/<key>}. */
    public Checkpoint write(int step, TrainableParameters parameters, Optimizer optimizer, String fingerprint,
                            String description, int keep, Map<String, String> extraState) {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        parameters.arrays().forEach((name, a) -> tensors.put(PARAM_PREFIX + name,
                new FloatTensor(a.getShape().getShape(), a.toFloatArray())));
        optimizer.exportState().forEach((name, t) -> tensors.put(OPTIMIZER_PREFIX + name, t));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("step", Integer.toString(step));
        metadata.put("fingerprint", fingerprint);
        metadata.put("config", description);
        metadata.put("optimizer_kind", optimizer.kind().name());
        metadata.put("optimizer_steps", Long.toString(optimizer.stepCount()));
        extraState.forEach((k, v) -> metadata.put(STATE_PREFIX + k, v));
        Path file = fileFor(step);
        JsonObject latest = new JsonObject();
        latest.addProperty("step", step);
        latest.addProperty("file", folder.relativize(file).toString());
        latest.addProperty("fingerprint", fingerprint);
        try {
            SafetensorsWriter.write(file, tensors, metadata);
            AtomicFiles.writeString(folder.resolve(LATEST), new Gson().toJson(latest) + "\n");
            prune(step, keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
        return new Checkpoint(step, file, fingerprint);
    }

    /** The {@link ExtraState} pairs stored in {@code checkpoint}. */
    public Map<String, String> extraState(Checkpoint checkpoint) {
        try (SafetensorsFile st = SafetensorsFile.open(checkpoint.file())) {
            Map<String, String> out = new LinkedHashMap<>();
            st.metadata().forEach((k, v) -> {
                if (k.startsWith(STATE_PREFIX)) {
                    out.put(k.substring(STATE_PREFIX.length()), v);
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + checkpoint.file(), e);
        }
    }

    /** The checkpoint {@code latest.json} names, if there is one. */
    public Optional<Checkpoint> latest() {
        Path pointer = folder.resolve(LATEST);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        try {
            JsonObject json = new Gson().fromJson(Files.readString(pointer, StandardCharsets.UTF_8), JsonObject.class);
            if (json == null || !json.has("step") || !json.has("file") || !json.has("fingerprint")) {
                throw new IllegalStateException(pointer + " must hold step, file and fingerprint, found " + json);
            }
            Path file = folder.resolve(json.get("file").getAsString());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(pointer + " names checkpoint " + file + ", which does not exist");
            }
            return Optional.of(new Checkpoint(json.get("step").getAsInt(), file, json.get("fingerprint").getAsString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer, e);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new IllegalStateException("malformed checkpoint pointer " + pointer + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores trained arrays (in place) and optimiser state from {@code checkpoint}, all or nothing.
     *
     * @throws IllegalStateException if the checkpoint was written with another configuration
     *     (fingerprint mismatch: both descriptions are in the message), another optimiser, or its
     *     arrays do not match the trained ones by name and shape
     */
    public void load(Checkpoint checkpoint, TrainableParameters parameters, Optimizer optimizer,
                     String fingerprint, String description) {
        Path file = checkpoint.file();
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            Map<String, String> meta = st.metadata();
            if (!FORMAT.equals(meta.get("format")) || meta.get("optimizer_steps") == null) {
                throw new IllegalStateException(file + " is not a training checkpoint (metadata format '" + meta.get("format")
                        + "', expected '" + FORMAT + "' with optimizer_steps)");
            }
            String found = meta.get("fingerprint");
            if (!fingerprint.equals(found)) {
                throw new IllegalStateException("cannot resume from " + file + ": it was written by a different training"
                        + " configuration (fingerprint " + found + ", this run " + fingerprint + ").\n  checkpoint: "
                        + meta.get("config") + "\n  this run:   " + description
                        + "\nUse a new output folder, or the configuration the checkpoint was written with.");
            }
            if (!optimizer.kind().name().equals(meta.get("optimizer_kind"))) {
                throw new IllegalStateException("checkpoint " + file + " holds " + meta.get("optimizer_kind")
                        + " state, this run uses " + optimizer.kind());
            }
            Map<String, FloatTensor> values = new LinkedHashMap<>();
            Map<String, FloatTensor> state = new LinkedHashMap<>();
            for (String name : st.names()) {
                if (name.startsWith(PARAM_PREFIX)) {
                    values.put(name.substring(PARAM_PREFIX.length()), st.readFloat(name));
                } else if (name.startsWith(OPTIMIZER_PREFIX)) {
                    state.put(name.substring(OPTIMIZER_PREFIX.length()), st.readFloat(name));
                } else {
                    throw new IllegalStateException("checkpoint " + file + " has unexpected tensor " + name);
                }
            }
            checkArrays(file, parameters.arrays(), values);
            optimizer.importState(state, Long.parseLong(meta.get("optimizer_steps")), parameters.arrays());
            parameters.arrays().forEach((name, a) -> a.set(FloatBuffer.wrap(values.get(name).data())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("checkpoint " + file + " does not fit this run: " + e.getMessage(), e);
        }
    }

    private static void checkArrays(Path file, Map<String, NDArray> arrays, Map<String, FloatTensor> values) {
        TreeSet<String> missing = new TreeSet<>(arrays.keySet());
        missing.removeAll(values.keySet());
        TreeSet<String> extra = new TreeSet<>(values.keySet());
        extra.removeAll(arrays.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalStateException("checkpoint " + file + " does not hold the trained arrays: missing " + missing
                    + ", unexpected " + extra);
        }
        arrays.forEach((name, a) -> {
            long[] shape = values.get(name).shape();
            if (!Arrays.equals(shape, a.getShape().getShape())) {
                throw new IllegalStateException("checkpoint " + file + ": " + name + " has shape " + Arrays.toString(shape)
                        + ", the trained array has " + a.getShape());
            }
        });
    }

    private void prune(int current, int keep) throws IOException {
        Path dir = folder.resolve(FOLDER);
        List<Map.Entry<Integer, Path>> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> {
                Matcher m = FILE_NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    files.add(Map.entry(Integer.parseInt(m.group(1)), p));
                }
            });
        }
        files.sort(Map.Entry.<Integer, Path>comparingByKey(Comparator.reverseOrder()));
        int kept = 0;
        for (Map.Entry<Integer, Path> f : files) {
            if (f.getKey() <= current && kept < keep) {
                kept++;
            } else {
                Files.deleteIfExists(f.getValue());
            }
        }
    }
}
