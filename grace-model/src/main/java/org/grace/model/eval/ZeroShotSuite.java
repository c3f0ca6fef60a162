package org.grace.model.eval;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.ClassTexts;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.data.synth.TransferTask;
import org.grace.model.text.Tokenizer;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.model.zeroshot.ZeroShotHead;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zero-shot top-1 accuracy of a CLIP on every labelled split of the embedded world: the ID head
 * (ID class names × templates) on ID test, the V2/Sketch/R analogues and the A/A-Plus analogues
 * (R and A through their class masks), and each transfer task with its own head.
 */
public final class ZeroShotSuite {

    private ZeroShotSuite() {
    }

    /** Split name → accuracy, in a stable order (ID, OOD, natural-adversarial, transfer tasks). */
    public static Map<String, Double> evaluate(ClipModel model, Tokenizer tokenizer, SynthWorld world, NDManager manager,
                                               int batchSize) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (NDManager heads = manager.newSubManager()) {
            ClipClassifier id = classifier(model, tokenizer, world.idTexts(), heads);
            for (ImageDataset split : new ImageDataset[] {world.idTest(), world.v2(), world.sketch(), world.rendition(),
                    world.adversarial(), world.adversarialPlus()}) {
                out.put(split.name(), TopOneAccuracy.of(id, split, batchSize, manager));
            }
            for (TransferTask task : TransferTask.values()) {
                ImageDataset split = world.transfer(task);
                out.put(split.name(), TopOneAccuracy.of(classifier(model, tokenizer, world.transferTexts(task), heads),
                        split, batchSize, manager));
            }
        }
        return out;
    }

    private static ClipClassifier classifier(ClipModel model, Tokenizer tokenizer, ClassTexts texts, NDManager manager) {
        ZeroShotHead head = ZeroShotHead.build(model, tokenizer, texts.classNames(), texts.templates(), manager, 64);
        return new ClipClassifier(model, head);
    }
}
