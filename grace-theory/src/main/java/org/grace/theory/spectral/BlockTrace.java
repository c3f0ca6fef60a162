package org.grace.theory.spectral;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-block curvature: the trace of each diagonal block tr(A_bb) of a Hessian, one block per adapted
 * layer, to set beside the perturbation ranks LAR-AWP allocates by curvature.
 *
 * <p>Each block is estimated by Hutchinson with probes supported only on that block (so the
 * cross-block entries add no variance) and its own probe stream (seed + block index); the block
 * traces sum to tr(A). Cost: the probes of all blocks together. This is the exact-Hessian
 * counterpart of the paper's first-order proxy h_W ≈ n_v g_W ⊙ g_W (a Gauss–Newton-like diagonal).
 */
public final class BlockTrace {

    private final HutchinsonConfig config;

    public BlockTrace(HutchinsonConfig config) {
        this.config = config;
    }

    /** tr(A_bb) for every block of {@code layout}, in layout order. */
    public Map<String, TraceEstimate> estimate(SymmetricOperator op, BlockLayout layout) {
        if (layout.dimension() != op.dimension()) {
            throw new IllegalArgumentException("block layout covers " + layout.dimension()
                    + " coordinates but the operator has dimension " + op.dimension());
        }
        Map<String, TraceEstimate> out = new LinkedHashMap<>();
        int index = 0;
        for (BlockLayout.Block block : layout.blocks()) {
            HutchinsonConfig blockConfig = new HutchinsonConfig(config.minSamples(), config.maxSamples(),
                    config.relativeStandardError(), config.absoluteStandardError(), config.seed() + index);
            out.put(block.name(), new HutchinsonTrace(blockConfig).estimate(op, block.offset(), block.length()));
            index++;
        }
        return out;
    }
}
