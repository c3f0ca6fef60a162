package org.grace.theory.drift;

/**
 * Drift of one tensor (or one group of tensors) from its reference.
 *
 * @param name          the tensor or group name
 * @param distance      ‖θ − θ0‖₂ over the tensor's entries
 * @param referenceNorm ‖θ0‖₂
 * @param size          number of scalars
 */
public record TensorDrift(String name, double distance, double referenceNorm, long size) {

    /** ‖θ − θ0‖ / ‖θ0‖; infinite when θ0 = 0 and θ ≠ θ0, 0 when both are zero. */
    public double relative() {
        if (referenceNorm == 0.0) {
            return distance == 0.0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        return distance / referenceNorm;
    }
}
