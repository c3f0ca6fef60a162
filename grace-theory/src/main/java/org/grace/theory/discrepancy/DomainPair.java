package org.grace.theory.discrepancy;

/**
 * Both discrepancy measures between two domains.
 *
 * @param lemma32 Lemma 3.2's class-conditional bound
 * @param proxyA  the proxy A-distance
 */
public record DomainPair(Lemma32Result lemma32, ProxyAResult proxyA) {
}
