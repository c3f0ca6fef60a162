package org.grace.model.pretrain;

import org.grace.model.data.synth.CaptionCorpus;
import org.grace.model.text.Tokenizer;
import org.grace.model.train.EpochSampler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The image–caption pairs of each pretraining step, chosen by an {@link EpochSampler}, so that
 * resuming at any step sees the same data as an uninterrupted run. The next step's pairs are rendered on a background thread while
 * the current step trains.
 */
public final class CaptionBatches implements AutoCloseable {

    /** Pixels [B·3·S·S] (CHW per image) and token rows [B][context] of one step. */
    public record Pairs(float[] pixels, long[][] tokens, int batch, int imageSize) {
    }

    private final CaptionCorpus corpus;
    private final Tokenizer tokenizer;
    private final int batch;
    private final EpochSampler sampler;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "caption-batches");
        t.setDaemon(true);
        return t;
    });
    private int prefetchedStep = -1;
    private Future<Pairs> prefetched;

    public CaptionBatches(CaptionCorpus corpus, Tokenizer tokenizer, long seed, int batch) {
        this.corpus = corpus;
        this.tokenizer = tokenizer;
        this.batch = batch;
        this.sampler = new EpochSampler(corpus.size(), seed, batch);
    }

    /** Corpus indices of step {@code step} (1-based). */
    public int[] indices(int step) {
        return sampler.indices(step);
    }

    /** The pairs of {@code step}, and starts rendering those of {@code step + 1}. */
    public synchronized Pairs pairs(int step) {
        Pairs result;
        try {
            result = step == prefetchedStep ? prefetched.get() : render(step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering step " + step, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("rendering step " + step + " failed", e.getCause());
        }
        prefetchedStep = step + 1;
        prefetched = background.submit(() -> render(step + 1));
        return result;
    }

    private Pairs render(int step) {
        int[] idx = indices(step);
        int s = corpus.imageSize();
        int per = 3 * s * s;
        float[] pixels = new float[batch * per];
        IntStream.range(0, batch).forEach(i -> System.arraycopy(corpus.image(idx[i]), 0, pixels, i * per, per));
        List<String> captions = new ArrayList<>(batch);
        for (int i : idx) {
            captions.add(corpus.caption(i));
        }
        return new Pairs(pixels, tokenizer.tokenize(captions), batch, s);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
