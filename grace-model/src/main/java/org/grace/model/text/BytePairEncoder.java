package org.grace.model.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies the ranked merges of a {@link BpeVocabulary} to one pre-token, with a cache.
 *
 * <p>Definition (openai/CLIP {@code simple_tokenizer.py}, {@code SimpleTokenizer.bpe}): the
 * pre-token, already mapped to byte characters, starts as one symbol per character, the last one
 * carrying the {@code "</w>"} suffix; while some adjacent pair is a merge, the pair of lowest rank
 * is merged at every occurrence, scanning left to right without overlap. The final symbols are
 * looked up in the vocabulary.
 *
 * <p>Symbols are held as vocabulary ids rather than strings; this is the same algorithm because
 * tokens are unique, so equal strings have equal ids and every merge result is a token. The
 * reference cache is unbounded; this one stops growing at {@link #CACHE_LIMIT} entries so that
 * encoding an unbounded stream of distinct words cannot exhaust memory.
 */
final class BytePairEncoder {

    /** Most pre-tokens kept in the cache. */
    static final int CACHE_LIMIT = 1 << 17;

    private final BpeVocabulary vocabulary;
    /** Key {@code leftId << 32 | rightId}; value {@code rank << 32 | mergedId}. */
    private final Map<Long, Long> mergeByPair;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    BytePairEncoder(BpeVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        List<BpeVocabulary.Merge> merges = vocabulary.merges();
        this.mergeByPair = new HashMap<>(2 * merges.size());
        for (int rank = 0; rank < merges.size(); rank++) {
            BpeVocabulary.Merge merge = merges.get(rank);
            long pair = pairKey(vocabulary.id(merge.left()), vocabulary.id(merge.right()));
            // A repeated merge keeps its last rank, as Python's dict(zip(merges, range(len(merges)))) does.
            mergeByPair.put(pair, ((long) rank << 32) | vocabulary.id(merge.merged()));
        }
    }

    private static long pairKey(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    /** Appends the ids of one pre-token, given as byte characters (see {@link ByteUnicodeMap}). */
    void encode(String byteChars, List<Integer> out) {
        int[] ids = cache.get(byteChars);
        if (ids == null) {
            ids = merge(byteChars);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(byteChars, ids);
            }
        }
        for (int id : ids) {
            out.add(id);
        }
    }

    private int[] merge(String byteChars) {
        int n = byteChars.length();
        int[] word = new int[n];
        for (int i = 0; i < n - 1; i++) {
            word[i] = vocabulary.id(String.valueOf(byteChars.charAt(i)));
        }
        word[n - 1] = vocabulary.id(byteChars.charAt(n - 1) + BpeVocabulary.END_OF_WORD);
        int length = n;
        while (length > 1) {
            long best = Long.MAX_VALUE;
            int bestAt = -1;
            for (int i = 0; i + 1 < length; i++) {
                Long merge = mergeByPair.get(pairKey(word[i], word[i + 1]));
                if (merge != null && merge < best) {
                    best = merge;
                    bestAt = i;
                }
            }
            if (bestAt < 0) {
                break;
            }
            length = mergeAll(word, length, word[bestAt], word[bestAt + 1], (int) best);
        }
        int[] result = new int[length];
        System.arraycopy(word, 0, result, 0, length);
        return result;
    }

    /** Replaces every occurrence of the pair ({@code left}, {@code right}) in place; returns the new length. */
    private static int mergeAll(int[] word, int length, int left, int right, int mergedId) {
        int written = 0;
        int i = 0;
        while (i < length) {
            if (i + 1 < length && word[i] == left && word[i + 1] == right) {
                word[written++] = mergedId;
                i += 2;
            } else {
                word[written++] = word[i++];
            }
        }
        return written;
    }

    /** Number of cached pre-tokens. */
    int cacheSize() {
        return cache.size();
    }
}
