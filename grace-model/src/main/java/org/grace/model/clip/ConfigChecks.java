package org.grace.model.clip;

/** Shared argument checks for the configuration records; messages name the field at fault. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }
}
