package org.grace.model.data.imagenet;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Golden values computed with Pillow 12.3 ({@code Image.resize(size, Image.BICUBIC)} and the
 * torchvision crop rule) on {@link TestImages#pattern}; the Java pipeline must match them exactly.
 */
class ClipPreprocessorTest {

    @Test
    void bicubicDownscaleMatchesPillowExactly() {
        RgbImage out = PilBicubic.resize(TestImages.pattern(17, 11), 6, 4);
        int[] pillow = {98, 86, 92, 135, 92, 156, 112, 104, 100, 120, 95, 152, 133, 135, 107, 105, 107, 139, 119, 104,
            125, 109, 110, 130, 130, 122, 126, 115, 113, 129, 123, 153, 126, 128, 125, 128, 135, 124, 149, 120, 130, 110,
            111, 142, 144, 128, 133, 113, 116, 174, 140, 120, 145, 120, 147, 142, 98, 141, 148, 151, 114, 160, 105, 116,
            156, 148, 123, 138, 111, 121, 147, 137};
        assertArrayEquals(pillow, out.data());
    }

    @Test
    void bicubicUpscaleMatchesPillowExactly() {
        RgbImage out = PilBicubic.resize(TestImages.pattern(4, 3), 9, 7);
        assertEquals("553f2630b58cc8de453150fa191c6e63f4e518adf63f6503d64fa0637f2c6ec3", TestImages.sha256(out.data()));
    }

    @Test
    void landscapeImageIsResizedOnItsShortSideAndCroppedInTheMiddle() {
        ClipPreprocessor pre = new ClipPreprocessor(8);
        assertArrayEquals(new int[] {10, 8}, pre.resizedSize(40, 30));
        RgbImage out = pre.resizeAndCrop(TestImages.pattern(40, 30));
        assertEquals("540603297979e3513350571ecff9c9c281908f74cfc5c51bd17d3c6af829ca2c", TestImages.sha256(out.data()));
        assertArrayEquals(new int[] {124, 97, 128, 119, 109, 131, 123, 129, 124, 128, 163, 128},
                Arrays.copyOf(out.data(), 12));
    }

    @Test
    void cropOffsetRoundsHalfToEvenLikePython() {
        // 5x9 -> 12x21; (21-12)/2 = 4.5 rounds to 4 (Python round), not 5 (Math.round).
        ClipPreprocessor pre = new ClipPreprocessor(12);
        assertArrayEquals(new int[] {12, 21}, pre.resizedSize(5, 9));
        RgbImage out = pre.resizeAndCrop(TestImages.pattern(5, 9));
        assertEquals("789a6fdae885101c33f497e686543375567e0bc0b8cdbbedb37b91947b33bb23", TestImages.sha256(out.data()));
    }

    @Test
    void clipSizeOnAPhotoSizedImageMatchesPillow() {
        ClipPreprocessor pre = new ClipPreprocessor(224);
        assertArrayEquals(new int[] {336, 224}, pre.resizedSize(300, 200));
        RgbImage out = pre.resizeAndCrop(TestImages.pattern(300, 200));
        assertEquals("ef7a838cfcd80541442cc9ab9a9e2da35d3edd90f7c8f75d26c71de831c8ddbf", TestImages.sha256(out.data()));
    }

    @Test
    void longSideIsTruncatedNotRounded() {
        // 224 * 333 / 500 = 149.184 -> 149 ; 224 * 500 / 333 = 336.336... -> 336 ; 224*3/2 = 336 exactly
        ClipPreprocessor pre = new ClipPreprocessor(224);
        assertArrayEquals(new int[] {224, 336}, pre.resizedSize(333, 500));
        assertArrayEquals(new int[] {336, 224}, pre.resizedSize(500, 333));
        assertArrayEquals(new int[] {231, 224}, pre.resizedSize(499, 483));
    }

    @Test
    void outputIsChwDividedBy255() {
        ClipPreprocessor pre = new ClipPreprocessor(8);
        RgbImage cropped = pre.resizeAndCrop(TestImages.pattern(40, 30));
        float[] chw = pre.apply(TestImages.pattern(40, 30));
        assertEquals(3 * 64, chw.length);
        assertEquals(cropped.get(3, 2, 0) / 255f, chw[2 * 8 + 3]);
        assertEquals(cropped.get(3, 2, 1) / 255f, chw[64 + 2 * 8 + 3]);
        assertEquals(cropped.get(3, 2, 2) / 255f, chw[128 + 2 * 8 + 3]);
    }

    @Test
    void resizingToTheSameSizeIsTheIdentity() {
        RgbImage image = TestImages.pattern(13, 9);
        assertArrayEquals(image.data(), PilBicubic.resize(image, 13, 9).data());
    }

    @Test
    void resizingOnlyTheCropWindowEqualsCroppingTheFullResize() {
        qt().forAll(integers().between(1, 30), integers().between(1, 30), integers().between(1, 40),
                integers().between(1, 40)).checkAssert((w, h, ow, oh) -> {
                    RgbImage image = TestImages.pattern(w, h);
                    RgbImage full = PilBicubic.resize(image, ow, oh);
                    int cw = Math.max(1, ow / 2);
                    int ch = Math.max(1, (oh * 2) / 3);
                    int left = (ow - cw) / 3;
                    int top = oh - ch;
                    RgbImage window = PilBicubic.resizeCrop(image, ow, oh, left, top, cw, ch);
                    for (int y = 0; y < ch; y++) {
                        for (int x = 0; x < cw; x++) {
                            for (int c = 0; c < 3; c++) {
                                assertEquals(full.get(left + x, top + y, c), window.get(x, y, c));
                            }
                        }
                    }
                });
    }

    @Test
    void constantImagesStayConstantUnderAnyResize() {
        qt().forAll(integers().between(1, 40), integers().between(1, 40), integers().between(1, 40),
                integers().between(0, 255)).checkAssert((w, h, out, level) -> {
                    int[] data = new int[w * h * 3];
                    Arrays.fill(data, level);
                    RgbImage resized = PilBicubic.resize(new RgbImage(w, h, data), out, Math.max(1, out / 2));
                    for (int v : resized.data()) {
                        assertEquals(level, v);
                    }
                });
    }
}
