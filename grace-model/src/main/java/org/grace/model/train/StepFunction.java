package org.grace.model.train;

/**
 * One training step of a method: builds (or draws) the batch for {@link StepContext#step()} and
 * returns the loss whose gradient the loop applies. It runs inside the step's gradient collector,
 * after the loop has zeroed every gradient; it must not call {@code backward} on the returned loss
 * itself (methods with an inner maximisation, such as adversarial examples or weight
 * perturbations, may use gradients of other quantities with respect to their inputs). For resume
 * to reproduce an uninterrupted run, everything random must come from {@link StepContext#random()}.
 *
 * <p>Constants in a differentiable expression must be NDArrays created in
 * {@link StepContext#manager()} ({@code x.mul(m.create(0.5f))}), never Java numbers
 * ({@code x.mul(0.5f)}): DJL 0.36's PyTorch engine frees the scalar it makes for a number right
 * after the op, while autograd still holds it for backward, so a garbage collection between forward
 * and backward silently corrupts the gradient (see {@code DjlScalarLifetimeTest}). Additive
 * constants ({@code add}, {@code sub}) are safe, since their backward does not read them.
 */
@FunctionalInterface
public interface StepFunction {

    StepResult step(StepContext context);
}
