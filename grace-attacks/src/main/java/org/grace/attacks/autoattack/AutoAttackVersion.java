package org.grace.attacks.autoattack;

import java.util.Locale;

/**
 * The attack lists of auto-attack's {@code set_version} ({@code autoattack.py}).
 * STANDARD: apgd-ce, apgd-t, fab-t, square; PLUS: apgd-ce, apgd-dlr, fab, square, apgd-t, fab-t;
 * RAND: apgd-ce, apgd-dlr with 20 EOT passes; CUSTOM: a user list with the constructor defaults.
 */
public enum AutoAttackVersion {
    STANDARD,
    PLUS,
    RAND,
    CUSTOM;

    /** Parses 'standard', 'plus', 'rand' or 'custom' (any case). */
    public static AutoAttackVersion parse(String name) {
        if (name != null) {
            switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "standard":
                    return STANDARD;
                case "plus":
                    return PLUS;
                case "rand":
                    return RAND;
                case "custom":
                    return CUSTOM;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown AutoAttack version '" + name
                + "'; expected standard, plus, rand or custom");
    }
}
