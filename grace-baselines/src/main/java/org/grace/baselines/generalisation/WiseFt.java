package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.baselines.common.WeightSnapshot;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;

import java.util.Map;

/**
 * WiSE-FT (Wortsman et al., "Robust fine-tuning of zero-shot models", CVPR 2022;
 * {@code mlfoundations/wise-ft}): end-to-end finetuning exactly as {@link FullFinetuning}, then in
 * {@link #finish} the weight-space ensemble of every array it trained,
 * <pre>
 *   θ = (1 − α)·θ_zs + α·θ_ft    (image tower and head; the head against the zero-shot head)
 * </pre>
 * with α from the settings (0.5 by default, the CLI default of {@code wise_ft.py}). The finetuned
 * endpoint is kept, so {@link #applyAlpha} re-mixes at any α without retraining (the bench sweeps
 * α ∈ {0, 0.1, …, 1}). Arrays the finetuning did not train (text tower, logit_scale) are equal at
 * both endpoints and are left untouched.
 *
 * <p>Departures: those of {@link FullFinetuning}; the optional Fisher-weighted merge is not
 * offered.
 */
public final class WiseFt extends AnchoredEndToEnd {

    /** Registered name. */
    public static final String NAME = "wise-ft";
    /** Defaults resource. */
    public static final String RESOURCE = "/org/grace/baselines/methods/wise-ft.json";

    private final WiseFtConfig config;
    private Map<String, NDArray> finetuned;

    private WiseFt(MethodSettings settings, WiseFtConfig config) {
        super(NAME, settings, config.optimisation());
        this.config = config;
    }

    /** The method with these settings. */
    public static WiseFt create(MethodSettings settings) {
        return new WiseFt(settings, WiseFtConfig.from(settings));
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, WiseFt.class, RESOURCE);
    }

    public WiseFtConfig config() {
        return config;
    }

    /** Keeps θ_ft and sets the model to the mixture at the configured α. */
    @Override
    public void finish(MethodContext context) {
        endpoints();
        finetuned = WeightSnapshot.copy(EndToEndEndpoints.live(context), context.manager());
        applyAlpha(context, config.alpha());
    }

    /**
     * Sets the context's image tower and head to θ_α (available after {@link #finish}).
     *
     * @throws IllegalArgumentException if α ∉ [0, 1]
     */
    public void applyAlpha(MethodContext context, double alpha) {
        WeightInterpolation.requireAlpha(alpha);
        if (finetuned == null) {
            throw new IllegalStateException("wise-ft: the finetuned endpoint exists only after finish()");
        }
        Map<String, NDArray> live = EndToEndEndpoints.live(context);
        try (NDManager scratch = context.manager().newSubManager()) {
            WeightInterpolation.interpolate(endpoints().anchors(), finetuned, alpha, scratch)
                    .forEach((name, value) -> WeightSnapshot.assign(live.get(name), value));
        }
    }

    /** θ_ft, the end of the finetuning run (after {@link #finish}). */
    public Map<String, NDArray> finetunedEndpoint() {
        if (finetuned == null) {
            throw new IllegalStateException("wise-ft: the finetuned endpoint exists only after finish()");
        }
        return finetuned;
    }

    /** θ_zs of every array WiSE-FT mixes (after {@link #prepare}). */
    public Map<String, NDArray> zeroShotEndpoint() {
        return endpoints().anchors();
    }

}
