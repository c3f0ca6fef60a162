/**
 * Datasets as the rest of the suite sees them: {@link org.grace.model.data.ImageDataset} (random
 * access, float CHW images in [0,1], optional class-subset logit mask), deterministic visiting
 * orders ({@link org.grace.model.data.IndexOrder}), and {@link org.grace.model.data.Batches}, which
 * turns a dataset and an order into DJL batches ({@code [B,3,H,W]} float32, {@code [B]} int64)
 * while worker threads decode or generate the next ones. The embedded benchmark lives in
 * {@code org.grace.model.data.synth}, the ImageNet-family readers in
 * {@code org.grace.model.data.imagenet}.
 */
package org.grace.model.data;
