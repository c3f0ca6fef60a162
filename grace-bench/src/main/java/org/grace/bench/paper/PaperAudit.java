package org.grace.bench.paper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recomputes every number the paper derives from other printed numbers and lists the mismatches.
 *
 * <p>Rounding rule: a printed number p with d decimals stands for [p − ½·10⁻ᵈ, p + ½·10⁻ᵈ]. A
 * derived number is recomputed over the rounding intervals of its parts (exactly, because every
 * derivation here is monotone in each part: {@link Interval}); it is a mismatch only when that
 * range and the printed number's own interval are disjoint, i.e. when no choice of unrounded parts
 * could have produced what is printed. A consistent check whose recomputation from the printed
 * parts would still print differently carries a note (it holds only at the edge of rounding).
 *
 * <p>Checks: (1) each table row's harmonic mean from its ID, OOD and Adv cells; (2) every number
 * printed more than once (Table 6 vs 7 vs 8 vs the text) against its most precise printing;
 * (3) the quoted differences and ratios ("+1.5%", "+8.6%", "13.6% on average", "1.4× faster" from
 * ~7× and ~5×, "half"); (4) qualitative statements that follow from the tables ("exceeds all S2
 * baselines", the sign of the drift correlation); (5) statements whose parts are not printed are
 * listed as {@link AuditStatus#UNCHECKABLE}.
 */
public final class PaperAudit {

    private static final List<String> TABLES = List.of("table-6", "table-7", "table-8");

    private final PaperNumbers paper;

    public PaperAudit(PaperNumbers paper) {
        this.paper = paper;
    }

    /** All checks, harmonic means first. */
    public List<AuditCheck> run() {
        List<AuditCheck> out = new ArrayList<>();
        harmonicMeans(out);
        repeatedNumbers(out);
        quotedDifferences(out);
        qualitative(out);
        return List.copyOf(out);
    }

    /** The checks that failed. */
    public List<AuditCheck> mismatches() {
        return run().stream().filter(c -> c.status() == AuditStatus.MISMATCH).toList();
    }

    private void harmonicMeans(List<AuditCheck> out) {
        for (PaperNumber hm : paper.all()) {
            if (!TABLES.contains(hm.table()) || !hm.quantity().equals("hm")) {
                continue;
            }
            PaperNumber id = cell(hm, "id");
            PaperNumber ood = cell(hm, "ood_avg");
            PaperNumber adv = cell(hm, "adv_avg");
            double value = HarmonicMean.of(id.value(), ood.value(), adv.value());
            Interval range = Interval.harmonicMean(id.interval(), ood.interval(), adv.interval());
            out.add(compare("hm." + hm.table() + "." + hm.method(),
                    String.format(Locale.ROOT, "%s %s: HM(%s, %s, %s)", label(hm.table()), hm.method(), id.printed(),
                            ood.printed(), adv.printed()),
                    List.of(id.id(), ood.id(), adv.id(), hm.id()), hm, value, range,
                    "the printed harmonic mean is not 3/(1/ID + 1/OOD + 1/Adv) of its own row"));
        }
    }

    private void repeatedNumbers(List<AuditCheck> out) {
        Map<String, List<PaperNumber>> groups = new LinkedHashMap<>();
        for (PaperNumber n : paper.all()) {
            if (!n.method().equals("*")) {
                groups.computeIfAbsent(n.method() + "/" + n.quantity(), k -> new ArrayList<>()).add(n);
            }
        }
        for (List<PaperNumber> group : groups.values()) {
            PaperNumber reference = group.stream().reduce((a, b) -> b.halfUnit() < a.halfUnit() ? b : a).orElseThrow();
            for (PaperNumber other : group) {
                if (other == reference) {
                    continue;
                }
                out.add(compare("repeat." + other.id(),
                        String.format(Locale.ROOT, "%s %s printed as %s in %s and as %s in %s", other.method(),
                                other.quantity(), reference.printed(), where(reference), other.printed(), where(other)),
                        List.of(reference.id(), other.id()), other, reference.value(), reference.interval(),
                        "the same quantity is printed with values that no rounding reconciles"));
            }
        }
    }

    private void quotedDifferences(List<AuditCheck> out) {
        difference(out, "text.grace-gv-only.ood_gain_vs_lora_ft", "t8.grace-gv-only.ood_avg", "t8.lora-ft.ood_avg",
                "Table 8: OOD gain of '+ GV only' over LoRA-FT");
        difference(out, "text.grace-awp-nocurr.adv_gain_vs_lora_ft", "t8.grace-awp-nocurr.adv_avg", "t8.lora-ft.adv_avg",
                "Table 8: Adv gain of '+ LAR-AWP (No curr.)' over LoRA-FT");
        difference(out, "text.grace.adv_gain_vs_ft", "t6.grace.adv_avg", "t6.ft.adv_avg",
                "Table 6: Adv avg gain of GRACE over vanilla FT (the text says PGD accuracy; Adv avg is the only Adv number printed)");
        ratio(out, "text.grace.speedup_vs_at", "text.tecoa.cost_ratio_vs_ft", "text.grace.cost_ratio_vs_ft",
                "speed-up over adversarial training = (AT cost / FT cost) / (GRACE cost / FT cost)");
        ratio(out, "text.grace.lambda_max_ratio", "text.grace.lambda_max", "text.wise-ft.lambda_max",
                "'half': GRACE lambda_max / WiSE-FT lambda_max");
    }

    private void qualitative(List<AuditCheck> out) {
        PaperNumber grace = paper.get("t6.grace.adv_avg");
        PaperNumber best = paper.get("t6.tecoa.adv_avg").value() > paper.get("t6.pmg-aft.adv_avg").value()
                ? paper.get("t6.tecoa.adv_avg") : paper.get("t6.pmg-aft.adv_avg");
        Interval margin = grace.interval().minus(best.interval());
        out.add(new AuditCheck("claim.grace-adv-exceeds-s2", "Table 6: GRACE's Adv avg exceeds all S2 baselines (margin over the best, "
                + best.method() + ")", List.of(grace.id(), "t6.tecoa.adv_avg", "t6.pmg-aft.adv_avg"), "> 0",
                grace.value() - best.value(), margin, margin.lo() > 0 ? AuditStatus.CONSISTENT : AuditStatus.MISMATCH,
                ""));

        PaperNumber r = paper.get("text.all.r_drift_zero_shot");
        PaperNumber driftT = paper.get("text.tecoa.drift");
        PaperNumber driftW = paper.get("text.wise-ft.drift");
        PaperNumber zsT = paper.get("text.tecoa.zero_shot");
        PaperNumber zsW = paper.get("text.wise-ft.zero_shot");
        double slope = (zsT.value() - zsW.value()) / (driftT.value() - driftW.value());
        boolean degradationSign = slope < 0;
        out.add(new AuditCheck("sign.r-drift-degradation",
                "sign of corr(drift, zero-shot degradation) implied by the two quoted points (TeCoA, WiSE-FT)",
                List.of(r.id(), driftT.id(), driftW.id(), zsT.id(), zsW.id()), r.printed(), degradationSign ? 1.0 : -1.0,
                Interval.point(degradationSign ? 1.0 : -1.0), degradationSign == (r.value() > 0)
                ? AuditStatus.CONSISTENT : AuditStatus.MISMATCH,
                "zero-shot accuracy falls as drift grows, so degradation rises with drift: r(drift, degradation) is positive;"
                        + " the printed -0.82 fits r(drift, zero-shot accuracy), the quantity we test"));

        PaperNumber threshold = paper.get("text.all.drift_threshold");
        PaperNumber loss = paper.get("text.all.zero_shot_loss_threshold");
        out.add(new AuditCheck("unchecked.drift-threshold", "methods with drift > " + threshold.printed() + " lose > "
                + loss.printed() + "% zero-shot accuracy", List.of(threshold.id(), loss.id()), loss.printed(), Double.NaN,
                Interval.point(0), AuditStatus.UNCHECKABLE,
                "the zero-shot accuracy of pretrained CLIP on the 8 transfer datasets is not printed, so the loss cannot be formed"));
    }

    private void difference(List<AuditCheck> out, String quotedId, String aId, String bId, String statement) {
        PaperNumber quoted = paper.get(quotedId);
        PaperNumber a = paper.get(aId);
        PaperNumber b = paper.get(bId);
        out.add(compare("diff." + quotedId, statement + ": " + a.printed() + " − " + b.printed(), List.of(aId, bId, quotedId),
                quoted, a.value() - b.value(), a.interval().minus(b.interval()),
                "the quoted difference is not the difference of the printed cells"));
    }

    private void ratio(List<AuditCheck> out, String quotedId, String aId, String bId, String statement) {
        PaperNumber quoted = paper.get(quotedId);
        PaperNumber a = paper.get(aId);
        PaperNumber b = paper.get(bId);
        out.add(compare("ratio." + quotedId, statement + ": " + a.printed() + " / " + b.printed(), List.of(aId, bId, quotedId),
                quoted, a.value() / b.value(), a.interval().dividedBy(b.interval()),
                "the quoted ratio is not the ratio of the printed numbers"));
    }

    private static AuditCheck compare(String id, String statement, List<String> inputs, PaperNumber printed,
                                      double recomputed, Interval range, String mismatchNote) {
        boolean ok = range.overlaps(printed.interval());
        String rounding = roundingNote(printed, recomputed);
        String note = ok ? rounding : mismatchNote + (rounding.isEmpty() ? "" : "; " + rounding);
        return new AuditCheck(id, statement, inputs, printed.printed(), recomputed, range,
                ok ? AuditStatus.CONSISTENT : AuditStatus.MISMATCH, note);
    }

    /**
     * When the recomputation from the printed parts would not print as the paper prints it, says
     * so, and whether the paper's number is the recomputation truncated rather than rounded (a
     * pattern in Tables 7 and 8). Empty when it would print the same.
     */
    static String roundingNote(PaperNumber printed, double recomputed) {
        if (printed.printed().toLowerCase(Locale.ROOT).contains("e") || !Double.isFinite(recomputed)) {
            return "";
        }
        BigDecimal shown = new BigDecimal(printed.printed());
        BigDecimal rounded = BigDecimal.valueOf(recomputed).setScale(printed.decimals(), RoundingMode.HALF_UP);
        if (rounded.compareTo(shown) == 0) {
            return "";
        }
        boolean truncated = BigDecimal.valueOf(recomputed).setScale(printed.decimals(), RoundingMode.DOWN).compareTo(shown) == 0;
        return String.format(Locale.ROOT, "the printed parts give %.3f, which prints as %s, not %s%s", recomputed,
                rounded.toPlainString(), printed.printed(), truncated ? " (the paper's value is it truncated)" : "");
    }

    private PaperNumber cell(PaperNumber hm, String quantity) {
        return paper.find(hm.table(), hm.method(), quantity).orElseThrow(() -> new IllegalArgumentException(
                PaperNumbers.RESOURCE + ": " + hm.table() + " row " + hm.method() + " has a harmonic mean but no " + quantity));
    }

    private static String label(String table) {
        return table.startsWith("table-") ? "Table " + table.substring("table-".length()) : table;
    }

    private static String where(PaperNumber n) {
        return n.table().equals("text") ? "the text" : label(n.table());
    }
}
