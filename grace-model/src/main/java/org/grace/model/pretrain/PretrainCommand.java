package org.grace.model.pretrain;

import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.grace.model.engine.SourceRevision;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.engine.EngineInfo;
import org.grace.model.engine.EngineSettings;
import org.grace.model.eval.ZeroShotSuite;
import org.grace.model.io.AtomicFiles;
import org.grace.model.text.WordTokenizer;
import org.grace.model.train.ProgressBar;
import org.grace.model.weights.ClipCheckpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Regenerates the embedded scale's pretrained tiny CLIP from its seeds:
 * {@code PretrainCommand <output folder> [work folder] [steps] [batch]}. Interrupted runs resume
 * from the work folder's checkpoints. The output folder receives the checkpoint
 * ({@code model.safetensors}, {@code config.json}), {@code tokenizer.json}, {@code training-log.csv},
 * {@code zero-shot.json} (accuracy on every split) and {@code provenance.json} (settings, seeds,
 * sha256 of the weights, wall time, engine).
 */
public final class PretrainCommand {

    /** Where the committed checkpoint lives inside grace-model's resources. */
    public static final String RESOURCE_FOLDER = "grace-model/src/main/resources/org/grace/model/pretrained/tiny-clip";

    private PretrainCommand() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args.length > 0 ? args[0] : RESOURCE_FOLDER);
        Path work = Paths.get(args.length > 1 ? args[1] : "target/tiny-clip-pretraining");
        PretrainConfig config = PretrainConfig.defaults();
        if (args.length > 2) {
            int steps = Integer.parseInt(args[2]);
            int batch = args.length > 3 ? Integer.parseInt(args[3]) : config.batchSize();
            config = config.withBudget(steps, batch, Math.min(config.warmupSteps(), Math.max(0, steps / 10)));
        }
        var engine = new EngineSettings(Runtime.getRuntime().availableProcessors(), 1).apply();
        long start = System.nanoTime();
        SynthWorld world = TinyClipPretraining.world(config);
        WordTokenizer tokenizer = TinyClipPretraining.tokenizer(config.contextLength());
        try (NDManager root = NDManager.newBaseManager()) {
            ClipModel model = TinyClipPretraining.train(config, world, tokenizer, work, root, ProgressBar.detectMode());
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            ClipCheckpoint.save(model, out);
            tokenizer.save(out.resolve("tokenizer.json"));
            Files.createDirectories(out);
            AtomicFiles.writeBytes(out.resolve("training-log.csv"), Files.readAllBytes(work.resolve("metrics.csv")));
            Map<String, Double> zeroShot = ZeroShotSuite.evaluate(model, tokenizer, world, root, 250);
            JsonObject zs = new JsonObject();
            zeroShot.forEach(zs::addProperty);
            AtomicFiles.writeString(out.resolve("zero-shot.json"), new GsonBuilder().setPrettyPrinting().create().toJson(zs) + "\n");
            JsonObject provenance = new GsonBuilder().create().toJsonTree(config).getAsJsonObject();
            provenance.addProperty("sha256", sha256(out.resolve(ClipCheckpoint.WEIGHTS)));
            provenance.addProperty("commit", SourceRevision.commit());
            provenance.addProperty("train_wall_seconds", trainSeconds);
            provenance.addProperty("total_wall_seconds", (System.nanoTime() - start) / 1e9);
            JsonObject engineFacts = new JsonObject();
            EngineInfo.of(engine).asMap().forEach(engineFacts::addProperty);
            provenance.add("engine", engineFacts);
            AtomicFiles.writeString(out.resolve("provenance.json"),
                    new GsonBuilder().setPrettyPrinting().create().toJson(provenance) + "\n");
            System.out.println("pretrained tiny CLIP written to " + out + " in " + Math.round(trainSeconds) + " s");
            zeroShot.forEach((k, v) -> System.out.printf("  %-32s %.3f%n", k, v));
        }
    }


    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
