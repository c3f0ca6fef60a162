package org.grace.model.pretrain;

import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.TextConfig;
import org.grace.model.clip.VisionConfig;
import org.grace.model.train.OptimizerConfig;
import org.grace.model.train.TrainingConfig;

import java.nio.file.Path;

/**
 * Settings of the tiny-CLIP contrastive pretraining on the embedded world's caption corpus.
 *
 * @param worldSeed seed of the procedural world (images and captions)
 * @param seed seed of initialisation and data order
 * @param steps optimiser steps
 * @param batchSize image–caption pairs per step (the contrastive batch)
 * @param learningRate AdamW peak learning rate
 * @param warmupSteps linear warmup steps before the cosine decay
 * @param weightDecay AdamW decoupled weight decay (open_clip default 0.2)
 * @param vision vision tower shape (image size must match the world's)
 * @param textWidth text tower width
 * @param textLayers text tower blocks
 * @param textHeads text tower heads
 * @param contextLength tokens per caption row
 * @param embedDim joint embedding size
 */
public record PretrainConfig(long worldSeed, long seed, int steps, int batchSize, double learningRate, int warmupSteps,
                             double weightDecay, VisionConfig vision, int textWidth, int textLayers, int textHeads,
                             int contextLength, int embedDim) {

    /** Validates the training fields (the towers validate themselves). */
    public PretrainConfig {
        if (steps < 1 || batchSize < 2) {
            throw new IllegalArgumentException("pretraining needs steps ≥ 1 and a batch of at least 2 pairs, got steps "
                    + steps + ", batch " + batchSize);
        }
        if (!(learningRate > 0) || warmupSteps < 0 || warmupSteps >= steps || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("invalid optimisation settings: lr " + learningRate + ", warmup "
                    + warmupSteps + ", weight decay " + weightDecay);
        }
    }

    /**
     * The embedded scale's default: a 4-block, width-64 ViT with 8×8 patches (a 4×4 grid) on 32×32 images, a
     * 2-block width-64 text tower, embeddings of 64, batch 128 for 15,000 steps (1.92M pairs, about
     * 38 passes over the 50k-caption corpus), AdamW 3e-3 with 200 warmup steps; 28 minutes on one
     * thread of a 2-core machine. At 6,000 steps zero-shot ID accuracy was 50% and texture and orientation transfer
     * failed; a third of the learning rate cost another 3–7 points (the checkpoint README's trials).
     */
    public static PretrainConfig defaults() {
        return new PretrainConfig(7, 11, 15000, 128, 3e-3, 200, 0.2, new VisionConfig(32, 8, 64, 4, 4), 64, 2, 4, 20, 64);
    }

    /** The model shape for a tokenizer with {@code vocabSize} ids. */
    public ClipConfig modelConfig(int vocabSize) {
        return ClipConfig.tiny(vision, new TextConfig(textWidth, textLayers, textHeads, contextLength, vocabSize), embedDim);
    }

    /**
     * The optimisation both the pretraining and the ID-only control run with: AdamW (β₂ = 0.98,
     * ε = 1e-6, decoupled weight decay, as CLIP's paper), linear warmup then cosine decay, gradient
     * clipping at norm 1, sixteen checkpoints over the run (two kept), seeded data order.
     */
    public TrainingConfig training(Path workFolder) {
        return TrainingConfig.builder(steps, learningRate, workFolder)
                .warmupSteps(warmupSteps)
                .optimizer(OptimizerConfig.adamW(weightDecay, 0.9, 0.98, 1e-6))
                .maxGradNorm(1.0)
                .checkpointEvery(Math.max(1, steps / 16))
                .keepCheckpoints(2)
                .seed(seed)
                .build();
    }

    /** The same settings with another step count and batch (for quick runs and tests). */
    public PretrainConfig withBudget(int newSteps, int newBatchSize, int newWarmup) {
        return new PretrainConfig(worldSeed, seed, newSteps, newBatchSize, learningRate, newWarmup, weightDecay, vision,
                textWidth, textLayers, textHeads, contextLength, embedDim);
    }
}
