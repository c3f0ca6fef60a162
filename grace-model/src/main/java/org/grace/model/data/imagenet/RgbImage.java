package org.grace.model.data.imagenet;

/**
 * An 8-bit RGB image, HWC interleaved: the value of channel {@code c} at {@code (x, y)} is
 * {@code data[(y*width + x)*3 + c]}, in {@code 0..255} (PIL mode "RGB").
 */
public record RgbImage(int width, int height, int[] data) {

    public RgbImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image must be at least 1x1, got " + width + "x" + height);
        }
        if (data.length != width * height * 3) {
            throw new IllegalArgumentException("RGB data has " + data.length + " values, expected " + width + "*"
                    + height + "*3");
        }
    }

    /** Channel {@code c} at {@code (x, y)}. */
    public int get(int x, int y, int c) {
        return data[(y * width + x) * 3 + c];
    }
}
