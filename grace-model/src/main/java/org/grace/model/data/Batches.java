package org.grace.model.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a dataset and a visiting order into batches, decoding or generating upcoming batches on a
 * thread pool while the consumer works on the current one.
 *
 * <p>Batch {@code k} holds the examples {@code order[k*B .. (k+1)*B)}. Each image is one task on
 * the pool; results are assembled in order, so the batches are identical for every thread count
 * (a test pins this). NDArrays are created on the consuming thread, in the manager the caller
 * gives ({@link #next(NDManager)} lets each batch live in its own sub-manager).
 *
 * <p>An example whose {@link ImageDataset#image(int)} throws {@link SkippedImageException} (a reader
 * told to skip unreadable files) is left out, so that batch is smaller; any other exception is
 * rethrown to the consumer unchanged.
 */
public final class Batches implements Iterator<Batch>, AutoCloseable {

    private final ImageDataset dataset;
    private final int[] order;
    private final BatchOptions options;
    private final NDManager manager;
    private final ExecutorService pool;
    private final ArrayDeque<List<CompletableFuture<float[]>>> inFlight = new ArrayDeque<>();
    private final int batchCount;
    private int nextToSubmit;
    private int nextToDeliver;

    private Batches(ImageDataset dataset, int[] order, BatchOptions options, NDManager manager) {
        this.dataset = dataset;
        this.order = order.clone();
        this.options = options;
        this.manager = manager;
        for (int index : this.order) {
            dataset.checkIndex(index);
        }
        int full = this.order.length / options.batchSize();
        boolean partial = this.order.length % options.batchSize() != 0;
        this.batchCount = full + (partial && !options.dropLast() ? 1 : 0);
        this.pool = options.threads() == 0 ? null : Executors.newFixedThreadPool(options.threads(), daemonThreads());
    }

    /**
     * Batches of {@code dataset} visited in {@code order}, created in {@code manager} (which may be
     * null when the caller only uses {@link #next(NDManager)} or {@link #nextHost()}).
     *
     * @throws IndexOutOfBoundsException if {@code order} names an index outside the dataset
     */
    public static Batches of(ImageDataset dataset, int[] order, BatchOptions options, NDManager manager) {
        return new Batches(dataset, order, options, manager);
    }

    /** Number of batches this iterator yields. */
    public int batchCount() {
        return batchCount;
    }

    @Override
    public boolean hasNext() {
        return nextToDeliver < batchCount;
    }

    /** The next batch, created in the manager given at construction. */
    @Override
    public Batch next() {
        if (manager == null) {
            throw new IllegalStateException("no NDManager was given for " + dataset.name()
                    + "; call next(NDManager) or nextHost()");
        }
        return next(manager);
    }

    /** The next batch, created in {@code target}. */
    public Batch next(NDManager target) {
        HostBatch host = nextHost();
        NDArray images = target.create(host.pixels(), new Shape(host.batchSize(), 3, host.size(), host.size()));
        NDArray labels = target.create(host.labels(), new Shape(host.batchSize()));
        return new Batch(images, labels, host.indices());
    }

    /** The next batch as Java arrays (no NDArrays). */
    public HostBatch nextHost() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + batchCount + " batches of " + dataset.name() + " were consumed");
        }
        int[] indices = batchIndices(nextToDeliver);
        List<float[]> images;
        if (pool == null) {
            images = new ArrayList<>(indices.length);
            for (int index : indices) {
                images.add(loadOrSkip(index));
            }
        } else {
            topUp(nextToDeliver);
            images = join(inFlight.removeFirst());
            topUp(nextToDeliver + 1);
        }
        nextToDeliver++;
        return assemble(indices, images);
    }

    /** Keeps batches {@code first .. first+prefetch-1} submitted while the consumer works. */
    private void topUp(int first) {
        while (nextToSubmit < batchCount && nextToSubmit < first + options.prefetchBatches()) {
            submit(nextToSubmit++);
        }
    }

    private void submit(int batch) {
        int[] indices = batchIndices(batch);
        List<CompletableFuture<float[]>> futures = new ArrayList<>(indices.length);
        for (int index : indices) {
            futures.add(CompletableFuture.supplyAsync(() -> loadOrSkip(index), pool));
        }
        inFlight.addLast(futures);
    }

    private static List<float[]> join(List<CompletableFuture<float[]>> futures) {
        List<float[]> images = new ArrayList<>(futures.size());
        for (CompletableFuture<float[]> future : futures) {
            try {
                images.add(future.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }
        return images;
    }

    /** The image, or null when the dataset skips it. */
    private float[] loadOrSkip(int index) {
        try {
            return dataset.image(index);
        } catch (SkippedImageException skipped) {
            return null;
        }
    }

    private HostBatch assemble(int[] indices, List<float[]> images) {
        int size = dataset.imageSize();
        int plane = 3 * size * size;
        int kept = 0;
        for (float[] image : images) {
            if (image != null) {
                kept++;
            }
        }
        int[] keptIndices = new int[kept];
        long[] labels = new long[kept];
        float[] pixels = new float[kept * plane];
        int row = 0;
        for (int k = 0; k < indices.length; k++) {
            float[] image = images.get(k);
            if (image == null) {
                continue;
            }
            if (image.length != plane) {
                throw new IllegalStateException("dataset " + dataset.name() + " returned " + image.length
                        + " values for index " + indices[k] + ", expected 3*" + size + "*" + size);
            }
            System.arraycopy(image, 0, pixels, row * plane, plane);
            keptIndices[row] = indices[k];
            labels[row] = dataset.label(indices[k]);
            row++;
        }
        return new HostBatch(keptIndices, pixels, labels, size);
    }

    private int[] batchIndices(int batch) {
        int from = batch * options.batchSize();
        int to = Math.min(order.length, from + options.batchSize());
        return Arrays.copyOfRange(order, from, to);
    }

    /** Stops the workers; batches not yet consumed are abandoned. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        inFlight.clear();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "grace-batches-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
