package org.grace.model.data.imagenet;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Decodes JPEG and PNG files with {@code javax.imageio} into 8-bit RGB, mirroring PIL's
 * {@code Image.open(path).convert("RGB")}.
 *
 * <p>Greyscale images are replicated into three channels from the raw samples (as PIL's L→RGB
 * does), not through Java2D's colour management, which would apply a gamma curve. Alpha is
 * dropped without compositing, as in PIL's RGBA→RGB. Departures: the JDK's JPEG decoder is
 * libjpeg 6b, PIL's is libjpeg-turbo; both use the slow-integer IDCT and fancy upsampling, but
 * individual pixels may differ by one level. CMYK/YCCK JPEGs (a few dozen in ImageNet train) are
 * not supported by the JDK decoder and are reported as unreadable.
 */
public final class ImageDecoder {

    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {
    }

    /** Decodes {@code path}; an unreadable or unsupported file gives an {@link IOException} naming it. */
    public static RgbImage decode(Path path) throws IOException {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            ImageReader reader = readerFor(in, path);
            try {
                reader.setInput(in, true, true);
                image = reader.read(0);
            } catch (RuntimeException e) {
                throw new IOException("cannot decode image " + path + ": " + e, e);
            } finally {
                reader.dispose();
            }
        }
        return toRgb(image);
    }

    /** Reads only the header of {@code path} and returns {@code {width, height}}. */
    public static int[] probe(Path path) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            ImageReader reader = readerFor(in, path);
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } catch (RuntimeException e) {
                throw new IOException("cannot read the header of image " + path + ": " + e, e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Converts a decoded image to RGB. */
    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] data = new int[w * h * 3];
        int type = image.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1 && image.getRaster().getSampleModelTranslateX() == 0) {
            byte[] bgr = buffer.getData();
            for (int p = 0; p < w * h; p++) {
                data[p * 3] = bgr[p * 3 + 2] & 0xFF;
                data[p * 3 + 1] = bgr[p * 3 + 1] & 0xFF;
                data[p * 3 + 2] = bgr[p * 3] & 0xFF;
            }
        } else if (type == BufferedImage.TYPE_BYTE_GRAY) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRaster().getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int p = (y * w + x) * 3;
                    data[p] = row[x];
                    data[p + 1] = row[x];
                    data[p + 2] = row[x];
                }
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int p = 0; p < w * h; p++) {
                data[p * 3] = (argb[p] >> 16) & 0xFF;
                data[p * 3 + 1] = (argb[p] >> 8) & 0xFF;
                data[p * 3 + 2] = argb[p] & 0xFF;
            }
        }
        return new RgbImage(w, h, data);
    }

    private static ImageReader readerFor(ImageInputStream in, Path path) throws IOException {
        // createImageInputStream(File) returns null rather than throwing when the file cannot be opened.
        if (in == null) {
            throw new IOException("cannot open image " + path);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("not a readable image (no JPEG/PNG decoder recognises it): " + path);
        }
        return readers.next();
    }
}
