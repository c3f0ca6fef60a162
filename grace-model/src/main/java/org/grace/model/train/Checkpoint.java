package org.grace.model.train;

import java.nio.file.Path;

/**
 * A checkpoint on disk: the state after {@code step} completed steps.
 *
 * @param step completed steps
 * @param file the safetensors file holding trained arrays and optimiser state
 * @param fingerprint {@link TrainingConfig#fingerprint} of the run that wrote it
 */
public record Checkpoint(int step, Path file, String fingerprint) {
}
