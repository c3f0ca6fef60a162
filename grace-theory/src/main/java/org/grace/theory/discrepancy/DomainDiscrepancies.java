package org.grace.theory.discrepancy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Term (C) of Theorem 3.1, max_{s,t∈S} d_HΔH(D_s, D_t) over S = {ID, OOD, Adv} (paper summary,
 * line 17), estimated for every unordered pair of the given domains by Lemma 3.2's bound and by the
 * proxy A-distance. The paper writes the maximum without Ben-David's ½ factor; so does this class.
 */
public final class DomainDiscrepancies {

    private final Lemma32Discrepancy lemma32;
    private final ProxyADistance proxyA;

    public DomainDiscrepancies(Lemma32Config lemmaConfig, ProxyAConfig proxyConfig) {
        this.lemma32 = new Lemma32Discrepancy(lemmaConfig);
        this.proxyA = new ProxyADistance(proxyConfig);
    }

    /** Every unordered pair of domains, in input order (needs at least two domains). */
    public List<DomainPair> pairwise(Map<String, FeatureSet> domains) {
        if (domains.size() < 2) {
            throw new IllegalArgumentException("need at least two domains, got " + domains.keySet());
        }
        List<FeatureSet> sets = new ArrayList<>(domains.values());
        List<DomainPair> pairs = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                pairs.add(new DomainPair(lemma32.between(sets.get(i), sets.get(j)), proxyA.between(sets.get(i), sets.get(j))));
            }
        }
        return List.copyOf(pairs);
    }

    /** The pair with the largest Lemma 3.2 bound. */
    public static DomainPair maxByLemma32(List<DomainPair> pairs) {
        return pairs.stream().max(Comparator.comparingDouble(p -> p.lemma32().bound()))
                .orElseThrow(() -> new IllegalArgumentException("no domain pairs"));
    }

    /** The pair with the largest proxy A-distance. */
    public static DomainPair maxByProxyA(List<DomainPair> pairs) {
        return pairs.stream().max(Comparator.comparingDouble(p -> p.proxyA().distance()))
                .orElseThrow(() -> new IllegalArgumentException("no domain pairs"));
    }
}
