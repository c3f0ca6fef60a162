package org.grace.theory.probe;

import java.util.ArrayList;
import java.util.List;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipModel;

/**
 * The coordinates the probe measures, named as the model names them (HF checkpoint names).
 *
 * <p>The vision tower is every parameter under {@code vision_model.} plus {@code visual_projection.weight}
 * (the image encoder's output projection, part of {@link ClipModel#encodeImage}). A layer is a residual
 * block ({@code vision_model.encoder.layers.<i>}) or, outside the blocks, the module a tensor belongs to
 * (its name without {@code .weight}/{@code .bias}). The curvature coordinates are the attention q and v
 * projections of each vision block, in block order (q before v): the layers GRACE adapts with LoRA, named
 * by their module name exactly as {@code LarAwp} and {@code RankAllocator} key their ranks.
 */
public final class VisionLayers {

    private static final String VISION = Tower.VISION.hfPrefix() + ".";
    private static final String PROJECTION = "visual_projection.weight";
    private static final String BLOCKS = VISION + "encoder.layers.";

    private VisionLayers() {
    }

    /** Whether a parameter belongs to the image encoder. */
    public static boolean inVisionTower(String parameter) {
        return parameter.startsWith(VISION) || parameter.equals(PROJECTION);
    }

    /** The layer a parameter belongs to (its residual block, else its module). */
    public static String layerOf(String parameter) {
        if (parameter.startsWith(BLOCKS)) {
            int end = parameter.indexOf('.', BLOCKS.length());
            return end < 0 ? parameter : parameter.substring(0, end);
        }
        int cut = parameter.lastIndexOf('.');
        String last = cut < 0 ? "" : parameter.substring(cut + 1);
        return last.equals("weight") || last.equals("bias") ? parameter.substring(0, cut) : parameter;
    }

    /** The vision q and v projections of {@code model}, block by block, q before v. */
    public static List<AdaptedLinear> attentionQv(ClipModel model) {
        List<AdaptedLinear> out = new ArrayList<>();
        for (int i = 0; i < model.config().vision().layers(); i++) {
            out.add(model.linear(Tower.VISION, i, AdapterTarget.Q));
            out.add(model.linear(Tower.VISION, i, AdapterTarget.V));
        }
        return out;
    }
}
