package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * GRACE's Gram-volume alignment loss (term C): for each sample the 3×3 Gram matrix of three feature
 * vectors, {@code G_i = [f_a·f_b]_{a,b} + εI}, and the volume {@code sqrt|det G_i|} of the
 * parallelepiped they span; the loss is its batch mean.
 *
 * <p>Source: the paper's method section ({@code L_GV = sqrt|det(G_i)|} over the L2-normalised clean,
 * adversarial and AWP-perturbed image features, "including εI for stability"), and GRAM
 * (ispamm/GRAM {@code utils/volume.py}), which computes {@code sqrt(|det G|)}.
 *
 * <p>Computation: {@code sqrt det G} is the product of the Gram–Schmidt residual norms
 * {@code ‖a‖·‖b⊥a‖·‖c⊥(a,b)‖}, and {@code G + εI} is the Gram matrix of the rows augmented with
 * {@code √ε} in a private extra coordinate each. This stays accurate in float32 where the cofactor
 * expansion of {@code det G} does not: for nearly collinear unit vectors its terms are ≈ 1 and
 * cancel to rounding noise (≈1e-7 in det, so ≈3e-4 in the volume). DJL's PyTorch {@code toType}
 * cuts the autograd graph, so computing in float64 is not an option.
 *
 * <p>Choices the paper leaves open: {@link #loss} normalises the features first (so the loss cannot
 * be lowered by shrinking norms); ε defaults to {@link #DEFAULT_EPSILON}. With ε > 0 every residual
 * norm is at least of order √ε, so the loss has a finite gradient everywhere, including at
 * collinear features.
 */
public final class GramVolume {

    private static final float TINY = 1e-30f;

    /** Default ε added to the diagonal: the volume floor is then about √3·ε² ≈ 1.7e-8 for unit vectors. */
    public static final double DEFAULT_EPSILON = 1e-4;

    private GramVolume() {
    }

    /**
     * Per-sample volumes {@code sqrt|det(G_i + εI)|} of raw (not normalised) features.
     *
     * @param a features [B, D]
     * @param b features [B, D]
     * @param c features [B, D]
     * @param epsilon non-negative diagonal stabiliser
     * @return [B] volumes, float32
     */
    public static NDArray volumes(NDArray a, NDArray b, NDArray c, double epsilon) {
        if (!a.getShape().equals(b.getShape()) || !a.getShape().equals(c.getShape()) || a.getShape().dimension() != 2) {
            throw new IllegalArgumentException("Gram volume needs three [B,D] feature arrays of one shape, got "
                    + a.getShape() + ", " + b.getShape() + ", " + c.getShape());
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Gram volume epsilon must be finite and non-negative, was " + epsilon);
        }
        NDManager m = a.getManager();
        long rows = a.getShape().get(0);
        float root = (float) Math.sqrt(epsilon);
        NDArray x = augment(a, m, rows, root, 0);
        NDArray y = augment(b, m, rows, root, 1);
        NDArray z = augment(c, m, rows, root, 2);
        NDArray nx = x.norm(new int[] {1}, true);
        NDArray ux = x.div(nx.add(TINY));
        NDArray ry = y.sub(ux.mul(dot(y, ux)));
        NDArray ny = ry.norm(new int[] {1}, true);
        NDArray uy = ry.div(ny.add(TINY));
        NDArray rz = z.sub(ux.mul(dot(z, ux)));
        rz = rz.sub(uy.mul(dot(rz, uy)));
        NDArray nz = rz.norm(new int[] {1}, true);
        return nx.mul(ny).mul(nz).reshape(rows);
    }

    /** [f | √ε·e_k]: the Gram matrix of three augmented rows is G + εI exactly. */
    private static NDArray augment(NDArray f, NDManager m, long rows, float root, int k) {
        float[] extra = new float[(int) rows * 3];
        for (int i = 0; i < rows; i++) {
            extra[i * 3 + k] = root;
        }
        return f.concat(m.create(extra, new Shape(rows, 3)), 1);
    }

    /**
     * The loss: mean over the batch of the volume spanned by the L2-normalised clean, adversarial
     * and weight-perturbed features.
     */
    public static NDArray loss(NDArray clean, NDArray adversarial, NDArray perturbed, double epsilon) {
        return volumes(normalize(clean), normalize(adversarial), normalize(perturbed), epsilon).mean();
    }

    private static NDArray dot(NDArray p, NDArray q) {
        return p.mul(q).sum(new int[] {1}, true);
    }

    private static NDArray normalize(NDArray f) {
        return f.div(f.norm(new int[] {1}, true));
    }
}
