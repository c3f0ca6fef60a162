package org.grace.model.data.imagenet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The label file of a flat ImageNet val folder. Each line is {@code <file> <label>} separated by
 * whitespace or a comma; the label is a 0-based ImageNet index or a wnid (then a
 * {@link WnidIndex} is needed). Kaggle's {@code LOC_val_solution.csv} fits this format: its
 * prediction string starts with the wnid, and file names without an extension get {@code .JPEG}.
 * A first line whose label is neither (a CSV header) is skipped. The devkit's
 * {@code ILSVRC2012_validation_ground_truth.txt} uses ILSVRC2012 ids, not sorted-wnid indices, and
 * must be converted first. Entries are returned sorted by file name.
 */
public final class ValLabelFile {

    private ValLabelFile() {
    }

    /** The entries listed by {@code labelFile}, resolved in {@code imagesFolder}, sorted by file name. */
    public static List<ImageEntry> read(Path labelFile, Path imagesFolder, WnidIndex wnids) {
        List<String> lines;
        try {
            lines = Files.readAllLines(labelFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read label file " + labelFile, e);
        }
        List<ImageEntry> entries = new ArrayList<>();
        boolean first = true;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean header = first;
            first = false;
            String[] tokens = line.split("[,\\s]+");
            if (tokens.length < 2) {
                throw new IllegalArgumentException(labelFile + " line " + (n + 1) + ": expected '<file> <label>', got '"
                        + line + "'");
            }
            Integer label = parseLabel(tokens[1], wnids, labelFile, n + 1);
            if (label == null) {
                if (header) {
                    continue;
                }
                throw new IllegalArgumentException(labelFile + " line " + (n + 1) + ": label '" + tokens[1]
                        + "' is neither an index in [0,1000) nor a wnid");
            }
            String file = tokens[0].contains(".") ? tokens[0] : tokens[0] + ".JPEG";
            Path path = imagesFolder.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(labelFile + " line " + (n + 1) + ": image " + path + " does not exist");
            }
            entries.add(new ImageEntry(path, label));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("label file lists no images: " + labelFile);
        }
        entries.sort(Comparator.comparing(e -> e.path().getFileName().toString()));
        return entries;
    }

    /** The label, or null when the token is neither a number nor a wnid. */
    private static Integer parseLabel(String token, WnidIndex wnids, Path file, int line) {
        if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
            int label;
            try {
                label = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                label = Integer.MAX_VALUE;
            }
            if (label >= WnidIndex.CLASSES) {
                throw new IllegalArgumentException(file + " line " + line + ": label " + token + " outside [0,1000)");
            }
            return label;
        }
        if (WnidIndex.isWnid(token)) {
            if (wnids == null) {
                throw new IllegalArgumentException(file + " line " + line + ": wnid label " + token
                        + " needs a WnidIndex");
            }
            return wnids.index(token);
        }
        return null;
    }
}
