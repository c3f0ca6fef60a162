package org.grace.model.train;

/**
 * A named set of arrays a method may train, as the paper's baselines differ by what they update
 * (DESIGN.md §5): the whole model (FT, WiSE-FT, TPGM, FLYP, TeCoA, FARE), the image tower only
 * (image-side robust finetuning), LoRA factors (LoRA-FT, GRACE), VPT prompts (VPT-PMG-AFT), or the
 * zero-shot classification head.
 *
 * <p>Names are those of {@link org.grace.model.clip.ClipModel}: HF names for base parameters, PEFT
 * names for LoRA factors, {@code vision_model.prompts.<i>} for prompts, and {@link #HEAD_NAME} for
 * the head's {@code [E,C]} weights.
 */
public enum ParameterGroup {
    /** Every base parameter of both towers, both projections and {@code logit_scale}. */
    FULL,
    /** {@code vision_model.*} and {@code visual_projection.weight}. */
    IMAGE_TOWER,
    /** Every LoRA factor ({@code <module>.lora_A.weight}, {@code <module>.lora_B.weight}). */
    LORA,
    /** Every VPT prompt array. */
    PROMPTS,
    /** The zero-shot head's class-embedding matrix. */
    HEAD;

    /** Name under which the zero-shot head's weights are trained and checkpointed. */
    public static final String HEAD_NAME = "zero_shot_head.weights";

    /** Whether the base parameter {@code name} belongs to this group (always false for LORA, PROMPTS, HEAD). */
    public boolean containsBase(String name) {
        return switch (this) {
            case FULL -> true;
            case IMAGE_TOWER -> name.startsWith("vision_model.") || name.equals("visual_projection.weight");
            case LORA, PROMPTS, HEAD -> false;
        };
    }
}
