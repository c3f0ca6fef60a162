package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import org.grace.model.method.NamedMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainingConfig;

import java.nio.file.Path;
import java.util.Set;

/**
 * Zero-shot CLIP (Radford et al., 2021): the pretrained model with the zero-shot head built from
 * the ID class names × templates (WiSE-FT {@code src/models/zeroshot.py}), evaluated as is.
 * Nothing is trained ({@link #trains()} is false), so the runner only calls {@link #finish},
 * which does nothing: the model and head stay bit-identical to θ₀.
 */
public final class ZeroShot extends NamedMethod {

    /** Registered name. */
    public static final String NAME = "zeroshot";
    /** Defaults resource. */
    public static final String RESOURCE = "/org/grace/baselines/methods/zeroshot.json";

    private ZeroShot(MethodSettings settings) {
        super(NAME, settings);
        ZeroShotConfig.from(settings);
    }

    /** The method with these settings (must be empty). */
    public static ZeroShot create(MethodSettings settings) {
        return new ZeroShot(settings);
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, ZeroShot.class, RESOURCE);
    }

    @Override
    public boolean trains() {
        return false;
    }

    /** Installs nothing and trains no group. */
    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        return Set.of();
    }

    @Override
    public TrainingConfig training(MethodContext context, Path outputFolder) {
        throw new IllegalStateException("zeroshot trains nothing; it has no training configuration");
    }

    @Override
    public StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels) {
        throw new IllegalStateException("zeroshot trains nothing; it has no training loss");
    }
}
