package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.pgd.TrainingObjective;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;

import java.util.Set;

/**
 * FARE, unsupervised robust embedding finetuning (Schlarmann et al., ICML 2024):
 * <pre>  min_θ  mean_i max_{‖δ_i‖∞≤ε} ‖φ_θ(x_i + δ_i) − φ_θ₀(x_i)‖²₂</pre>
 * with φ the <em>unnormalised</em> image embedding and φ_θ₀ the frozen original tower
 * ({@link MethodContext#reference()}) on the <em>clean</em> image; the squared error is summed over
 * dimensions and averaged over the batch. The inner maximum is the same per-sample distance,
 * found by FARE's PGD: sign gradients accumulated with momentum 0.9 and re-signed
 * ({@link org.grace.attacks.pgd.TrainingPgd} with μ = 0.9). No labels are used. Trains the image
 * tower; text tower, head and θ₀ stay frozen.
 *
 * <p>Source: {@code chs20/RobustVLM} {@code train/adversarial_training_clip.py} ({@code compute_loss},
 * {@code l2}) and {@code train/pgd_train.py} at 7de10ee. Departures:
 * <ul>
 *   <li>AdamW lr 1e-4 (FARE: 1e-5), wd 1e-4, 10 % warmup (FARE: 1400 of 20k steps), cosine,
 *       clipping at 1: a few hundred steps on a small model need a larger rate.</li>
 *   <li>ε = 4/255, 10 steps of 1/255: FARE⁴'s setting, which is also the GRACE paper's training
 *       attack.</li>
 *   <li>The attack's random start is clipped to [0,1] before the first forward (FARE feeds the
 *       unclipped start); the model has no dropout or batch norm, so FARE's {@code eval()} during
 *       the attack changes nothing here.</li>
 *   <li>FARE's optional clean term and TRADES mode ({@code clean_weight = 0} and off by default)
 *       are not offered.</li>
 * </ul>
 */
public final class Fare extends AdversarialFinetuning {

    /** Registered name. */
    public static final String NAME = "fare";

    private final FareConfig config;

    private Fare(MethodSettings settings, FareConfig config) {
        super(NAME, settings, config.attack(), config.optimisation());
        this.config = config;
    }

    /** The method with {@code settings} (validated before any training). */
    public static Fare create(MethodSettings settings) {
        return new Fare(settings, FareConfig.from(settings));
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, Fare.class, "/org/grace/baselines/methods/fare.json");
    }

    public FareConfig config() {
        return config;
    }

    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        return Set.of(ParameterGroup.IMAGE_TOWER);
    }

    @Override
    TrainingObjective attackObjective(MethodContext context, NDArray images, int[] labels) {
        return DeployedObjectives.embeddingDistance(context.model(), context.head(),
                referenceFeatures(context, images));
    }

    @Override
    NDArray lossOn(MethodContext context, StepContext step, NDArray images, NDArray adversarial, int[] labels) {
        NDArray anchor = referenceFeatures(context, images);
        return RobustLosses.squaredDistance(context.model().encodeImage(adversarial), anchor).mean();
    }
}
