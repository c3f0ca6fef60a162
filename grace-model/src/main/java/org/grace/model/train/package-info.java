/**
 * The finetuning loop every method runs (DESIGN.md §5): a method supplies a
 * {@link org.grace.model.train.StepFunction} and the {@link org.grace.model.train.ParameterGroup}s
 * it trains; the loop owns gradient zeroing, clipping, the optimiser
 * ({@link org.grace.model.train.AdamW}, {@link org.grace.model.train.Sgd}), the learning-rate
 * schedule, the non-finite guard, checkpoints and resume, per-step metrics and progress.
 *
 * <p>Typical use:
 * <pre>{@code
 * TrainableParameters trainable = TrainableParameters.select(model, head, Set.of(ParameterGroup.LORA));
 * TrainingConfig config = TrainingConfig.builder(1000, 1e-4, outputFolder)
 *         .warmupSteps(50).optimizer(OptimizerConfig.adamW(0.1)).maxGradNorm(1.0)
 *         .checkpointEvery(100).seed(seed).build();
 * TrainingResult result = new TrainingLoop(config, trainable, step, manager).runOrResume();
 * }</pre>
 * The output folder then holds {@code metrics.csv}, {@code latest.json} and
 * {@code checkpoints/step-NNNNNNNN.safetensors}.
 */
package org.grace.model.train;
