/**
 * Paper-scale data: readers for ImageNet train/val, ImageNet-V2, -Sketch, -R, -A, A-Plus and
 * generic image folders ({@link org.grace.model.data.imagenet.ImageNetDatasets}), JPEG/PNG
 * decoding ({@link org.grace.model.data.imagenet.ImageDecoder}) and CLIP preprocessing with
 * Pillow-exact bicubic resampling ({@link org.grace.model.data.imagenet.ClipPreprocessor}).
 */
package org.grace.model.data.imagenet;
