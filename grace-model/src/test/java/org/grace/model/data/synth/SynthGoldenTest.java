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
                "0b009f1a6125e6604e5041173fa114c1021afd0091f5e5fe8981ab83b0160e8c");
        GOLDEN.put("synth-id-val",
                "3d80f2eabe7cb285faf81d0155499a736f974bf707ea20ff942b42f98e6d3c01");
        GOLDEN.put("synth-id-test",
                "8e6e9385359f78cf0791626163757366ce3bd37fb378701758bf2a4ecd5f32df");
        GOLDEN.put("synth-v2",
                "cc75860545c9f1c7367b848d5341522e3b3327b06cb391363fcdda257b143106");
        GOLDEN.put("synth-sketch",
                "1a0107d249a94b3655e60cbc46167b26b668598df9dec5ca208bfa10aa2a8505");
        GOLDEN.put("synth-r",
                "d92089664b28ef70964eba7e83f96fcbe989c3dee04e3318ad1c96bef7a5f4e6");
        GOLDEN.put("synth-a",
                "33f733e4617d7d13e4451bdc45b8ed932acaac572663e195ca932478c1edee91");
        GOLDEN.put("synth-a-plus",
                "f233636997d259407f2a4468dda1163d5473431731418e0060de13bd04ad3221");
        GOLDEN.put("synth-transfer-colour",
                "5e9fe81db8a65d97ba39c558cfe1bc222b2dc0b7d0ed26a474efc9bd85419f75");
        GOLDEN.put("synth-transfer-texture",
                "5ff9a78813daa2795091d2f93e4580b41476479799a36286e1156c8930767b08");
        GOLDEN.put("synth-transfer-count",
                "03350f16d25cdcc0c309fe97cda98471e21aa5a1c4b4b1f535dc7764ae8c79be");
        GOLDEN.put("synth-transfer-position",
                "5cdd876129f0072e618931612ad569bcae874c9d50ef5eed0550a12492afa1f6");
        GOLDEN.put("synth-transfer-size",
                "ade918e51e58d4f4c3714242ee7e2030006f406935719223090898d67cedc415");
        GOLDEN.put("synth-transfer-background",
                "f417b894bc31a7ccaa22727065f857f158a5a64887ad792f34225d6f16d74b91");
        GOLDEN.put("synth-transfer-held-out-shapes",
                "478878f32dfa99d42c6934551a3e9e00a64349b0030fc6e196106d11b734ef6d");
        GOLDEN.put("synth-transfer-orientation",
                "a940ca50a0942983b4d3211b26a74d0e779766a972800049aa6a504a3c600e0b");
        GOLDEN.put("synth-captions",
                "e8efb5b9ed7adefde280adca5e29a62cd2db8ec749ba43ee17f6b26895616e36");
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
        assertArrayEquals(new int[] {0, 2, 4, 5, 7, 8, 9, 10}, a, actual);
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
