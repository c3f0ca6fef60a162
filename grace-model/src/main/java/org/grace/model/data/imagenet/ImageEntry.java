package org.grace.model.data.imagenet;

import java.nio.file.Path;

/** One image file of a folder dataset and its label. */
public record ImageEntry(Path path, int label) {
}
