/**
 * The paper's claims, one class each, every one judged from run records by the paired-by-seed rule
 * of {@link org.grace.bench.report.VerdictRule}; {@link org.grace.bench.report.claims.Claims#all()}
 * lists them in the order of the README.
 */
package org.grace.bench.report.claims;
