package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The arrays a training run updates, by name, in a fixed order (base parameters in model order,
 * then LoRA factors, prompts, head), selected by {@link ParameterGroup}s.
 *
 * <p>{@link #select} makes exactly the selected arrays require gradients and freezes every other
 * array of the model (base parameters, LoRA factors, prompts) and of the head, so a backward pass
 * computes gradients only for what the optimiser updates (as {@code requires_grad_(False)} on the
 * rest does in PyTorch finetuning scripts).
 */
public final class TrainableParameters {

    private final Map<String, NDArray> arrays;
    private final Set<ParameterGroup> groups;

    private TrainableParameters(Map<String, NDArray> arrays, Set<ParameterGroup> groups) {
        this.arrays = Collections.unmodifiableMap(arrays);
        this.groups = Collections.unmodifiableSet(groups);
    }

    /**
     * Selects the arrays of {@code groups} and sets {@code requiresGradient} accordingly.
     *
     * @param head the zero-shot head, or null when there is none (then HEAD may not be selected)
     * @throws IllegalArgumentException if no group is given, or a group has nothing to train (LORA
     *     without {@link ClipModel#applyLora}, PROMPTS without prompts, HEAD without a head)
     */
    public static TrainableParameters select(ClipModel model, ZeroShotHead head, Set<ParameterGroup> groups) {
        Objects.requireNonNull(model, "model");
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("select at least one parameter group of " + EnumSet.allOf(ParameterGroup.class));
        }
        Set<ParameterGroup> chosen = EnumSet.copyOf(groups);
        Map<String, NDArray> lora = model.loraParameters();
        Map<String, NDArray> prompts = model.promptParameters();
        if (chosen.contains(ParameterGroup.LORA) && lora.isEmpty()) {
            throw new IllegalArgumentException("parameter group LORA selected but the model has no LoRA adapters; call applyLora first");
        }
        if (chosen.contains(ParameterGroup.PROMPTS) && prompts.isEmpty()) {
            throw new IllegalArgumentException("parameter group PROMPTS selected but the model has no visual prompts; call applyVisualPrompts first");
        }
        if (chosen.contains(ParameterGroup.HEAD) && head == null) {
            throw new IllegalArgumentException("parameter group HEAD selected but no zero-shot head was given");
        }
        Map<String, NDArray> selected = new LinkedHashMap<>();
        model.setTrainableBase(name -> chosen.stream().anyMatch(g -> g.containsBase(name)));
        model.parameters().forEach((name, array) -> {
            if (array.hasGradient()) {
                selected.put(name, array);
            }
        });
        boolean trainLora = chosen.contains(ParameterGroup.LORA);
        lora.forEach((name, array) -> {
            array.setRequiresGradient(trainLora);
            if (trainLora) {
                selected.put(name, array);
            }
        });
        boolean trainPrompts = chosen.contains(ParameterGroup.PROMPTS);
        prompts.forEach((name, array) -> {
            array.setRequiresGradient(trainPrompts);
            if (trainPrompts) {
                selected.put(name, array);
            }
        });
        if (head != null) {
            boolean trainHead = chosen.contains(ParameterGroup.HEAD);
            head.weights().setRequiresGradient(trainHead);
            if (trainHead) {
                selected.put(ParameterGroup.HEAD_NAME, head.weights());
            }
        }
        return new TrainableParameters(selected, chosen);
    }

    /** Trainable arrays by name, in a fixed order; the arrays are the model's own (updates are in place). */
    public Map<String, NDArray> arrays() {
        return arrays;
    }

    /** The groups this selection was made from. */
    public Set<ParameterGroup> groups() {
        return groups;
    }

    /** Number of scalar values trained. */
    public long scalarCount() {
        return arrays.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /** {@code name[d0,d1,…]} for every array, in order: what a checkpoint must match. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        arrays.forEach((name, a) -> s.append(s.length() == 0 ? "" : ";").append(name).append(a.getShape()));
        return s.toString();
    }
}
