package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.baselines.common.WeightSnapshot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WiSE-FT's weight-space ensemble (Wortsman et al., CVPR 2022; {@code mlfoundations/wise-ft}
 * {@code src/wise_ft.py::_merge}): for every named array, head included,
 * <pre>
 *   θ_α = (1 − α)·θ_zs + α·θ_ft,   α ∈ [0, 1]
 * </pre>
 * computed in float32. The endpoints are returned as exact copies (α = 0 gives θ_zs and α = 1
 * gives θ_ft bit for bit), which the float formula alone would not guarantee (it turns −0 into
 * +0 and, for non-finite values, 0·∞ into NaN).
 */
public final class WeightInterpolation {

    private WeightInterpolation() {
    }

    /** Checks α ∈ [0, 1], naming the value. */
    public static double requireAlpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("WiSE-FT alpha must be in [0, 1], was " + alpha);
        }
        return alpha;
    }

    /** θ_α for one array, a new array in {@code manager}. */
    public static NDArray interpolate(NDArray zeroShot, NDArray finetuned, double alpha, NDManager manager) {
        requireAlpha(alpha);
        if (!zeroShot.getShape().equals(finetuned.getShape())) {
            throw new IllegalArgumentException("cannot interpolate " + zeroShot.getName() + " " + zeroShot.getShape()
                    + " with " + finetuned.getName() + " " + finetuned.getShape());
        }
        if (alpha == 0) {
            return WeightSnapshot.detachedCopy(zeroShot, manager);
        }
        if (alpha == 1) {
            return WeightSnapshot.detachedCopy(finetuned, manager);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = WeightSnapshot.detachedCopy(zeroShot, scope).muli((float) (1 - alpha));
            NDArray b = WeightSnapshot.detachedCopy(finetuned, scope).muli((float) alpha);
            NDArray out = a.addi(b);
            out.attach(manager);
            return out;
        }
    }

    /**
     * θ_α for every name of {@code zeroShot}; both maps must hold the same names and shapes (the
     * two checkpoints must share keys and architecture, head included).
     */
    public static Map<String, NDArray> interpolate(Map<String, NDArray> zeroShot, Map<String, NDArray> finetuned,
                                                   double alpha, NDManager manager) {
        requireAlpha(alpha);
        if (!zeroShot.keySet().equals(finetuned.keySet())) {
            throw new IllegalArgumentException("WiSE-FT endpoints have different arrays: " + zeroShot.size()
                    + " zero-shot vs " + finetuned.size() + " finetuned names");
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        zeroShot.forEach((name, zs) -> out.put(name, interpolate(zs, finetuned.get(name), alpha, manager)));
        return out;
    }
}
