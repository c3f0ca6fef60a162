package org.grace.theory.probe;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad probe inputs fail early with a message that names the set, shape or value at fault. */
class ProbeInputsTest {

    private static NDManager root;
    private static ProbeFixture f;

    @BeforeAll
    static void setUp() {
        root = NDManager.newBaseManager();
        f = new ProbeFixture(root, 4, 1, 0.1);
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    private static void fails(Executable action, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention '" + fragment + "'");
        }
    }

    private static ProbeInputs with(LabelledImages ood, ZeroShotHead head, ClipModel reference, long n) {
        return new ProbeInputs("m", f.deployed, head, reference, f.images("curvature", 12, 2), f.images("id", 24, 1), ood,
                f.images("adv", 24, 3), n);
    }

    @Test
    void emptyOrMismatchedImageSetsAreRejected() {
        fails(() -> new LabelledImages("ood", root.zeros(new Shape(0, 3, 16, 16)), new int[0]), "'ood'", "empty");
        fails(() -> new LabelledImages("ood", root.zeros(new Shape(4, 3, 16, 16)), new int[3]), "'ood'", "4 images", "3 labels");
        fails(() -> new LabelledImages("ood", root.zeros(new Shape(4, 16, 16)), new int[4]), "'ood'", "[N,3,S,S]");
        fails(() -> new LabelledImages("ood", root.zeros(new Shape(2, 3, 16, 16)), new int[] {0, -1}), "'ood'", "negative");
        fails(() -> with(new LabelledImages("ood", root.zeros(new Shape(4, 3, 32, 32)), new int[] {0, 0, 1, 1}), f.head,
                f.reference, 10), "'ood'", "32-pixel", "16");
    }

    @Test
    void labelsMustFitTheHeadAndEveryClassNeedsTwoImages() {
        fails(() -> with(new LabelledImages("ood", root.zeros(new Shape(2, 3, 16, 16)), new int[] {5, 5}), f.head,
                f.reference, 10), "'ood'", "label 5", "3 classes");
        fails(() -> with(new LabelledImages("ood", root.zeros(new Shape(3, 3, 16, 16)), new int[] {0, 0, 1}), f.head,
                f.reference, 10), "class 1", "'ood'", "at least 2");
    }

    @Test
    void aOneClassHeadAMismatchedReferenceAndNoTrainingSamplesAreRejected() {
        ZeroShotHead one = new ZeroShotHead(root.ones(new Shape(8, 1)), 10f, List.of("only"));
        fails(() -> with(f.images("ood", 24, 4), one, f.reference, 10), "1 class");
        ClipModel other = new ProbeFixture(root, 4, 2, 0.0).reference;
        fails(() -> with(f.images("ood", 24, 4), f.head, other, 10), "reference config");
        fails(() -> with(f.images("ood", 24, 4), f.head, f.reference, 0), "trainSize");
    }

    @Test
    void aCurvatureBatchSmallerThanTheConfigsIsRejected() {
        ProbeInputs in = with(f.images("ood", 24, 4), f.head, f.reference, 10);
        fails(() -> MethodProbe.measure(in, ProbeConfig.defaults(0), root), "'curvature'", "12 images", "batch of 64");
    }
}
