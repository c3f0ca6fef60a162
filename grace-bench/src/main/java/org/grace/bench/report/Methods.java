package org.grace.bench.report;

import java.util.List;
import java.util.Map;

/**
 * The methods the report knows, in report order, with the paper's row names, the camps and which
 * table shows which method (BENCH.md). A method outside this list still appears, after these.
 */
public final class Methods {

    /** Registry names in report order. */
    public static final List<String> ORDER = List.of("zeroshot", "ft", "wise-ft", "tpgm", "spd", "flyp", "tecoa", "fare",
            "pmg-aft", "lora-ft", "lora-spd", "lora-tecoa", "vpt-pmg-aft", "grace-gv-only", "grace-awp-nocurr",
            "grace-awp-curr", "grace");
    /** S1, the generalisation camp. */
    public static final List<String> S1 = List.of("wise-ft", "tpgm", "spd", "flyp");
    /** S2, the adversarial camp. */
    public static final List<String> S2 = List.of("tecoa", "fare", "pmg-aft");
    /** Methods the paper calls unregularised when it halves their λ_max. */
    public static final List<String> UNREGULARISED = List.of("ft", "lora-ft", "wise-ft");
    /** The GRACE ablations and GRACE itself. */
    public static final List<String> GRACE_FAMILY = List.of("grace-gv-only", "grace-awp-nocurr", "grace-awp-curr", "grace");
    /** Table 6 rows: the paper's rows, then our extra rows (no paper numbers). */
    public static final List<String> TABLE_6 = List.of("zeroshot", "ft", "wise-ft", "tpgm", "spd", "flyp", "tecoa", "fare",
            "pmg-aft", "grace");
    /** Table 7 rows. */
    public static final List<String> TABLE_7 = List.of("lora-ft", "lora-spd", "lora-tecoa", "vpt-pmg-aft", "grace");
    /** Table 8 rows. */
    public static final List<String> TABLE_8 = List.of("lora-ft", "grace-gv-only", "grace-awp-nocurr", "grace-awp-curr",
            "grace");
    /** "Standard adversarial training" of the paper's cost statement (~7× vanilla FT). */
    public static final String STANDARD_AT = "tecoa";
    /** Vanilla finetuning, the cost reference. */
    public static final String VANILLA_FT = "ft";

    private static final Map<String, String> PAPER_NAMES = Map.ofEntries(Map.entry("zeroshot", "CLIP (Zero-shot)"),
            Map.entry("ft", "Vanilla FT"), Map.entry("wise-ft", "WiSE-FT"), Map.entry("tpgm", "TPGM"), Map.entry("spd", "SPD"),
            Map.entry("flyp", "FLYP"), Map.entry("tecoa", "TeCoA"), Map.entry("fare", "FARE"), Map.entry("pmg-aft", "PMG-AFT"),
            Map.entry("lora-ft", "LoRA-FT"), Map.entry("lora-spd", "LoRA-SPD"), Map.entry("lora-tecoa", "LoRA-TeCoA"),
            Map.entry("vpt-pmg-aft", "VPT-PMG-AFT"), Map.entry("grace-gv-only", "+ GV only"),
            Map.entry("grace-awp-nocurr", "+ LAR-AWP (No curr.)"), Map.entry("grace-awp-curr", "+ LAR-AWP (Curriculum)"),
            Map.entry("grace", "GRACE"));

    private Methods() {
    }

    /** The paper's name for a method (the registry name if the paper has none). */
    public static String paperName(String method) {
        return PAPER_NAMES.getOrDefault(method, method);
    }

    /** Position in report order; unknown methods sort after known ones. */
    public static int rank(String method) {
        int i = ORDER.indexOf(method);
        return i < 0 ? ORDER.size() : i;
    }
}
