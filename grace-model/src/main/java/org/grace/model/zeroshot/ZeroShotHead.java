package org.grace.model.zeroshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.clip.ClipModel;
import org.grace.model.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * CLIP's zero-shot classification head (OpenAI notebook {@code zeroshot_classifier}; open_clip
 * {@code build_zero_shot_classifier}; WiSE-FT {@code ClassificationHead}):
 * <pre>
 *   for each class c:  E_c = normalize(encode_text([t.format(c) for t in templates]))   [T,E]
 *                      w_c = normalize(mean_t E_c)
 *   W = [w_1 … w_C]                                                                  [E,C]
 *   logits = exp(logit_scale) · normalize(f_img) · W
 * </pre>
 * The scale is read from the model when the head is built and stored with it, as WiSE-FT stores
 * {@code Wᵀ·exp(logit_scale)}; the weights can be made trainable to finetune the head (WiSE-FT's
 * end-to-end finetuning starts from it).
 */
public final class ZeroShotHead {

    private final NDArray weights;
    private final float scale;
    private final List<String> classNames;

    /**
     * @param weights [E, C], columns of unit norm
     * @param scale multiplier of the cosines, {@code exp(logit_scale)}
     */
    public ZeroShotHead(NDArray weights, float scale, List<String> classNames) {
        if (weights.getShape().dimension() != 2 || weights.getShape().get(1) != classNames.size()) {
            throw new IllegalArgumentException("head weights must be [E," + classNames.size() + "], got " + weights.getShape());
        }
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("head scale must be positive and finite, was " + scale);
        }
        this.weights = weights;
        this.scale = scale;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Builds the head from class names × templates ({@code {}} in a template is replaced by the
     * class name), encoding at most {@code batchSize} prompts at a time; the weights live in
     * {@code manager}.
     */
    public static ZeroShotHead build(ClipModel model, Tokenizer tokenizer, List<String> classNames,
                                     List<String> templates, NDManager manager, int batchSize) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("zero-shot head needs at least one class name");
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("zero-shot head needs at least one template");
        }
        for (String t : templates) {
            if (!t.contains("{}")) {
                throw new IllegalArgumentException("template '" + t + "' has no {} placeholder for the class name");
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        int dim = model.config().embedDim();
        float[] columns = new float[dim * classNames.size()];
        int t = templates.size();
        for (int c = 0; c < classNames.size(); c++) {
            double[] sum = new double[dim];
            for (int from = 0; from < t; from += batchSize) {
                List<String> prompts = new ArrayList<>();
                for (int i = from; i < Math.min(t, from + batchSize); i++) {
                    prompts.add(templates.get(i).replace("{}", classNames.get(c)));
                }
                try (NDManager m = manager.newSubManager()) {
                    long[][] rows = tokenizer.tokenize(prompts);
                    NDArray ids = m.create(rows);
                    float[] e = ClipModel.normalize(model.encodeText(ids)).toFloatArray();
                    for (int r = 0; r < prompts.size(); r++) {
                        for (int k = 0; k < dim; k++) {
                            sum[k] += e[r * dim + k];
                        }
                    }
                }
            }
            double norm = 0;
            for (double v : sum) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < dim; k++) {
                columns[k * classNames.size() + c] = (float) (sum[k] / norm);
            }
        }
        float scale;
        try (NDManager m = manager.newSubManager()) {
            scale = model.logitScaleExp(m).getFloat();
        }
        return new ZeroShotHead(manager.create(columns, new Shape(dim, classNames.size())), scale, classNames);
    }

    /** Logits [B, C] for image features [B, E] (normalised here). */
    public NDArray logits(NDArray imageFeatures) {
        // A scalar NDArray kept in the batch's manager, not a Number: DJL closes the scalar it makes for a
        // Number right after the op, and autograd would read its freed buffer in backward (see DjlScalarLifetimeTest).
        return ClipModel.normalize(imageFeatures).matMul(weights).muli(imageFeatures.getManager().create(scale));
    }

    /** [E, C] class embeddings. */
    public NDArray weights() {
        return weights;
    }

    public float scale() {
        return scale;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }
}
