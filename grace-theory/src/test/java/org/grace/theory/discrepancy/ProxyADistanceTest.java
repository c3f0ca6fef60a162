package org.grace.theory.discrepancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyADistanceTest {

    private static final ProxyADistance PROXY = new ProxyADistance(ProxyAConfig.defaults(3L));

    @Test
    void separableDomainsAreAtDistanceTwo() {
        FeatureSet s = Features.gaussianClasses("s", 2, 100, 5, 0.0, 1L);
        FeatureSet t = Features.gaussianClasses("t", 2, 100, 5, 6.0, 2L);
        ProxyAResult result = PROXY.between(s, t);
        assertEquals(2.0, result.distance(), 0.05);
        assertEquals(200, result.trainSize());
        assertEquals(200, result.testSize());
    }

    @Test
    void samplesOfOneDistributionAreCloseToZeroAndTheDistanceGrowsWithTheShift() {
        FeatureSet s = Features.gaussianClasses("s", 2, 200, 5, 0.0, 1L);
        double same = PROXY.between(s, Features.gaussianClasses("t", 2, 200, 5, 0.0, 2L)).distance();
        double mild = PROXY.between(s, Features.gaussianClasses("t", 2, 200, 5, 0.3, 2L)).distance();
        double strong = PROXY.between(s, Features.gaussianClasses("t", 2, 200, 5, 1.0, 2L)).distance();
        assertTrue(same < 0.3, "same distribution: " + same);
        assertTrue(same < mild && mild < strong, same + " < " + mild + " < " + strong);
        assertTrue(same >= 0.0 && strong <= 2.0);
    }

    @Test
    void isDeterministicForASeed() {
        FeatureSet s = Features.gaussianClasses("s", 2, 50, 4, 0.0, 1L);
        FeatureSet t = Features.gaussianClasses("t", 2, 70, 4, 0.4, 2L);
        assertEquals(PROXY.between(s, t), PROXY.between(s, t));
    }

    @Test
    void pairwiseTablePicksTheMostDistantPair() {
        Map<String, FeatureSet> domains = new LinkedHashMap<>();
        FeatureSet id = Features.gaussianClasses("ID", 2, 60, 4, 0.0, 1L);
        domains.put("ID", id);
        domains.put("OOD", Features.gaussianClasses("OOD", 2, 60, 4, 0.5, 2L));
        FeatureSet adv = Features.shifted(Features.gaussianClasses("Adv", 2, 60, 4, 0.0, 3L), 3.0);
        domains.put("Adv", new FeatureSet("Adv", adv.features(), adv.labels()));
        DomainDiscrepancies discrepancies = new DomainDiscrepancies(Lemma32Config.defaults(), ProxyAConfig.defaults(1L));
        List<DomainPair> pairs = discrepancies.pairwise(domains);
        assertEquals(3, pairs.size());
        DomainPair max = DomainDiscrepancies.maxByLemma32(pairs);
        assertTrue(max.lemma32().source().equals("Adv") || max.lemma32().target().equals("Adv"));
        DomainPair maxA = DomainDiscrepancies.maxByProxyA(pairs);
        assertTrue(maxA.proxyA().source().equals("Adv") || maxA.proxyA().target().equals("Adv"));
        assertThrows(IllegalArgumentException.class, () -> discrepancies.pairwise(Map.of("ID", id)));
    }

    @Test
    void badInputGetsAClearException() {
        FeatureSet one = FeatureSet.unlabelled("one", new double[][] {{1, 2}});
        FeatureSet many = Features.gaussianClasses("many", 1, 10, 2, 0.0, 1L);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> PROXY.between(one, many));
        assertTrue(small.getMessage().contains("'one'"), small.getMessage());
        FeatureSet threeD = Features.gaussianClasses("threeD", 1, 10, 3, 0.0, 1L);
        assertThrows(IllegalArgumentException.class, () -> PROXY.between(many, threeD));
        assertThrows(IllegalArgumentException.class, () -> new ProxyAConfig(0.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> FeatureSet.unlabelled("empty", new double[0][]));
    }
}
