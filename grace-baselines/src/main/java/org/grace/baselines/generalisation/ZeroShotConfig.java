package org.grace.baselines.generalisation;

import org.grace.model.method.MethodSettings;

import java.util.Set;

/** The zero-shot baseline has no hyperparameters: its settings must be the empty object. */
public record ZeroShotConfig() {

    /** Fails naming any key, since none is known. */
    public static ZeroShotConfig from(MethodSettings settings) {
        settings.requireOnly(Set.of());
        return new ZeroShotConfig();
    }
}
