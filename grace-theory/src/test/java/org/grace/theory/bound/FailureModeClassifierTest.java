package org.grace.theory.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailureModeClassifierTest {

    private static final PacBayesBound BOUND = new PacBayesBound(PacBayesConfig.defaults());
    private static final FailureModeClassifier CLASSIFIER = new FailureModeClassifier(0.05);

    private static List<FailureMode> classify(List<BoundInputs> methods) {
        return CLASSIFIER.classify(BOUND.atCommonSigma(methods), PaperPredictions.load());
    }

    @Test
    void namesTheTermEachMethodLeavesLargerThanTheBestMethod() {
        List<FailureMode> modes = classify(List.of(
                new BoundInputs("grace", 0.26, 1.0, 100.0, 0.2, 10_000),
                new BoundInputs("tecoa", 0.45, 40.0, 100.0, 0.2, 10_000),
                new BoundInputs("wise-ft", 0.30, 1.0, 4000.0, 0.2, 10_000),
                new BoundInputs("grace-awp-nocurr", 0.28, 1.0, 100.0, 1.2, 10_000)));
        assertEquals(Optional.empty(), modes.get(0).dominant());
        assertEquals(Optional.of(BoundTerm.PRIOR_PROXIMITY), modes.get(1).dominant());
        assertEquals(Optional.of(BoundTerm.SHARPNESS), modes.get(2).dominant());
        assertEquals(Optional.of(BoundTerm.DISCREPANCY), modes.get(3).dominant());
        for (FailureMode mode : modes) {
            assertEquals(Optional.of(true), mode.agreesWithPaper(), mode.terms().method());
        }
        String table = FailureModeClassifier.toMarkdown(modes);
        assertTrue(table.contains("| tecoa |") && table.contains("PRIOR_PROXIMITY (stated)"), table);
    }

    @Test
    void disagreementWithThePaperIsReported() {
        List<FailureMode> modes = classify(List.of(
                new BoundInputs("grace", 0.26, 1.0, 100.0, 0.2, 10_000),
                new BoundInputs("wise-ft", 0.30, 1.0, 100.0, 2.0, 10_000),
                new BoundInputs("unknown-method", 0.30, 1.0, 100.0, 0.2, 10_000)));
        assertEquals(Optional.of(false), modes.get(1).agreesWithPaper());
        assertEquals(Optional.empty(), modes.get(2).agreesWithPaper());
    }

    @Test
    void rejectsRowsAtDifferentSigmas() {
        BoundInputs a = new BoundInputs("a", 0.2, 1.0, 10.0, 0.1, 100);
        BoundInputs b = new BoundInputs("b", 0.2, 5.0, 10.0, 0.1, 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CLASSIFIER.classify(List.of(BOUND.minimise(a), BOUND.minimise(b)), Map.of()));
        assertTrue(e.getMessage().contains("one σ"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CLASSIFIER.classify(List.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new FailureModeClassifier(1.0));
    }

    @Test
    void paperPredictionsCoverTheRegisteredMethodsWithTheSummarysCamps() {
        Map<String, PaperPrediction> predictions = PaperPredictions.load();
        Set<String> registry = Set.of("zeroshot", "ft", "wise-ft", "tpgm", "spd", "flyp", "tecoa", "fare", "pmg-aft",
                "lora-ft", "lora-spd", "lora-tecoa", "vpt-pmg-aft", "grace", "grace-gv-only", "grace-awp-nocurr",
                "grace-awp-curr");
        assertTrue(registry.containsAll(predictions.keySet()), predictions.keySet().toString());
        for (String s1 : List.of("wise-ft", "tpgm", "spd", "flyp")) {
            assertEquals(Optional.of(BoundTerm.SHARPNESS), predictions.get(s1).predicted(), s1);
            assertEquals("stated", predictions.get(s1).basis());
        }
        for (String s2 : List.of("tecoa", "fare", "pmg-aft")) {
            assertEquals(Optional.of(BoundTerm.PRIOR_PROXIMITY), predictions.get(s2).predicted(), s2);
        }
        assertEquals(Optional.empty(), predictions.get("grace").predicted());
    }

    @Test
    void malformedPredictionFilesAreRejectedWithTheLine() {
        assertThrows(IllegalArgumentException.class,
                () -> PaperPredictions.parse(new BufferedReader(new StringReader("wrong header\n"))));
        IllegalArgumentException term = assertThrows(IllegalArgumentException.class, () -> PaperPredictions.parse(
                new BufferedReader(new StringReader("method\tpredicted\tbasis\tevidence\nx\tCURVATURE\tstated\tq\n"))));
        assertTrue(term.getMessage().contains("line 2") && term.getMessage().contains("CURVATURE"), term.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PaperPredictions.parse(
                new BufferedReader(new StringReader("method\tpredicted\tbasis\tevidence\nx\tNONE\tguessed\tq\n"))));
        assertThrows(IllegalArgumentException.class, () -> PaperPredictions.parse(
                new BufferedReader(new StringReader("method\tpredicted\tbasis\tevidence\nx\tNONE\n"))));
    }
}
