package org.grace.model.data.imagenet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {

    @TempDir
    Path dir;

    @Test
    void pngDecodesToTheExactRgbValues() throws Exception {
        Path file = Fixtures.image(dir.resolve("p.png"), 23, 17);
        RgbImage decoded = ImageDecoder.decode(file);
        assertArrayEquals(TestImages.pattern(23, 17).data(), decoded.data());
        assertArrayEquals(new int[] {23, 17}, ImageDecoder.probe(file));
    }

    @Test
    void greyscaleIsReplicatedIntoThreeChannelsWithoutGamma() throws Exception {
        BufferedImage grey = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                grey.getRaster().setSample(x, y, 0, x * 50 + y);
            }
        }
        Path file = dir.resolve("g.png");
        ImageIO.write(grey, "png", file.toFile());
        RgbImage decoded = ImageDecoder.decode(file);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(x * 50 + y, decoded.get(x, y, c));
                }
            }
        }
    }

    @Test
    void jpegDecodesCloseToItsSource() throws Exception {
        BufferedImage smooth = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                smooth.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 128);
            }
        }
        Path file = dir.resolve("s.jpg");
        ImageIO.write(smooth, "jpg", file.toFile());
        RgbImage decoded = ImageDecoder.decode(file);
        int worst = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int rgb = smooth.getRGB(x, y);
                worst = Math.max(worst, Math.abs(decoded.get(x, y, 0) - ((rgb >> 16) & 0xFF)));
                worst = Math.max(worst, Math.abs(decoded.get(x, y, 1) - ((rgb >> 8) & 0xFF)));
                worst = Math.max(worst, Math.abs(decoded.get(x, y, 2) - (rgb & 0xFF)));
            }
        }
        assertTrue(worst <= 12, "JPEG round trip error " + worst);
    }

    @Test
    void garbageIsAnIoErrorNamingTheFile() {
        Path file = Fixtures.garbage(dir.resolve("x.jpg"));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> ImageDecoder.decode(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
