package org.grace.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our files are DJL's files and DJL's are ours (DJL 0.36 NDList safetensors codec, PyTorch engine).
 * BF16 is left out on the DJL side: with pytorch-native-cpu 2.7.1 any BF16 NDArray (made by
 * {@code toType(BFLOAT16)} or by decoding a BF16 file) aborts the JVM with "terminate called without
 * an active exception", which is why our reader converts BF16 to float32 in Java.
 */
class DjlSafetensorsInteropTest {

    @TempDir
    Path folder;

    @Test
    void djlDecodesWhatWeWriteWithTheSameNamesShapesAndValues() throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        tensors.put("vision_model.embeddings.patch_embedding.weight", randomTensor(random, 4, 3, 2, 2));
        tensors.put("text_projection.weight", randomTensor(random, 5, 3));
        tensors.put("vision_model.embeddings.class_embedding", randomTensor(random, 6));
        tensors.put("logit_scale", FloatTensor.scalar(4.6052f));
        tensors.put("unused.empty", new FloatTensor(new long[] {0, 3}, new float[0]));
        Path file = folder.resolve("ours.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));

        try (NDManager manager = NDManager.newBaseManager()) {
            NDList decoded = NDList.decode(manager, Files.readAllBytes(file));
            assertEquals(tensors.size(), decoded.size());
            for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
                NDArray array = decoded.get(entry.getKey());
                assertNotNull(array, entry.getKey());
                assertEquals(DataType.FLOAT32, array.getDataType());
                assertArrayEquals(entry.getValue().shape(), array.getShape().getShape(), entry.getKey());
                assertArrayEquals(entry.getValue().data(), array.toFloatArray(), entry.getKey());
            }
        }
    }

    @Test
    void djlDecodesOurHalfPrecisionFiles() throws IOException {
        FloatTensor values = new FloatTensor(new long[] {2, 2}, new float[] {1f, -0.5f, 65504f, 0x1p-24f});
        Path file = folder.resolve("half.safetensors");
        SafetensorsWriter.write(file, Map.of("h", values), Map.of(), SafetensorsDtype.F16);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray array = NDList.decode(manager, Files.readAllBytes(file)).get("h");
            assertEquals(DataType.FLOAT16, array.getDataType());
            assertArrayEquals(values.data(), array.toType(DataType.FLOAT32, false).toFloatArray());
        }
    }

    @Test
    void weReadWhatDjlEncodesIncludingLongBuffersHalfFloatsScalarsAndEmptyTensors() throws IOException {
        Path file = folder.resolve("djl.safetensors");
        float[] weights = {0.25f, -1.5f, 3f, 1e-3f, 7f, -8f};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(weights, new Shape(2, 3));
            weight.setName("fc.weight");
            NDArray positions = manager.arange(0, 77, 1, DataType.INT64).reshape(1, 77);
            positions.setName("text_model.embeddings.position_ids");
            NDArray scale = manager.create(4.6052f);
            scale.setName("logit_scale");
            NDArray half = manager.create(new float[] {1f, -2f, 0.1f}).toType(DataType.FLOAT16, false);
            half.setName("half");
            NDArray empty = manager.create(new float[0], new Shape(0, 3));
            empty.setName("empty");
            try (OutputStream out = Files.newOutputStream(file)) {
                new NDList(weight, positions, scale, half, empty).encode(out, NDList.Encoding.SAFETENSORS);
            }
        }
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(new FloatTensor(new long[] {2, 3}, weights), st.readFloat("fc.weight"));
            LongTensor positions = st.readLong("text_model.embeddings.position_ids");
            assertArrayEquals(new long[] {1, 77}, positions.shape());
            for (int i = 0; i < 77; i++) {
                assertEquals(i, positions.data()[i]);
            }
            assertEquals(FloatTensor.scalar(4.6052f), st.readFloat("logit_scale"));
            assertEquals("F16", st.info("half").dtype());
            assertArrayEquals(new float[] {1f, -2f, HalfFloats.f16ToFloat(HalfFloats.floatToF16(0.1f))},
                    st.readFloat("half").data());
            assertEquals(new FloatTensor(new long[] {0, 3}, new float[0]), st.readFloat("empty"));
        }
    }

    private static FloatTensor randomTensor(SplittableRandom random, long... shape) {
        float[] data = new float[(int) Shapes.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new FloatTensor(shape, data);
    }
}
