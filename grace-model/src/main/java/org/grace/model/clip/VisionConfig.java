package org.grace.model.clip;

/**
 * Shape of CLIP's vision transformer (OpenAI {@code clip/model.py} {@code VisionTransformer}).
 *
 * <p>An image of {@code imageSize}² pixels is cut into {@code (imageSize/patchSize)²} patches by a
 * bias-free convolution of kernel and stride {@code patchSize}; a class token is prepended, so the
 * sequence has {@code grid² + 1} tokens of {@code width} channels, processed by {@code layers}
 * pre-LN residual blocks with {@code heads} attention heads and an MLP of {@code 4·width}.
 *
 * @param imageSize side of the square input image in pixels
 * @param patchSize side of one square patch; must divide {@code imageSize}
 * @param width token width (embedding dimension inside the tower)
 * @param layers number of residual attention blocks
 * @param heads attention heads; must divide {@code width}
 */
public record VisionConfig(int imageSize, int patchSize, int width, int layers, int heads) {

    /** Validates every field, naming the one at fault. */
    public VisionConfig {
        ConfigChecks.positive("vision.imageSize", imageSize);
        ConfigChecks.positive("vision.patchSize", patchSize);
        ConfigChecks.positive("vision.width", width);
        ConfigChecks.positive("vision.layers", layers);
        ConfigChecks.positive("vision.heads", heads);
        if (imageSize % patchSize != 0) {
            throw new IllegalArgumentException("vision.patchSize " + patchSize
                    + " must divide vision.imageSize " + imageSize);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("vision.heads " + heads + " must divide vision.width " + width);
        }
    }

    /** Patches per image side. */
    public int gridSize() {
        return imageSize / patchSize;
    }

    /** Sequence length: one class token plus one token per patch. */
    public int tokens() {
        return gridSize() * gridSize() + 1;
    }

    /** Hidden width of each block's MLP (CLIP uses 4·width). */
    public int mlpWidth() {
        return 4 * width;
    }
}
