package org.grace.attacks.pgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.grace.attacks.Norm;
import org.grace.attacks.PerturbationCheck;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.TestData;
import org.junit.jupiter.api.Test;

class TrainingPgdTest {

    private static long[] ids(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    @Test
    void leavesParameterGradientsExactlyAsTheyWere() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 4, 3, true);
            NDArray x = TestData.images(m, 8, 3, 8, 8, 0, 1, 4);
            int[] y = TestData.predictedLabels(model, x);
            // A training step has already accumulated a gradient on the parameters.
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(new CrossEntropyLoss().perSample(model.logits(x), y, null).sum());
            }
            List<float[]> before = new ArrayList<>();
            for (NDArray p : model.parameters()) {
                before.add(p.getGradient().toFloatArray());
            }
            TrainingPgd pgd = new TrainingPgd(TrainingPgdConfig.paperDefault(0.9, 1));
            NDArray adv = pgd.attack(x, TrainingObjective.classification(model, new CrossEntropyLoss(), y), ids(8));
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), model.parameters().get(i).getGradient().toFloatArray(),
                        "parameter " + i);
                assertTrue(before.get(i).length > 0);
            }
            assertFalse(adv.hasGradient(), "adversarial images must be detached");
            PerturbationCheck.requireWithin("training-pgd", x, adv, Norm.LINF, 4.0 / 255);
        }
    }

    @Test
    void parametersWithoutPriorGradientEndWithZeroGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 4, 5, true);
            NDArray x = TestData.images(m, 8, 3, 8, 8, 0, 1, 6);
            int[] y = TestData.predictedLabels(model, x);
            new TrainingPgd(new TrainingPgdConfig(Norm.L2, 0.5, 0.1, 5, 0, 2))
                    .attack(x, TrainingObjective.classification(model, new CrossEntropyLoss(), y), ids(8));
            for (NDArray p : model.parameters()) {
                assertTrue(p.getGradient().abs().max().getFloat() == 0f);
            }
        }
    }

    @Test
    void raisesTheTrainingLossAboveClean() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpClassifier model = new MlpClassifier(m, 192, 16, 4, 7, false);
            NDArray x = TestData.images(m, 16, 3, 8, 8, 0, 1, 8);
            int[] y = TestData.predictedLabels(model, x);
            CrossEntropyLoss ce = new CrossEntropyLoss();
            for (double momentum : new double[] {0, 0.9}) {
                NDArray adv = new TrainingPgd(TrainingPgdConfig.paperDefault(momentum, 3))
                        .attack(x, TrainingObjective.classification(model, ce, y), ids(16));
                float clean = ce.perSample(model.logits(x), y, null).sum().getFloat();
                float attacked = ce.perSample(model.logits(adv), y, null).sum().getFloat();
                assertTrue(attacked > clean, "momentum " + momentum + ": " + attacked + " <= " + clean);
            }
        }
    }
}
