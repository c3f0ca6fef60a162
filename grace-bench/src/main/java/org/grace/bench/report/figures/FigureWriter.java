package org.grace.bench.report.figures;

import org.grace.model.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a {@link Figure} as {@code <id>.png} (at a given DPI) and {@code <id>.svg}, each atomically:
 * the SVG through {@link AtomicFiles}; the PNG, which XChart's DPI encoder only writes to a named
 * file, to a hidden temporary file in the same folder that is then renamed over the target.
 * Rendering is headless ({@code java.awt.headless=true}).
 */
public final class FigureWriter {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final int dpi;

    /** @param dpi PNG resolution (72 = one pixel per point; 300 for print) */
    public FigureWriter(int dpi) {
        if (dpi < 36 || dpi > 600) {
            throw new IllegalArgumentException("figure dpi must be in [36, 600], got " + dpi);
        }
        this.dpi = dpi;
    }

    /** Writes {@code folder/<id>.png} and {@code folder/<id>.svg}. */
    public void write(Figure figure, Path folder) {
        Path png = folder.resolve(figure.id() + ".png");
        Path svg = folder.resolve(figure.id() + ".svg");
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve("." + figure.id() + "." + Long.toUnsignedString(System.nanoTime(), 36) + ".tmp.png");
            try {
                BitmapEncoder.saveBitmapWithDPI(figure.chart(), temporary.toString(), BitmapEncoder.BitmapFormat.PNG, dpi);
                try {
                    Files.move(temporary, png, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, png, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            AtomicFiles.write(svg, out -> VectorGraphicsEncoder.saveVectorGraphic(figure.chart(), out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + figure.id() + " to " + folder, e);
        }
    }
}
