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
                "56532532fd406c773089bfd56225f073469db501d34e5c42263193a1a2dc68bf");
        GOLDEN.put("synth-id-val",
                "debb9649d1d3c156ae3ec6c5c3e3af56b33a6a88e41da6019544bf735ab38aa4");
        GOLDEN.put("synth-id-test",
                "0e04d99592c6bf2cda73ae53529b7a7c570632529ac7cb696e0dc99b9cc91121");
        GOLDEN.put("synth-v2",
                "1814c2fbbb6956e1c89d138e090708530001de1b265561fefc3b6e9f8aadbd60");
        GOLDEN.put("synth-sketch",
                "1a0107d249a94b3655e60cbc46167b26b668598df9dec5ca208bfa10aa2a8505");
        GOLDEN.put("synth-r",
                "ef395487f8ab5c0c40a332f6038d937843c007341f2fcf22d3085c022b29966e");
        GOLDEN.put("synth-a",
                "930a26a5347804672ecfb7080ac39f305f78226b1451057baed8fff785dcb6f4");
        GOLDEN.put("synth-a-plus",
                "930a26a5347804672ecfb7080ac39f305f78226b1451057baed8fff785dcb6f4");
        GOLDEN.put("synth-transfer-colour",
                "d9cf9f37c432324d775dfd22b1dfc533ce30e0e57f4aafbac0faa534c338bc10");
        GOLDEN.put("synth-transfer-texture",
                "af83c6740fde90ef6455beacb75589fbd089ca2306255f0e06f38dc966836cb5");
        GOLDEN.put("synth-transfer-count",
                "be650295efee6b08d55487b1e2ddf22d248e520e5addb4dfba5591dea3a9de63");
        GOLDEN.put("synth-transfer-position",
                "397dfbb3545916a915a53ddee00874301d8c992a033294dae498ba505bd9e052");
        GOLDEN.put("synth-transfer-size",
                "94a70263cc4ff276af4d92988ff2fe85eb155f892d83aaa0d09db99834ed528d");
        GOLDEN.put("synth-transfer-background",
                "3b4c0fd54e499a249ed19fc5bd7f0646dcac1777c77c8212583af5a5e7e8dd5a");
        GOLDEN.put("synth-transfer-held-out-shapes",
                "e29e6e9f2f06c4be3e78001ad3d87963ebbe4f74ef260b2fd2c46b6c8ba242b4");
        GOLDEN.put("synth-transfer-orientation",
                "710b155315f98007db7cf437cf2fd7fc65b99c19a340ec90fbd163f909487d30");
        GOLDEN.put("synth-captions",
                "c4dab9cedf5e0d3668f6687918ae8598305da6f4f928709f94fe0e965ed3b029");
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
        assertArrayEquals(new int[] {0, 1, 2, 5, 7, 8, 9, 11}, plus, actual);
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
