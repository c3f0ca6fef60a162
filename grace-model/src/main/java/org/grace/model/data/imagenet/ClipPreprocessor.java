package org.grace.model.data.imagenet;

/**
 * CLIP's image preprocessing up to (not including) normalisation: OpenAI's
 * {@code Resize(S, BICUBIC) → CenterCrop(S) → convert("RGB") → ToTensor()}, equal to HF's
 * {@code CLIPImageProcessor} without its normalisation (which the model applies itself, DESIGN §7).
 *
 * <p>Rules (reference/clip.md §4): the shorter side becomes {@code S} and the longer
 * {@code floor(S·long/short)} (torchvision's truncation); resampling is {@link PilBicubic}, whose
 * output is 8-bit (rounded and clamped to {@code 0..255}, as PIL's); the centre crop starts at
 * {@code top = rint((H - S)/2)}, {@code left = rint((W - S)/2)} (Python's round-half-to-even, hence
 * {@link Math#rint}); values are divided by 255 into float32 CHW. An image whose shorter side
 * already is {@code S} is not resampled (PIL returns a copy). Only the pixels inside the crop
 * are computed ({@link PilBicubic#resizeCrop}), which gives the same values as resizing the whole
 * image first.
 */
public final class ClipPreprocessor {

    private final int size;

    /** @param size output side {@code S} (224 for ViT-B/32) */
    public ClipPreprocessor(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("preprocessing size must be >= 1, got " + size);
        }
        this.size = size;
    }

    /** Output side. */
    public int size() {
        return size;
    }

    /** {@code {width, height}} after the shortest-side resize of a {@code width × height} image. */
    public int[] resizedSize(int width, int height) {
        if (width <= height) {
            return new int[] {size, (int) ((double) size * height / width)};
        }
        return new int[] {(int) ((double) size * width / height), size};
    }

    /** Shortest-side resize then centre crop, as 8-bit RGB. */
    public RgbImage resizeAndCrop(RgbImage image) {
        int[] target = resizedSize(image.width(), image.height());
        int top = (int) Math.rint((target[1] - size) / 2.0);
        int left = (int) Math.rint((target[0] - size) / 2.0);
        return PilBicubic.resizeCrop(image, target[0], target[1], left, top, size, size);
    }

    /** The model input: float32 CHW in {@code [0,1]}. */
    public float[] apply(RgbImage image) {
        RgbImage cropped = resizeAndCrop(image);
        int plane = size * size;
        float[] chw = new float[3 * plane];
        int[] data = cropped.data();
        for (int p = 0; p < plane; p++) {
            chw[p] = data[p * 3] / 255f;
            chw[plane + p] = data[p * 3 + 1] / 255f;
            chw[2 * plane + p] = data[p * 3 + 2] / 255f;
        }
        return chw;
    }
}
