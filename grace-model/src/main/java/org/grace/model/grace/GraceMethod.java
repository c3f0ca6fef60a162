package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.PerturbationBranch;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipModel;
import org.grace.model.method.NamedMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.OptimizerConfig;
import org.grace.model.train.ExtraState;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainingConfig;
import org.grace.model.zeroshot.ClipClassifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GRACE (Gram-aligned Robustness via Adaptive Curvature Estimation, CVPR 2026) and its Table 8
 * ablations: LoRA finetuning of the image tower with the frozen zero-shot head, minimising
 * <pre>  L = L_task + λ_LAR·L_LAR-AWP + λ_GV·L_GV</pre>
 * with, per batch (x, y):
 * <ol>
 *   <li>x_adv = training PGD on CE of the deployed classifier (head ∘ image tower) at θ, detached
 *       ({@link StepPgd}; ε = 4/255, 10 steps of 1/255 by default);</li>
 *   <li>every k steps: curvature of the perturbed layers and their ranks ({@link LarAwp});</li>
 *   <li>the low-rank weight perturbation δ of radius γ_t‖W_l‖ along the ascent direction of
 *       CE(x_adv) (or a random one for {@code grace-gv-only});</li>
 *   <li>L_task = CE(head(f_θ(x_adv)), y) (TeCoA; or clean CE), L_LAR-AWP = CE(head(f_{θ+δ}(x_adv)), y),
 *       L_GV = {@link GramVolume#loss}(f_θ(x), f_θ(x_adv), f_{θ+δ}(x_adv)).</li>
 * </ol>
 * The δ-pass is built with the perturbation installed and the perturbation is removed before
 * {@link #loss} returns; its factors are plain arrays captured by the graph, so backward gives the
 * LoRA gradient at θ + δ (AWP's "gradient at w + v, update w"). Inner gradients (PGD, curvature,
 * ascent) never reach the LoRA gradients ({@link InnerAutograd}).
 *
 * <p>Variants ({@code <name>.json} under {@code /org/grace/model/methods/}): {@link #NAME} full;
 * {@link #GV_ONLY} λ_LAR = 0 with a random (non-adversarial) δ for the Gram volume's third vertex;
 * {@link #AWP_NO_CURRICULUM} λ_GV = 0, uniform ranks; {@link #AWP_CURRICULUM} λ_GV = 0, curvature
 * ranks. Source: the paper's method and Loss &amp; Training sections (no code released); the
 * open choices and their defaults are documented on {@link GraceConfig}.
 */
public final class GraceMethod extends NamedMethod {

    /** Full GRACE. */
    public static final String NAME = "grace";
    /** LoRA + Gram volume, no adversarial weight perturbation (Table 8 "+ GV only"). */
    public static final String GV_ONLY = "grace-gv-only";
    /** LoRA + LAR-AWP with uniform ranks (Table 8 "+ LAR-AWP (No curr.)"). */
    public static final String AWP_NO_CURRICULUM = "grace-awp-nocurr";
    /** LoRA + LAR-AWP with the curvature curriculum (Table 8 "+ LAR-AWP (Curriculum)"). */
    public static final String AWP_CURRICULUM = "grace-awp-curr";
    /** Every name this class serves. */
    public static final List<String> NAMES = List.of(NAME, GV_ONLY, AWP_NO_CURRICULUM, AWP_CURRICULUM);

    private final GraceConfig config;
    private final StepPgd pgd;
    private final LarAwp awp;

    private GraceMethod(MethodSettings settings) {
        super(variant(settings), settings);
        this.config = GraceConfig.from(settings);
        this.pgd = new StepPgd(config.pgdEps(), config.pgdStepSize(), config.pgdSteps());
        this.awp = new LarAwp(config);
    }

    private static String variant(MethodSettings settings) {
        if (!NAMES.contains(settings.method())) {
            throw new IllegalArgumentException("GraceMethod serves " + NAMES + ", not '" + settings.method() + "'");
        }
        return settings.method();
    }

    /** The method for validated {@code settings}; their method name picks the variant. */
    public static GraceMethod create(MethodSettings settings) {
        return new GraceMethod(settings);
    }

    /** The shipped defaults of variant {@code name}. */
    public static MethodSettings defaults(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no GRACE variant '" + name + "'; known: " + NAMES);
        }
        return MethodSettings.resource(name, GraceMethod.class, "/org/grace/model/methods/" + name + ".json");
    }

    public GraceConfig config() {
        return config;
    }

    /** Current perturbation rank per layer (empty before the first step that perturbs). */
    public Map<String, Integer> ranks() {
        return awp.ranks();
    }

    /** Current curvature score per layer (empty unless the curriculum is tracked). */
    public Map<String, Double> curvature() {
        return awp.curvature();
    }

    /** LAR-AWP's curvature averages and ranks, carried by every checkpoint. */
    @Override
    public ExtraState extraState() {
        return new ExtraState() {
            @Override
            public Map<String, String> save() {
                return awp.saveState();
            }

            @Override
            public void restore(Map<String, String> saved) {
                awp.restoreState(saved);
            }
        };
    }

    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        context.model().applyLora(LoraConfig.uniform(Set.of(Tower.VISION), config.loraTargets(), config.loraRank(),
                (float) config.loraAlpha()), context.seed());
        return EnumSet.of(ParameterGroup.LORA);
    }

    @Override
    public TrainingConfig training(MethodContext context, Path outputFolder) {
        return TrainingConfig.builder(context.steps(), config.learningRate(), outputFolder)
                .warmupSteps((int) Math.floor(config.lrWarmupFraction() * context.steps()))
                .optimizer(OptimizerConfig.adamW(config.weightDecay()))
                .maxGradNorm(config.maxGradNorm())
                .seed(context.seed())
                .build();
    }

    @Override
    public StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels) {
        Adversary adversary = adversary(context, step, images, labels);
        Terms terms = objective(context, step.manager(), images, labels, adversary);
        return StepResult.of(terms.total(), labels.length, terms.accuracy());
    }

    /** What the inner maximisations produced: x_adv and δ (not installed), both constants. */
    record Adversary(NDArray images, Map<String, PerturbationBranch> perturbation) {
    }

    /** The loss and its parts (parts null when switched off), and the robust batch accuracy. */
    record Terms(NDArray total, NDArray task, NDArray lar, NDArray gv, double accuracy) {
    }

    /** Steps 1–3: adversarial images, curvature refresh, weight perturbation (returned, not installed). */
    Adversary adversary(MethodContext context, StepContext step, NDArray images, int[] labels) {
        NDManager m = step.manager();
        ClipClassifier classifier = new ClipClassifier(context.model(), context.head());
        List<NDArray> trainable = new ArrayList<>(context.model().loraParameters().values());
        NDArray adversarial = pgd.attack(classifier, images, labels, step.random(), trainable);
        if (!config.perturbs()) {
            return new Adversary(adversarial, Map.of());
        }
        List<AdaptedLinear> layers = perturbedLayers(context.model());
        double gamma = awp.radius(step.step(), step.totalSteps());
        if (config.tracksCurvature() && awp.refreshDue(step.step())) {
            awp.refreshCurvature(layers, classifier, config.curvatureOnAdversarial() ? adversarial : images, labels,
                    step.random(), trainable, m);
        }
        if (config.perturbation() == GraceConfig.Perturbation.ADVERSARIAL) {
            awp.perturbAdversarially(layers, classifier, adversarial, labels, gamma, step.random(), trainable, m);
        } else {
            awp.perturbRandomly(layers, gamma, step.random(), m);
        }
        return new Adversary(adversarial, LarAwp.detach(layers, m));
    }

    /** Steps 4–5: the differentiable objective for fixed x_adv and δ; leaves no perturbation installed. */
    Terms objective(MethodContext context, NDManager m, NDArray images, int[] labels, Adversary adversary) {
        ClipModel model = context.model();
        CrossEntropyLoss ce = new CrossEntropyLoss();
        NDArray featuresAdv = model.encodeImage(adversary.images());
        NDArray logitsAdv = context.head().logits(featuresAdv);
        boolean needClean = config.lambdaGv() > 0 || config.taskLoss() == GraceConfig.TaskLoss.CLEAN;
        NDArray featuresClean = needClean ? model.encodeImage(images) : null;
        NDArray taskLogits = config.taskLoss() == GraceConfig.TaskLoss.ADVERSARIAL ? logitsAdv
                : context.head().logits(featuresClean);
        NDArray task = ce.perSample(taskLogits, labels, null).mean();
        NDArray total = task;
        NDArray lar = null;
        NDArray gv = null;
        if (config.perturbs()) {
            List<AdaptedLinear> layers = perturbedLayers(model);
            NDArray featuresPerturbed;
            LarAwp.install(layers, adversary.perturbation());
            try {
                featuresPerturbed = model.encodeImage(adversary.images());
            } finally {
                LarAwp.detach(layers, m);
            }
            if (config.lambdaLar() > 0) {
                lar = ce.perSample(context.head().logits(featuresPerturbed), labels, null).mean();
                total = total.add(lar.mul(m.create((float) config.lambdaLar())));
            }
            if (config.lambdaGv() > 0) {
                gv = GramVolume.loss(featuresClean, featuresAdv, featuresPerturbed, config.gvEpsilon());
                total = total.add(gv.mul(m.create((float) config.lambdaGv())));
            }
        }
        return new Terms(total, task, lar, gv, accuracy(logitsAdv, labels));
    }

    /** The vision-tower layers that carry the perturbation branch, in model order. */
    List<AdaptedLinear> perturbedLayers(ClipModel model) {
        List<AdaptedLinear> out = new ArrayList<>();
        for (AdaptedLinear l : model.linears().values()) {
            if (l.tower() == Tower.VISION && config.awpTargets().contains(l.target())) {
                out.add(l);
            }
        }
        return out;
    }

    private static double accuracy(NDArray logits, int[] labels) {
        float[] z = logits.toFloatArray();
        int classes = z.length / labels.length;
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (z[i * classes + c] > z[i * classes + best]) {
                    best = c;
                }
            }
            correct += best == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }
}
