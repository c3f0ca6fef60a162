package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import org.grace.model.method.FinetuningMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.method.MethodRunner;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.ProgressBar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;

/**
 * Runs a method for 3 steps on the tiny fixture and reports, bit for bit, which arrays of the
 * model (base parameters, LoRA factors), the head and the reference changed.
 */
final class MethodSmoke {

    static final int STEPS = 3;
    static final int BATCH = 6;

    private MethodSmoke() {
    }

    /** What changed: names prefixed {@code model:}, {@code lora:}, {@code head}, {@code reference:}. */
    record Changes(Set<String> changed, Set<String> unchanged) {
    }

    static Map<String, float[]> values(MethodContext context) {
        Map<String, float[]> out = new LinkedHashMap<>();
        context.model().parameters().forEach((n, a) -> out.put("model:" + n, a.toFloatArray()));
        context.model().loraParameters().forEach((n, a) -> out.put("lora:" + n, a.toFloatArray()));
        out.put("head", context.head().weights().toFloatArray());
        context.reference().parameters().forEach((n, a) -> out.put("reference:" + n, a.toFloatArray()));
        return out;
    }

    /** Prepares nothing itself: {@code before} is taken after {@code setup} ran on the fixture. */
    static Changes run(FinetuningMethod method, MethodFixture fixture, Map<String, float[]> before) throws IOException {
        Path folder = Files.createTempDirectory("grace-baselines-" + method.name());
        try {
            MethodRunner.run(method, fixture.context(), folder, ProgressBar.Mode.QUIET);
        } finally {
            deleteTree(folder);
        }
        Map<String, float[]> after = values(fixture.context());
        Set<String> changed = new TreeSet<>();
        Set<String> unchanged = new TreeSet<>();
        after.forEach((name, value) -> {
            float[] old = before.get(name);
            boolean same = old != null && Arrays.equals(bits(old), bits(value));
            (same ? unchanged : changed).add(name);
        });
        return new Changes(changed, unchanged);
    }

    static Changes run(FinetuningMethod method, MethodFixture fixture) throws IOException {
        return run(method, fixture, values(fixture.context()));
    }

    static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    /** The model's base parameter names of a group, prefixed {@code model:}. */
    static Set<String> base(MethodContext context, ParameterGroup group) {
        Set<String> out = new TreeSet<>();
        context.model().parameters().keySet().stream().filter(group::containsBase).forEach(n -> out.add("model:" + n));
        return out;
    }

    static double distance(NDArray a, NDArray b) {
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - y[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
