package org.grace.baselines.adversarial;

import org.grace.baselines.common.OptimisationSettings;
import ai.djl.ndarray.NDArray;
import org.grace.attacks.pgd.TrainingObjective;
import org.grace.attacks.pgd.TrainingPgd;
import org.grace.model.method.NamedMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.StepContext;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainingConfig;

import java.nio.file.Path;

/**
 * The shape every adversarial baseline shares: each step first draws training adversarial images
 * with {@link TrainingPgd} against the current model (detached, every parameter gradient left as
 * it was), then returns a loss of the clean and adversarial batch. Subclasses say what the attack
 * maximises ({@link #attackObjective}) and what the step minimises ({@link #lossOn}).
 *
 * <p>Random starts: per-sample streams seeded by the run's seed and keyed by
 * {@code (step − 1)·B + i}, so a resumed run draws the same starts as an uninterrupted one.
 */
abstract class AdversarialFinetuning extends NamedMethod {

    private final AttackSettings attack;
    private final OptimisationSettings optimisation;

    AdversarialFinetuning(String name, MethodSettings settings, AttackSettings attack,
                          OptimisationSettings optimisation) {
        super(name, settings);
        this.attack = attack;
        this.optimisation = optimisation;
    }

    @Override
    public final TrainingConfig training(MethodContext context, Path outputFolder) {
        return optimisation.trainingConfig(context, outputFolder);
    }

    @Override
    public final StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels) {
        NDArray adversarial = adversarial(context, step, images, labels);
        return StepResult.of(lossOn(context, step, images, adversarial, labels), labels.length);
    }

    /** The step's training adversarial images (detached), inside or outside a gradient collector. */
    final NDArray adversarial(MethodContext context, StepContext step, NDArray images, int[] labels) {
        TrainingObjective objective = attackObjective(context, images, labels);
        long[] ids = new long[labels.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (long) (step.step() - 1) * labels.length + i;
        }
        TrainingPgd pgd = new TrainingPgd(attack.pgd(context.seed()));
        return CollectorSuspension.during(() -> pgd.attack(images, objective, ids));
    }

    /** What the training attack maximises for this clean batch. */
    abstract TrainingObjective attackObjective(MethodContext context, NDArray images, int[] labels);

    /** The scalar loss of the step given its clean and adversarial images. */
    abstract NDArray lossOn(MethodContext context, StepContext step, NDArray images, NDArray adversarial,
                            int[] labels);

    /** The frozen reference's image features: no parameter of θ₀ may require a gradient. */
    static NDArray referenceFeatures(MethodContext context, NDArray images) {
        if (context.reference().parameters().values().stream().anyMatch(NDArray::hasGradient)) {
            throw new IllegalStateException("the frozen reference θ₀ has parameters that require gradients;"
                    + " it must never be trained");
        }
        return context.reference().encodeImage(images.stopGradient()).stopGradient();
    }
}
