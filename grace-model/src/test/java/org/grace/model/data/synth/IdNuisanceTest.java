package org.grace.model.data.synth;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdNuisanceTest {

    private static final int N = 60;
    private final SynthWorld world = SmallWorld.world();
    private final SynthSplit id = world.idTest();

    @Test
    void noAblationReproducesTheIdTestImages() {
        SynthSplit none = world.idTestAblated(IdNuisance.NONE);
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(id.image(i), none.image(i), "image " + i);
            assertEquals(id.label(i), none.label(i));
        }
    }

    @Test
    void eachAblationFixesItsNuisanceAndKeepsTheRest() {
        for (IdNuisance n : IdNuisance.values()) {
            SynthSplit ablated = world.idTestAblated(n);
            assertEquals("synth-id-test-" + n.id(), ablated.name());
            for (int i = 0; i < N; i++) {
                Scene before = id.scene(i);
                Scene after = ablated.scene(i);
                SceneObject b = before.subject();
                SceneObject a = after.subject();
                String at = n + " image " + i;
                assertEquals(id.label(i), ablated.label(i), at);
                assertEquals(b.shape(), a.shape(), at);
                assertEquals(b.colour(), a.colour(), at);
                assertEquals(before.style(), after.style(), at);
                boolean all = n == IdNuisance.ALL;
                assertEquals(n == IdNuisance.NO_CLUTTER || all ? 0 : before.clutter(), after.clutter(), at);
                assertEquals(n == IdNuisance.PLAIN_TEXTURE || all ? Texture.PLAIN : b.texture(), a.texture(), at);
                assertEquals(n == IdNuisance.FIXED_SIZE || all ? IdNuisance.FIXED_RADIUS : b.radius(), a.radius(), at);
                assertEquals(n == IdNuisance.CENTRED || all ? 0.5 : b.cx(), a.cx(), at);
                assertEquals(n == IdNuisance.CENTRED || all ? 0.5 : b.cy(), a.cy(), at);
                assertEquals(n == IdNuisance.UPRIGHT || all ? 0.0 : b.rotation(), a.rotation(), at);
                if (n == IdNuisance.WHITE_BACKGROUND || all) {
                    assertEquals(Background.WHITE, after.background(), at);
                } else if (n == IdNuisance.UNCORRELATED_BACKGROUND) {
                    assertTrue(Set.of(Background.WHITE, Background.GRASS, Background.SKY, Background.SAND)
                            .contains(after.background()), at);
                } else {
                    assertEquals(before.background(), after.background(), at);
                }
            }
        }
    }

    @Test
    void uncorrelatedBackgroundsSpreadEveryClassOverTheIdBackgrounds() {
        SynthSplit ablated = world.idTestAblated(IdNuisance.UNCORRELATED_BACKGROUND);
        int usual = 0;
        for (int i = 0; i < ablated.size(); i++) {
            Background expected = new Background[] {Background.WHITE, Background.GRASS, Background.SKY,
                Background.SAND}[ablated.label(i) % 4];
            usual += ablated.scene(i).background() == expected ? 1 : 0;
        }
        double share = (double) usual / ablated.size();
        assertTrue(share > 0.15 && share < 0.35, "share of class-usual backgrounds " + share + " should be near 1/4");
    }

    @Test
    void corpusPhotosAreSingleObjectPhotosOfTheLabelledIdShape() {
        SynthSplit probe = world.corpusPhotosOfIdShapes(80);
        Shape[] shapes = SceneSampler.idShapes();
        assertEquals(80, probe.size());
        for (int i = 0; i < probe.size(); i++) {
            Scene s = probe.scene(i);
            assertEquals(Style.PHOTO, s.style(), "probe " + i);
            assertEquals(1, s.objects().size(), "probe " + i);
            assertEquals(shapes[probe.label(i)], s.subjectShape(), "probe " + i);
            assertTrue(s.direction().isEmpty(), "probe " + i);
        }
    }
}
