package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndToEndMethodsTest {

    private static Set<String> imageTowerAndHead(MethodContext context) {
        Set<String> owned = new TreeSet<>(MethodSmoke.base(context, ParameterGroup.IMAGE_TOWER));
        owned.add("head");
        return owned;
    }

    @Test
    void zeroShotChangesNothing() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(1, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            ZeroShot method = ZeroShot.create(ZeroShot.defaults());
            assertFalse(method.trains());
            MethodSmoke.Changes changes = MethodSmoke.run(method, fixture);
            assertEquals(Set.of(), changes.changed());
        }
    }

    @Test
    void zeroShotRejectsAnySetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZeroShot.create(ZeroShot.defaults().with(Map.of("lr", 1e-4))));
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
    }

    @Test
    void finetuningChangesExactlyTheImageTowerAndHead() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(2, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            MethodSmoke.Changes changes = MethodSmoke.run(FullFinetuning.create(FullFinetuning.defaults()), fixture);
            assertEquals(imageTowerAndHead(fixture.context()), changes.changed());
        }
    }

    @Test
    void negativeLearningRateIsRejectedBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FullFinetuning.create(FullFinetuning.defaults().with(Map.of("lr", -1e-4))));
        assertTrue(e.getMessage().contains("lr must be positive"), e.getMessage());
    }

    @Test
    void misspeltKeyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FullFinetuning.create(FullFinetuning.defaults().with(Map.of("learning_rate", 1e-4))));
        assertTrue(e.getMessage().contains("learning_rate"), e.getMessage());
    }

    @Test
    void wiseFtAlphaOutsideUnitIntervalIsRejected() {
        for (double alpha : new double[] {-0.1, 1.5}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WiseFt.create(WiseFt.defaults().with(Map.of("alpha", alpha))));
            assertTrue(e.getMessage().contains("alpha must be in [0, 1]"), e.getMessage());
        }
        WiseFtConfig valid = WiseFtConfig.from(WiseFt.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WiseFtConfig(valid.optimisation(), Double.NaN));
        assertTrue(e.getMessage().contains("alpha must be in [0, 1]"), e.getMessage());
    }

    @Test
    void wiseFtEndpointsAreExactAndHalfIsTheMidpoint() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(3, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            MethodContext context = fixture.context();
            WiseFt method = WiseFt.create(WiseFt.defaults());
            MethodSmoke.Changes changes = MethodSmoke.run(method, fixture);
            assertEquals(imageTowerAndHead(context), changes.changed());
            Map<String, NDArray> live = EndToEndEndpoints.live(context);
            Map<String, NDArray> zs = method.zeroShotEndpoint();
            Map<String, NDArray> ft = method.finetunedEndpoint();
            for (String name : live.keySet()) {
                float[] mid = live.get(name).toFloatArray();
                float[] a = zs.get(name).toFloatArray();
                float[] b = ft.get(name).toFloatArray();
                for (int i = 0; i < mid.length; i++) {
                    assertEquals(0.5 * a[i] + 0.5 * b[i], mid[i], 1e-6 + 1e-6 * Math.abs(mid[i]), name + "[" + i + "]");
                }
            }
            method.applyAlpha(context, 0);
            live.forEach((name, a) -> assertArrayEquals(MethodSmoke.bits(zs.get(name).toFloatArray()),
                    MethodSmoke.bits(a.toFloatArray()), name + " at alpha 0"));
            method.applyAlpha(context, 1);
            live.forEach((name, a) -> assertArrayEquals(MethodSmoke.bits(ft.get(name).toFloatArray()),
                    MethodSmoke.bits(a.toFloatArray()), name + " at alpha 1"));
        }
    }

    @Test
    void interpolationHelperReturnsEndpointsBitForBit() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray zs = m.create(new float[] {-0f, 1.5f, 3e-39f});
            NDArray ft = m.create(new float[] {2f, -7f, 0.1f});
            assertArrayEquals(MethodSmoke.bits(zs.toFloatArray()),
                    MethodSmoke.bits(WeightInterpolation.interpolate(zs, ft, 0, m).toFloatArray()));
            assertArrayEquals(MethodSmoke.bits(ft.toFloatArray()),
                    MethodSmoke.bits(WeightInterpolation.interpolate(zs, ft, 1, m).toFloatArray()));
            assertArrayEquals(new float[] {1f, -2.75f, 0.05f},
                    WeightInterpolation.interpolate(zs, ft, 0.5, m).toFloatArray(), 1e-7f);
        }
    }

    @Test
    void tpgmStaysWithinItsRadii() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(4, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            MethodContext context = fixture.context();
            Tpgm method = Tpgm.create(Tpgm.defaults().with(Map.of("projection_steps", 3, "lr", 1e-2)));
            MethodSmoke.Changes changes = MethodSmoke.run(method, fixture);
            assertEquals(imageTowerAndHead(context), changes.changed());
            Map<String, NDArray> live = EndToEndEndpoints.live(context);
            Map<String, Double> radii = method.radii();
            assertEquals(live.keySet(), radii.keySet());
            int projected = 0;
            for (String name : live.keySet()) {
                double d = MethodSmoke.distance(live.get(name), method.anchors().get(name));
                double gamma = radii.get(name);
                assertTrue(d <= gamma * (1 + 1e-5) + 1e-7, name + ": distance " + d + " > radius " + gamma);
                if (d < gamma * 0.999) {
                    continue;
                }
                projected++;
            }
            assertTrue(projected > 0, "at least one array sits on its ball's boundary");
        }
    }

    @Test
    void tpgmRadiusClipAndRatioFollowTheReference() {
        assertEquals(ProjectionRadii.MIN_RADIUS, ProjectionRadii.clip(-0.3, 2.0));
        assertEquals(2.0, ProjectionRadii.clip(2.5, 2.0));
        assertEquals(1.0, ProjectionRadii.clip(1.0, 2.0));
        assertEquals(1.0, ProjectionRadii.ratio(3.0, 2.0));
        assertEquals(0.5, ProjectionRadii.ratio(1.0, 2.0), 1e-8);
        assertEquals(1.0, ProjectionRadii.ratio(ProjectionRadii.MIN_RADIUS, 0.0), 1e-12);
    }

    @Test
    void tpgmRejectsNonPositiveProjectionSteps() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tpgm.create(Tpgm.defaults().with(Map.of("projection_steps", 0))));
        assertTrue(e.getMessage().contains("projection_steps"), e.getMessage());
    }
}
