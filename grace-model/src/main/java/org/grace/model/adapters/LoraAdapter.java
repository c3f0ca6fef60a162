package org.grace.model.adapters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

import java.util.SplittableRandom;

/**
 * One LoRA branch: {@code y = (alpha/r) · x·Aᵀ·Bᵀ}, i.e. {@code ΔW = (alpha/r)·B·A}.
 *
 * <p>Initialisation as PEFT's {@code LoraLayer.reset_lora_parameters} (default "kaiming"):
 * {@code A} is Kaiming-uniform with {@code a = √5}, which is {@code U(−1/√in, 1/√in)}, and
 * {@code B} is zero, so a fresh adapter leaves the model's function unchanged. Random numbers come
 * from a {@link SplittableRandom} so that initialisation is identical on every platform.
 * No dropout: the robust-finetuning setups the paper compares use none.
 */
public final class LoraAdapter {

    private final NDArray a;
    private final NDArray b;
    private final int rank;
    private final float alpha;

    /**
     * Wraps existing factors.
     *
     * @param a down-projection [r, in]
     * @param b up-projection [out, r]
     */
    public LoraAdapter(NDArray a, NDArray b, float alpha) {
        Shape sa = a.getShape();
        Shape sb = b.getShape();
        if (sa.dimension() != 2 || sb.dimension() != 2 || sa.get(0) != sb.get(1)) {
            throw new IllegalArgumentException("LoRA factors must be A [r,in] and B [out,r], got A " + sa + ", B " + sb);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("LoRA alpha must be positive, was " + alpha);
        }
        this.a = a;
        this.b = b;
        this.rank = (int) sa.get(0);
        this.alpha = alpha;
    }

    /** A fresh adapter for a layer [out,in]: A Kaiming-uniform, B zero, both requiring gradients. */
    public static LoraAdapter initialise(NDManager manager, int in, int out, int rank, float alpha, SplittableRandom rng) {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be at least 1, was " + rank);
        }
        float bound = (float) (1.0 / Math.sqrt(in));
        float[] values = new float[rank * in];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        NDArray a = manager.create(values, new Shape(rank, in));
        NDArray b = manager.zeros(new Shape(out, rank));
        a.setRequiresGradient(true);
        b.setRequiresGradient(true);
        return new LoraAdapter(a, b, alpha);
    }

    /** The branch's contribution for input x [..., in]: scaling · x Aᵀ Bᵀ. */
    public NDArray apply(NDArray x) {
        NDArray down = Linear.linear(x, a).singletonOrThrow();
        // A scalar NDArray kept in the batch's manager, not a Number: DJL closes the scalar it makes for a
        // Number right after the op, and autograd would read its freed buffer in backward (see DjlScalarLifetimeTest).
        return Linear.linear(down, b).singletonOrThrow().muli(x.getManager().create(scaling()));
    }

    /** ΔW = scaling · B·A, shape [out,in], created in the given manager. */
    public NDArray delta(NDManager manager) {
        NDArray d = b.matMul(a).muli(manager.create(scaling()));
        d.attach(manager);
        return d;
    }

    /** alpha / r. */
    public float scaling() {
        return alpha / rank;
    }

    public NDArray a() {
        return a;
    }

    public NDArray b() {
        return b;
    }

    public int rank() {
        return rank;
    }

    public float alpha() {
        return alpha;
    }
}
