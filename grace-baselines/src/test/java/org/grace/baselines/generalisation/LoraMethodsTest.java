package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.baselines.common.LoraSettings;
import org.grace.baselines.common.WeightSnapshot;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.Tower;
import org.grace.model.method.FinetuningMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoraMethodsTest {

    /** The model's values before the run plus the LoRA factors as they are initialised (from a twin fixture). */
    private static Map<String, float[]> before(long seed, MethodContext context, LoraSettings lora) {
        Map<String, float[]> values = MethodSmoke.values(context);
        try (MethodFixture twin = MethodFixture.tiny(seed, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            twin.context().model().applyLora(lora.toLoraConfig(), twin.context().seed());
            twin.context().model().loraParameters().forEach((n, a) -> values.put("lora:" + n, a.toFloatArray()));
        }
        return values;
    }

    private static void assertOnlyLoraChangedAndMerged(long seed, FinetuningMethod method, LoraSettings lora)
            throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(seed, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            MethodContext context = fixture.context();
            MethodSmoke.Changes changes = MethodSmoke.run(method, fixture, before(seed, context, lora));
            Set<String> owned = new TreeSet<>();
            context.model().loraParameters().keySet().forEach(n -> owned.add("lora:" + n));
            assertEquals(owned, changes.changed());
            int adapted = 0;
            for (AdaptedLinear layer : context.model().linears().values()) {
                boolean expected = layer.tower() == Tower.VISION && lora.targets().contains(layer.target());
                assertEquals(expected, layer.lora() != null, layer.name());
                assertEquals(expected, layer.merged(), layer.name());
                if (expected) {
                    adapted++;
                    float[] base = context.model().parameters().get(layer.name() + ".weight").toFloatArray();
                    assertTrue(!java.util.Arrays.equals(base, layer.weight().toFloatArray()),
                            layer.name() + " merged weight differs from W0");
                }
            }
            assertEquals(2 * context.model().config().vision().layers(), adapted);
        }
    }

    @Test
    void loraFtChangesOnlyItsFactorsAndMergesThem() throws Exception {
        LoraFt method = LoraFt.create(LoraFt.defaults());
        assertOnlyLoraChangedAndMerged(9, method, method.config().lora());
    }

    @Test
    void loraSpdChangesOnlyItsFactorsAndMergesThem() throws Exception {
        LoraSpd method = LoraSpd.create(LoraSpd.defaults());
        assertOnlyLoraChangedAndMerged(10, method, method.config().lora());
    }

    @Test
    void loraSpdOnFactorsChangesOnlyItsFactorsAndMergesThem() throws Exception {
        LoraSpd method = LoraSpd.create(LoraSpd.defaults().with(Map.of("spd_target", "factors")));
        assertOnlyLoraChangedAndMerged(13, method, method.config().lora());
    }

    @Test
    void factorUnitsRecoverTheRawGradientsOfAAndB() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(14, MethodSmoke.STEPS, MethodSmoke.BATCH);
             NDManager scratch = NDManager.newBaseManager()) {
            MethodContext context = fixture.context();
            LoraSpd method = LoraSpd.create(LoraSpd.defaults().with(Map.of("spd_target", "factors", "max_grad_norm", 0,
                    "spd_lambda", 0)));
            MethodSmoke.run(method, fixture);
            Map<String, NDArray> factors = context.model().loraParameters();
            int checked = 0;
            for (DecayUnit unit : method.corrector().units()) {
                float[] expected = factors.get(unit.name()).getGradient().toFloatArray();
                float[] recovered = unit.gradient(scratch).toFloatArray();
                float tolerance = 1e-5f;
                for (float e : expected) {
                    tolerance = Math.max(tolerance, 1e-4f * Math.abs(e));
                }
                assertArrayEquals(expected, recovered, tolerance, unit.name());
                checked++;
            }
            assertEquals(factors.size(), checked);
        }
    }

    @Test
    void unknownSpdTargetIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoraSpd.create(LoraSpd.defaults().with(Map.of("spd_target", "both"))));
        assertTrue(e.getMessage().contains("spd_target"), e.getMessage());
    }

    @Test
    void defaultPlacementIsQueryAndValueRankEightAlphaSixteen() {
        LoraSettings lora = LoraFt.create(LoraFt.defaults()).config().lora();
        assertEquals(Set.of(AdapterTarget.Q, AdapterTarget.V), lora.targets());
        assertEquals(8, lora.rank());
        assertEquals(16f, lora.alpha());
    }

    @Test
    void negativeRankIsRejectedBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoraFt.create(LoraFt.defaults().with(Map.of("lora_rank", -4))));
        assertTrue(e.getMessage().contains("lora_rank must be at least 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LoraSpd.create(LoraSpd.defaults().with(Map.of("lora_rank", 0))));
        assertTrue(e.getMessage().contains("lora_rank must be at least 1"), e.getMessage());
    }

    @Test
    void unknownLoraTargetIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoraFt.create(LoraFt.defaults().with(Map.of("lora_targets", "q,w"))));
        assertTrue(e.getMessage().contains("'w'"), e.getMessage());
    }

    @Test
    void decayOfTheLoraUnitScalesTheEffectiveUpdateAndKeepsA() {
        try (MethodFixture fixture = MethodFixture.tiny(11, 1, 2); NDManager scratch = NDManager.newBaseManager()) {
            MethodContext context = fixture.context();
            context.model().applyLora(LoraFt.create(LoraFt.defaults()).config().lora().toLoraConfig(), 3);
            AdaptedLinear layer = context.model().linear(Tower.VISION, 0, AdapterTarget.Q);
            NDArray b = layer.lora().b();
            WeightSnapshot.assign(b, scratch.randomNormal(b.getShape()));
            float[] a = layer.lora().a().toFloatArray();
            LoraDeltaUnit unit = new LoraDeltaUnit(new GradientProbe(layer, context.manager()));
            float[] delta = unit.displacement(scratch).toFloatArray();
            unit.decay(0.25, scratch);
            float[] decayed = unit.displacement(scratch).toFloatArray();
            for (int i = 0; i < delta.length; i++) {
                assertEquals(0.75 * delta[i], decayed[i], 1e-6 + 1e-5 * Math.abs(delta[i]));
            }
            assertArrayEquals(a, layer.lora().a().toFloatArray());
        }
    }
}
