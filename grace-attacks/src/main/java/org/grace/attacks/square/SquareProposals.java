package org.grace.attacks.square;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.grace.attacks.BallProjection;
import org.grace.attacks.Norm;

/**
 * Square's random initialisation and per-iteration proposals (auto-attack {@code square.py}), with
 * every random choice drawn from the sample's own stream.
 *
 * <p>ℓ∞ start: x + ε·s with s ∈ {±1} per (channel, column) (vertical stripes). ℓ∞ proposal: one
 * s×s square at a random position whose pixels become x ± ε (a random sign per channel), clipped
 * to the ball and [0,1]. ℓ2 start: a 5×5 grid of ±η windows rescaled to norm ε. ℓ2 proposal: a
 * fresh ±η window plus the normalised old content at one random window, mass moved from a second
 * window (zeroed), rescaled to keep ||δ||_2 = ε. Positions are drawn as ⌊(h - s)·u⌋ like the reference.
 */
final class SquareProposals {

    private SquareProposals() {}

    private static float sign(SplittableRandom r) {
        return r.nextDouble() < 0.5 ? -1f : 1f;
    }

    private static int position(SplittableRandom r, int room) {
        return (int) (room * r.nextDouble());
    }

    static NDArray startLinf(NDArray x, double eps, SplittableRandom[] streams) {
        Shape shape = x.getShape();
        int n = streams.length;
        int c = (int) shape.get(1);
        int w = (int) shape.get(3);
        float[] stripes = new float[n * c * w];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c * w; k++) {
                stripes[i * c * w + k] = sign(streams[i]) * (float) eps;
            }
        }
        NDArray s = x.getManager().create(stripes, new Shape(n, c, 1, w));
        return x.add(s).clip(0f, 1f);
    }

    static NDArray proposeLinf(NDArray x, NDArray best, double eps, int side, SplittableRandom[] streams,
                               NDManager manager) {
        Shape shape = x.getShape();
        int n = streams.length;
        int c = (int) shape.get(1);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        float[] rows = new float[n * h];
        float[] cols = new float[n * w];
        float[] signs = new float[n * c];
        for (int i = 0; i < n; i++) {
            int vh = position(streams[i], h - side);
            int vw = position(streams[i], w - side);
            for (int k = 0; k < side; k++) {
                rows[i * h + vh + k] = 1f;
                cols[i * w + vw + k] = 1f;
            }
            for (int k = 0; k < c; k++) {
                signs[i * c + k] = sign(streams[i]);
            }
        }
        NDArray window = manager.create(rows, new Shape(n, 1, h, 1))
                .mul(manager.create(cols, new Shape(n, 1, 1, w)));
        NDArray push = window.mul(manager.create(signs, new Shape(n, c, 1, 1))).mul(2f * (float) eps);
        return BallProjection.project(Norm.LINF, best.add(push), x, eps);
    }

    static NDArray startL2(NDArray x, double eps, SplittableRandom[] streams) {
        Shape shape = x.getShape();
        int n = streams.length;
        int c = (int) shape.get(1);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        int s = Math.max(h / 5, 1);
        int start = (h - s * 5) / 2;
        float[] delta = new float[n * c * h * w];
        float[] eta = EtaWindow.of(s, false);
        for (int i = 0; i < n; i++) {
            for (int gh = 0; gh < h / s && start + gh * s + s <= h; gh++) {
                int vh = start + gh * s;
                for (int gw = 0; gw < w / s && start + gw * s + s <= w; gw++) {
                    int vw = start + gw * s;
                    for (int ch = 0; ch < c; ch++) {
                        float sg = sign(streams[i]);
                        for (int a = 0; a < s; a++) {
                            for (int b = 0; b < s; b++) {
                                delta[((i * c + ch) * h + vh + a) * w + vw + b] += sg * eta[a * s + b];
                            }
                        }
                    }
                }
            }
        }
        NDArray d = x.getManager().create(delta, shape);
        return x.add(BallProjection.unitL2(d).mul((float) eps)).clip(0f, 1f);
    }

    static NDArray proposeL2(NDArray x, NDArray best, double eps, int side, SplittableRandom[] streams,
                             NDManager manager) {
        Shape shape = x.getShape();
        int n = streams.length;
        int c = (int) shape.get(1);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        float[] mask1 = new float[n * h * w];
        float[] mask2 = new float[n * h * w];
        float[] placed = new float[n * h * w];
        float[] signs = new float[n * c];
        for (int i = 0; i < n; i++) {
            int vh = position(streams[i], h - side);
            int vw = position(streams[i], w - side);
            int vh2 = position(streams[i], h - side);
            int vw2 = position(streams[i], w - side);
            float[] eta = EtaWindow.of(side, streams[i].nextDouble() > 0.5);
            for (int k = 0; k < c; k++) {
                signs[i * c + k] = sign(streams[i]);
            }
            for (int a = 0; a < side; a++) {
                for (int b = 0; b < side; b++) {
                    mask1[(i * h + vh + a) * w + vw + b] = 1f;
                    mask2[(i * h + vh2 + a) * w + vw2 + b] = 1f;
                    placed[(i * h + vh + a) * w + vw + b] = eta[a * side + b];
                }
            }
        }
        Shape plane = new Shape(n, 1, h, w);
        NDArray m1 = manager.create(mask1, plane);
        NDArray m2 = manager.create(mask2, plane);
        NDArray delta = best.sub(x);
        NDArray inWindow = delta.mul(m1);
        NDArray windowNorm = inWindow.square().sum(new int[] {3}).sum(new int[] {2})
                .sqrt().reshape(n, c, 1, 1);
        NDArray imageNorm = column(Norm.L2.perSample(delta), n);
        NDArray windowsNorm = column(Norm.L2.perSample(delta.mul(m1.maximum(m2))), n);
        NDArray fresh = manager.create(placed, plane).mul(manager.create(signs, new Shape(n, c, 1, 1)))
                .add(inWindow.div(windowNorm.add(1e-12f)));
        NDArray freshNorm = fresh.square().sum(new int[] {3}).sum(new int[] {2}).sqrt().reshape(n, c, 1, 1);
        NDArray budget = imageNorm.square().neg().add((float) (eps * eps)).maximum(0f).div(c)
                .add(windowsNorm.square()).sqrt();
        NDArray window = fresh.div(freshNorm.add(1e-12f)).mul(budget);
        NDArray keep = m1.neg().add(1f).mul(m2.neg().add(1f));
        NDArray updated = delta.mul(keep).add(window.mul(m1));
        return x.add(BallProjection.unitL2(updated).mul((float) eps)).clip(0f, 1f);
    }

    private static NDArray column(NDArray perSample, int n) {
        return perSample.reshape(n, 1, 1, 1);
    }
}
