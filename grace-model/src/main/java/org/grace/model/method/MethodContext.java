package org.grace.model.method;

import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.ClassTexts;
import org.grace.model.data.ImageDataset;
import org.grace.model.text.Tokenizer;
import org.grace.model.zeroshot.ZeroShotHead;

import java.util.Objects;

/**
 * What a finetuning method works with. The {@link #model()} starts as the pretrained θ₀ and is
 * what gets trained and deployed; {@link #reference()} is a frozen copy of θ₀ (never trained) for
 * methods anchored to it; {@link #head()} is the zero-shot head built from the ID class names ×
 * templates with θ₀, which methods may train (HEAD group) or keep frozen.
 *
 * @param model the model being finetuned
 * @param reference frozen θ₀, same architecture
 * @param head the zero-shot head over the ID classes
 * @param tokenizer the model's tokenizer (for text-side methods such as FLYP)
 * @param idTexts ID class names and templates
 * @param train ID training split
 * @param heldOut ID held-out split (e.g. TPGM's projection radii are trained on it, never on test)
 * @param steps optimiser steps of the run
 * @param batchSize images per step
 * @param seed seed of the run (adapters, attacks, data order)
 * @param manager manager owning method state that lives for the whole run
 */
public record MethodContext(ClipModel model, ClipModel reference, ZeroShotHead head, Tokenizer tokenizer,
                            ClassTexts idTexts, ImageDataset train, ImageDataset heldOut, int steps, int batchSize,
                            long seed, NDManager manager) {

    /** Validates the budget and that nothing is missing. */
    public MethodContext {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(idTexts, "idTexts");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(heldOut, "heldOut");
        Objects.requireNonNull(manager, "manager");
        if (steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("a run needs steps ≥ 1 and batch ≥ 1, got " + steps + " and " + batchSize);
        }
    }
}
