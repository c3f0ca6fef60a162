package org.grace.model.data.imagenet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The map from ImageNet WordNet ids ({@code n01440764}, ...) to class indices 0..999.
 *
 * <p>ImageNet's class index is the position of the wnid in the sorted list of the 1000 wnids
 * (torchvision's {@code ImageFolder} on the train folder; the order of the class-name list in
 * {@code imagenet_classnames.txt}). The suite does not ship the wnid list, so it comes either from
 * the train folder ({@link #fromTrainFolder}: its 1000 sub-folder names, sorted) or from a file
 * the user supplies ({@link #fromFile}: one wnid per line, line {@code i} is class {@code i}, e.g.
 * torchvision's or Keras's class-index file reduced to wnids).
 */
public final class WnidIndex {

    /** Number of ImageNet-1k classes. */
    public static final int CLASSES = 1000;
    private static final Pattern WNID = Pattern.compile("n\\d{8}");

    private final List<String> wnids;
    private final Map<String, Integer> index = new HashMap<>();

    private WnidIndex(List<String> wnids, String source) {
        if (wnids.size() != CLASSES) {
            throw new IllegalArgumentException(source + " lists " + wnids.size() + " wnids, expected " + CLASSES);
        }
        for (int i = 0; i < wnids.size(); i++) {
            String wnid = wnids.get(i);
            if (!WNID.matcher(wnid).matches()) {
                throw new IllegalArgumentException(source + ": entry " + i + " '" + wnid + "' is not a wnid (n + 8 digits)");
            }
            if (index.put(wnid, i) != null) {
                throw new IllegalArgumentException(source + ": wnid " + wnid + " appears twice");
            }
        }
        this.wnids = List.copyOf(wnids);
    }

    /** The sorted names of the 1000 class folders under {@code trainRoot} (train, or any complete wnid-folder split). */
    public static WnidIndex fromTrainFolder(Path trainRoot) {
        List<String> names = new ArrayList<>();
        for (Path folder : FolderScanner.classFolders(trainRoot)) {
            names.add(folder.getFileName().toString());
        }
        return new WnidIndex(names, "class folders of " + trainRoot);
    }

    /** One wnid per non-blank line; the first whitespace-separated token of each line is used. */
    public static WnidIndex fromFile(Path file) {
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.strip().split("\\s+")[0]);
                }
            }
            return new WnidIndex(names, "wnid file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wnid file " + file, e);
        }
    }

    /** Builds an index from an explicit list (tests, or wnids read elsewhere). */
    public static WnidIndex of(List<String> wnids) {
        return new WnidIndex(wnids, "wnid list");
    }

    /** Class index of {@code wnid}; fails naming it if unknown. */
    public int index(String wnid) {
        Integer i = index.get(wnid);
        if (i == null) {
            throw new IllegalArgumentException("unknown ImageNet wnid '" + wnid + "'");
        }
        return i;
    }

    /** The wnid of class {@code i}. */
    public String wnid(int i) {
        return wnids.get(i);
    }

    /** Whether {@code name} looks like a wnid. */
    public static boolean isWnid(String name) {
        return WNID.matcher(name).matches();
    }
}
