package org.grace.model.adapters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The learnable prompt tokens of {@link VisualPromptConfig}: one [P, D] array for the input
 * (shallow) or one per block (deep).
 *
 * <p>Sequence layout, as VPT's reference code (KMnP/vpt {@code vit_prompt}): {@code [CLS, P_1..P_P,
 * patch_1..patch_N]}. The prompts enter after the positional embedding (they get none) and before
 * {@code ln_pre}; in deep mode block {@code i > 0} sees its own prompts in place of the previous
 * block's outputs at those positions. Initialisation: uniform in ±√(6/(3·p² + D)) as VPT's Xavier
 * rule for patch size p.
 */
public final class VisualPrompts {

    private final VisualPromptConfig config;
    private final List<NDArray> prompts;

    private VisualPrompts(VisualPromptConfig config, List<NDArray> prompts) {
        this.config = config;
        this.prompts = prompts;
    }

    /** Fresh prompts for a tower of {@code layers} blocks of width {@code width}, requiring gradients. */
    public static VisualPrompts initialise(NDManager manager, VisualPromptConfig config, int layers, int width,
                                           int patchSize, SplittableRandom rng) {
        double bound = Math.sqrt(6.0 / (3.0 * patchSize * patchSize + width));
        int sets = config.deep() ? layers : 1;
        List<NDArray> list = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            float[] values = new float[config.tokens() * width];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
            }
            NDArray p = manager.create(values, new Shape(config.tokens(), width));
            p.setRequiresGradient(true);
            list.add(p);
        }
        return new VisualPrompts(config, Collections.unmodifiableList(list));
    }

    /** Inserts the input prompts after the class token: [B, 1+N, D] → [B, 1+P+N, D]. */
    public NDArray insert(NDArray x) {
        return join(x, prompts.get(0), 1);
    }

    /** Before block {@code layer}: in deep mode, replaces positions 1..P by that block's prompts. */
    public NDArray beforeBlock(NDArray x, int layer) {
        if (!config.deep() || layer == 0) {
            return x;
        }
        return join(x, prompts.get(layer), 1 + config.tokens());
    }

    private static NDArray join(NDArray x, NDArray prompt, int restFrom) {
        NDManager m = x.getManager();
        Shape s = x.getShape();
        NDArray single = prompt.expandDims(0);
        single.attach(m);
        NDArray expanded = single.broadcast(new Shape(s.get(0), prompt.getShape().get(0), s.get(2)));
        NDArray cls = x.get(new NDIndex(":, :1, :"));
        NDArray rest = x.get(new NDIndex(":, " + restFrom + ":, :"));
        return cls.concat(expanded, 1).concat(rest, 1);
    }

    public VisualPromptConfig config() {
        return config;
    }

    /** The prompt arrays: one (shallow) or one per block (deep). */
    public List<NDArray> arrays() {
        return prompts;
    }
}
