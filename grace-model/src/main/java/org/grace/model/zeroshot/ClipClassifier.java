package org.grace.model.zeroshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.grace.attacks.Classifier;
import org.grace.model.clip.ClipModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CLIP image tower with a classification head, as deployed: images in [0,1] → normalisation
 * inside the model → image features → {@link ZeroShotHead} logits. Optionally restricted to a class
 * subset (ImageNet-R/-A evaluate the 1000-way head on 200 columns: {@code logits[:, subset]}, as
 * WiSE-FT's {@code project_logits}). Attacks see exactly this function.
 */
public final class ClipClassifier implements Classifier {

    private final ClipModel model;
    private final ZeroShotHead head;
    private final long[] subset;

    /** Full head, every class. */
    public ClipClassifier(ClipModel model, ZeroShotHead head) {
        this(model, head, null);
    }

    /**
     * @param subset indices into the head's classes kept, in order, or null for all
     */
    public ClipClassifier(ClipModel model, ZeroShotHead head, int[] subset) {
        this.model = model;
        this.head = head;
        if (subset != null) {
            this.subset = new long[subset.length];
            for (int i = 0; i < subset.length; i++) {
                if (subset[i] < 0 || subset[i] >= head.numClasses()) {
                    throw new IllegalArgumentException("class subset index " + subset[i] + " outside [0," + head.numClasses() + ")");
                }
                this.subset[i] = subset[i];
            }
        } else {
            this.subset = null;
        }
    }

    @Override
    public NDArray logits(NDArray images) {
        NDArray logits = head.logits(model.encodeImage(images));
        if (subset == null) {
            return logits;
        }
        NDArray index = images.getManager().create(subset);
        return logits.get(new NDIndex(":, {}", index));
    }

    /**
     * Every array of the model and head that currently requires a gradient (the parameters being
     * trained), so that attacks run during training restore their gradient buffers.
     */
    @Override
    public List<NDArray> gradientBearingParameters() {
        List<NDArray> out = new ArrayList<>();
        for (Map<String, NDArray> group : List.of(model.parameters(), model.loraParameters(), model.promptParameters())) {
            group.values().stream().filter(NDArray::hasGradient).forEach(out::add);
        }
        if (head.weights().hasGradient()) {
            out.add(head.weights());
        }
        return out;
    }

    @Override
    public int numClasses() {
        return subset == null ? head.numClasses() : subset.length;
    }

    public ClipModel model() {
        return model;
    }

    public ZeroShotHead head() {
        return head;
    }
}
