package org.grace.model.data.imagenet;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic test images shared by the reader and preprocessing tests. */
final class TestImages {

    private TestImages() {
    }

    /**
     * The pattern the Pillow goldens were computed on: R = (37x + 91y) mod 256,
     * G = (13x² + 7y + 50) mod 256, B = 255 on a checker of 3×2 cells, else 0.
     */
    static RgbImage pattern(int w, int h) {
        int[] data = new int[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * 3;
                data[p] = (x * 37 + y * 91) % 256;
                data[p + 1] = (x * x * 13 + y * 7 + 50) % 256;
                data[p + 2] = (x / 3 + y / 2) % 2 == 1 ? 255 : 0;
            }
        }
        return new RgbImage(w, h, data);
    }

    static BufferedImage toBuffered(RgbImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                out.setRGB(x, y, image.get(x, y, 0) << 16 | image.get(x, y, 1) << 8 | image.get(x, y, 2));
            }
        }
        return out;
    }

    static String sha256(int[] bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
