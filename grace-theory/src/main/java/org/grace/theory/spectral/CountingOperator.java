package org.grace.theory.spectral;

/**
 * Wraps an operator and counts its products, so a report can state how many Hessian-vector products
 * each estimate cost.
 */
public final class CountingOperator implements SymmetricOperator {

    private final SymmetricOperator inner;
    private long products;

    public CountingOperator(SymmetricOperator inner) {
        this.inner = inner;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public double[] apply(double[] v) {
        products++;
        return inner.apply(v);
    }

    /** Products computed so far. */
    public long products() {
        return products;
    }
}
