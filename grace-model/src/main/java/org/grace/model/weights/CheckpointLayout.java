package org.grace.model.weights;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two naming schemes CLIP weights come in (see {@code reference/clip.md} §2):
 * Hugging Face {@code CLIPModel} ({@code vision_model.encoder.layers.N.self_attn.q_proj.weight}, …),
 * which is also this suite's internal scheme, and OpenAI's state dict
 * ({@code visual.transformer.resblocks.N.attn.in_proj_weight}, …).
 */
public enum CheckpointLayout {
    HF,
    OPENAI;

    /**
     * Detects the layout from tensor names.
     *
     * @throws IllegalArgumentException naming the file and showing some of its names when neither
     *     layout's marker tensor is present
     */
    public static CheckpointLayout detect(Path file, Collection<String> names) {
        if (names.contains("vision_model.embeddings.patch_embedding.weight")) {
            return HF;
        }
        if (names.contains("visual.conv1.weight")) {
            return OPENAI;
        }
        List<String> some = names.stream().sorted().limit(8).collect(Collectors.toList());
        throw new IllegalArgumentException(file + ": not a CLIP checkpoint in HF layout (no "
                + "vision_model.embeddings.patch_embedding.weight) nor OpenAI layout (no visual.conv1.weight); "
                + names.size() + " tensors, e.g. " + some);
    }
}
