package org.grace.bench.report;

import org.grace.theory.bound.BoundInputs;
import org.grace.theory.bound.PacBayesBound;
import org.grace.theory.bound.PacBayesConfig;
import org.grace.theory.bound.PacBayesTerms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureModesTest {

    @Test
    void termsAtTheirOwnSigmaMoveToTheCommonSigmaGraceTheoryWouldChoose() {
        PacBayesBound bound = new PacBayesBound(new PacBayesConfig(1.0, 0.0, 1e-6, 10, PacBayesConfig.SigmaSearch.GOLDEN_SECTION, 0));
        List<BoundInputs> inputs = List.of(new BoundInputs("ft", 0.25, 4.0, 300.0, 0.3, 1000),
                new BoundInputs("tecoa", 0.45, 25.0, 100.0, 0.3, 1000), new BoundInputs("grace", 0.26, 0.5, 80.0, 0.2, 1000));
        // each method recorded at its own σ, as a runner would
        List<PacBayesTerms> own = List.of(bound.at(inputs.get(0), 0.01), bound.at(inputs.get(1), 0.05), bound.at(inputs.get(2), 0.2));
        List<PacBayesTerms> moved = FailureModes.atCommonSigma(own);
        List<PacBayesTerms> expected = bound.atCommonSigma(inputs);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected.get(i).sigma(), moved.get(i).sigma(), 1e-6 * expected.get(i).sigma());
            assertEquals(expected.get(i).proximity(), moved.get(i).proximity(), 1e-6 * expected.get(i).proximity());
            assertEquals(expected.get(i).sharpness(), moved.get(i).sharpness(), 1e-6 * expected.get(i).sharpness());
            assertEquals(own.get(i).discrepancy(), moved.get(i).discrepancy());
        }
    }
}
