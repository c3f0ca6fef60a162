package org.grace.model.data.synth;

import org.grace.model.data.ClassTexts;
import org.grace.model.data.ImageDataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The embedded benchmark of DESIGN §4: a procedural image world mirroring ImageNet and its
 * variants, generated deterministically from {@link SynthWorldConfig#seed()}.
 *
 * <p>Splits: ID train/val/test (10 shape classes, photo style); V2, Sketch and R analogues; A and
 * A-Plus analogues built by adversarial filtration against fixed reference classifiers trained on
 * ID train; eight zero-shot transfer tasks; and the image–caption pretraining corpus. R, A and
 * A-Plus use class subsets of the ID classes and report them as {@link ImageDataset#classSubset()}
 * (labels index the subset), exactly as ImageNet-R/-A do with 200 of 1000 classes.
 *
 * <p>A and A-Plus: candidate {@code s} of the hard-candidate stream is kept for A if the first
 * reference model ({@link ReferenceFeatures#HOG_COLOUR}) misclassifies it (prediction masked to
 * the subset); for A-Plus if, in addition, that wrong prediction has probability at least
 * {@link ReferenceClassifierConfig#plusConfidence()} and the second model
 * ({@link ReferenceFeatures#PIXELS_EDGES}) is wrong too. Both splits read the same candidate
 * stream, so every A-Plus image also passes A's filter (A-Plus is a harder-filtered subset of the
 * same kind of images, as IN-A-Plus is of ImageNet-A). The reference models and accepted index
 * lists are computed once per config and kept in memory for the life of the JVM.
 */
public final class SynthWorld {

    static final int ID_TRAIN = 1;
    static final int ID_VAL = 2;
    static final int ID_TEST = 3;
    static final int V2 = 4;
    static final int SKETCH = 5;
    static final int RENDITION = 6;
    static final int HARD_CANDIDATES = 7;
    static final int CAPTIONS = 8;
    static final int CORPUS_PHOTO_PROBE = 30;

    private static final Map<SynthWorldConfig, Filtered> FILTERED = new ConcurrentHashMap<>();

    private final SynthWorldConfig config;
    private final SceneRenderer renderer;
    private final ClassTexts idTexts;

    public SynthWorld(SynthWorldConfig config) {
        this.config = config;
        this.renderer = new SceneRenderer(config.imageSize(), config.supersample());
        this.idTexts = SynthTexts.id();
    }

    public SynthWorldConfig config() {
        return config;
    }

    /** ID class names and templates ("a photo of a {}.", "a sketch of a {}.", ...). */
    public ClassTexts idTexts() {
        return idTexts;
    }

    /** Class names and templates of a transfer task. */
    public ClassTexts transferTexts(TransferTask task) {
        return SynthTexts.transfer(task);
    }

    public SynthSplit idTrain() {
        return idSplit("synth-id-train", ID_TRAIN, config.sizes().idTrain());
    }

    public SynthSplit idVal() {
        return idSplit("synth-id-val", ID_VAL, config.sizes().idVal());
    }

    public SynthSplit idTest() {
        return idSplit("synth-id-test", ID_TEST, config.sizes().idTest());
    }

    /**
     * The ID test split with one nuisance neutralised ({@link IdNuisance}), paired image by image
     * with {@link #idTest()}; named {@code synth-id-test-<nuisance>}.
     */
    public SynthSplit idTestAblated(IdNuisance nuisance) {
        Shape[] shapes = SceneSampler.idShapes();
        int k = shapes.length;
        return new SynthSplit("synth-id-test-" + nuisance.id(), idTexts.classNames(), null, renderer, config.seed(),
                ID_TEST, null, config.sizes().idTest(),
                source(k, (s, rnd) -> nuisance.apply(SceneSampler.id(shapes[s % k], s % k, rnd), rnd)));
    }

    /**
     * Single-object photos of the ten ID shapes drawn from the pretraining corpus's broad
     * distribution, labelled by shape, {@code size} images on their own stream (30): what
     * pretraining shows next to the shape's name, to compare with the ID photos.
     */
    public SynthSplit corpusPhotosOfIdShapes(int size) {
        Shape[] shapes = SceneSampler.idShapes();
        int k = shapes.length;
        return new SynthSplit("synth-corpus-photos", idTexts.classNames(), null, renderer, config.seed(),
                CORPUS_PHOTO_PROBE, null, size, source(k, (s, rnd) -> SceneSampler.corpusPhoto(shapes[s % k], rnd)));
    }

    /** ImageNet-V2 analogue: photo style, fresh sample, shifted nuisances, all ten classes. */
    public SynthSplit v2() {
        Shape[] shapes = SceneSampler.idShapes();
        return new SynthSplit("synth-v2", idTexts.classNames(), null, renderer, config.seed(), V2, null,
                config.sizes().v2(), source(shapes.length, (s, rnd) -> SceneSampler.v2(shapes[s % shapes.length], rnd)));
    }

    /** ImageNet-Sketch analogue: greyscale outline sketches, all ten classes. */
    public SynthSplit sketch() {
        Shape[] shapes = SceneSampler.idShapes();
        int k = shapes.length;
        return new SynthSplit("synth-sketch", idTexts.classNames(), null, renderer, config.seed(), SKETCH, null,
                config.sizes().sketch(), source(k, (s, rnd) -> SceneSampler.sketch(shapes[s % k], s % k, rnd)));
    }

    /** ImageNet-R analogue: renditions of the classes in {@link SynthWorldConfig#renditionSubset()}. */
    public SynthSplit rendition() {
        int[] subset = toArray(config.renditionSubset());
        Shape[] shapes = SceneSampler.idShapes();
        return new SynthSplit("synth-r", names(subset), subset, renderer, config.seed(), RENDITION, null,
                config.sizes().rendition(),
                source(subset.length, (s, rnd) -> SceneSampler.rendition(shapes[subset[s % subset.length]], rnd)));
    }

    /** ImageNet-A analogue: hard candidates the first reference classifier misclassifies. */
    public SynthSplit adversarial() {
        return candidates("synth-a", filtered().adversarial.accepted());
    }

    /** A-Plus analogue: candidates both reference classifiers misclassify, the first confidently. */
    public SynthSplit adversarialPlus() {
        return candidates("synth-a-plus", filtered().adversarialPlus.accepted());
    }

    /** The filtration results (acceptance rates) behind {@link #adversarial()} and {@link #adversarialPlus()}. */
    public Filtered filtered() {
        return FILTERED.computeIfAbsent(config, c -> computeFiltered());
    }

    /** The unfiltered hard-candidate stream, {@code count} candidates long (for inspection and tests). */
    public SynthSplit hardCandidates(int count) {
        int[] subset = toArray(config.adversarialSubset());
        Shape[] shapes = SceneSampler.idShapes();
        return new SynthSplit("synth-a-candidates", names(subset), subset, renderer, config.seed(), HARD_CANDIDATES,
                null, count,
                source(subset.length, (s, rnd) -> SceneSampler.hardCandidate(shapes[subset[s % subset.length]], rnd)));
    }

    /** A zero-shot transfer task's split. */
    public SynthSplit transfer(TransferTask task) {
        ClassTexts texts = SynthTexts.transfer(task);
        int k = task.classCount();
        return new SynthSplit("synth-transfer-" + task.id(), texts.classNames(), null, renderer, config.seed(),
                task.stream(), null, config.sizes().transferPerTask(),
                source(k, (s, rnd) -> SceneSampler.transfer(task, s % k, rnd)));
    }

    /** The image–caption pretraining corpus. */
    public CaptionCorpus captions() {
        return new CaptionCorpus(renderer, config.seed(), CAPTIONS, config.sizes().captions());
    }

    /** Every labelled split, in report order: ID, OOD, natural-adversarial, transfer. */
    public Map<String, ImageDataset> labelledSplits() {
        Map<String, ImageDataset> splits = new LinkedHashMap<>();
        List<ImageDataset> all = new ArrayList<>(List.of(idTrain(), idVal(), idTest(), v2(), sketch(), rendition(),
                adversarial(), adversarialPlus()));
        for (TransferTask task : TransferTask.values()) {
            all.add(transfer(task));
        }
        for (ImageDataset split : all) {
            splits.put(split.name(), split);
        }
        return splits;
    }

    private SynthSplit idSplit(String name, int stream, int size) {
        Shape[] shapes = SceneSampler.idShapes();
        int k = shapes.length;
        return new SynthSplit(name, idTexts.classNames(), null, renderer, config.seed(), stream, null, size,
                source(k, (s, rnd) -> SceneSampler.id(shapes[s % k], s % k, rnd)));
    }

    private SynthSplit candidates(String name, int[] accepted) {
        SynthSplit stream = hardCandidates(Integer.MAX_VALUE);
        return new SynthSplit(name, stream.classNames(), stream.classSubset().orElseThrow(), renderer, config.seed(),
                HARD_CANDIDATES, accepted, accepted.length, stream.source());
    }

    private Filtered computeFiltered() {
        ReferenceClassifier first = ReferenceClassifier.train(ReferenceFeatures.HOG_COLOUR, idTrain(), config.reference());
        ReferenceClassifier second = ReferenceClassifier.train(ReferenceFeatures.PIXELS_EDGES, idTrain(),
                config.reference());
        SynthSplit stream = hardCandidates(Integer.MAX_VALUE);
        int[] subset = stream.classSubset().orElseThrow();
        int k = subset.length;
        double tau = config.reference().plusConfidence();
        long max = (long) config.maxCandidates() * Math.max(config.sizes().adversarial(), config.sizes().adversarialPlus());
        AdversarialFiltration a = AdversarialFiltration.run(config.sizes().adversarial(), k,
                s -> first.predict(stream.image(s), subset).label() != s % k, max, "synth-a");
        AdversarialFiltration plus = AdversarialFiltration.run(config.sizes().adversarialPlus(), k, s -> {
            float[] image = stream.image(s);
            ReferenceClassifier.Prediction p = first.predict(image, subset);
            return p.label() != s % k && p.confidence() >= tau && second.predict(image, subset).label() != s % k;
        }, max, "synth-a-plus");
        return new Filtered(first, second, a, plus);
    }

    private SceneSource source(int classes, BiFunction<Integer, SplittableRandom, Scene> f) {
        return new SceneSource() {
            @Override
            public int label(int index) {
                return index % classes;
            }

            @Override
            public Scene scene(int index, SplittableRandom rnd) {
                return f.apply(index, rnd);
            }
        };
    }

    private List<String> names(int[] subset) {
        List<String> names = new ArrayList<>();
        for (int c : subset) {
            names.add(idTexts.classNames().get(c));
        }
        return names;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The reference classifiers and the two filtrations of one world.
     *
     * @param first           reference model on HOG + colour features (A and A-Plus)
     * @param second          reference model on pixels + coarse edges (A-Plus)
     * @param adversarial     A's filtration
     * @param adversarialPlus A-Plus's filtration
     */
    public record Filtered(ReferenceClassifier first, ReferenceClassifier second, AdversarialFiltration adversarial,
                           AdversarialFiltration adversarialPlus) {
    }
}
