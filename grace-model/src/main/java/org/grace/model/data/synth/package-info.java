/**
 * The embedded benchmark (DESIGN §4): a procedural world of coloured, textured shapes rendered
 * deterministically in pure Java, with ID, V2/Sketch/R-style OOD, adversarially filtered A/A-Plus
 * splits, eight zero-shot transfer tasks and an image–caption pretraining corpus. Entry point:
 * {@link org.grace.model.data.synth.SynthWorld}; overview images:
 * {@link org.grace.model.data.synth.DescribeWorld}; throughput:
 * {@link org.grace.model.data.synth.GenerationBenchmark}.
 */
package org.grace.model.data.synth;
