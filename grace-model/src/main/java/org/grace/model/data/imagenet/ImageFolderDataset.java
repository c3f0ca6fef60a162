package org.grace.model.data.imagenet;

import org.grace.model.data.ImageDataset;
import org.grace.model.data.SkippedImageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A dataset of image files with known labels, decoded ({@link ImageDecoder}) and CLIP-preprocessed
 * ({@link ClipPreprocessor}) on each access; nothing is cached.
 *
 * <p>Unreadable files follow the {@link UnreadableImagePolicy}: FAIL throws an
 * {@link UncheckedIOException} naming the file; SKIP records the file in {@link #skipped()} and
 * throws {@link SkippedImageException}, which {@link org.grace.model.data.Batches} turns into a
 * missing row. With {@link ReaderOptions#probeOnOpen()} headers are checked when the dataset is
 * built, so unreadable files are dropped (SKIP) or reported (FAIL) before any batch is made.
 */
public final class ImageFolderDataset implements ImageDataset {

    private final String name;
    private final List<ImageEntry> entries;
    private final List<String> classNames;
    private final int[] subset;
    private final ReaderOptions options;
    private final ClipPreprocessor preprocessor;
    private final Set<Path> skipped = Collections.synchronizedSet(new LinkedHashSet<>());

    /**
     * @param name       dataset name for reports
     * @param entries    files and labels, in dataset order
     * @param classNames label names
     * @param subset     logit mask for subset datasets (see {@link ImageDataset#classSubset()}), or null
     * @param options    reader options
     * @throws IllegalArgumentException if a label is outside the class names, or (FAIL with
     *                                  probing) naming the first unreadable file
     */
    public ImageFolderDataset(String name, List<ImageEntry> entries, List<String> classNames, int[] subset,
                              ReaderOptions options) {
        this.name = name;
        this.classNames = List.copyOf(classNames);
        this.subset = subset == null ? null : subset.clone();
        this.options = options;
        this.preprocessor = new ClipPreprocessor(options.imageSize());
        if (subset != null && subset.length != classNames.size()) {
            throw new IllegalArgumentException(name + ": class subset has " + subset.length + " entries but there are "
                    + classNames.size() + " class names");
        }
        for (ImageEntry entry : entries) {
            if (entry.label() < 0 || entry.label() >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + entry.label() + " of " + entry.path()
                        + " is outside [0, " + classNames.size() + ")");
            }
        }
        this.entries = options.probeOnOpen() ? probe(entries) : List.copyOf(entries);
    }

    private List<ImageEntry> probe(List<ImageEntry> all) {
        List<ImageEntry> readable = new ArrayList<>(all.size());
        for (ImageEntry entry : all) {
            try {
                ImageDecoder.probe(entry.path());
                readable.add(entry);
            } catch (IOException e) {
                if (options.unreadable() == UnreadableImagePolicy.FAIL) {
                    throw new UncheckedIOException(name + ": unreadable image " + entry.path(), e);
                }
                skipped.add(entry.path());
            }
        }
        return List.copyOf(readable);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int i) {
        checkIndex(i);
        return entries.get(i).label();
    }

    @Override
    public float[] image(int i) {
        checkIndex(i);
        Path path = entries.get(i).path();
        RgbImage decoded;
        try {
            decoded = ImageDecoder.decode(path);
        } catch (IOException | RuntimeException e) {
            if (options.unreadable() == UnreadableImagePolicy.SKIP) {
                skipped.add(path);
                throw new SkippedImageException(path, e);
            }
            throw new UncheckedIOException(name + ": unreadable image " + path,
                    e instanceof IOException io ? io : new IOException(e));
        }
        return preprocessor.apply(decoded);
    }

    @Override
    public int imageSize() {
        return options.imageSize();
    }

    @Override
    public Optional<int[]> classSubset() {
        return subset == null ? Optional.empty() : Optional.of(subset.clone());
    }

    /** The file of example {@code i}. */
    public Path path(int i) {
        checkIndex(i);
        return entries.get(i).path();
    }

    /** Distinct files skipped so far (when probing and while decoding), in the order they were first met. */
    public List<Path> skipped() {
        synchronized (skipped) {
            return List.copyOf(skipped);
        }
    }

    /** One line for logs: how many files were skipped, and the first few. */
    public String skipReport() {
        List<Path> list = skipped();
        if (list.isEmpty()) {
            return name + ": no unreadable images skipped";
        }
        return name + ": skipped " + list.size() + " unreadable image(s), e.g. "
                + list.subList(0, Math.min(5, list.size()));
    }
}
