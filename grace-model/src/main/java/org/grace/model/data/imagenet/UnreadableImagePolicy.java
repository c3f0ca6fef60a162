package org.grace.model.data.imagenet;

/** What a folder reader does with an image file it cannot decode. */
public enum UnreadableImagePolicy {
    /** Throw an exception naming the file. */
    FAIL,
    /** Leave the example out, count it and list it in {@link ImageFolderDataset#skipped()}. */
    SKIP
}
