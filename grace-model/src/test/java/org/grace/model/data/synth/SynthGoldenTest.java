package org.grace.model.data.synth;

import org.grace.model.data.ImageDataset;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the world bit for bit: a SHA-256 over images 0, 1 and 2 of every split (and of the caption
 * corpus). Generation uses only integer hashing, SplittableRandom and StrictMath, so these hashes
 * must hold on every platform; a change to the renderer or the samplers must update them on
 * purpose.
 */
class SynthGoldenTest {

    private static final Map<String, String> GOLDEN = new LinkedHashMap<>();

    static {
        GOLDEN.put("synth-id-train",
                "95f25c166a451fc995667653e010fb45a073cce653635f1667a8bf911e5661cd");
        GOLDEN.put("synth-id-val",
                "22b990b9df9f5272be51e6e8cb55690b64ba300231a3a71cbfb5c960bb46c1c9");
        GOLDEN.put("synth-id-test",
                "3ff134bddaa84bca450bece97cf81cd114b1bb6feaf77082d9fbe89e724bee36");
        GOLDEN.put("synth-v2",
                "ee4cdd4d4752fbd876176005b3085504c68c12722ed42ba9c405e8e8c62802a9");
        GOLDEN.put("synth-sketch",
                "42cd0c1a59a7f0e0757735ad49d912ff3579d528bb34641e1360b92e9f525f1c");
        GOLDEN.put("synth-r",
                "cbb345a6e4f3e7e6926a818dcf2095c437129284594085932e8fb5cfe0bb0878");
        GOLDEN.put("synth-a",
                "6ca20857b05f48fbf271c34475cdb55deed57a2bb3ffa6c0d2d1dcfa5223d419");
        GOLDEN.put("synth-a-plus",
                "e9aeba746df5f74db2971874542e619ba3405c8b58cbf0c83531e7297eb2dd86");
        GOLDEN.put("synth-transfer-colour",
                "4afc771c350504eace358b1d5b5b0f74a502daeaf9b98bd838e2f0e556a1b963");
        GOLDEN.put("synth-transfer-texture",
                "af83c6740fde90ef6455beacb75589fbd089ca2306255f0e06f38dc966836cb5");
        GOLDEN.put("synth-transfer-count",
                "73d2de3016acde467b6af8eca3540e84b3200aeffd5a3fef42ba944de0bfad66");
        GOLDEN.put("synth-transfer-position",
                "397dfbb3545916a915a53ddee00874301d8c992a033294dae498ba505bd9e052");
        GOLDEN.put("synth-transfer-size",
                "a940a31ec5272e99d10bab1388b38f83e72becc7df7e3c51be4527f372c3e008");
        GOLDEN.put("synth-transfer-background",
                "acec6c38974f864a5a06c8d853826051d3c9a568d4783c5b7b0516e828fca5e8");
        GOLDEN.put("synth-transfer-held-out-shapes",
                "d5664c6ae79e2ca3f272812f57d4a13c46a64bc2298a3d64c8084cf46ca342d0");
        GOLDEN.put("synth-transfer-orientation",
                "710b155315f98007db7cf437cf2fd7fc65b99c19a340ec90fbd163f909487d30");
        GOLDEN.put("synth-captions",
                "3658a07e6cebe42221278d4957d7c45a6e292fdc1d64be5a2053e5d0e2c2ed8d");
    }

    @Test
    void firstImagesOfEverySplitHaveThePinnedHashes() {
        SynthWorld world = SmallWorld.world();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, ImageDataset> split : world.labelledSplits().entrySet()) {
            ImageDataset d = split.getValue();
            actual.put(split.getKey(), Hashes.sha256(d.image(0), d.image(1), d.image(2)));
        }
        CaptionCorpus captions = world.captions();
        actual.put("synth-captions", Hashes.sha256(captions.image(0), captions.image(1), captions.image(2)));
        StringBuilder report = new StringBuilder();
        actual.forEach((k, v) -> report.append("GOLDEN.put(\"").append(k).append("\", \"").append(v).append("\");\n"));
        assertEquals(GOLDEN, actual, "actual hashes:\n" + report);
    }

    @Test
    void filtrationKeepsThePinnedCandidates() {
        SynthWorld.Filtered filtered = SmallWorld.world().filtered();
        int[] a = Arrays.copyOf(filtered.adversarial().accepted(), 8);
        int[] plus = Arrays.copyOf(filtered.adversarialPlus().accepted(), 8);
        String actual = "A " + Arrays.toString(a) + ", A-Plus " + Arrays.toString(plus);
        assertArrayEquals(new int[] {0, 1, 2, 4, 5, 6, 7, 8}, a, actual);
        assertArrayEquals(new int[] {0, 2, 5, 7, 8, 9, 10, 11}, plus, actual);
    }

    @Test
    void twoWorldsWithTheSameConfigAgreeAndParallelGenerationChangesNothing() {
        ImageDataset a = new SynthWorld(SmallWorld.CONFIG).v2();
        ImageDataset b = new SynthWorld(SmallWorld.CONFIG).v2();
        String[] sequential = IntStream.range(0, 40).mapToObj(i -> Hashes.sha256(a.image(i))).toArray(String[]::new);
        String[] parallel = IntStream.range(0, 40).parallel().mapToObj(i -> Hashes.sha256(b.image(i)))
                .toArray(String[]::new);
        assertArrayEquals(sequential, parallel);
    }

    @Test
    void differentSeedsGiveDifferentWorlds() {
        SynthWorldConfig other = SynthWorldConfig.defaults(8L).withSizes(SmallWorld.CONFIG.sizes());
        assertNotEqualsHash(SmallWorld.world().idTrain(), new SynthWorld(other).idTrain());
    }

    private static void assertNotEqualsHash(ImageDataset a, ImageDataset b) {
        org.junit.jupiter.api.Assertions.assertNotEquals(Hashes.sha256(a.image(0)), Hashes.sha256(b.image(0)));
    }
}
