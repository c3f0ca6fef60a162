package org.grace.model.train;

import java.util.Map;

/**
 * State a method keeps outside the trained arrays (for example GRACE's curvature averages and
 * allocated ranks) that a checkpoint must carry for resume to reproduce an uninterrupted run.
 * Saved as string pairs in the checkpoint's metadata (doubles via {@code Double.toString}, which
 * round-trips exactly).
 */
public interface ExtraState {

    /** No extra state. */
    ExtraState NONE = new ExtraState() {
        @Override
        public Map<String, String> save() {
            return Map.of();
        }

        @Override
        public void restore(Map<String, String> saved) {
        }
    };

    /** The state after the step just completed. */
    Map<String, String> save();

    /** Puts back state saved by {@link #save()} (called once, before the first resumed step). */
    void restore(Map<String, String> saved);
}
