package org.grace.theory.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.grace.model.adapters.VisualPrompts;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;
import org.grace.theory.bound.BoundInputs;
import org.grace.theory.bound.PacBayesBound;
import org.grace.theory.bound.PacBayesTerms;
import org.grace.theory.discrepancy.Lemma32Discrepancy;
import org.grace.theory.discrepancy.Lemma32Result;
import org.grace.theory.discrepancy.ProxyADistance;
import org.grace.theory.discrepancy.ProxyAResult;
import org.grace.theory.drift.DriftReport;
import org.grace.theory.drift.ParameterDrift;
import org.grace.theory.hessian.DoubleBackwardHessian;
import org.grace.theory.spectral.BlockTrace;
import org.grace.theory.spectral.CountingOperator;
import org.grace.theory.spectral.HutchinsonTrace;
import org.grace.theory.spectral.LanczosResult;
import org.grace.theory.spectral.LanczosSolver;
import org.grace.theory.spectral.SpectralDensity;
import org.grace.theory.spectral.SpectralDensityEstimator;
import org.grace.theory.spectral.SymmetryCheck;
import org.grace.theory.spectral.TraceEstimate;

/**
 * Measures one trained, deployed CLIP classifier on the geometry of the paper's Theorem 3.1, on the
 * same coordinates whatever the method trained, so the bench can set methods side by side.
 *
 * <p>What is measured (paper summary, Theorem 3.1 and Lemma 3.2; theory.md §1–§6):
 * <ul>
 *   <li><b>Drift</b> ‖θ_eff − θ0‖/‖θ0‖ over the vision tower ({@link VisionLayers}), globally and per layer,
 *       on the effective weights ({@link ClipModel#effectiveParameters}: LoRA folded in).</li>
 *   <li><b>Curvature</b> of L(W) = mean CE of the deployed classifier on the fixed ID curvature batch,
 *       with respect to the effective weights of the vision attention q and v projections of every
 *       block ({@link EffectiveWeightLoss}), by exact double backward ({@link DoubleBackwardHessian}) on
 *       a merged copy: a symmetry check, λ_max by Lanczos with full reorthogonalisation, the trace by
 *       Hutchinson with a standard-error rule, each q/v layer's block trace (fixed probe count), and the
 *       SLQ spectral density when enabled.</li>
 *   <li><b>Discrepancy</b>: Lemma 3.2's class-conditional bound between the image features of the ID,
 *       OOD and adversarial sets (all three pairs, and their maximum), and the proxy A-distance for
 *       ID–OOD and ID–adversarial.</li>
 *   <li><b>Theorem 3.1</b> ({@link PacBayesBound#minimise}) at the σ minimising it, from R̂_ID = the top-1
 *       error on the ID set, ‖θ − θ0‖² over the vision tower, the q/v trace and the largest Lemma 3.2
 *       discrepancy.</li>
 * </ul>
 *
 * <p>Departures, each deliberate: (1) The Hessian is restricted to the q/v weights (the LoRA-adaptable
 * attention layers: 2·L·w² coordinates, 32,768 for the embedded tiny CLIP) rather than the whole vision
 * tower, to keep one probe within its time budget and to match GRACE's per-layer ranks; the bound's
 * prior term uses the whole-tower drift, so its sharpness term is the q/v diagonal-block part of the
 * whole-tower trace. (2) The trace enters the bound as max(Tr, 0): the sharpness term is a second-order
 * expansion about a minimum and {@link BoundInputs} rejects a negative trace; the raw estimate is reported.
 * (3) The curvature is taken on the clean ID batch, not on frozen adversarial inputs (the theorem's
 * E[∇²R_Rob]); the operator is the deployed model's, in float32 products with float64 Lanczos.
 * (4) VPT prompts, when the deployed model has them, stay in the forward pass (shared with the copy and
 * frozen during the probe) but are not part of the drift, which compares weights that θ0 also has.
 *
 * <p>The deployed model, head and reference are never modified; no {@code GradientCollector} may be open
 * while a probe runs. Each probe leaks at most one double-backward gradient graph (see
 * {@link DoubleBackwardHessian}); the copy and every temporary live in a sub-manager of {@code manager}
 * that is closed on return.
 */
public final class MethodProbe {

    private MethodProbe() {
    }

    /**
     * @throws IllegalArgumentException if the curvature batch is smaller than the config's, the operator
     *                                  fails the symmetry check, or a discrepancy set cannot be compared
     */
    public static ProbeResult measure(ProbeInputs in, ProbeConfig config, NDManager manager) {
        if (in.curvature().size() < config.curvatureBatch()) {
            throw new IllegalArgumentException(in.method() + ": curvature set '" + in.curvature().name() + "' has "
                    + in.curvature().size() + " images but the config asks for a batch of " + config.curvatureBatch());
        }
        long start = System.nanoTime();
        DriftReport drift = ParameterDrift.ofModels(in.reference(), in.deployed(), VisionLayers::inVisionTower);
        double driftSeconds = since(start);

        VisualPrompts prompts = in.deployed().vision().prompts();
        List<Boolean> promptGrad = new ArrayList<>();
        if (prompts != null) {
            for (NDArray p : prompts.arrays()) {
                promptGrad.add(p.hasGradient());
                p.setRequiresGradient(false);
            }
        }
        try (NDManager scope = manager.newSubManager()) {
            long t = System.nanoTime();
            ClipModel copy = in.deployed().copy(scope);
            copy.vision().setPrompts(prompts);
            ZeroShotHead head = frozenCopy(in.head(), scope);

            ImageFeatures id = ImageFeatures.of(copy, head, in.id(), config.normaliseFeatures(), scope);
            ImageFeatures ood = ImageFeatures.of(copy, head, in.ood(), config.normaliseFeatures(), scope);
            ImageFeatures adv = ImageFeatures.of(copy, head, in.adversarial(), config.normaliseFeatures(), scope);
            Lemma32Discrepancy lemma = new Lemma32Discrepancy(config.lemma32());
            Lemma32Result idOod = lemma.between(id.features(), ood.features());
            Lemma32Result idAdv = lemma.between(id.features(), adv.features());
            Lemma32Result oodAdv = lemma.between(ood.features(), adv.features());
            ProxyADistance proxy = new ProxyADistance(config.proxyA());
            ProxyAResult proxyIdOod = proxy.between(id.features(), ood.features());
            ProxyAResult proxyIdAdv = proxy.between(id.features(), adv.features());
            double discrepancySeconds = since(t);

            t = System.nanoTime();
            int b = config.curvatureBatch();
            NDArray batch = in.curvature().images().get(new NDIndex("0:{}", b));
            batch.attach(scope);
            EffectiveWeightLoss loss = new EffectiveWeightLoss(copy, head, batch,
                    Arrays.copyOf(in.curvature().labels(), b));
            try (DoubleBackwardHessian hessian = new DoubleBackwardHessian(loss.subset(), loss)) {
                double setupSeconds = since(t);

                t = System.nanoTime();
                double asymmetry = 0.0;
                if (config.symmetryTrials() > 0) {
                    asymmetry = SymmetryCheck.relativeAsymmetry(hessian, config.symmetryTrials(), config.symmetrySeed());
                    if (asymmetry > config.symmetryTolerance()) {
                        throw new IllegalArgumentException(in.method() + ": the curvature operator is not symmetric "
                                + "(relative asymmetry " + asymmetry + " > " + config.symmetryTolerance() + ")");
                    }
                }
                double symmetrySeconds = since(t);

                t = System.nanoTime();
                CountingOperator lambdaOp = new CountingOperator(hessian);
                LanczosResult lanczos = new LanczosSolver(config.lanczos()).solve(lambdaOp);
                double lambdaSeconds = since(t);

                t = System.nanoTime();
                CountingOperator traceOp = new CountingOperator(hessian);
                TraceEstimate trace = new HutchinsonTrace(config.trace()).estimate(traceOp);
                double traceSeconds = since(t);

                t = System.nanoTime();
                CountingOperator layerOp = new CountingOperator(hessian);
                Map<String, TraceEstimate> layers = new BlockTrace(config.layerTrace())
                        .estimate(layerOp, loss.subset().layout());
                double layerSeconds = since(t);

                t = System.nanoTime();
                CountingOperator slqOp = new CountingOperator(hessian);
                SpectralDensity density = config.slq() ? new SpectralDensityEstimator(config.density()).estimate(slqOp) : null;
                double slqSeconds = since(t);

                PacBayesTerms bound = new PacBayesBound(config.pacBayes()).minimise(new BoundInputs(in.method(),
                        id.error(), drift.squaredDistance(), Math.max(0.0, trace.mean()),
                        Math.max(idOod.bound(), Math.max(idAdv.bound(), oodAdv.bound())), in.trainSize()));
                ProbeTimings timings = new ProbeTimings(driftSeconds, setupSeconds, symmetrySeconds, lambdaSeconds,
                        traceSeconds, layerSeconds, slqSeconds, discrepancySeconds, since(start), lambdaOp.products(),
                        traceOp.products(), layerOp.products(), slqOp.products());
                return new ProbeResult(in.method(), drift, drift.byGroup(VisionLayers::layerOf), lanczos, trace,
                        layers, density, asymmetry, id.error(), idOod, idAdv, oodAdv, proxyIdOod, proxyIdAdv, bound,
                        timings);
            } finally {
                loss.restore();
            }
        } finally {
            if (prompts != null) {
                for (int i = 0; i < promptGrad.size(); i++) {
                    prompts.arrays().get(i).setRequiresGradient(promptGrad.get(i));
                }
            }
        }
    }

    /** The head's weights copied without any gradient attached, so no probe touches the caller's arrays. */
    private static ZeroShotHead frozenCopy(ZeroShotHead head, NDManager scope) {
        NDArray w = scope.create(head.weights().toFloatArray(), head.weights().getShape());
        return new ZeroShotHead(w, head.scale(), head.classNames());
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
