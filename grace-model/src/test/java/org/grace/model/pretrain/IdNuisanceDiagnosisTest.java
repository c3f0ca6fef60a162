package org.grace.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.attacks.Classifier;
import org.grace.model.data.synth.IdNuisance;
import org.grace.model.data.synth.SynthSplit;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.eval.TopOneAccuracy;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.model.zeroshot.ZeroShotHead;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdNuisanceDiagnosisTest {

    private final SynthWorld world = TinyClipPretraining.world(PretrainConfig.defaults());

    @Test
    void confusionOfAConstantClassifierFillsOneColumnWithTheClassCounts() {
        try (NDManager root = NDManager.newBaseManager()) {
            Classifier alwaysThree = new Classifier() {
                @Override
                public NDArray logits(NDArray images) {
                    int b = (int) images.getShape().get(0);
                    float[] logits = new float[b * 10];
                    for (int i = 0; i < b; i++) {
                        logits[i * 10 + 3] = 1f;
                    }
                    return images.getManager().create(logits, new Shape(b, 10));
                }

                @Override
                public int numClasses() {
                    return 10;
                }
            };
            SynthSplit probe = world.corpusPhotosOfIdShapes(40);
            IdNuisanceDiagnosis.Row row = IdNuisanceDiagnosis.confusion(alwaysThree, probe, root);
            assertEquals("synth-corpus-photos", row.split());
            assertEquals(0.1, row.accuracy(), 1e-12);
            for (int c = 0; c < 10; c++) {
                long[] expected = new long[10];
                expected[3] = 4;
                assertEquals(Arrays.toString(expected), Arrays.toString(row.confusion()[c]), "true class " + c);
            }
        }
    }

    @Test
    void unablatedRowAgreesWithTheZeroShotAccuracyOfTheCommittedModel() throws Exception {
        try (NDManager root = NDManager.newBaseManager()) {
            PretrainedTinyClip.Loaded loaded = PretrainedTinyClip.loadCommitted(root);
            ZeroShotHead head = ZeroShotHead.build(loaded.model(), loaded.tokenizer(), world.idTexts().classNames(),
                    world.idTexts().templates(), root, 64);
            ClipClassifier classifier = new ClipClassifier(loaded.model(), head);
            IdNuisanceDiagnosis.Row row = IdNuisanceDiagnosis.confusion(classifier,
                    world.idTestAblated(IdNuisance.NONE), root);
            assertEquals(TopOneAccuracy.of(classifier, world.idTest(), 250, root), row.accuracy(), 1e-12);
            assertEquals(world.idTest().size(), Arrays.stream(row.confusion()).flatMapToLong(Arrays::stream).sum());
        }
    }

    @Test
    void probeOnTheCommittedImageEmbeddingsIsFarAboveChance() throws Exception {
        try (NDManager root = NDManager.newBaseManager()) {
            PretrainedTinyClip.Loaded loaded = PretrainedTinyClip.loadCommitted(root);
            double accuracy = IdNuisanceDiagnosis.probeAccuracy(loaded.model(), world.idTrain(), 1000,
                    world.idTestAblated(IdNuisance.NONE), root);
            assertTrue(accuracy > 0.25 && accuracy < 1.0, "linear-probe accuracy " + accuracy);
        }
    }
}
