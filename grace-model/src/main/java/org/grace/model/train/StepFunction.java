package org.grace.model.train;

/**
 * One training step of a method: builds (or draws) the batch for {@link StepContext#step()} and
 * returns the loss whose gradient the loop applies. It runs inside the step's gradient collector,
 * after the loop has zeroed every gradient; it must not call {@code backward} on the returned loss
 * itself (methods with an inner maximisation, such as adversarial examples or weight
 * perturbations, may use gradients of other quantities with respect to their inputs). For resume
 * to reproduce an uninterrupted run, everything random must come from {@link StepContext#random()}.
 */
@FunctionalInterface
public interface StepFunction {

    StepResult step(StepContext context);
}
