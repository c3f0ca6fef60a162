package org.grace.model.data;

import org.grace.model.io.AtomicFiles;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Lays CHW float images out as a grid and writes it as a PNG (atomically), each image enlarged by
 * nearest neighbour so that small images stay legible, with a one-pixel-per-scale grey gutter.
 */
public final class ImageGrid {

    private ImageGrid() {
    }

    /**
     * Renders a grid; {@code null} entries leave their cell empty (grey).
     *
     * @param images  CHW float images in {@code [0,1]}, row-major in the grid
     * @param size    side of each image
     * @param columns cells per row
     * @param scale   enlargement factor
     */
    public static BufferedImage render(List<float[]> images, int size, int columns, int scale) {
        if (columns < 1 || scale < 1 || size < 1) {
            throw new IllegalArgumentException("columns, scale and size must be >= 1, got " + columns + ", " + scale
                    + ", " + size);
        }
        int rows = Math.max(1, (images.size() + columns - 1) / columns);
        int cell = size * scale + scale;
        BufferedImage grid = new BufferedImage(columns * cell + scale, rows * cell + scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < grid.getHeight(); y++) {
            for (int x = 0; x < grid.getWidth(); x++) {
                grid.setRGB(x, y, 0x808080);
            }
        }
        int plane = size * size;
        for (int k = 0; k < images.size(); k++) {
            float[] image = images.get(k);
            if (image == null) {
                continue;
            }
            if (image.length != 3 * plane) {
                throw new IllegalArgumentException("image " + k + " has " + image.length + " values, expected 3*" + size
                        + "*" + size);
            }
            int ox = scale + (k % columns) * cell;
            int oy = scale + (k / columns) * cell;
            for (int y = 0; y < size * scale; y++) {
                for (int x = 0; x < size * scale; x++) {
                    int p = (y / scale) * size + x / scale;
                    grid.setRGB(ox + x, oy + y, toByte(image[p]) << 16 | toByte(image[plane + p]) << 8
                            | toByte(image[2 * plane + p]));
                }
            }
        }
        return grid;
    }

    /** Renders a grid and writes it to {@code target} as PNG, atomically. */
    public static void writePng(Path target, List<float[]> images, int size, int columns, int scale) {
        BufferedImage grid = render(images, size, columns, scale);
        AtomicFiles.writeUnchecked(target, out -> {
            if (!ImageIO.write(grid, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
