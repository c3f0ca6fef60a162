package org.grace.model.data.synth;

/** A world small enough for unit tests: 1000 ID training images, short splits, fast filtration. */
final class SmallWorld {

    static final SynthWorldConfig CONFIG = SynthWorldConfig.defaults(7L)
            .withSizes(new SplitSizes(1000, 50, 200, 200, 100, 120, 40, 24, 60, 500));

    private SmallWorld() {
    }

    static SynthWorld world() {
        return new SynthWorld(CONFIG);
    }
}
