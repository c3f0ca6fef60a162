package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.baselines.common.WeightSnapshot;
import org.grace.baselines.common.ZeroShotCrossEntropy;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.Tower;
import org.grace.model.method.NamedMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainingConfig;
import org.grace.model.zeroshot.ZeroShotHead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SPD, end-to-end finetuning with AdamSPD (Tian, Huang &amp; Kira, "Rethinking Weight Decay for
 * Robust Fine-Tuning of Foundation Models", NeurIPS 2024; {@code GT-RIPL/Selective-Projection-Decay}
 * {@code adamSPD.py}, full-FT usage with {@code 'pre': deepcopy(params)}): the objective and the
 * trained arrays of {@link FullFinetuning} (image tower + head from the zero-shot head), Adam
 * without decoupled decay, and after each step the selective projection of
 * {@link SelectiveProjectionDecay} toward θ₀ (the pretrained image tower; the zero-shot head for
 * the head, UNVERIFIED whether the paper anchors the head) on the tensors whose condition
 * c = −g_tᵀ(θ_{t−1} − θ₀) is negative.
 *
 * <p>How it runs inside the shared loop: the loop's AdamW (weight decay 0) gives θ̃; the projection
 * of step t is applied at the start of step t+1's {@link #loss} and the last one in
 * {@link #finish} ({@link SpdCorrector}); the raw gradient g_t (before the loop's clipping, which
 * only rescales it and so never changes the sign of c) is read through zero-valued probes
 * ({@link GradientProbe}, and a zero array added to the head weights). The probes cost one extra
 * array per watched weight and an extra low-rank-style branch in each vision linear layer during
 * training (roughly doubling those layers' matmul work); they are removed after every forward pass.
 *
 * <p>Departures: (1) only tensors whose raw gradient the probes can read are projected: the 2-D
 * weights of every linear layer of the vision tower (attention q/k/v/out and MLP fc1/fc2, almost all
 * of its parameters) and the head; biases, layer norms, the patch/class/position embeddings and
 * {@code visual_projection} are updated by plain Adam without decay (AdamSPD would decay them too).
 * A loop hook after backward (or a pluggable optimiser) would let every tensor be covered.
 * (2) A run resumed from a checkpoint skips the projection pending at the checkpoint. (3) The
 * embedded defaults ({@code spd.json}: lr 1e-4, λ = 1, 5% warmup, clip 1.0) are our choice; the
 * paper's CLIP/ImageNet λ and lr are UNVERIFIED (suggested grid λ ∈ {0.1, 0.5, 1, 2}); λ = 1
 * projects a selected tensor back to its previous distance from θ₀.
 */
public final class Spd extends NamedMethod {

    /** Registered name. */
    public static final String NAME = "spd";
    /** Defaults resource. */
    public static final String RESOURCE = "/org/grace/baselines/methods/spd.json";

    private final SpdConfig config;
    private List<GradientProbe> probes;
    private NDArray headProbe;
    private SpdCorrector corrector;

    private Spd(MethodSettings settings) {
        super(NAME, settings);
        this.config = SpdConfig.from(settings);
    }

    /** The method with these settings. */
    public static Spd create(MethodSettings settings) {
        return new Spd(settings);
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, Spd.class, RESOURCE);
    }

    public SpdConfig config() {
        return config;
    }

    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        NDManager manager = context.manager();
        probes = new ArrayList<>();
        List<DecayUnit> units = new ArrayList<>();
        for (AdaptedLinear layer : context.model().linears().values()) {
            if (layer.tower() == Tower.VISION) {
                GradientProbe probe = new GradientProbe(layer, manager);
                probes.add(probe);
                String name = layer.name() + ".weight";
                units.add(new AnchoredWeightUnit(name, layer.weight(), context.reference().parameters().get(name),
                        probe.array()));
            }
        }
        NDArray head = context.head().weights();
        headProbe = manager.zeros(head.getShape());
        headProbe.setRequiresGradient(true);
        units.add(new AnchoredWeightUnit(ParameterGroup.HEAD_NAME, head, WeightSnapshot.detachedCopy(head, manager),
                headProbe));
        corrector = new SpdCorrector(units, config.decay(), manager);
        return FullFinetuning.groups();
    }

    @Override
    public TrainingConfig training(MethodContext context, Path outputFolder) {
        return config.optimisation().trainingConfig(context, outputFolder);
    }

    @Override
    public StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels) {
        requirePrepared();
        corrector.correct();
        corrector.snapshot();
        NDArray features;
        probes.forEach(GradientProbe::install);
        try {
            features = context.model().encodeImage(images);
        } finally {
            probes.forEach(GradientProbe::remove);
        }
        ZeroShotHead head = context.head();
        return ZeroShotCrossEntropy.loss(features, head.weights().add(headProbe), head.scale(), labels);
    }

    /** Applies the projection of the last step. */
    @Override
    public void finish(MethodContext context) {
        requirePrepared();
        corrector.correct();
    }

    /** The tensors SPD watches (after {@link #prepare}). */
    SpdCorrector corrector() {
        requirePrepared();
        return corrector;
    }

    private void requirePrepared() {
        if (corrector == null) {
            throw new IllegalStateException("spd: prepare() has not run");
        }
    }
}
