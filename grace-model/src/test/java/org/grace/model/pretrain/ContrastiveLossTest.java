package org.grace.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContrastiveLossTest {

    private static NDManager m;

    @BeforeAll
    static void setUp() {
        m = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        m.close();
    }

    @Test
    void matchesTheHandComputedSymmetricCrossEntropy() {
        NDArray img = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
        NDArray txt = m.create(new float[] {1, 1, 0, 1}, new Shape(2, 2));
        double s = 2;
        // cosines: row0 = [1/√2, 0], row1 = [1/√2, 1]
        double c = 1 / Math.sqrt(2);
        double[][] l = {{s * c, 0}, {s * c, s}};
        double i2t = -(l[0][0] - Math.log(Math.exp(l[0][0]) + Math.exp(l[0][1])))
                - (l[1][1] - Math.log(Math.exp(l[1][0]) + Math.exp(l[1][1])));
        double t2i = -(l[0][0] - Math.log(Math.exp(l[0][0]) + Math.exp(l[1][0])))
                - (l[1][1] - Math.log(Math.exp(l[0][1]) + Math.exp(l[1][1])));
        double expected = (i2t / 2 + t2i / 2) / 2;
        ContrastiveLoss.Result r = ContrastiveLoss.compute(img, txt, m.create((float) s));
        assertEquals(expected, r.loss().getFloat(), 1e-5);
        assertEquals(1.0, r.accuracy(), 0);
    }

    @Test
    void perfectlyAlignedPairsWithALargeScaleHaveNearZeroLoss() {
        NDArray f = m.eye(4);
        ContrastiveLoss.Result r = ContrastiveLoss.compute(f, f, m.create(100f));
        assertTrue(r.loss().getFloat() < 1e-6);
        NDArray shuffled = m.create(new float[] {0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, new Shape(4, 4));
        assertEquals(0.5, ContrastiveLoss.compute(f, shuffled, m.create(100f)).accuracy(), 0);
    }

    @Test
    void mismatchedBatchesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ContrastiveLoss.compute(m.ones(new Shape(2, 3)), m.ones(new Shape(3, 3)), m.create(1f)));
    }
}
