package org.grace.attacks.autoattack;

import java.util.List;
import java.util.Locale;
import org.grace.attacks.Attack;
import org.grace.attacks.Norm;
import org.grace.attacks.apgd.Apgd;
import org.grace.attacks.apgd.ApgdConfig;
import org.grace.attacks.apgd.ApgdTargeted;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.loss.DlrLoss;
import org.grace.attacks.loss.TargetedDlrLoss;

/**
 * AutoAttack's attacks by name, with the settings auto-attack's {@code set_version} gives them
 * (attacks.md §1.6): 100 iterations everywhere; APGD-CE/DLR 1 restart in standard and rand, 5 in
 * plus and custom (5 for APGD-CE in standard ℓ1); APGD-T 1 restart × 9 targets (5 targets in
 * standard ℓ1); rand adds 20 EOT passes to APGD.
 */
public final class AttackCatalog {

    /** Every name {@link #create} knows. */
    public static final List<String> NAMES = List.of("apgd-ce", "apgd-dlr", "apgd-t");

    private AttackCatalog() {}

    /** The attack called {@code name} as {@code version} configures it. */
    public static Attack create(String name, AutoAttackVersion version, Norm norm, double eps, long seed) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        boolean l1Standard = version == AutoAttackVersion.STANDARD && norm == Norm.L1;
        switch (key) {
            case "apgd-ce":
            case "apgd-dlr": {
                int restarts = version == AutoAttackVersion.PLUS || version == AutoAttackVersion.CUSTOM
                        || l1Standard ? 5 : 1;
                ApgdConfig config = ApgdConfig.of(norm, eps,
                        key.equals("apgd-ce") ? new CrossEntropyLoss() : new DlrLoss(), restarts, seed);
                if (version == AutoAttackVersion.RAND) {
                    config = config.withEotIterations(20);
                }
                return new Apgd(config);
            }
            case "apgd-t": {
                ApgdConfig config = ApgdConfig.of(norm, eps, new TargetedDlrLoss(), 1, seed)
                        .withTargetClasses(l1Standard ? 5 : 9);
                return new ApgdTargeted(config);
            }
            default:
                throw new IllegalArgumentException("unknown attack '" + name + "'; expected one of "
                        + NAMES);
        }
    }
}
