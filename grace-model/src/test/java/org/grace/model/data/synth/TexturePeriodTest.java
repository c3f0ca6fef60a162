package org.grace.model.data.synth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Textures have a fixed period of {@link ObjectPainter#TEXTURE_PERIOD} output pixels whatever the
 * object's size: stripes and checks change every half period. Read along the middle row of an
 * axis-aligned square drawn flat (cartoon style) at the centre of a 32×32 image, whose local origin
 * is pixel boundary 16.
 */
class TexturePeriodTest {

    private static final SceneRenderer RENDERER = new SceneRenderer(32, 3);

    @Test
    void stripesAlternateEveryHalfPeriodForLargeAndMediumObjects() {
        // Bands are centred on the origin: [-2, 2) px is one band, [2, 6) and [-6, -2) the other.
        String expected = "AAAABBBBAAAA";
        for (double radius : new double[] {0.44, 0.3}) {
            assertArrayEquals(expected.toCharArray(), pattern(Texture.STRIPED, radius, 10, 22),
                    "striped square of radius " + radius);
        }
    }

    @Test
    void checksAlternateEveryHalfPeriodAlongARow() {
        // Cells start at the origin: [12, 16), [16, 20), [20, 24) px alternate.
        assertArrayEquals("AAAABBBBAAAA".toCharArray(), pattern(Texture.CHECKERED, 0.44, 12, 24));
    }

    /** Pixels {@code from..to-1} of row 16, labelled A where they match pixel {@code from}, else B. */
    private static char[] pattern(Texture texture, double radius, int from, int to) {
        SceneObject square = new SceneObject(Shape.SQUARE, 0.5, 0.5, radius, 0.0, Colour.RED, texture, true);
        Scene scene = new Scene(Style.CARTOON, Background.WHITE, List.of(square), 1, 0, Optional.empty(), 0.0,
                Optional.empty(), Optional.empty(), Optional.empty());
        float[] image = RENDERER.render(scene, 1L);
        int row = 16 * 32;
        float first = image[32 * 32 + row + from];
        char[] labels = new char[to - from];
        for (int x = from; x < to; x++) {
            // Green channel: 0.12 for red fill, about 0.69 for its lighter second colour.
            labels[x - from] = Math.abs(image[32 * 32 + row + x] - first) < 0.1f ? 'A' : 'B';
        }
        return labels;
    }
}
