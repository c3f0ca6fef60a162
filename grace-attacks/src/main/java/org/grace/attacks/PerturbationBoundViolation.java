package org.grace.attacks;

/**
 * Thrown when an attack returns a point outside its ε-ball or outside [0,1]. This is always a bug
 * in the attack (auto-attack only logs the max norm; we refuse to report such numbers).
 */
public final class PerturbationBoundViolation extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PerturbationBoundViolation(String message) {
        super(message);
    }
}
