package org.grace.model.data.imagenet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lists class folders and image files the way torchvision's {@code ImageFolder} does: class
 * folders sorted by name (byte order of the name, which for wnids equals ImageNet index order),
 * image files sorted by name, extensions {@code .jpg .jpeg .png} in any case. Missing, non-folder
 * and empty folders are errors that name the folder.
 */
public final class FolderScanner {

    private FolderScanner() {
    }

    /** The sub-folders of {@code root}, sorted by name. */
    public static List<Path> classFolders(Path root) {
        requireFolder(root);
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = new ArrayList<>(children.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList());
            if (folders.isEmpty()) {
                throw new IllegalArgumentException("dataset folder has no class sub-folders: " + root);
            }
            return folders;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list dataset folder " + root, e);
        }
    }

    /** The image files directly in {@code folder}, sorted by name; an empty folder is an error. */
    public static List<Path> images(Path folder) {
        requireFolder(folder);
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> files = children.filter(Files::isRegularFile).filter(FolderScanner::isImageName)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("folder contains no .jpg/.jpeg/.png images: " + folder);
            }
            return files;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("folder does not exist: " + folder, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list folder " + folder, e);
        }
    }

    /** Whether the file name has an image extension. */
    public static boolean isImageName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }

    /** Fails with a message naming {@code folder} unless it exists and is a folder. */
    public static void requireFolder(Path folder) {
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException("folder does not exist: " + folder);
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
    }
}
