package org.grace.model.weights;

import ai.djl.ndarray.types.Shape;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipParameterLayout;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipConfigInferenceTest {

    private static Map<String, long[]> shapesOf(ClipConfig config) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : ClipParameterLayout.shapes(config).entrySet()) {
            shapes.put(e.getKey(), e.getValue().getShape());
        }
        return shapes;
    }

    @Test
    void releasedModelsAreRecognisedFromTheirShapes() {
        for (String name : new String[] {"ViT-B/32", "ViT-B/16", "ViT-L/14"}) {
            assertEquals(ClipConfig.named(name), ClipConfigInference.infer(shapesOf(ClipConfig.named(name)), name));
        }
    }

    @Test
    void openAiShapesMapToTheSameConfig() {
        Map<String, long[]> hf = shapesOf(ClipConfig.named("ViT-B/32"));
        Map<String, org.grace.model.io.FloatTensor> fake = new LinkedHashMap<>();
        hf.forEach((k, v) -> fake.put(k, new org.grace.model.io.FloatTensor(v, new float[Math.toIntExact(new Shape(v).size())])));
        Map<String, long[]> openAi = new LinkedHashMap<>();
        OpenAiLayout.fromHf(fake).forEach((k, v) -> openAi.put(k, v.shape()));
        assertEquals(ClipConfig.named("ViT-B/32"), ClipConfigInference.infer(OpenAiLayout.toHfShapes(openAi), "openai"));
    }

    @Test
    void aMissingEmbeddingIsNamed() {
        Map<String, long[]> shapes = shapesOf(ClipConfig.TINY);
        shapes.remove("text_model.embeddings.token_embedding.weight");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClipConfigInference.infer(shapes, "f.safetensors"));
        assertTrue(e.getMessage().contains("token_embedding") && e.getMessage().contains("f.safetensors"), e.getMessage());
    }
}
