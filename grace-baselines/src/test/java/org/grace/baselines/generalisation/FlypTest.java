package org.grace.baselines.generalisation;

import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.pretrain.ContrastiveLoss;
import org.grace.model.train.ParameterGroup;
import org.grace.model.zeroshot.ZeroShotHead;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlypTest {

    @Test
    void flypChangesBothTowersTheScaleAndTheRebuiltHead() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(7, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            MethodContext context = fixture.context();
            Flyp method = Flyp.create(Flyp.defaults());
            MethodSmoke.Changes changes = MethodSmoke.run(method, fixture);
            Set<String> owned = new TreeSet<>(MethodSmoke.base(context, ParameterGroup.FULL));
            owned.add("head");
            assertEquals(owned, changes.changed());
            assertTrue(changes.changed().contains("model:logit_scale"));
            float scale = context.model().parameters().get("logit_scale").getFloat();
            assertTrue(scale >= 0 && scale <= ContrastiveLoss.MAX_LOGIT_SCALE, "logit_scale " + scale);
        }
    }

    @Test
    void headIsTheZeroShotHeadOfTheFinetunedTextTower() throws Exception {
        try (MethodFixture fixture = MethodFixture.tiny(8, MethodSmoke.STEPS, MethodSmoke.BATCH)) {
            MethodContext context = fixture.context();
            Flyp method = Flyp.create(Flyp.defaults());
            MethodSmoke.run(method, fixture);
            ZeroShotHead rebuilt = ZeroShotHead.build(context.model(), context.tokenizer(),
                    context.idTexts().classNames(), context.idTexts().templates(), context.manager(), 5);
            assertArrayEquals(rebuilt.weights().toFloatArray(), context.head().weights().toFloatArray(), 1e-6f);
            assertEquals(Math.exp(context.model().parameters().get("logit_scale").getFloat()),
                    method.finetunedHead().scale(), 1e-4);
        }
    }
}
