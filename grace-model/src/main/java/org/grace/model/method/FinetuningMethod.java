package org.grace.model.method;

import ai.djl.ndarray.NDArray;
import org.grace.model.train.ExtraState;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainingConfig;

import java.util.Set;

/**
 * One finetuning method (DESIGN.md §5): which parameters it trains, how a batch becomes a loss,
 * and what it does after training. The {@link MethodRunner} owns everything else (optimiser,
 * schedule, clipping, gradient zeroing, checkpoints, NaN guard, data order, progress).
 *
 * <p>Rules for implementations: never pass a Java number to {@code mul}/{@code div}/{@code pow}
 * in differentiable code (use {@code step.manager().create(value)}; see
 * {@link org.grace.model.train.StepFunction}); draw every random number from
 * {@link StepContext#random()}; leave no perturbation installed on the model when
 * {@link #loss} returns except inside the graph it built.
 */
public interface FinetuningMethod {

    /** Registered name, e.g. {@code lora-tecoa}. */
    String name();

    /** The settings this instance runs with (for run records). */
    MethodSettings settings();

    /**
     * Installs what the method trains (LoRA, prompts) on {@code context.model()} and returns the
     * parameter groups the loop updates.
     */
    Set<ParameterGroup> prepare(MethodContext context);

    /** The optimiser settings of the run, built from the method's settings and the run's budget. */
    TrainingConfig training(MethodContext context, java.nio.file.Path outputFolder);

    /**
     * The loss of one step on a batch of ID training images [B,3,S,S] in [0,1] with their labels.
     * Runs inside the step's gradient collector; must not call backward on the result.
     */
    StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels);

    /** After the loop: interpolation (WiSE-FT), projection (TPGM), merging; default nothing. */
    default void finish(MethodContext context) {
    }

    /**
     * State outside the trained arrays that checkpoints must carry so that a resumed run equals an
     * uninterrupted one (GRACE's curvature averages and ranks); none by default.
     */
    default ExtraState extraState() {
        return ExtraState.NONE;
    }

    /** Whether the method trains at all ({@code zeroshot} does not). */
    default boolean trains() {
        return true;
    }
}
