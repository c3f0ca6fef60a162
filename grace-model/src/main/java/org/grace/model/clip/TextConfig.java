package org.grace.model.clip;

/**
 * Shape of CLIP's text transformer (OpenAI {@code clip/model.py} {@code CLIP.encode_text}).
 *
 * <p>Token ids (at most {@code contextLength} per row, vocabulary {@code vocabSize}) are embedded,
 * a learned positional embedding is added, {@code layers} causal pre-LN blocks with {@code heads}
 * heads and an MLP of {@code 4·width} follow, then a final LayerNorm and pooling at the end token.
 *
 * @param width token width
 * @param layers number of residual attention blocks
 * @param heads attention heads; must divide {@code width}
 * @param contextLength tokens per text row (77 for OpenAI CLIP)
 * @param vocabSize number of token ids (49,408 for OpenAI CLIP)
 */
public record TextConfig(int width, int layers, int heads, int contextLength, int vocabSize) {

    /** Validates every field, naming the one at fault. */
    public TextConfig {
        ConfigChecks.positive("text.width", width);
        ConfigChecks.positive("text.layers", layers);
        ConfigChecks.positive("text.heads", heads);
        ConfigChecks.positive("text.contextLength", contextLength);
        if (vocabSize < 3) {
            throw new IllegalArgumentException("text.vocabSize must be at least 3 (pad, start, end), was " + vocabSize);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("text.heads " + heads + " must divide text.width " + width);
        }
    }

    /** Hidden width of each block's MLP (CLIP uses 4·width). */
    public int mlpWidth() {
        return 4 * width;
    }
}
