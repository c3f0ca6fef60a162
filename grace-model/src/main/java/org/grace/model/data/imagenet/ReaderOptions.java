package org.grace.model.data.imagenet;

/**
 * Settings shared by the folder readers.
 *
 * @param imageSize  CLIP preprocessing size {@code S} (224 for ViT-B/32)
 * @param unreadable what to do with files that cannot be decoded
 * @param probeOnOpen read every file's header when the dataset is opened, so that (under
 *                    {@link UnreadableImagePolicy#SKIP}) unreadable files are dropped up front and
 *                    the dataset size is exact; costs one file open per image
 */
public record ReaderOptions(int imageSize, UnreadableImagePolicy unreadable, boolean probeOnOpen) {

    public ReaderOptions {
        if (imageSize < 1) {
            throw new IllegalArgumentException("imageSize must be >= 1, got " + imageSize);
        }
        if (unreadable == null) {
            throw new IllegalArgumentException("unreadable policy must not be null");
        }
    }

    /** 224 px, fail on unreadable images, no probing. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(224, UnreadableImagePolicy.FAIL, false);
    }
}
