package org.grace.model.data.imagenet;

import org.grace.model.data.BatchOptions;
import org.grace.model.data.Batches;
import org.grace.model.data.HostBatch;
import org.grace.model.data.IndexOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageNetDatasetsTest {

    private static final ReaderOptions SMALL = new ReaderOptions(16, UnreadableImagePolicy.FAIL, false);

    @TempDir
    Path dir;

    @Test
    void imagenetV2FoldersAreOrderedAsIntegersNotStrings() {
        for (int k = 0; k <= 10; k++) {
            Fixtures.image(dir.resolve("v2/" + k + "/a.png"), 20, 18);
        }
        ImageFolderDataset v2 = ImageNetDatasets.imagenetV2(dir.resolve("v2"), SMALL);
        int[] labels = new int[v2.size()];
        for (int i = 0; i < v2.size(); i++) {
            labels[i] = v2.label(i);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, labels);
        assertEquals(dir.resolve("v2/10/a.png"), v2.path(10));
        assertEquals(1000, v2.classNames().size());
        assertEquals(3 * 16 * 16, v2.image(3).length);
    }

    @Test
    void imagenetV2RejectsANonIntegerFolderByName() {
        Fixtures.image(dir.resolve("v2/0/a.png"), 8, 8);
        Fixtures.image(dir.resolve("v2/n01440764/a.png"), 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageNetDatasets.imagenetV2(dir.resolve("v2"), SMALL));
        assertTrue(e.getMessage().contains("n01440764"), e.getMessage());
    }

    @Test
    void imagenetRLabelsIndexItsSublistWhichIsTheLogitMask() {
        int[] sublist = ImageNetDatasets.imagenetRSublist();
        WnidIndex wnids = Fixtures.syntheticWnids();
        Fixtures.image(dir.resolve("r/" + Fixtures.wnid(sublist[0]) + "/x.png"), 8, 8);
        Fixtures.image(dir.resolve("r/" + Fixtures.wnid(sublist[1]) + "/x.png"), 8, 8);
        Fixtures.image(dir.resolve("r/" + Fixtures.wnid(sublist[199]) + "/x.png"), 8, 8);
        ImageFolderDataset r = ImageNetDatasets.imagenetR(dir.resolve("r"), wnids, SMALL);
        assertEquals(List.of(0, 1, 199), List.of(r.label(0), r.label(1), r.label(2)));
        assertArrayEquals(sublist, r.classSubset().orElseThrow());
        assertEquals(200, r.classNames().size());
        assertEquals("goldfish", r.classNames().get(0));
        assertEquals(ImageNetDatasets.classNames().get(988), r.classNames().get(199));
    }

    @Test
    void imagenetRWithoutAWnidIndexNeedsAll200Folders() {
        Fixtures.image(dir.resolve("r/n00000001/x.png"), 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageNetDatasets.imagenetR(dir.resolve("r"), null, SMALL));
        assertTrue(e.getMessage().contains("200") && e.getMessage().contains(dir.resolve("r").toString()), e.getMessage());
    }

    @Test
    void aFolderOutsideTheSublistIsNamed() {
        Fixtures.image(dir.resolve("a/" + Fixtures.wnid(0) + "/x.png"), 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageNetDatasets.imagenetA(dir.resolve("a"), Fixtures.syntheticWnids(), SMALL));
        assertTrue(e.getMessage().contains(Fixtures.wnid(0)), e.getMessage());
    }

    @Test
    void aPlusIsReadAsASubsetOfAWithAsMask() {
        int[] a = ImageNetDatasets.imagenetASublist();
        Fixtures.image(dir.resolve("aplus/" + Fixtures.wnid(a[3]) + "/x.jpg"), 30, 20);
        Fixtures.image(dir.resolve("aplus/" + Fixtures.wnid(a[150]) + "/y.jpg"), 30, 20);
        ImageFolderDataset plus = ImageNetDatasets.imagenetAPlus(dir.resolve("aplus"), Fixtures.syntheticWnids(), SMALL);
        assertEquals(List.of(3, 150), List.of(plus.label(0), plus.label(1)));
        assertArrayEquals(a, plus.classSubset().orElseThrow());
        assertEquals(6, a[0]);
        assertThrows(IllegalArgumentException.class, () -> ImageNetDatasets.imagenetAPlus(dir.resolve("aplus"), null, SMALL));
    }

    @Test
    void trainAndSketchWnidFoldersAreLabelledThroughTheWnidIndex() {
        Fixtures.image(dir.resolve("train/" + Fixtures.wnid(7) + "/a.png"), 8, 8);
        Fixtures.image(dir.resolve("train/" + Fixtures.wnid(7) + "/b.png"), 8, 8);
        Fixtures.image(dir.resolve("train/" + Fixtures.wnid(42) + "/a.png"), 8, 8);
        ImageFolderDataset train = ImageNetDatasets.train(dir.resolve("train"), Fixtures.syntheticWnids(), SMALL);
        assertEquals(List.of(7, 7, 42), List.of(train.label(0), train.label(1), train.label(2)));
        ImageFolderDataset sketch = ImageNetDatasets.imagenetSketch(dir.resolve("train"), Fixtures.syntheticWnids(), SMALL);
        assertEquals(42, sketch.label(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageNetDatasets.train(dir.resolve("train"), SMALL));
        assertTrue(e.getMessage().contains("2 wnids, expected 1000"), e.getMessage());
    }

    @Test
    void flatValReadsALabelFileWithIndicesOrWnidsAndAHeader() throws Exception {
        Fixtures.image(dir.resolve("val/ILSVRC2012_val_00000002.JPEG"), 12, 9);
        Fixtures.image(dir.resolve("val/ILSVRC2012_val_00000001.JPEG"), 12, 9);
        Fixtures.image(dir.resolve("val/other.png"), 12, 9);
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "ImageId,PredictionString\n"
                + "ILSVRC2012_val_00000002,n00000017 1 2 3 4\n"
                + "ILSVRC2012_val_00000001,n00000005 1 2 3 4\n"
                + "other.png 999\n");
        ImageFolderDataset val = ImageNetDatasets.valFlat(dir.resolve("val"), labels, Fixtures.syntheticWnids(), SMALL);
        assertEquals(3, val.size());
        assertEquals(List.of(5, 17, 999), List.of(val.label(0), val.label(1), val.label(2)));
        Files.writeString(labels, "missing.JPEG 3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageNetDatasets.valFlat(dir.resolve("val"), labels, null, SMALL));
        assertTrue(e.getMessage().contains("missing.JPEG"), e.getMessage());
    }

    @Test
    void missingAndEmptyFoldersAreErrorsThatNameTheFolder() throws Exception {
        Path missing = dir.resolve("nowhere");
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
                () -> ImageNetDatasets.imageFolder("generic", missing, null, SMALL));
        assertTrue(e1.getMessage().contains(missing.toString()), e1.getMessage());
        Files.createDirectories(dir.resolve("root"));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> ImageNetDatasets.imagenetV2(dir.resolve("root"), SMALL));
        assertTrue(e2.getMessage().contains(dir.resolve("root").toString()), e2.getMessage());
        Fixtures.image(dir.resolve("root/0/a.png"), 8, 8);
        Files.createDirectories(dir.resolve("root/1"));
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                () -> ImageNetDatasets.imagenetV2(dir.resolve("root"), SMALL));
        assertTrue(e3.getMessage().contains(dir.resolve("root/1").toString()), e3.getMessage());
    }

    @Test
    void genericFolderTakesClassNamesFromAFile() throws Exception {
        Fixtures.image(dir.resolve("g/b_folder/1.png"), 8, 8);
        Fixtures.image(dir.resolve("g/a_folder/1.png"), 8, 8);
        Path names = dir.resolve("names.txt");
        Files.writeString(names, "apple\nbanana\n");
        ImageFolderDataset g = ImageNetDatasets.imageFolder("fruit", dir.resolve("g"), names, SMALL);
        assertEquals(List.of("apple", "banana"), g.classNames());
        assertEquals(dir.resolve("g/a_folder/1.png"), g.path(0));
        Files.writeString(names, "apple\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageNetDatasets.imageFolder("fruit", dir.resolve("g"), names, SMALL));
        assertTrue(e.getMessage().contains("1 names") && e.getMessage().contains("2 class folders"), e.getMessage());
        assertEquals(List.of("a_folder", "b_folder"),
                ImageNetDatasets.imageFolder("fruit", dir.resolve("g"), null, SMALL).classNames());
    }

    @Test
    void unreadableImageFailsWithItsPathUnderFail() {
        Fixtures.image(dir.resolve("g/c/good.png"), 8, 8);
        Path bad = Fixtures.garbage(dir.resolve("g/c/zbad.jpg"));
        ImageFolderDataset d = ImageNetDatasets.imageFolder("g", dir.resolve("g"), null, SMALL);
        assertEquals(2, d.size());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> d.image(1));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        UncheckedIOException probed = assertThrows(UncheckedIOException.class, () -> ImageNetDatasets.imageFolder("g",
                dir.resolve("g"), null, new ReaderOptions(16, UnreadableImagePolicy.FAIL, true)));
        assertTrue(probed.getMessage().contains(bad.toString()), probed.getMessage());
    }

    @Test
    void unreadableImageIsSkippedCountedAndReportedUnderSkip() {
        Fixtures.image(dir.resolve("g/c/a.png"), 8, 8);
        Path bad = Fixtures.garbage(dir.resolve("g/c/b.jpg"));
        Fixtures.image(dir.resolve("g/c/c.png"), 8, 8);
        ImageFolderDataset lazy = ImageNetDatasets.imageFolder("g", dir.resolve("g"), null,
                new ReaderOptions(16, UnreadableImagePolicy.SKIP, false));
        assertEquals(3, lazy.size());
        HostBatch batch;
        try (Batches it = Batches.of(lazy, IndexOrder.identity(3), new BatchOptions(3, 2, 1, false), null)) {
            batch = it.nextHost();
        }
        assertArrayEquals(new int[] {0, 2}, batch.indices());
        assertEquals(List.of(bad), lazy.skipped());
        assertTrue(lazy.skipReport().contains("skipped 1") && lazy.skipReport().contains(bad.toString()));
        ImageFolderDataset probed = ImageNetDatasets.imageFolder("g", dir.resolve("g"), null,
                new ReaderOptions(16, UnreadableImagePolicy.SKIP, true));
        assertEquals(2, probed.size());
        assertEquals(List.of(bad), probed.skipped());
    }

    @Test
    void zeroShotTextsAndSublistsAreShipped() {
        assertEquals(1000, ImageNetDatasets.zeroShotTexts().classNames().size());
        assertEquals(80, ImageNetDatasets.zeroShotTexts().templates().size());
        assertEquals("tench", ImageNetDatasets.classNames().get(0));
        for (int[] sublist : new int[][] {ImageNetDatasets.imagenetRSublist(), ImageNetDatasets.imagenetASublist()}) {
            assertEquals(200, sublist.length);
            for (int k = 1; k < sublist.length; k++) {
                assertTrue(sublist[k] > sublist[k - 1] && sublist[k] < 1000);
            }
        }
    }
}
