package org.grace.model.data.synth;

import java.util.SplittableRandom;

/**
 * How a split turns a source index into a labelled scene: the label is a function of the index
 * alone (so class balance is fixed by construction), the scene is drawn from the image's own
 * random stream.
 */
interface SceneSource {

    /** Label of source index {@code index}. */
    int label(int index);

    /** The scene of source index {@code index}, drawn from {@code rnd}. */
    Scene scene(int index, SplittableRandom rnd);
}
