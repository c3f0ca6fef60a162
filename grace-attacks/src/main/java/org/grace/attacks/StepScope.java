package org.grace.attacks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Memory scope of one attack iteration. State arrays are moved in with {@link #enter}; every array
 * computed from them then lives in the step's manager (DJL puts results in the first operand's
 * manager) and is freed on {@link #close}, except those promoted back with {@link #keep}.
 * Without it an attack on a large batch would hold every intermediate of every iteration.
 */
public final class StepScope implements AutoCloseable {

    private final NDManager owner;
    private final NDManager step;

    /** Opens a step under {@code owner}, the manager that holds the attack's state. */
    public StepScope(NDManager owner) {
        this.owner = owner;
        this.step = owner.newSubManager();
    }

    /** The step's manager (for arrays created from Java data). */
    public NDManager manager() {
        return step;
    }

    /** Moves a state array into the step: it is freed at close unless kept. */
    public NDArray enter(NDArray state) {
        state.attach(step);
        return state;
    }

    /** Promotes an array to the owner so that it survives the step. */
    public NDArray keep(NDArray array) {
        array.attach(owner);
        return array;
    }

    @Override
    public void close() {
        step.close();
    }
}
