package org.grace.theory.bound;

/** The three terms of Theorem 3.1 that GRACE assigns one module each (paper summary, line 17). */
public enum BoundTerm {
    /** (A) ‖θ − θ0‖²/(2nσ²): controlled by LoRA; its failure is drift and zero-shot loss. */
    PRIOR_PROXIMITY,
    /** (B) (σ²/2)·Tr ∇²R: controlled by LAR-AWP; its failure is sharp minima and adversarial fragility. */
    SHARPNESS,
    /** (C) max d_HΔH: controlled by Gram-volume alignment; its failure is unstable features and OOD loss. */
    DISCREPANCY
}
