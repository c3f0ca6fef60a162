package org.grace.bench.run;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.ClassTexts;
import org.grace.model.data.ImageDataset;
import org.grace.model.text.Tokenizer;

import java.util.List;
import java.util.Map;

/**
 * Everything a scale supplies to a run: the pretrained backbone, its tokenizer, the ID class texts,
 * the training and held-out splits, the evaluation splits and the zero-shot transfer tasks. The
 * embedded world and ImageNet differ only here ("scale is a configuration value, not a fork in the
 * code", DESIGN §3).
 */
public interface Setting {

    /** "embedded" or "paper". */
    String scale();

    /** A fresh copy of the pretrained backbone under {@code parent} (every run starts from θ0). */
    ClipModel pretrained(NDManager parent);

    Tokenizer tokenizer();

    ClassTexts idTexts();

    ImageDataset train();

    /** The held-out ID split (methods that fit hyperparameters, such as TPGM, use only this). */
    ImageDataset heldOut();

    /**
     * The clean evaluation splits by metric name: {@code id, v2, sketch, r, a, a_plus}
     * ({@link org.grace.bench.record.Evaluations#CLEAN_SPLITS}); a setting may lack some.
     */
    Map<String, ImageDataset> evaluationSplits();

    /** The zero-shot transfer tasks, each with its own class texts. */
    List<TransferSplit> transferTasks();

    /** Facts about the setting for provenance (world seed, checkpoint sha, dataset roots). */
    Map<String, String> describe();

    /** A transfer task: metric name, images, class names and templates. */
    record TransferSplit(String id, ImageDataset images, ClassTexts texts) {
    }
}
