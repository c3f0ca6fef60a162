package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import org.grace.baselines.common.OptimisationSettings;
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
 * End-to-end finetuning exactly as {@code ft} (image tower + head, zero-shot cross-entropy, the
 * same optimiser) that remembers θ₀ of every trained array for a post-training step: the shared
 * part of WiSE-FT (interpolation) and TPGM (projection), which differ only in {@link #finish}.
 */
abstract class AnchoredEndToEnd extends NamedMethod {

    private final OptimisationSettings optimisation;
    private EndToEndEndpoints endpoints;

    AnchoredEndToEnd(String name, MethodSettings settings, OptimisationSettings optimisation) {
        super(name, settings);
        this.optimisation = optimisation;
    }

    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        endpoints = EndToEndEndpoints.capture(context);
        return FullFinetuning.groups();
    }

    @Override
    public TrainingConfig training(MethodContext context, Path outputFolder) {
        return optimisation.trainingConfig(context, outputFolder);
    }

    @Override
    public StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels) {
        return FullFinetuning.crossEntropy(context, images, labels);
    }

    /** θ₀ captured by {@link #prepare}; fails clearly when prepare has not run. */
    EndToEndEndpoints endpoints() {
        if (endpoints == null) {
            throw new IllegalStateException(name() + ": prepare() has not run");
        }
        return endpoints;
    }
}
