package org.grace.model.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how long loading the shipped OpenAI merges takes and how fast prompts are tokenized
 * with a cold and a warm BPE cache. Run: {@code java -cp ... org.grace.model.text.ClipBpeTokenizerBenchmark}.
 */
public final class ClipBpeTokenizerBenchmark {

    private ClipBpeTokenizerBenchmark() {
    }

    public static void main(String[] args) {
        for (int run = 1; run <= 5; run++) {
            long start = System.nanoTime();
            BpeVocabulary vocabulary = readShipped();
            new ClipBpeTokenizer(vocabulary, 77);
            System.out.printf("load %d: %.1f ms%n", run, (System.nanoTime() - start) / 1e6);
        }
        ClipBpeTokenizer clip = new ClipBpeTokenizer(readShipped(), 77);
        List<String> prompts = new ArrayList<>();
        for (int id = 512; id < clip.vocabSize() - 2; id += 4) {
            String word = clip.vocabulary().token(id).replace(BpeVocabulary.END_OF_WORD, "");
            prompts.add("a bad photo of the " + word + "s, itap of a " + word + ".");
        }
        for (String pass : List.of("cold cache", "warm cache")) {
            long start = System.nanoTime();
            long ids = 0;
            for (String prompt : prompts) {
                ids += clip.encode(prompt).size();
                clip.tokenize(prompt);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d prompts (%d ids) in %.3f s = %.0f prompts/s%n", pass, prompts.size(), ids, seconds,
                    prompts.size() / seconds);
        }
    }

    private static BpeVocabulary readShipped() {
        try (InputStream in = ClipBpeTokenizer.class.getResourceAsStream(ClipBpeTokenizer.OPENAI_MERGES_RESOURCE)) {
            return BpeVocabularyFiles.readOpenAi(in, ClipBpeTokenizer.OPENAI_MERGES_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
