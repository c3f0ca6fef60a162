package org.grace.model.adapters;

/**
 * Visual prompt tuning (Jia et al., ECCV 2022, arXiv:2203.12119): {@code tokens} learnable prompt
 * tokens inserted in the vision tower right after the class token, once after the positional
 * embedding (shallow) or, when {@code deep}, replaced by a fresh set at the input of every block.
 *
 * @param tokens number of prompt tokens per layer, at least 1
 * @param deep whether every block gets its own prompts (VPT-deep) or only the input (VPT-shallow)
 */
public record VisualPromptConfig(int tokens, boolean deep) {

    /** Validates the token count. */
    public VisualPromptConfig {
        if (tokens < 1) {
            throw new IllegalArgumentException("VPT tokens must be at least 1, was " + tokens);
        }
    }
}
