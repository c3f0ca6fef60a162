package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDManager;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.Tower;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.train.ParameterGroup;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpdMethodsTest {

    @Test
    void spdChangesExactlyTheImageTowerAndHead() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(5, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            MethodContext context = fixture.context();
            MethodSmoke.Changes changes = MethodSmoke.run(Spd.create(Spd.defaults()), fixture);
            Set<String> owned = new TreeSet<>(MethodSmoke.base(context, ParameterGroup.IMAGE_TOWER));
            owned.add("head");
            assertEquals(owned, changes.changed());
            context.model().linears().values().forEach(l -> assertNull(l.perturbation(), l.name() + " keeps a probe"));
        }
    }

    @Test
    void selectiveProjectionActsDuringARealRunAndLambdaZeroIsPlainAdam() throws Exception {
        float[][] finals = new float[2][];
        for (int i = 0; i < 2; i++) {
            double lambda = i == 0 ? 0 : 1;
            try (MethodFixture fixture = MethodFixture.tiny(12, 6, MethodSmoke.BATCH)) {
                Spd method = Spd.create(Spd.defaults().with(Map.of("spd_lambda", lambda, "lr", 1e-2)));
                MethodSmoke.run(method, fixture);
                assertTrue(method.corrector().totalSelected() > 0, "the condition selected no tensor in 6 steps");
                if (lambda > 0) {
                    assertTrue(method.corrector().totalProjected() > 0, "no tensor was pulled toward θ₀");
                } else {
                    assertEquals(0, method.corrector().totalProjected());
                }
                finals[i] = fixture.context().model().parameters()
                        .get("vision_model.encoder.layers.0.mlp.fc1.weight").toFloatArray();
            }
        }
        assertFalse(java.util.Arrays.equals(finals[0], finals[1]), "lambda had no effect");
    }

    @Test
    void probesReadTheRawGradientOfEveryWatchedWeight() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(6, MethodSmoke.STEPS, MethodSmoke.BATCH);
             NDManager scratch = NDManager.newBaseManager()) {
            MethodContext context = fixture.context();
            Spd method = Spd.create(Spd.defaults().with(Map.of("max_grad_norm", 0)));
            MethodSmoke.run(method, fixture);
            int checked = 0;
            for (DecayUnit unit : method.corrector().units()) {
                AdaptedLinear layer = context.model().linears().get(unit.name().replace(".weight", ""));
                float[] expected = (layer == null ? context.head().weights() : layer.weight()).getGradient().toFloatArray();
                float[] probe = unit.gradient(scratch).toFloatArray();
                assertArrayEquals(expected, probe, 1e-6f, unit.name());
                checked++;
            }
            long visionLinears = context.model().linears().values().stream().filter(l -> l.tower() == Tower.VISION).count();
            assertEquals(visionLinears + 1, checked);
        }
    }
}
