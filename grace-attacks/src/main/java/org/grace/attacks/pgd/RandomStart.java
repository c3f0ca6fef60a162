package org.grace.attacks.pgd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.grace.attacks.BallProjection;
import org.grace.attacks.Norm;
import org.grace.attacks.SampleStreams;

/**
 * PGD's random start, drawn from per-sample streams: ℓ∞ δ ~ U(-ε, ε)^d (Madry et al.; torchattacks
 * {@code pgd.py}); ℓ2 δ = ε·r·g/||g||_2 with g ~ N(0, I), r ~ U(0,1) (torchattacks {@code pgdl2.py}).
 * The start is projected onto the ball and [0,1].
 */
final class RandomStart {

    private RandomStart() {}

    static NDArray draw(Norm norm, NDArray x, double eps, long seed, long[] ids, long stream) {
        Shape perSample = x.getShape().slice(1);
        NDArray delta;
        if (norm == Norm.LINF) {
            delta = SampleStreams.noise(x.getManager(), SampleStreams.Noise.UNIFORM_SIGNED, seed, ids,
                    2 * stream, perSample).mul((float) eps);
        } else {
            NDArray g = SampleStreams.noise(x.getManager(), SampleStreams.Noise.GAUSSIAN, seed, ids,
                    2 * stream, perSample);
            NDArray radius = SampleStreams.noise(x.getManager(), SampleStreams.Noise.UNIFORM, seed,
                    ids, 2 * stream + 1, new Shape(1, 1, 1));
            delta = BallProjection.unitL2(g).mul(radius).mul((float) eps);
        }
        return BallProjection.project(norm, x.add(delta), x, eps);
    }
}
