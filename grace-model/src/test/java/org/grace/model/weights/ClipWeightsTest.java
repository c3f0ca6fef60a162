package org.grace.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TestInputs;
import org.grace.model.io.FloatTensor;
import org.grace.model.io.SafetensorsDtype;
import org.grace.model.io.SafetensorsFormatException;
import org.grace.model.io.SafetensorsWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipWeightsTest {

    private static final ClipConfig CONFIG = ClipConfig.tiny(new org.grace.model.clip.VisionConfig(32, 8, 64, 2, 2),
            new org.grace.model.clip.TextConfig(64, 2, 2, 12, 300), 32);

    @TempDir
    Path dir;
    private NDManager root;
    private ClipModel model;

    @BeforeEach
    void setUp() {
        root = NDManager.newBaseManager();
        model = ClipModel.randomInit(CONFIG, root, 5);
    }

    @AfterEach
    void tearDown() {
        root.close();
    }

    private float[] logits(ClipModel m) {
        try (NDManager local = root.newSubManager()) {
            return m.logits(TestInputs.images(local, CONFIG, 2, 1), TestInputs.tokens(local, CONFIG, 3, 2)).toFloatArray();
        }
    }

    private void loraWithRandomB() {
        model.applyLora(LoraConfig.uniform(EnumSet.allOf(Tower.class), EnumSet.of(AdapterTarget.Q, AdapterTarget.FC1), 4, 8f), 1);
        SplittableRandom rng = new SplittableRandom(3);
        for (NDArray p : model.loraParameters().values()) {
            if (p.getShape().get(1) == 4) {
                float[] v = new float[(int) p.getShape().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (rng.nextGaussian() * 0.05);
                }
                p.set(v);
            }
        }
    }

    @Test
    void hfSaveThenLoadGivesIdenticalOutputs() throws IOException {
        loraWithRandomB();
        Path file = dir.resolve("model.safetensors");
        ClipWeights.saveHf(model, file);
        ClipModel loaded = ClipWeights.load(file, CONFIG, root);
        float[] expected = logits(model);
        float[] found = logits(loaded);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], found[i], 1e-5 * Math.max(1, Math.abs(expected[i])));
        }
        ClipConfig inferred = ClipWeights.inferConfig(file);
        assertEquals(new org.grace.model.clip.VisionConfig(32, 8, 64, 2, 1), inferred.vision(), "heads inferred as width/64");
        assertEquals(CONFIG.embedDim(), inferred.embedDim());
    }

    @Test
    void openAiLayoutFusesQkvAndTransposesProjections() {
        Map<String, FloatTensor> hf = ClipWeights.effectiveTensors(model);
        Map<String, FloatTensor> openAi = OpenAiLayout.fromHf(hf);
        int w = CONFIG.vision().width();
        FloatTensor inProj = openAi.get("visual.transformer.resblocks.1.attn.in_proj_weight");
        assertArrayEquals(new long[] {3L * w, w}, inProj.shape());
        float[] k = hf.get("vision_model.encoder.layers.1.self_attn.k_proj.weight").data();
        assertArrayEquals(k, Arrays.copyOfRange(inProj.data(), w * w, 2 * w * w));
        FloatTensor proj = openAi.get("visual.proj");
        FloatTensor projHf = hf.get("visual_projection.weight");
        assertArrayEquals(new long[] {w, CONFIG.embedDim()}, proj.shape());
        assertEquals(projHf.data()[3 * w + 5], proj.data()[5 * CONFIG.embedDim() + 3], 0f);
        assertTrue(openAi.containsKey("text_projection") && openAi.containsKey("transformer.resblocks.0.mlp.c_fc.weight")
                && openAi.containsKey("visual.ln_pre.weight") && openAi.containsKey("ln_final.bias"));
        Map<String, FloatTensor> back = OpenAiLayout.toHf(openAi);
        assertEquals(hf.keySet(), back.keySet());
        for (String name : hf.keySet()) {
            assertEquals(hf.get(name), back.get(name), name);
        }
    }

    @Test
    void openAiLayoutFileLoadsToTheSameModel() throws IOException {
        Path file = dir.resolve("openai.safetensors");
        Map<String, FloatTensor> openAi = new LinkedHashMap<>(OpenAiLayout.fromHf(ClipWeights.effectiveTensors(model)));
        openAi.put("input_resolution", FloatTensor.scalar(32));
        SafetensorsWriter.write(file, openAi, Map.of());
        assertEquals(new org.grace.model.clip.TextConfig(64, 2, 1, 12, 300), ClipWeights.inferConfig(file).text());
        ClipModel loaded = ClipWeights.load(file, CONFIG, root);
        assertArrayEquals(logits(model), logits(loaded), 0f);
    }

    @Test
    void halfPrecisionFilesLoadAsFloat32() throws IOException {
        Path file = dir.resolve("f16.safetensors");
        SafetensorsWriter.write(file, ClipWeights.effectiveTensors(model), Map.of(), SafetensorsDtype.BF16);
        ClipModel loaded = ClipWeights.load(file, CONFIG, root);
        float[] a = logits(model);
        float[] b = logits(loaded);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0.5, "bf16 weights give close logits");
        }
    }

    @Test
    void positionIdsBuffersAreSkipped() throws IOException {
        Path file = dir.resolve("with-buffers.safetensors");
        ClipWeights.saveHf(model, file);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList list = new NDList();
            for (Map.Entry<String, FloatTensor> e : ClipWeights.effectiveTensors(model).entrySet()) {
                NDArray a = m.create(e.getValue().data(), new Shape(e.getValue().shape()));
                a.setName(e.getKey());
                list.add(a);
            }
            NDArray ids = m.arange(0, CONFIG.text().contextLength(), 1, DataType.INT64).reshape(1, -1);
            ids.setName("text_model.embeddings.position_ids");
            list.add(ids);
            try (OutputStream out = Files.newOutputStream(file)) {
                list.encode(out, NDList.Encoding.SAFETENSORS);
            }
        }
        assertArrayEquals(logits(model), logits(ClipWeights.load(file, CONFIG, root)), 0f);
    }

    @Test
    void checkpointFolderRoundTripsConfigAndWeights() throws IOException {
        Path folder = dir.resolve("ckpt");
        ClipCheckpoint.save(model, folder);
        assertEquals(CONFIG, ClipCheckpoint.readConfig(folder));
        assertArrayEquals(logits(model), logits(ClipCheckpoint.load(folder, root)), 0f);
    }

    @Test
    void peftExportThenImportReproducesTheAdaptedModel() throws IOException {
        LoraConfig lora = new LoraConfig(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q, AdapterTarget.V), 4, 8f,
                Map.of("layers.1.self_attn.v_proj", 2), Map.of("layers.0.self_attn.q_proj", 3f));
        model.applyLora(lora, 9);
        loraWithRandomBOnly();
        Path folder = dir.resolve("peft");
        PeftAdapters.export(model, folder);
        String config = Files.readString(folder.resolve(PeftAdapters.CONFIG));
        assertTrue(config.contains("\"peft_type\": \"LORA\"") && config.contains("\"r\": 4")
                && config.contains("vision_model.encoder.layers.1.self_attn.v_proj\": 2"), config);
        ClipModel fresh = ClipModel.randomInit(CONFIG, root, 5);
        PeftAdapters.load(fresh, folder);
        assertArrayEquals(logits(model), logits(fresh), 0f);
    }

    private void loraWithRandomBOnly() {
        SplittableRandom rng = new SplittableRandom(4);
        model.loraParameters().forEach((name, p) -> {
            if (name.endsWith("lora_B.weight")) {
                float[] v = new float[(int) p.getShape().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (rng.nextGaussian() * 0.05);
                }
                p.set(v);
            }
        });
    }

    @Test
    void missingAndUnexpectedTensorsAreListedAndNothingIsLoaded() throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>(ClipWeights.effectiveTensors(model));
        tensors.remove("text_model.final_layer_norm.bias");
        tensors.put("vision_model.extra.weight", FloatTensor.scalar(1));
        Path file = dir.resolve("bad-names.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of());
        int before = root.getManagedArrays().size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClipWeights.load(file, CONFIG, root));
        assertTrue(e.getMessage().contains("text_model.final_layer_norm.bias") && e.getMessage().contains("vision_model.extra.weight")
                && e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(before, root.getManagedArrays().size(), "a failed load must allocate nothing");
    }

    @Test
    void shapeMismatchNamesTensorExpectedAndFound() throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>(ClipWeights.effectiveTensors(model));
        tensors.put("visual_projection.weight", new FloatTensor(new long[] {CONFIG.vision().width(), CONFIG.embedDim()},
                new float[CONFIG.vision().width() * CONFIG.embedDim()]));
        Path file = dir.resolve("bad-shape.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClipWeights.load(file, CONFIG, root));
        assertTrue(e.getMessage().contains("visual_projection.weight") && e.getMessage().contains("[64, 32]")
                && e.getMessage().contains("[32, 64]"), e.getMessage());
    }

    @Test
    void integerTensorForAParameterIsADtypeError() throws IOException {
        Path file = dir.resolve("bad-dtype.safetensors");
        try (NDManager m = NDManager.newBaseManager()) {
            NDList list = new NDList();
            for (Map.Entry<String, FloatTensor> e : ClipWeights.effectiveTensors(model).entrySet()) {
                NDArray a = m.create(e.getValue().data(), new Shape(e.getValue().shape()));
                if (e.getKey().equals("logit_scale")) {
                    a = a.toType(DataType.INT64, false);
                }
                a.setName(e.getKey());
                list.add(a);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                list.encode(out, NDList.Encoding.SAFETENSORS);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClipWeights.load(file, CONFIG, root));
        assertTrue(e.getMessage().contains("logit_scale") && e.getMessage().contains("I64"), e.getMessage());
    }

    @Test
    void truncatedFileAndOversizedHeaderAreFormatErrors() throws IOException {
        Path good = dir.resolve("good.safetensors");
        ClipWeights.saveHf(model, good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.safetensors");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> ClipWeights.load(truncated, CONFIG, root));
        assertTrue(e.getMessage().contains("truncated.safetensors"), e.getMessage());
        byte[] lying = bytes.clone();
        lying[0] = (byte) 0xff;
        lying[1] = (byte) 0xff;
        lying[2] = (byte) 0x7f;
        Path oversized = dir.resolve("oversized.safetensors");
        Files.write(oversized, lying);
        e = assertThrows(SafetensorsFormatException.class, () -> ClipWeights.load(oversized, CONFIG, root));
        assertTrue(e.getMessage().contains("oversized.safetensors"), e.getMessage());
        Path notClip = dir.resolve("other.safetensors");
        SafetensorsWriter.write(notClip, Map.of("w", FloatTensor.scalar(1)), Map.of());
        IllegalArgumentException ie = assertThrows(IllegalArgumentException.class, () -> ClipWeights.load(notClip, null, root));
        assertTrue(ie.getMessage().contains("not a CLIP checkpoint"), ie.getMessage());
    }

    @Test
    void unknownConfigNameAndBadConfigJsonAreClearErrors() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClipConfig.named("ViT-X/99"));
        assertTrue(e.getMessage().contains("ViT-X/99") && e.getMessage().contains("ViT-B/32"), e.getMessage());
        String json = ClipConfigJson.write(CONFIG);
        e = assertThrows(IllegalArgumentException.class, () -> ClipConfigJson.read(json.replace("\"patchSize\"", "\"patch\""), "cfg.json"));
        assertTrue(e.getMessage().contains("cfg.json") && e.getMessage().contains("vision.patchSize"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClipConfigJson.read(json.replace("\"heads\": 2", "\"heads\": 3"), "cfg.json"));
        assertTrue(e.getMessage().contains("heads"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClipConfigJson.read("{", "cfg.json"));
        assertTrue(e.getMessage().contains("cfg.json"), e.getMessage());
        assertEquals(CONFIG, ClipConfigJson.read(json, "cfg.json"));
    }
}
