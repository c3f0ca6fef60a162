/**
 * Pieces several baselines share: the AdamW/schedule settings ({@link org.grace.baselines.common.OptimisationSettings}),
 * LoRA placement settings ({@link org.grace.baselines.common.LoraSettings}), the zero-shot-head
 * cross-entropy ({@link org.grace.baselines.common.ZeroShotCrossEntropy}), detached weight copies and
 * in-place assignment ({@link org.grace.baselines.common.WeightSnapshot}), and batches read outside the
 * training loop ({@link org.grace.baselines.common.ImageBatch}).
 */
package org.grace.baselines.common;
