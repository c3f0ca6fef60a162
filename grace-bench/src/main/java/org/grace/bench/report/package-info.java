/**
 * Everything derived from run records: the per-seed quantities (ID, OOD avg, Adv avg, HM, ...),
 * their mean and 95% confidence interval over seeds, the tables (CSV and Markdown from one
 * {@link org.grace.bench.report.tables.Table} value), the figures, the claims with their verdicts,
 * the manifest and the generated README. Entry point: {@link org.grace.bench.report.ReportWriter}.
 */
package org.grace.bench.report;
