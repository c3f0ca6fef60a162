package org.grace.bench.run;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeTheoryEvaluationTest {

    private static LabelledImages images(NDManager m, int... labels) {
        float[] pixels = new float[labels.length * 3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 12;
        }
        return new LabelledImages(m.create(pixels, new Shape(labels.length, 3, 2, 2)), labels);
    }

    @Test
    void onlyClassesWithTwoImagesInEveryDomainAreCompared() {
        try (NDManager m = NDManager.newBaseManager()) {
            LabelledImages id = images(m, 0, 1, 2, 0, 1, 2);
            LabelledImages ood = images(m, 0, 1, 0, 1, 2);
            LabelledImages adv = images(m, 0, 0, 1, 1, 1, 2, 2);
            assertEquals(Set.of(0, 1), ProbeTheoryEvaluation.comparableClasses(List.of(id, ood, adv)));
            LabelledImages kept = id.keep(Set.of(0, 1));
            assertArrayEquals(new int[] {0, 1, 0, 1}, kept.labels());
            assertEquals(4, kept.images().getShape().get(0));
            assertEquals(3f, kept.images().get(2).getFloat(0, 0, 0));
        }
    }

    @Test
    void tooFewComparableClassesIsAClearError() {
        try (NDManager m = NDManager.newBaseManager()) {
            LabelledImages a = images(m, 0, 0, 1);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ProbeTheoryEvaluation.comparableClasses(List.of(a, a)));
            assertTrue(e.getMessage().contains("apgdSamples"), e.getMessage());
        }
    }
}
