package org.grace.theory.spectral;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a flat parameter vector splits into named contiguous blocks (one per tensor or per layer),
 * in order: block i covers [offset_i, offset_i + length_i) and the blocks tile [0, N).
 */
public final class BlockLayout {

    /** One named block. */
    public record Block(String name, int offset, int length) {
    }

    private final List<Block> blocks;
    private final int dimension;

    private BlockLayout(List<Block> blocks, int dimension) {
        this.blocks = List.copyOf(blocks);
        this.dimension = dimension;
    }

    /** Builds the layout from block names and sizes, in order; names must be distinct, sizes positive. */
    public static BlockLayout of(List<String> names, List<Integer> sizes) {
        if (names.isEmpty() || names.size() != sizes.size()) {
            throw new IllegalArgumentException("need one size per block name, got " + names.size() + " names and "
                    + sizes.size() + " sizes");
        }
        List<Block> blocks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long offset = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int size = sizes.get(i);
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate block name '" + name + "'");
            }
            if (size <= 0) {
                throw new IllegalArgumentException("block '" + name + "' has size " + size + ", expected > 0");
            }
            blocks.add(new Block(name, (int) offset, size));
            offset += size;
            if (offset > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("total block size exceeds 2^31 − 1 at block '" + name + "'");
            }
        }
        return new BlockLayout(blocks, (int) offset);
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** N, the sum of the block sizes. */
    public int dimension() {
        return dimension;
    }
}
