package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.pgd.TrainingObjective;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;

import java.util.Set;

/**
 * TeCoA, text-guided contrastive adversarial training (Mao et al., ICLR 2023):
 * <pre>  min_θ  mean_i CE(s·cos(f_θ(x_i + δ_i*), t_c), y_i),   δ* = PGD-ℓ∞ maximising the same CE</pre>
 * with t_c the frozen zero-shot text head and s its logit scale (100 at paper scale). Trains the
 * image tower ({@link ParameterGroup#IMAGE_TOWER}); text tower, head and θ₀ stay frozen.
 *
 * <p>Source: {@code cvlab-columbia/ZSRobust4FoundationModel} {@code finetuning.py} ({@code train},
 * {@code attack_pgd}) at 1243db6; FARE's re-implementation ({@code chs20/RobustVLM} README) for the
 * optimiser. Departures, all for the embedded scale and the paper's comparison:
 * <ul>
 *   <li>Training attack ε = 4/255, 10 steps of 1/255 (TeCoA's ImageNet README run uses ε = 1/255,
 *       2 steps): the GRACE paper's common training attack, which FARE's TeCoA⁴ also uses.</li>
 *   <li>AdamW lr 1e-4, wd 1e-4, 10 % warmup, cosine, clipping at 1 (TeCoA's code: SGD lr 1e-7 with
 *       AMP; FARE's TeCoA: AdamW 1e-5): a few hundred steps on a small model need a larger rate.</li>
 *   <li>The head is the context's zero-shot head (ID class names × the suite's templates) rather
 *       than the single template "This is a photo of a {}", and it is built once, not re-encoded
 *       every step (the text tower is frozen, so the two agree).</li>
 *   <li>The attack's random start is clipped to [0,1] before the first forward (grace-attacks'
 *       {@link org.grace.attacks.pgd.TrainingPgd}).</li>
 * </ul>
 */
public final class Tecoa extends AdversarialFinetuning {

    /** Registered name. */
    public static final String NAME = "tecoa";

    private final TecoaConfig config;

    private Tecoa(MethodSettings settings, TecoaConfig config) {
        super(NAME, settings, config.attack(), config.optimisation());
        this.config = config;
    }

    /** The method with {@code settings} (validated before any training). */
    public static Tecoa create(MethodSettings settings) {
        return new Tecoa(settings, TecoaConfig.from(settings));
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, Tecoa.class, "/org/grace/baselines/methods/tecoa.json");
    }

    public TecoaConfig config() {
        return config;
    }

    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        return Set.of(ParameterGroup.IMAGE_TOWER);
    }

    @Override
    TrainingObjective attackObjective(MethodContext context, NDArray images, int[] labels) {
        return DeployedObjectives.crossEntropy(context.model(), context.head(), labels);
    }

    @Override
    NDArray lossOn(MethodContext context, StepContext step, NDArray images, NDArray adversarial, int[] labels) {
        return adversarialCrossEntropy(context, adversarial, labels);
    }

    /** TeCoA's loss: mean CE of the zero-shot head on the adversarial images. */
    static NDArray adversarialCrossEntropy(MethodContext context, NDArray adversarial, int[] labels) {
        return RobustLosses.crossEntropy(context.head().logits(context.model().encodeImage(adversarial)), labels);
    }
}
