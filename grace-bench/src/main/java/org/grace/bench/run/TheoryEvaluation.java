package org.grace.bench.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;

import java.util.List;
import java.util.Map;

/**
 * The theory probes of one trained run (drift, curvature, discrepancy, the bound's terms): the
 * {@code theory} evaluation of {@link org.grace.bench.record.Evaluations}.
 */
public interface TheoryEvaluation {

    /**
     * What a probe sees.
     *
     * @param method      the method's registered name
     * @param deployed    the trained model, LoRA merged
     * @param reference   the pretrained θ0
     * @param attacked    the ID test images the headline attack used, with labels
     * @param adversarial their APGD-CE adversarial versions (same order)
     * @param ranks       GRACE's allocated perturbation ranks by layer name (empty for other methods)
     */
    record Inputs(String method, Setting setting, Budget budget, ClipModel deployed, ClipModel reference, ZeroShotHead head,
                  LabelledImages attacked, NDArray adversarial, Map<String, Integer> ranks, int seed) {
    }

    /** The record's content. */
    record Result(Map<String, Double> metrics, Map<String, List<Double>> series, Map<String, String> notes) {
    }

    Result measure(Inputs inputs, NDManager manager);
}
