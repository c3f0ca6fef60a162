package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;

import java.util.Map;

/**
 * TPGM (Tian et al., "Trainable Projected Gradient Method for Robust Fine-tuning", CVPR 2023;
 * {@code PotatoTian/TPGM}) in the form its README prescribes for CLIP ViTs on ImageNet ("A Note
 * on TPGM for CLIP ViTs"): end-to-end finetuning exactly as {@link FullFinetuning}, then, once and
 * post hoc in {@link #finish}, per-array projection radii γ fitted on the held-out split and every
 * trained array (each image-tower tensor and the head, the head against the zero-shot head)
 * projected onto the ball of radius γ_l around θ₀ ({@link ProjectionRadii}). Afterwards
 * ‖θ_l − θ₀_l‖ ≤ γ_l for every array.
 *
 * <p>Departures: the end-of-training (TPGM-C style) projection rather than projection every
 * {@code proj_freq} iterations during training (the DomainNet/ResNet code path); radii fitted on
 * {@link MethodContext#heldOut()}, never on the evaluation split (the released code fits on
 * {@code imagenet_val}); embedded-scale defaults ({@code tpgm.json}: 50 radius steps instead of
 * 200, lr 1e-2 as released); only the "l2" norm mode (one Frobenius norm per tensor), not "mars".
 */
public final class Tpgm extends AnchoredEndToEnd {

    /** Registered name. */
    public static final String NAME = "tpgm";
    /** Defaults resource. */
    public static final String RESOURCE = "/org/grace/baselines/methods/tpgm.json";

    private final TpgmConfig config;
    private ProjectionRadii projection;

    private Tpgm(MethodSettings settings, TpgmConfig config) {
        super(NAME, settings, config.optimisation());
        this.config = config;
    }

    /** The method with these settings. */
    public static Tpgm create(MethodSettings settings) {
        return new Tpgm(settings, TpgmConfig.from(settings));
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, Tpgm.class, RESOURCE);
    }

    public TpgmConfig config() {
        return config;
    }

    /** Fits the radii on the held-out split and leaves the model projected with them. */
    @Override
    public void finish(MethodContext context) {
        Map<String, NDArray> live = EndToEndEndpoints.live(context);
        projection = ProjectionRadii.between(endpoints().anchors(), live, context.manager());
        projection.fit(context, live, config.projectionSteps(), config.projectionLr());
    }

    /** The fitted radius γ of every projected array (after {@link #finish}). */
    public Map<String, Double> radii() {
        if (projection == null) {
            throw new IllegalStateException("tpgm: the radii exist only after finish()");
        }
        return projection.radii();
    }

    /** θ₀ of every projected array (after {@link #prepare}). */
    public Map<String, NDArray> anchors() {
        return endpoints().anchors();
    }
}
