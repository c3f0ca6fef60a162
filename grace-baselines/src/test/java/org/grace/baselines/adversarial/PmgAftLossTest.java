package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.train.StepContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PMG-AFT's loss against TeCoA's and against its KL terms computed by hand. */
class PmgAftLossTest {

    private static final int BATCH = 4;

    private static NDArray images(MethodContext context, NDManager m) {
        int s = context.train().imageSize();
        float[] pixels = new float[BATCH * 3 * s * s];
        for (int i = 0; i < BATCH; i++) {
            System.arraycopy(context.train().image(i), 0, pixels, i * 3 * s * s, 3 * s * s);
        }
        return m.create(pixels, new Shape(BATCH, 3, s, s));
    }

    @Test
    void withZeroWeightsEqualsTecoaOnTheSameAdversarialBatch() {
        try (MethodFixture fixture = MethodFixture.tiny(5, 3, BATCH);
             NDManager m = fixture.manager().newSubManager()) {
            MethodContext context = fixture.context();
            Tecoa tecoa = Tecoa.create(Tecoa.defaults());
            PmgAft pmg = PmgAft.create(PmgAft.defaults().with(Map.of("alpha", 0.0, "beta", 0.0)));
            PmgAft guided = PmgAft.create(PmgAft.defaults());
            StepContext step = new StepContext(1, 3, m, new SplittableRandom(1));
            int[] y = {0, 1, 2, 0};
            NDArray x = images(context, m);
            NDArray adversarial = tecoa.adversarial(context, step, x, y);
            // The adversarial batch differs from the clean one, so the β term is not trivially 0.
            assertTrue(adversarial.sub(x).abs().max().getFloat() > 0);
            float tecoaLoss = tecoa.lossOn(context, step, x, adversarial, y).getFloat();
            float pmgLoss = pmg.lossOn(context, step, x, adversarial, y).getFloat();
            float guidedLoss = guided.lossOn(context, step, x, adversarial, y).getFloat();
            assertEquals(tecoaLoss, pmgLoss, 0f);
            assertTrue(guidedLoss > tecoaLoss, "KL terms are non-negative and not all zero: "
                    + guidedLoss + " vs " + tecoaLoss);
        }
    }

    @Test
    void klDivergenceMatchesTheDefinition() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] p = {{1f, 2f, 0.5f}, {-1f, 0f, 3f}};
            float[][] q = {{0.2f, -0.3f, 1f}, {2f, 2f, 2f}};
            NDArray kl = RobustLosses.klDivergence(m.create(p), m.create(q));
            double expected = 0;
            for (int i = 0; i < 2; i++) {
                double[] pp = softmax(p[i]);
                double[] qq = softmax(q[i]);
                for (int c = 0; c < 3; c++) {
                    expected += pp[c] * (Math.log(pp[c]) - Math.log(qq[c])) / 2;
                }
            }
            assertEquals(expected, kl.getFloat(), 1e-6);
            assertEquals(0f, RobustLosses.klDivergence(m.create(p), m.create(p)).getFloat(), 1e-7f);
        }
    }

    private static double[] softmax(float[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i] - max);
            sum += e[i];
        }
        for (int i = 0; i < z.length; i++) {
            e[i] /= sum;
        }
        return e;
    }
}
