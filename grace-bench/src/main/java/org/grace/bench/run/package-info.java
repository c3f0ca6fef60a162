/**
 * Running the grid: a {@link org.grace.bench.run.Setting} per scale (embedded world or ImageNet),
 * a {@link org.grace.bench.run.Budget}, the {@link org.grace.bench.run.BenchRunner} that trains
 * each cell through the method registry and the shared loop, and the one
 * {@link org.grace.bench.run.RunEvaluator} every method goes through (plus the theory probe).
 */
package org.grace.bench.run;
