package org.grace.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The finetuning loop every method runs: T steps of a {@link StepFunction} updating
 * {@link TrainableParameters} with the configured optimiser and schedule.
 *
 * <p>Step k (1-based) does, in order:
 * <ol>
 *   <li>zero every trainable gradient ({@link Gradients#zero}; DJL accumulates them);</li>
 *   <li>in a fresh manager and one gradient collector, call the step function with a random stream
 *       seeded from (seed, k) ({@link StepContext#seedFor}); check the loss is finite
 *       <em>before</em> backward, then backward;</li>
 *   <li>compute the global gradient norm and clip it to {@code maxGradNorm} (if clipping);
 *       a non-finite norm stops training like a non-finite loss;</li>
 *   <li>update with learning rate γ_{k−1} of the schedule;</li>
 *   <li>append the metrics row, update the progress bar, and write a checkpoint when
 *       k is a multiple of {@code checkpointEvery} or k = T.</li>
 * </ol>
 * A non-finite loss or gradient norm throws {@link NonFiniteLossException} before any update of
 * that step, leaving the weights as after step k−1 and the last checkpoint as it was.
 *
 * <p>Resume: {@link #resume()} restores trained arrays, optimiser moments and step count from the
 * newest checkpoint (refusing one with another config fingerprint), drops metrics rows after it,
 * and continues. Since the schedule is a function of the step, data randomness comes only from
 * (seed, step), and the checkpoint holds float32 values exactly, a resumed run reaches bit-identical
 * weights to an uninterrupted one on the same engine and hardware.
 *
 * <p>Like PyTorch's {@code torch.no_grad()} update, the optimiser runs outside the collector. DJL
 * allows one collector at a time, so the step function must not open its own.
 */
public final class TrainingLoop {

    private static final int LOG_PERCENT = 10;

    private final TrainingConfig config;
    private final TrainableParameters parameters;
    private final StepFunction function;
    private final NDManager manager;
    private final ProgressBar.Mode progress;
    private final PrintStream progressStream;
    private final ExtraState extraState;

    /**
     * @param manager parent of every per-step manager and of the optimiser state
     */
    public TrainingLoop(TrainingConfig config, TrainableParameters parameters, StepFunction function, NDManager manager) {
        this(config, parameters, function, manager, ProgressBar.detectMode(), System.err, ExtraState.NONE);
    }

    private TrainingLoop(TrainingConfig config, TrainableParameters parameters, StepFunction function, NDManager manager,
                         ProgressBar.Mode progress, PrintStream progressStream, ExtraState extraState) {
        this.config = Objects.requireNonNull(config, "config");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.function = Objects.requireNonNull(function, "function");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.progressStream = Objects.requireNonNull(progressStream, "progressStream");
        this.extraState = Objects.requireNonNull(extraState, "extraState");
    }

    /** The same loop showing progress in {@code mode} on {@code stream}. */
    public TrainingLoop withProgress(ProgressBar.Mode mode, PrintStream stream) {
        return new TrainingLoop(config, parameters, function, manager, mode, stream, extraState);
    }

    /** The same loop saving and restoring a method's {@link ExtraState} with every checkpoint. */
    public TrainingLoop withExtraState(ExtraState state) {
        return new TrainingLoop(config, parameters, function, manager, progress, progressStream, state);
    }

    /** The same loop printing no progress. */
    public TrainingLoop quiet() {
        return withProgress(ProgressBar.Mode.QUIET, progressStream);
    }

    /**
     * Trains from step 1.
     *
     * @throws IllegalStateException if the output folder already holds a checkpoint (use
     *     {@link #resume()} or another folder, so that no run is overwritten by accident)
     */
    public TrainingResult run() {
        CheckpointStore store = new CheckpointStore(config.outputFolder());
        store.latest().ifPresent(c -> {
            throw new IllegalStateException("output folder " + config.outputFolder() + " already holds checkpoint "
                    + c.file() + " (step " + c.step() + "); call resume() or choose an empty folder");
        });
        return train(store, null);
    }

    /**
     * Continues from the newest checkpoint in the output folder.
     *
     * @throws IllegalStateException if there is none, or it was written with another configuration
     */
    public TrainingResult resume() {
        CheckpointStore store = new CheckpointStore(config.outputFolder());
        Checkpoint from = store.latest().orElseThrow(() -> new IllegalStateException(
                "nothing to resume: no " + CheckpointStore.LATEST + " in " + config.outputFolder()));
        return train(store, from);
    }

    /** {@link #resume()} if the output folder holds a checkpoint, else {@link #run()}. */
    public TrainingResult runOrResume() {
        CheckpointStore store = new CheckpointStore(config.outputFolder());
        return train(store, store.latest().orElse(null));
    }

    private TrainingResult train(CheckpointStore store, Checkpoint from) {
        String description = config.describe(parameters);
        String fingerprint = config.fingerprint(parameters);
        LearningRateSchedule schedule = LearningRateSchedule.of(config);
        Collection<NDArray> arrays = parameters.arrays().values();
        Path csvFile = config.outputFolder().resolve("metrics.csv");
        try (NDManager runManager = manager.newSubManager();
             Optimizer optimizer = Optimizer.create(config.optimizer(), runManager)) {
            int start = 0;
            double wallOffset = 0;
            Checkpoint latest = from;
            MetricsCsv csv;
            if (from != null) {
                store.load(from, parameters, optimizer, fingerprint, description);
                extraState.restore(store.extraState(from));
                start = from.step();
                MetricsCsv.Resumed resumed = MetricsCsv.truncateAfter(csvFile, start);
                csv = resumed.csv();
                wallOffset = resumed.wallSeconds();
            } else {
                csv = MetricsCsv.create(csvFile);
            }
            StepMetrics last = null;
            long runStart = System.nanoTime();
            try (csv; ProgressBar bar = new ProgressBar(progressStream, progress, config.steps(), LOG_PERCENT)) {
                for (int step = start + 1; step <= config.steps(); step++) {
                    long stepStart = System.nanoTime();
                    double lr = schedule.learningRate(step - 1);
                    float loss;
                    double gradNorm;
                    StepResult result;
                    try (NDManager stepManager = runManager.newSubManager()) {
                        Gradients.zero(arrays, stepManager);
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            SplittableRandom random = new SplittableRandom(StepContext.seedFor(config.seed(), step));
                            result = function.step(new StepContext(step, config.steps(), stepManager, random));
                            loss = result.loss().toFloatArray()[0];
                            if (!Float.isFinite(loss)) {
                                throw nonFinite(step, "loss", loss, latest, null);
                            }
                            collector.backward(result.loss());
                        }
                        gradNorm = config.clips()
                                ? Gradients.clipGlobalNorm(arrays, config.maxGradNorm(), stepManager)
                                : Gradients.globalNorm(arrays, stepManager);
                        if (!Double.isFinite(gradNorm)) {
                            List<String> culprits = Gradients.nonFinite(parameters.arrays(), stepManager);
                            throw nonFinite(step, "gradient norm", gradNorm, latest, culprits.isEmpty()
                                    ? "every gradient is finite: their norm overflows float32"
                                    : "non-finite gradients in " + culprits);
                        }
                        optimizer.step(parameters.arrays(), lr, stepManager);
                    }
                    long now = System.nanoTime();
                    double stepSeconds = (now - stepStart) / 1e9;
                    last = new StepMetrics(step, loss, result.accuracy().orElse(Double.NaN), lr, gradNorm,
                            result.batchSize() / stepSeconds, wallOffset + (now - runStart) / 1e9);
                    csv.append(last);
                    bar.update(last);
                    if (step % config.checkpointEvery() == 0 || step == config.steps()) {
                        latest = store.write(step, parameters, optimizer, fingerprint, description,
                                config.keepCheckpoints(), extraState.save());
                    }
                }
            }
            return new TrainingResult(start + 1, config.steps(), latest, last);
        }
    }

    private static NonFiniteLossException nonFinite(int step, String quantity, double value, Checkpoint latest,
                                                    String detail) {
        return new NonFiniteLossException(step, quantity, value, detail, latest == null ? null : latest.file(),
                latest == null ? 0 : latest.step());
    }
}
