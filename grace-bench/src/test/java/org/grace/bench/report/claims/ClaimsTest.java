package org.grace.bench.report.claims;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.record.Evaluations;
import org.grace.bench.record.RunRecord;
import org.grace.bench.report.RunIndex;
import org.grace.bench.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each claim on small hand-built record sets whose verdict is known in advance. */
class ClaimsTest {

    private static final PaperNumbers PAPER = PaperNumbers.load();
    private static final int[] SEEDS = {0, 1, 2};

    @Test
    void bestHarmonicMeanIsSupportedWhenGraceLeadsOnEverySeed() {
        List<RunRecord> r = new ArrayList<>();
        accuracy(r, "grace", .74, .57, .22);
        accuracy(r, "pmg-aft", .58, .43, .19);
        accuracy(r, "ft", .75, .56, .09);
        assertEquals(Verdict.SUPPORTED, new BestHarmonicMeanClaim().evaluate(new RunIndex(r), PAPER).verdict());
    }

    @Test
    void bestHarmonicMeanIsNotSupportedWhenAnotherMethodLeadsOnEverySeed() {
        List<RunRecord> r = new ArrayList<>();
        accuracy(r, "grace", .74, .57, .10);
        accuracy(r, "pmg-aft", .58, .43, .30);
        assertEquals(Verdict.NOT_SUPPORTED, new BestHarmonicMeanClaim().evaluate(new RunIndex(r), PAPER).verdict());
    }

    @Test
    void oneSeedIsInconclusiveHoweverLargeTheGap() {
        List<RunRecord> r = new ArrayList<>();
        accuracy(r, "grace", new int[] {0}, .74, .57, .22);
        accuracy(r, "ft", new int[] {0}, .30, .20, .01);
        assertEquals(Verdict.INCONCLUSIVE, new BestHarmonicMeanClaim().evaluate(new RunIndex(r), PAPER).verdict());
    }

    @Test
    void aClaimWhoseMethodsWereNotRunIsInconclusive() {
        assertEquals(Verdict.INCONCLUSIVE, new CurriculumClaim().evaluate(new RunIndex(List.of()), PAPER).verdict());
        assertEquals(Verdict.INCONCLUSIVE, new BestHarmonicMeanClaim().evaluate(new RunIndex(List.of()), PAPER).verdict());
    }

    @Test
    void trilemmaFollowsTheCampMeans() {
        List<RunRecord> r = new ArrayList<>();
        accuracy(r, "wise-ft", .70, .58, .09);
        accuracy(r, "tpgm", .71, .57, .08);
        accuracy(r, "tecoa", .52, .38, .17);
        assertEquals(Verdict.SUPPORTED, new TrilemmaClaim().evaluate(new RunIndex(r), PAPER).verdict());
        List<RunRecord> reversed = new ArrayList<>();
        accuracy(reversed, "wise-ft", .70, .58, .30);
        accuracy(reversed, "tecoa", .52, .38, .17);
        assertEquals(Verdict.NOT_SUPPORTED, new TrilemmaClaim().evaluate(new RunIndex(reversed), PAPER).verdict());
    }

    @Test
    void curriculumClaimFailsWhenTheCurriculumLowersAdv() {
        List<RunRecord> r = new ArrayList<>();
        accuracy(r, "grace-awp-curr", .72, .54, .15);
        accuracy(r, "grace-awp-nocurr", .71, .53, .20);
        ClaimResult result = new CurriculumClaim().evaluate(new RunIndex(r), PAPER);
        assertEquals(Verdict.NOT_SUPPORTED, result.evidence().get(0).verdict());
        assertEquals(Verdict.SUPPORTED, result.evidence().get(1).verdict());
        assertEquals(Verdict.NOT_SUPPORTED, result.verdict());
    }

    @Test
    void graceImprovesAllAxesOnlyIfItBeatsFtOnAdvAndTheS2CampOnIdAndOod() {
        List<RunRecord> r = new ArrayList<>();
        accuracy(r, "grace", .74, .57, .22);
        accuracy(r, "ft", .75, .56, .09);
        accuracy(r, "tecoa", .52, .38, .17);
        accuracy(r, "pmg-aft", .58, .43, .19);
        ClaimResult good = new GraceAllAxesClaim().evaluate(new RunIndex(r), PAPER);
        assertEquals(Verdict.SUPPORTED, good.verdict());
        assertEquals(3, good.evidence().size());
        List<RunRecord> lowOod = new ArrayList<>();
        accuracy(lowOod, "grace", .74, .30, .22);
        accuracy(lowOod, "ft", .75, .56, .09);
        accuracy(lowOod, "tecoa", .52, .38, .17);
        ClaimResult bad = new GraceAllAxesClaim().evaluate(new RunIndex(lowOod), PAPER);
        assertEquals(Verdict.NOT_SUPPORTED, bad.evidence().get(2).verdict(), "OOD below the S2 camp");
        assertEquals(Verdict.NOT_SUPPORTED, bad.verdict());
    }

    @Test
    void ablationNeedsGvToRaiseOodAwpToRaiseAdvAndTheFullModelToLeadOnHm() {
        List<RunRecord> r = new ArrayList<>();
        accuracy(r, "lora-ft", .728, .55, .082);
        accuracy(r, "grace-gv-only", .72, .565, .086);
        accuracy(r, "grace-awp-nocurr", .71, .53, .172);
        accuracy(r, "grace-awp-curr", .725, .54, .222);
        accuracy(r, "grace", .742, .57, .224);
        ClaimResult result = new AblationComplementarityClaim().evaluate(new RunIndex(r), PAPER);
        assertEquals(7, result.evidence().size());
        assertEquals(Verdict.SUPPORTED, result.verdict());
        List<RunRecord> gvHurts = new ArrayList<>(r.stream().filter(x -> !x.method().equals("grace-gv-only")).toList());
        accuracy(gvHurts, "grace-gv-only", .72, .50, .086);
        assertEquals(Verdict.NOT_SUPPORTED, new AblationComplementarityClaim().evaluate(new RunIndex(gvHurts), PAPER).verdict());
    }

    @Test
    void costRatiosInsideTheirBandsAreSupportedAndFarOutsideAreNot() {
        List<RunRecord> r = new ArrayList<>();
        wall(r, "ft", 100);
        wall(r, "grace", 500);
        wall(r, "tecoa", 700);
        assertEquals(Verdict.SUPPORTED, new CostRatioClaim().evaluate(new RunIndex(r), PAPER).verdict());
        List<RunRecord> cheap = new ArrayList<>();
        wall(cheap, "ft", 100);
        wall(cheap, "grace", 150);
        wall(cheap, "tecoa", 700);
        ClaimResult result = new CostRatioClaim().evaluate(new RunIndex(cheap), PAPER);
        assertEquals(Verdict.NOT_SUPPORTED, result.evidence().get(0).verdict(), "1.5× is far from 5×");
        assertEquals(Verdict.SUPPORTED, result.evidence().get(1).verdict());
        assertEquals(Verdict.NOT_SUPPORTED, result.verdict());
    }

    @Test
    void lambdaMaxHalvedIsSupportedAtHalfAndNotAtParity() {
        List<RunRecord> half = new ArrayList<>();
        theory(half, "grace", Map.of("lambda_max", 1600.0));
        theory(half, "wise-ft", Map.of("lambda_max", 3300.0));
        theory(half, "ft", Map.of("lambda_max", 3100.0));
        assertEquals(Verdict.SUPPORTED, new SharpnessHalvedClaim().evaluate(new RunIndex(half), PAPER).verdict());
        List<RunRecord> same = new ArrayList<>();
        theory(same, "grace", Map.of("lambda_max", 3000.0));
        theory(same, "wise-ft", Map.of("lambda_max", 3300.0));
        assertEquals(Verdict.NOT_SUPPORTED, new SharpnessHalvedClaim().evaluate(new RunIndex(same), PAPER).verdict());
    }

    @Test
    void driftCorrelationNeedsFourMethodsAndFollowsTheSign() {
        List<RunRecord> negative = new ArrayList<>();
        String[] methods = {"zeroshot", "wise-ft", "ft", "fare", "tecoa", "grace"};
        double[] drift = {0.0, 0.08, 0.3, 0.4, 0.47, 0.09};
        for (int i = 0; i < methods.length; i++) {
            theory(negative, methods[i], Map.of("drift", drift[i]));
            transfer(negative, methods[i], 0.62 - 0.5 * drift[i]);
        }
        assertEquals(Verdict.SUPPORTED, new DriftZeroShotCorrelationClaim().evaluate(new RunIndex(negative), PAPER).verdict());
        List<RunRecord> positive = new ArrayList<>();
        for (int i = 0; i < methods.length; i++) {
            theory(positive, methods[i], Map.of("drift", drift[i]));
            transfer(positive, methods[i], 0.3 + 0.5 * drift[i]);
        }
        assertEquals(Verdict.NOT_SUPPORTED, new DriftZeroShotCorrelationClaim().evaluate(new RunIndex(positive), PAPER).verdict());
        List<RunRecord> oneSeed = negative.stream().filter(x -> x.seed() == 0).toList();
        assertEquals(Verdict.INCONCLUSIVE, new DriftZeroShotCorrelationClaim().evaluate(new RunIndex(oneSeed), PAPER).verdict());
        List<RunRecord> three = positive.stream().filter(x -> List.of("ft", "fare", "tecoa").contains(x.method())).toList();
        assertEquals(Verdict.INCONCLUSIVE, new DriftZeroShotCorrelationClaim().evaluate(new RunIndex(three), PAPER).verdict());
    }

    @Test
    void failureModesAgreeingWithEveryStatedPredictionAreSupported() {
        List<RunRecord> r = new ArrayList<>();
        bound(r, "wise-ft", 0.01, 0.50, 0.10);   // leaves sharpness large: predicted SHARPNESS (stated)
        bound(r, "tecoa", 0.50, 0.05, 0.10);     // leaves proximity large: predicted PRIOR_PROXIMITY (stated)
        bound(r, "grace", 0.01, 0.05, 0.10);     // leaves nothing large: predicted none (stated)
        assertEquals(Verdict.SUPPORTED, new FailureModePredictionClaim().evaluate(new RunIndex(r), PAPER).verdict());
        List<RunRecord> swapped = new ArrayList<>();
        bound(swapped, "wise-ft", 0.50, 0.05, 0.10);
        bound(swapped, "tecoa", 0.01, 0.50, 0.10);
        bound(swapped, "grace", 0.01, 0.05, 0.10);
        assertEquals(Verdict.NOT_SUPPORTED, new FailureModePredictionClaim().evaluate(new RunIndex(swapped), PAPER).verdict());
    }

    @Test
    void everyClaimIsListedOnceWithItsRule() {
        List<Claim> all = Claims.all();
        assertEquals(9, all.size());
        assertEquals(9, all.stream().map(Claim::id).distinct().count());
        all.forEach(c -> assertEquals(false, c.rule().isBlank(), c.id()));
    }

    private static void accuracy(List<RunRecord> out, String method, double id, double ood, double adv) {
        accuracy(out, method, SEEDS, id, ood, adv);
    }

    /** Clean and robust records with OOD splits at ood ± 0.01 and Adv components at adv, jittered by seed. */
    private static void accuracy(List<RunRecord> out, String method, int[] seeds, double id, double ood, double adv) {
        for (int s : seeds) {
            double j = 0.002 * (s - 1);
            Map<String, Double> clean = new LinkedHashMap<>();
            clean.put("id", id + j);
            clean.put("v2", ood + 0.01 + j);
            clean.put("sketch", ood - 0.01);
            clean.put("r", ood + j);
            clean.put("a", adv + j);
            clean.put("a_plus", adv);
            out.add(record(method, s, Evaluations.CLEAN, clean));
            out.add(record(method, s, Evaluations.ROBUST, Map.of("apgd_ce", adv - j)));
        }
    }

    private static void wall(List<RunRecord> out, String method, double seconds) {
        for (int s : SEEDS) {
            out.add(record(method, s, Evaluations.TRAIN, Map.of("wall_s", seconds * (1 + 0.01 * s))));
        }
    }

    private static void theory(List<RunRecord> out, String method, Map<String, Double> metrics) {
        for (int s : SEEDS) {
            Map<String, Double> m = new LinkedHashMap<>();
            metrics.forEach((k, v) -> m.put(k, v * (1 + 0.01 * (s - 1))));
            out.add(record(method, s, Evaluations.THEORY, m));
        }
    }

    private static void transfer(List<RunRecord> out, String method, double mean) {
        for (int s : SEEDS) {
            out.add(record(method, s, Evaluations.TRANSFER, Map.of("mean", mean + 0.001 * s)));
        }
    }

    private static void bound(List<RunRecord> out, String method, double prior, double sharpness, double discrepancy) {
        for (int s : SEEDS) {
            out.add(record(method, s, Evaluations.THEORY, Map.of("bound_risk", 0.3, "bound_prior", prior,
                    "bound_sharpness", sharpness, "bound_discrepancy", discrepancy, "bound_sigma", 0.01,
                    "bound_total", 0.3 + prior + sharpness + discrepancy)));
        }
    }

    private static RunRecord record(String method, int seed, String evaluation, Map<String, Double> metrics) {
        return new RunRecord(RunRecord.SCHEMA, method, seed, "embedded", evaluation, metrics, Map.of(), Map.of(), Map.of());
    }
}
