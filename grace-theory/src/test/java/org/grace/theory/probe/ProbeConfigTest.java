package org.grace.theory.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The probe's settings: bench defaults, derived settings, and clear rejection of nonsense. */
class ProbeConfigTest {

    @Test
    void defaultsAreTheBenchSettingsAndSlqIsSwitchedOnlyByWithSlq() {
        ProbeConfig c = ProbeConfig.defaults(0);
        assertEquals(64, c.curvatureBatch());
        assertEquals(25, c.lanczosMaxSteps());
        assertEquals(20, c.traceMaxProbes());
        assertEquals(8, c.layerProbes());
        assertFalse(c.slq());
        ProbeConfig on = c.withSlq(true);
        assertTrue(on.slq());
        assertEquals(c, on.withSlq(false));
        assertEquals(1.0, c.pacBayes().delta(), "the paper's expression has no confidence term");
        assertEquals(c.layerProbes(), c.layerTrace().minSamples());
        assertEquals(c.layerProbes(), c.layerTrace().maxSamples());
    }

    @Test
    void derivedStreamsDifferBetweenSeedsAndBetweenEstimators() {
        ProbeConfig a = ProbeConfig.defaults(0);
        ProbeConfig b = ProbeConfig.defaults(1);
        assertTrue(a.lanczos().seed() != b.lanczos().seed());
        assertTrue(a.lanczos().seed() != a.trace().seed() && a.trace().seed() != a.layerTrace().seed());
        assertEquals(a.lanczos(), ProbeConfig.defaults(0).lanczos());
    }

    @Test
    void badSettingsNameTheFieldAtFault() {
        ProbeConfig d = ProbeConfig.defaults(0);
        assertMessage(() -> d.withCurvatureBatch(0), "curvatureBatch");
        assertMessage(() -> d.withLanczos(0, 1e-3), "lanczosMaxSteps");
        assertMessage(() -> d.withLanczos(10, 1.5), "lanczosTolerance");
        assertMessage(() -> new ProbeConfig(64, 25, 1e-3, 4, 3, 0.05, 8, false, 3, 30, 400, 1e-3, 1, 1e-4, true,
                d.lemma32(), 1e-2, d.pacBayes(), 0), "traceMaxProbes");
        assertMessage(() -> new ProbeConfig(64, 25, 1e-3, 4, 20, 0.05, 1, false, 3, 30, 400, 1e-3, 1, 1e-4, true,
                d.lemma32(), 1e-2, d.pacBayes(), 0), "layerProbes");
        assertMessage(() -> new ProbeConfig(64, 25, 1e-3, 4, 20, 0.05, 8, false, 3, 30, 400, 1e-3, 1, 1e-4, true,
                null, 1e-2, d.pacBayes(), 0), "lemma32");
        assertMessage(() -> new ProbeConfig(64, 25, 1e-3, 4, 20, 0.05, 8, false, 3, 30, 400, 1e-3, 1, 1e-4, true,
                d.lemma32(), 0.0, d.pacBayes(), 0), "proxyAPenalty");
    }

    private static void assertMessage(Runnable build, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
