/**
 * Raw results: one {@link org.grace.bench.record.RunRecord} per (method, seed, evaluation), kept
 * as JSON lines in append-only {@link org.grace.bench.record.RunStore}s. Every table and figure is
 * derived from these lines only.
 */
package org.grace.bench.record;
