/**
 * One in-memory {@link org.grace.bench.report.tables.Table} per report table, rendered to CSV
 * (Commons CSV) and Markdown from the same value, and the builders of each table.
 */
package org.grace.bench.report.tables;
