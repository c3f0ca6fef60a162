package org.grace.model.data.synth;

/**
 * Number of examples in each split of the embedded world (all generated on the fly).
 *
 * @param idTrain         ID training split
 * @param idVal           ID validation split
 * @param idTest          ID test split
 * @param v2              ImageNet-V2 analogue
 * @param sketch          ImageNet-Sketch analogue
 * @param rendition       ImageNet-R analogue
 * @param adversarial     ImageNet-A analogue (after adversarial filtration)
 * @param adversarialPlus A-Plus analogue (after the harder filtration)
 * @param transferPerTask each zero-shot transfer task
 * @param captions        image–caption pairs of the pretraining corpus
 */
public record SplitSizes(int idTrain, int idVal, int idTest, int v2, int sketch, int rendition, int adversarial,
                         int adversarialPlus, int transferPerTask, int captions) {

    public SplitSizes {
        positive("idTrain", idTrain);
        positive("idVal", idVal);
        positive("idTest", idTest);
        positive("v2", v2);
        positive("sketch", sketch);
        positive("rendition", rendition);
        positive("adversarial", adversarial);
        positive("adversarialPlus", adversarialPlus);
        positive("transferPerTask", transferPerTask);
        positive("captions", captions);
    }

    /** The default sizes: 5000/500/1000 ID, 1000 per OOD split, A 500, A-Plus 250, 500 per task, 50,000 captions. */
    public static SplitSizes defaults() {
        return new SplitSizes(5000, 500, 1000, 1000, 1000, 1000, 500, 250, 500, 50_000);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("split size " + name + " must be >= 1, got " + value);
        }
    }
}
