package io.github.syndic.benchmarks.index;

import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.PreparedDoc;
import io.github.syndic.minhash.MinHasher;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Synthetic feed documents for the index benchmarks: articles of about 150 words drawn with a
 * Zipf-like law from a 20,000-word vocabulary of invented words (so unrelated articles share the
 * frequent words, as real ones do), signed with the index's default spec. One article in five has
 * a lightly edited copy. Deterministic for a given seed.
 *
 * <p>Immutable and thread-safe.
 */
public final class SyntheticFeed {
  /** Words per article, about a short news item. */
  public static final int WORDS = 150;

  private static final int VOCAB = 20_000;
  private final String[] vocab;
  private final double[] cumulative;
  private final MinHasher hasher;

  /** A feed generator with the default index spec. */
  public SyntheticFeed() {
    Random r = new Random(17);
    vocab = new String[VOCAB];
    for (int i = 0; i < VOCAB; i++) {
      int len = 2 + r.nextInt(8);
      StringBuilder sb = new StringBuilder(len);
      for (int j = 0; j < len; j++) {
        sb.append((char) ('a' + r.nextInt(26)));
      }
      vocab[i] = sb.toString();
    }
    cumulative = new double[VOCAB];
    double sum = 0;
    for (int i = 0; i < VOCAB; i++) {
      sum += 1.0 / (i + 10);
      cumulative[i] = sum;
    }
    for (int i = 0; i < VOCAB; i++) {
      cumulative[i] /= sum;
    }
    hasher = IndexConfig.defaults().spec().hasher();
  }

  /** Text of article {@code i} (articles {@code 5m + 1} are edited copies of {@code 5m}). */
  public String text(long i) {
    boolean copy = i % 5 == 1;
    Random r = new Random((copy ? i - 1 : i) * 0x9E3779B97F4A7C15L);
    Random edit = new Random(i);
    StringBuilder sb = new StringBuilder(WORDS * 7);
    for (int w = 0; w < WORDS; w++) {
      String word = vocab[pick(r.nextDouble())];
      if (copy && edit.nextInt(20) == 0) {
        word = vocab[pick(edit.nextDouble())];
      }
      sb.append(word).append(w % 15 == 14 ? ".\n" : " ");
    }
    return sb.toString();
  }

  private int pick(double u) {
    int lo = 0;
    int hi = VOCAB - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Prepared document {@code i}: id {@code "https://example.org/news/<i>"}, time by i. */
  public PreparedDoc prepared(long i) {
    String text = text(i);
    return PreparedDoc.of("https://example.org/news/" + i, hasher.sign(text), text.length(),
        Instant.ofEpochSecond(1_700_000_000L + i), "site" + (i % 13));
  }

  /** Prepared documents {@code [from, from + n)}, signed in parallel. */
  public PreparedDoc[] prepared(long from, int n) {
    PreparedDoc[] out = new PreparedDoc[n];
    IntStream.range(0, n).parallel().forEach(j -> out[j] = prepared(from + j));
    return out;
  }

  /** An index (no window) holding documents {@code [0, n)}. */
  public NearDuplicateIndex index(int n) {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults().withWindow(null), n);
    int chunk = 50_000;
    for (int from = 0; from < n; from += chunk) {
      for (PreparedDoc p : prepared(from, Math.min(chunk, n - from))) {
        ix.add(p);
      }
    }
    return ix;
  }
}
