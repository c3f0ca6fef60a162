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

class SpdMethodsTest {

    @Test
    void spdChangesExactlyTheImageTowerAndHead() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(5, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            MethodContext context = fixture.context();
            MethodSmoke.Changes changes = MethodSmoke.run(Spd.create(Spd.defaults()), fixture);
            Set<String> owned = new TreeSet<>(MethodSmoke.base(context, ParameterGroup.IMAGE_TOWER));
            owned.add("head");
            assertEquals(owned, changes.changed());
        }
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
