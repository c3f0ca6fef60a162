package org.grace.model.pretrain;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.eval.TopOneAccuracy;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.model.zeroshot.ZeroShotHead;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed checkpoint is the one its provenance describes and reproduces its recorded accuracy. */
class PretrainedTinyClipTest {

    @Test
    void committedWeightsMatchTheirHashAndRecordedZeroShotIdAccuracy() throws Exception {
        Path folder = PretrainedTinyClip.committedFolder();
        JsonObject provenance = JsonParser.parseString(Files.readString(folder.resolve("provenance.json"))).getAsJsonObject();
        assertEquals(provenance.get("sha256").getAsString(), PretrainCommand.sha256(folder.resolve("model.safetensors")));
        JsonObject zeroShot = JsonParser.parseString(Files.readString(folder.resolve("zero-shot.json"))).getAsJsonObject();
        SynthWorld world = TinyClipPretraining.world(PretrainConfig.defaults());
        try (NDManager root = NDManager.newBaseManager()) {
            PretrainedTinyClip.Loaded loaded = PretrainedTinyClip.loadCommitted(root);
            ZeroShotHead head = ZeroShotHead.build(loaded.model(), loaded.tokenizer(), world.idTexts().classNames(),
                    world.idTexts().templates(), root, 64);
            double accuracy = TopOneAccuracy.of(new ClipClassifier(loaded.model(), head), world.idTest(), 250, root);
            assertEquals(zeroShot.get("synth-id-test").getAsDouble(), accuracy, 1e-9);
        }
    }
}
