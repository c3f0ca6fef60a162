package org.grace.bench.paper;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class PaperAuditTest {

    private static final List<AuditCheck> CHECKS = new PaperAudit(PaperNumbers.load()).run();

    @Test
    void loraTecoaHarmonicMeanIsAMismatch() {
        AuditCheck c = check("hm.table-7.lora-tecoa");
        assertEquals(36.0, c.recomputed(), 1e-9);
        assertEquals("37.5", c.printed());
        assertEquals(AuditStatus.MISMATCH, c.status());
    }

    @Test
    void loraSpdHarmonicMeanIsAMismatch() {
        AuditCheck c = check("hm.table-7.lora-spd");
        assertEquals(20.107, c.recomputed(), 1e-3);
        assertEquals(AuditStatus.MISMATCH, c.status());
    }

    @Test
    void table6HarmonicMeansAgreeWithinRounding() {
        for (String m : List.of("zeroshot", "ft", "wise-ft", "tecoa", "pmg-aft", "grace")) {
            assertEquals(AuditStatus.CONSISTENT, check("hm.table-6." + m).status(), m);
        }
        // 20.468 from the printed parts, printed 20.46: the parts' own rounding reconciles them.
        assertEquals(20.468, check("hm.table-6.zeroshot").recomputed(), 1e-3);
    }

    @Test
    void quotedDifferencesAndRatiosAreRecomputed() {
        assertEquals(AuditStatus.CONSISTENT, check("diff.text.grace-gv-only.ood_gain_vs_lora_ft").status());
        AuditCheck adv = check("diff.text.grace-awp-nocurr.adv_gain_vs_lora_ft");
        assertEquals(9.0, adv.recomputed(), 1e-9);
        assertEquals(AuditStatus.MISMATCH, adv.status());
        AuditCheck gain = check("diff.text.grace.adv_gain_vs_ft");
        assertEquals(13.49, gain.recomputed(), 1e-9);
        assertEquals(AuditStatus.MISMATCH, gain.status());
        assertEquals(1.4, check("ratio.text.grace.speedup_vs_at").recomputed(), 1e-12);
        assertEquals(AuditStatus.CONSISTENT, check("ratio.text.grace.speedup_vs_at").status());
        assertEquals(AuditStatus.CONSISTENT, check("ratio.text.grace.lambda_max_ratio").status());
    }

    @Test
    void graceHarmonicMeanPrintedTwiceDisagrees() {
        AuditCheck c = check("repeat.t7.grace.hm");
        assertEquals(AuditStatus.MISMATCH, c.status(), "39.69 does not round to 39.6");
        assertEquals(AuditStatus.CONSISTENT, check("repeat.t7.grace.id").status(), "74.21 rounds to 74.2");
    }

    @Test
    void tablesSevenAndEightTruncateTheirHarmonicMeans() {
        AuditCheck c = check("hm.table-7.lora-ft");
        assertEquals(AuditStatus.CONSISTENT, c.status(), "19.497 vs 19.4 is reconcilable by rounding the parts");
        assertTrue(c.note().contains("prints as 19.5, not 19.4") && c.note().contains("truncated"), c.note());
        assertTrue(check("repeat.t7.grace.hm").note().contains("truncated"), "39.69 shown as 39.6");
        assertEquals("", check("hm.table-6.ft").note());
    }

    @Test
    void driftCorrelationSignAndUncheckableStatementsAreListed() {
        assertEquals(AuditStatus.MISMATCH, check("sign.r-drift-degradation").status());
        assertEquals(AuditStatus.UNCHECKABLE, check("unchecked.drift-threshold").status());
        assertEquals(AuditStatus.CONSISTENT, check("claim.grace-adv-exceeds-s2").status());
    }

    @Test
    void plantedMismatchIsFoundAndARoundingOnlyDifferenceIsAccepted() throws IOException {
        String text = committed()
                .replace("t6.ft.hm\ttable-6\tft\thm\t21.01", "t6.ft.hm\ttable-6\tft\thm\t21.51")
                .replace("t6.wise-ft.hm\ttable-6\twise-ft\thm\t21.11", "t6.wise-ft.hm\ttable-6\twise-ft\thm\t21.12");
        List<AuditCheck> planted = new PaperAudit(PaperNumbers.parse(new StringReader(text), "planted.tsv")).run();
        assertEquals(AuditStatus.MISMATCH, find(planted, "hm.table-6.ft").status());
        assertEquals(AuditStatus.CONSISTENT, find(planted, "hm.table-6.wise-ft").status(), "21.113 may print as 21.12");
    }

    @Test
    void harmonicMeanIntervalContainsTheHarmonicMeanOfEveryPointInside() {
        qt().forAll(doubles().between(1, 90), doubles().between(1, 90), doubles().between(1, 90), doubles().between(0, 1))
                .checkAssert((a, b, c, t) -> {
                    Interval ia = new Interval(a - 0.05, a + 0.05);
                    Interval ib = new Interval(b - 0.05, b + 0.05);
                    Interval ic = new Interval(c - 0.05, c + 0.05);
                    double hm = HarmonicMean.of(ia.lo() + t * 0.1, ib.hi() - t * 0.1, ic.lo() + t * 0.1);
                    assertTrue(Interval.harmonicMean(ia, ib, ic).contains(hm));
                    assertTrue(ia.minus(ib).contains(a + (t - 0.5) * 0.1 - b));
                });
    }

    private static AuditCheck check(String id) {
        return find(CHECKS, id);
    }

    private static AuditCheck find(List<AuditCheck> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no audit check " + id));
    }

    private static String committed() throws IOException {
        try (InputStream in = PaperNumbers.class.getResourceAsStream(PaperNumbers.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
