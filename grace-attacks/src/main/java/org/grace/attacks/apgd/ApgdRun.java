package org.grace.attacks.apgd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.attacks.BallProjection;
import org.grace.attacks.Classifier;
import org.grace.attacks.LossGradient;
import org.grace.attacks.Norm;
import org.grace.attacks.Predictions;
import org.grace.attacks.Rows;
import org.grace.attacks.SampleStreams;
import org.grace.attacks.StepScope;

/**
 * One APGD run ({@code attack_single_run} of auto-attack's {@code autopgd_base.py}) on a batch.
 *
 * <p>Start: ℓ∞ x⁰ = x + ε·t/||t||_∞, t ~ U(-1,1)^d; ℓ2 x⁰ = x + ε·t/||t||_2, t ~ N(0,I); ℓ1
 * x⁰ = x + P₁(t), t ~ N(0,I); then clip to [0,1]. Step η⁰ = α·ε per sample. Iteration k
 * (a = 1 at k = 0, else 0.75): z = P(x^k + η·dir(g^k)), x^{k+1} = P(x^k + a(z - x^k) + (1-a)(x^k - x^{k-1}))
 * with dir = sign (ℓ∞) or g/||g||_2 (ℓ2). ℓ1 (no momentum): the sign of the gradient on its top
 * coordinates (fraction adapted at checkpoints), divided by its ℓ1 norm, then the exact ℓ1∩box
 * projection. Step halving for ℓ∞/ℓ2: {@link CheckpointSchedule}; when halving, x^k and g^k are reset
 * to the best point and its gradient. The latest misclassified iterate is kept per sample.
 */
final class ApgdRun {

    /** Outcome per sample of the sub-batch: fooled at some iterate, best loss, best point, latest adversarial. */
    record Result(boolean[] fooled, float[] lossBest, NDArray xBest, NDArray xBestAdv) {}

    private final ApgdConfig config;
    private final Classifier model;

    ApgdRun(ApgdConfig config, Classifier model) {
        this.config = config;
        this.model = model;
    }

    Result run(NDArray x, int[] labels, int[] targets, long[] ids, long stream, NDManager work) {
        int n = labels.length;
        Norm norm = config.norm();
        double eps = config.eps();
        NDArray xAdv = start(x, ids, stream);
        LossGradient first = LossGradient.averaged(model, xAdv, config.loss(), labels, targets,
                config.eotIterations());
        NDArray grad = first.gradient();
        boolean[] fooled = invert(Predictions.correct(first.logits(), labels));
        float[] lossBest = first.loss().toFloatArray();
        NDArray xBest = xAdv;
        NDArray gradBest = grad;
        NDArray xBestAdv = xAdv;
        NDArray xAdvOld = xAdv;
        float[] step = new float[n];
        java.util.Arrays.fill(step, (float) (config.alpha() * eps));
        CheckpointSchedule schedule = new CheckpointSchedule(config.iterations(), config.rho(), lossBest);
        L1Sparsity sparsity = norm == Norm.L1 ? new L1Sparsity(config, x, n) : null;
        // For ℓ∞ the ball ∩ [0,1] is the box [max(x - ε, 0), min(x + ε, 1)]: projecting is two ops.
        NDArray lower = norm == Norm.LINF ? x.sub((float) eps).maximum(0f) : null;
        NDArray upper = norm == Norm.LINF ? x.add((float) eps).minimum(1f) : null;
        for (int i = 0; i < config.iterations(); i++) {
            try (StepScope s = new StepScope(work)) {
                for (NDArray a : new NDArray[] {xAdv, grad, xBest, gradBest, xBestAdv, xAdvOld}) {
                    s.enter(a);
                }
                NDArray next;
                if (norm == Norm.L1) {
                    next = sparsity.step(xAdv, grad, step, x, s.manager());
                } else if (norm == Norm.LINF) {
                    float a = i == 0 ? 1f : 0.75f;
                    NDArray z = xAdv.add(grad.sign().mul(Rows.column(s.manager(), step, 4)))
                            .minimum(upper).maximum(lower);
                    NDArray moved = a == 1f ? z
                            : xAdv.add(z.sub(xAdv).mul(a)).add(xAdv.sub(xAdvOld).mul(1 - a));
                    next = moved.minimum(upper).maximum(lower);
                } else {
                    float a = i == 0 ? 1f : 0.75f;
                    NDArray grad2 = xAdv.sub(xAdvOld);
                    NDArray z = BallProjection.project(norm,
                            xAdv.add(BallProjection.unitL2(grad).mul(Rows.column(s.manager(), step, 4))), x, eps);
                    next = BallProjection.project(norm,
                            xAdv.add(z.sub(xAdv).mul(a)).add(grad2.mul(1 - a)), x, eps);
                }
                LossGradient lg = LossGradient.averaged(model, next, config.loss(), labels, targets,
                        config.eotIterations());
                boolean[] wrong = invert(Predictions.correct(lg.logits(), labels));
                for (int j = 0; j < n; j++) {
                    fooled[j] |= wrong[j];
                }
                xBestAdv = Rows.select(wrong, next, xBestAdv);
                float[] loss = lg.loss().toFloatArray();
                boolean[] improved = new boolean[n];
                for (int j = 0; j < n; j++) {
                    if (loss[j] > lossBest[j]) {
                        improved[j] = true;
                        lossBest[j] = loss[j];
                    }
                }
                xBest = Rows.select(improved, next, xBest);
                gradBest = Rows.select(improved, lg.gradient(), gradBest);
                NDArray nextGrad = lg.gradient();
                boolean[] reset = norm == Norm.L1
                        ? sparsity.afterIteration(xBest, step)
                        : halve(schedule.afterIteration(i, loss, lossBest), step);
                if (reset != null) {
                    next = Rows.select(reset, xBest, next);
                    nextGrad = Rows.select(reset, gradBest, nextGrad);
                }
                xAdvOld = s.keep(xAdv);
                xAdv = s.keep(next);
                grad = s.keep(nextGrad);
                xBest = s.keep(xBest);
                gradBest = s.keep(gradBest);
                xBestAdv = s.keep(xBestAdv);
            }
        }
        return new Result(fooled, lossBest, xBest, xBestAdv);
    }

    private static boolean[] halve(boolean[] flags, float[] step) {
        if (flags != null) {
            for (int j = 0; j < step.length; j++) {
                if (flags[j]) {
                    step[j] /= 2f;
                }
            }
        }
        return flags;
    }

    private NDArray start(NDArray x, long[] ids, long stream) {
        Shape perSample = x.getShape().slice(1);
        double eps = config.eps();
        switch (config.norm()) {
            case LINF: {
                NDArray t = SampleStreams.noise(x.getManager(), SampleStreams.Noise.UNIFORM_SIGNED,
                        config.seed(), ids, stream, perSample);
                NDArray scale = BallProjection.perSampleColumn(Norm.LINF.perSample(t), t).add(1e-12f);
                return x.add(t.div(scale).mul((float) eps)).clip(0f, 1f);
            }
            case L2: {
                NDArray t = SampleStreams.noise(x.getManager(), SampleStreams.Noise.GAUSSIAN,
                        config.seed(), ids, stream, perSample);
                return x.add(BallProjection.unitL2(t).mul((float) eps)).clip(0f, 1f);
            }
            default: {
                NDArray t = SampleStreams.noise(x.getManager(), SampleStreams.Noise.GAUSSIAN,
                        config.seed(), ids, stream, perSample);
                return L1Sparsity.projectOntoBall(x, t, eps);
            }
        }
    }

    static boolean[] invert(boolean[] flags) {
        boolean[] out = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            out[i] = !flags[i];
        }
        return out;
    }
}
