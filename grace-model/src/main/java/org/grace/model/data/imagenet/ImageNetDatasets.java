package org.grace.model.data.imagenet;

import org.grace.model.data.ClassTexts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers for ImageNet and its variants, following the WiSE-FT / FLYP conventions of
 * reference/clip.md §7. Every reader returns an {@link ImageFolderDataset} whose images are
 * CLIP-preprocessed float CHW.
 *
 * <ul>
 *   <li>train / val / Sketch in wnid folders: label = ImageNet index of the folder's wnid via a
 *       {@link WnidIndex}; when none is given, the folder's own 1000 sorted sub-folder names are
 *       the index (torchvision's {@code ImageFolder}, as WiSE-FT reads them).</li>
 *   <li>val as a flat folder plus a label file ({@link #valFlat}).</li>
 *   <li>ImageNet-V2: folders {@code "0".."999"}, label = the folder name parsed as an integer;
 *       folders are ordered numerically ("2" before "10"), never as strings.</li>
 *   <li>ImageNet-R and ImageNet-A: 200 wnid folders; label {@code j} is the folder's position in
 *       the sorted folder list, and {@link ImageFolderDataset#classSubset()} is the 200-entry
 *       {@code CLASS_SUBLIST} (the 1000→200 logit mask). Given a {@link WnidIndex}, labels come
 *       from it instead, which also checks each folder against the sublist and allows a partial
 *       copy.</li>
 *   <li>A-Plus: a filtered subset of ImageNet-A in the same layout (possibly fewer folders),
 *       labelled and masked exactly like A; needs a {@link WnidIndex} to place its folders among
 *       A's 200 classes.</li>
 *   <li>Generic image folder: sorted class folders plus an optional class-name file.</li>
 * </ul>
 */
public final class ImageNetDatasets {

    private ImageNetDatasets() {
    }

    /** The 1000 ImageNet class names in index order (OpenAI's CLIP list). */
    public static List<String> classNames() {
        return ClassTexts.readLines(ImageNetDatasets.class, "imagenet_classnames.txt");
    }

    /** ImageNet class names with OpenAI's 80 zero-shot templates. */
    public static ClassTexts zeroShotTexts() {
        return ClassTexts.fromResources(ImageNetDatasets.class, "imagenet_classnames.txt", "imagenet_templates.txt");
    }

    /** ImageNet-R's 200 ImageNet indices (WiSE-FT's {@code CLASS_SUBLIST}). */
    public static int[] imagenetRSublist() {
        return readSublist("imagenet_r_class_sublist.txt");
    }

    /** ImageNet-A's 200 ImageNet indices (WiSE-FT's {@code CLASS_SUBLIST}). */
    public static int[] imagenetASublist() {
        return readSublist("imagenet_a_class_sublist.txt");
    }

    /** ImageNet train, wnid folders; indices from the folder's own sorted wnids. */
    public static ImageFolderDataset train(Path root, ReaderOptions options) {
        return wnidFolders("imagenet-train", root, WnidIndex.fromTrainFolder(root), options);
    }

    /** ImageNet train (or any 1000-way wnid-folder split) with an explicit wnid index. */
    public static ImageFolderDataset train(Path root, WnidIndex wnids, ReaderOptions options) {
        return wnidFolders("imagenet-train", root, wnids, options);
    }

    /** ImageNet val in wnid folders; {@code wnids} may be null (then all 1000 folders must be present). */
    public static ImageFolderDataset valFolders(Path root, WnidIndex wnids, ReaderOptions options) {
        return wnidFolders("imagenet-val", root, wnids, options);
    }

    /**
     * ImageNet val as one flat folder plus a label file (format: {@link ValLabelFile}); {@code wnids}
     * may be null when the labels are indices.
     */
    public static ImageFolderDataset valFlat(Path imagesFolder, Path labelFile, WnidIndex wnids, ReaderOptions options) {
        FolderScanner.requireFolder(imagesFolder);
        return new ImageFolderDataset("imagenet-val", ValLabelFile.read(labelFile, imagesFolder, wnids), classNames(),
                null, options);
    }

    /** ImageNet-V2: folders "0".."999", label = integer folder name, numeric order. */
    public static ImageFolderDataset imagenetV2(Path root, ReaderOptions options) {
        List<Path> folders = new ArrayList<>(FolderScanner.classFolders(root));
        Map<Path, Integer> labels = new HashMap<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            int label;
            try {
                label = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ImageNet-V2 folder name is not an integer class index: " + folder, e);
            }
            if (label < 0 || label >= WnidIndex.CLASSES) {
                throw new IllegalArgumentException("ImageNet-V2 folder index outside [0,1000): " + folder);
            }
            labels.put(folder, label);
        }
        folders.sort(Comparator.comparing(labels::get));
        List<ImageEntry> entries = new ArrayList<>();
        for (Path folder : folders) {
            for (Path image : FolderScanner.images(folder)) {
                entries.add(new ImageEntry(image, labels.get(folder)));
            }
        }
        return new ImageFolderDataset("imagenet-v2", entries, classNames(), null, options);
    }

    /** ImageNet-Sketch: wnid folders, 1000-way; {@code wnids} may be null (then all 1000 folders must be present). */
    public static ImageFolderDataset imagenetSketch(Path root, WnidIndex wnids, ReaderOptions options) {
        return wnidFolders("imagenet-sketch", root, wnids, options);
    }

    /** ImageNet-R: 200 wnid folders; {@code wnids} may be null (then exactly 200 folders are required). */
    public static ImageFolderDataset imagenetR(Path root, WnidIndex wnids, ReaderOptions options) {
        return subsetFolders("imagenet-r", root, imagenetRSublist(), wnids, options);
    }

    /** ImageNet-A: 200 wnid folders; {@code wnids} may be null (then exactly 200 folders are required). */
    public static ImageFolderDataset imagenetA(Path root, WnidIndex wnids, ReaderOptions options) {
        return subsetFolders("imagenet-a", root, imagenetASublist(), wnids, options);
    }

    /** A-Plus: a filtered subset of ImageNet-A in the same wnid-folder layout, evaluated with A's mask. */
    public static ImageFolderDataset imagenetAPlus(Path root, WnidIndex wnids, ReaderOptions options) {
        if (wnids == null) {
            throw new IllegalArgumentException("imagenet-a-plus at " + root
                    + " needs a WnidIndex to place its folders among ImageNet-A's 200 classes");
        }
        return subsetFolders("imagenet-a-plus", root, imagenetASublist(), wnids, options);
    }

    /**
     * A generic image-folder dataset: class folders sorted by name; class names from
     * {@code classNamesFile} (one per line, in sorted-folder order) or, if null, the folder names.
     */
    public static ImageFolderDataset imageFolder(String name, Path root, Path classNamesFile, ReaderOptions options) {
        List<Path> folders = FolderScanner.classFolders(root);
        List<String> names = new ArrayList<>();
        if (classNamesFile == null) {
            folders.forEach(f -> names.add(f.getFileName().toString()));
        } else {
            try {
                Files.readAllLines(classNamesFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                        .map(String::strip).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read class-name file " + classNamesFile, e);
            }
            if (names.size() != folders.size()) {
                throw new IllegalArgumentException("class-name file " + classNamesFile + " lists " + names.size()
                        + " names but " + root + " has " + folders.size() + " class folders");
            }
        }
        List<ImageEntry> entries = new ArrayList<>();
        for (int label = 0; label < folders.size(); label++) {
            for (Path image : FolderScanner.images(folders.get(label))) {
                entries.add(new ImageEntry(image, label));
            }
        }
        return new ImageFolderDataset(name, entries, names, null, options);
    }

    private static ImageFolderDataset wnidFolders(String name, Path root, WnidIndex wnids, ReaderOptions options) {
        WnidIndex index = wnids != null ? wnids : WnidIndex.fromTrainFolder(root);
        List<ImageEntry> entries = new ArrayList<>();
        for (Path folder : FolderScanner.classFolders(root)) {
            int label = labelOfWnidFolder(folder, index);
            for (Path image : FolderScanner.images(folder)) {
                entries.add(new ImageEntry(image, label));
            }
        }
        return new ImageFolderDataset(name, entries, classNames(), null, options);
    }

    private static ImageFolderDataset subsetFolders(String name, Path root, int[] sublist, WnidIndex wnids,
                                                    ReaderOptions options) {
        List<Path> folders = FolderScanner.classFolders(root);
        List<String> all = classNames();
        List<String> names = new ArrayList<>();
        for (int index : sublist) {
            names.add(all.get(index));
        }
        Map<Integer, Integer> position = new HashMap<>();
        for (int j = 0; j < sublist.length; j++) {
            position.put(sublist[j], j);
        }
        if (wnids == null && folders.size() != sublist.length) {
            throw new IllegalArgumentException(name + " at " + root + " has " + folders.size() + " class folders, expected "
                    + sublist.length + " (pass a WnidIndex to read a partial copy)");
        }
        List<ImageEntry> entries = new ArrayList<>();
        for (int f = 0; f < folders.size(); f++) {
            Path folder = folders.get(f);
            int label;
            if (wnids == null) {
                label = f;
            } else {
                Integer j = position.get(labelOfWnidFolder(folder, wnids));
                if (j == null) {
                    throw new IllegalArgumentException(name + ": folder " + folder + " is not one of the dataset's "
                            + sublist.length + " classes");
                }
                label = j;
            }
            for (Path image : FolderScanner.images(folder)) {
                entries.add(new ImageEntry(image, label));
            }
        }
        return new ImageFolderDataset(name, entries, names, sublist, options);
    }

    private static int labelOfWnidFolder(Path folder, WnidIndex wnids) {
        String wnid = folder.getFileName().toString();
        if (!WnidIndex.isWnid(wnid)) {
            throw new IllegalArgumentException("class folder name is not a wnid: " + folder);
        }
        try {
            return wnids.index(wnid);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("class folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static int[] readSublist(String resource) {
        return ClassTexts.readLines(ImageNetDatasets.class, resource).stream().mapToInt(Integer::parseInt).toArray();
    }
}
