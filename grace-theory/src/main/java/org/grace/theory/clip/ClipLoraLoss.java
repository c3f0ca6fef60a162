package org.grace.theory.clip;

import ai.djl.ndarray.NDArray;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.LoraAdapter;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The classification loss of a LoRA-adapted CLIP on one fixed batch, as a function of the LoRA
 * factors, for Hessian probes: {@code L(A_1,B_1,…) = mean_i CE(head(f_img(x_i)), y_i)} with the
 * frozen base weights and head.
 *
 * <p>The Hessian operators evaluate the loss on fresh leaf copies of the parameters, so each call
 * installs the given arrays as the LoRA factors of the adapted layers (in the order of
 * {@link #parameters()}: A then B for each layer in model order) and computes the loss through
 * them. {@link #restore()} puts the model's own adapters back. The batch never changes, and
 * nothing random runs in the forward pass, so the operator is symmetric (eval mode, fixed data).
 */
public final class ClipLoraLoss implements Function<List<NDArray>, NDArray> {

    private final ClipModel model;
    private final ZeroShotHead head;
    private final NDArray images;
    private final int[] labels;
    private final List<AdaptedLinear> layers = new ArrayList<>();
    private final Map<AdaptedLinear, LoraAdapter> originals = new LinkedHashMap<>();

    /**
     * @param images fixed batch [B,3,S,S] in [0,1]
     * @param labels its labels, one per image, indices into the head's classes
     */
    public ClipLoraLoss(ClipModel model, ZeroShotHead head, NDArray images, int[] labels) {
        if (images.getShape().get(0) != labels.length) {
            throw new IllegalArgumentException("batch has " + images.getShape().get(0) + " images but " + labels.length + " labels");
        }
        for (int y : labels) {
            if (y < 0 || y >= head.numClasses()) {
                throw new IllegalArgumentException("label " + y + " outside [0," + head.numClasses() + ")");
            }
        }
        this.model = model;
        this.head = head;
        this.images = images;
        this.labels = labels.clone();
        for (AdaptedLinear layer : model.linears().values()) {
            if (layer.lora() != null) {
                layers.add(layer);
                originals.put(layer, layer.lora());
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("model has no LoRA adapters to probe");
        }
    }

    /** The LoRA factors by PEFT name, in the order the function expects them. */
    public Map<String, NDArray> parameters() {
        return model.loraParameters();
    }

    /** Layer module name of a LoRA parameter name ({@code <module>.lora_A.weight} → {@code <module>}). */
    public static String layerOf(String parameterName) {
        int cut = parameterName.lastIndexOf(".lora_");
        return cut < 0 ? parameterName : parameterName.substring(0, cut);
    }

    @Override
    public NDArray apply(List<NDArray> factors) {
        if (factors.size() != 2 * layers.size()) {
            throw new IllegalArgumentException("expected " + 2 * layers.size() + " LoRA factors, got " + factors.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            AdaptedLinear layer = layers.get(i);
            layer.setLora(new LoraAdapter(factors.get(2 * i), factors.get(2 * i + 1), originals.get(layer).alpha()));
        }
        NDArray logits = head.logits(model.encodeImage(images));
        NDArray oneHot = images.getManager().create(labels).oneHot(head.numClasses());
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    /** Reinstalls the model's own LoRA adapters. */
    public void restore() {
        originals.forEach(AdaptedLinear::setLora);
    }
}
