package org.grace.model.train;

/** The optimisers the finetuning loop offers. */
public enum OptimizerKind {
    /** {@link AdamW}: Adam with decoupled weight decay. */
    ADAMW,
    /** {@link Sgd}: stochastic gradient descent with (optionally Nesterov) momentum. */
    SGD
}
