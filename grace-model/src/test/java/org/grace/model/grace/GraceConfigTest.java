package org.grace.model.grace;

import org.grace.model.method.MethodSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraceConfigTest {

    private static void rejects(String key, Object value, String fragment) {
        MethodSettings bad = GraceMethod.defaults(GraceMethod.NAME).with(Map.of(key, value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraceMethod.create(bad));
        assertTrue(e.getMessage().contains(fragment), "message for " + key + "=" + value + ": " + e.getMessage());
    }

    @Test
    void negativeOrZeroRanksAreRejected() {
        rejects("lora_rank", -1, "lora_rank must be at least 1, was -1");
        rejects("lora_rank", 0, "lora_rank");
        rejects("rank_tiers", "1,-4,8", "tier ranks must be at least 1");
    }

    @Test
    void epsilonOutsideTheUnitIntervalIsRejected() {
        rejects("pgd_eps", -0.01, "pgd_eps must lie in [0,1]");
        rejects("pgd_eps", 1.5, "pgd_eps must lie in [0,1]");
    }

    @Test
    void negativeRadiusAndWeightsAreRejected() {
        rejects("awp_gamma", -1e-3, "awp_gamma must be finite and non-negative");
        rejects("lambda_lar", -1, "lambda_lar must be finite and non-negative");
        rejects("lambda_gv", -0.5, "lambda_gv must be finite and non-negative");
    }

    @Test
    void otherBadSettingsNameTheirKey() {
        rejects("awp_inner_steps", 0, "awp_inner_steps must be at least 1");
        rejects("curvature_beta", 1.0, "curvature_beta must lie in [0,1)");
        rejects("curvature_every", 0, "curvature_every");
        rejects("curvature_estimator", "hutchinson", "curvature_estimator must be one of [TRUE_LABEL, SAMPLED_LABEL]");
        rejects("lora_targets", "q,query", "unknown adapter target 'query'");
        rejects("rank_cuts", "0.75,0.25", "percentile cuts must increase");
        rejects("gamma", 0.1, "has no settings [gamma]");
    }

    @Test
    void unknownVariantNamesFail() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraceMethod.defaults("grace-xl"));
        assertTrue(e.getMessage().contains("grace-xl"));
    }

    @Test
    void variantsSwitchExactlyTheirTerms() {
        GraceConfig full = GraceMethod.create(GraceMethod.defaults(GraceMethod.NAME)).config();
        GraceConfig gv = GraceMethod.create(GraceMethod.defaults(GraceMethod.GV_ONLY)).config();
        GraceConfig noCurr = GraceMethod.create(GraceMethod.defaults(GraceMethod.AWP_NO_CURRICULUM)).config();
        GraceConfig curr = GraceMethod.create(GraceMethod.defaults(GraceMethod.AWP_CURRICULUM)).config();
        assertTrue(full.lambdaLar() > 0 && full.lambdaGv() > 0 && full.curriculum() && full.tracksCurvature());
        assertEquals(0, gv.lambdaLar());
        assertTrue(gv.lambdaGv() > 0);
        assertEquals(GraceConfig.Perturbation.RANDOM, gv.perturbation());
        assertFalse(gv.tracksCurvature());
        assertEquals(0, noCurr.lambdaGv());
        assertFalse(noCurr.curriculum());
        assertEquals(0, curr.lambdaGv());
        assertTrue(curr.curriculum() && curr.tracksCurvature());
        assertEquals(4.0 / 255, full.pgdEps(), 1e-12);
        assertEquals(1.0 / 255, full.pgdStepSize(), 1e-12);
        assertEquals(10, full.pgdSteps());
    }
}
