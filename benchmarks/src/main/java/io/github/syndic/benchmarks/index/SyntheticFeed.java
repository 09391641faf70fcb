package io.github.syndic.benchmarks.index;

import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.PreparedDoc;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.minhash.Signature;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import java.time.Instant;
import java.util.Arrays;
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

  // ------------------------------------------------------------ synthetic signatures

  /** Share of an edited copy's values redrawn at random: J of a copy with its original ~0.9. */
  static final double COPY_REDRAW = 0.1;

  /**
   * Share of a synthetic signature's values drawn from a small per-position pool of {@link
   * #COMMON} values, the rest uniformly at random: two unrelated signatures then agree on a value
   * with probability ~ 0.5^2 / 16 = 1/64 and share one of the 37 bands of 3 rows with probability
   * ~ 37 / 64^3 = 1.4e-4, about 14 chance candidates per query at 10^5 documents and 140 at 10^6
   * (a chosen background, not fitted to a corpus: the candidate load of real text depends on its
   * language and topics).
   */
  static final double COMMON_SHARE = 0.5;

  /** Size of the per-position pool of common values (see {@link #COMMON_SHARE}). */
  static final int COMMON = 16;

  private byte[] header;

  /**
   * Synthetic prepared document {@code i}: the same id, time and source as {@link #prepared(long)}
   * but a signature drawn from a seeded RNG (no text): value {@code j} is, with probability {@link
   * #COMMON_SHARE}, one of {@link #COMMON} values fixed per position, else uniform; set size
   * 600-1,400 (char 5-grams of a short article). Documents {@code 5m + 1} are edited copies of
   * {@code 5m}: each value redrawn with probability {@link #COPY_REDRAW}, set size within 5%.
   */
  public PreparedDoc synthetic(long i) {
    boolean copy = i % 5 == 1;
    long base = copy ? i - 1 : i;
    SplittableRandom r = new SplittableRandom(base * 0x9E3779B97F4A7C15L + 11);
    SplittableRandom edit = new SplittableRandom(i * 0xC2B2AE3D27D4EB4FL + 5);
    int k = hasher.spec().k();
    long setSize = 600 + r.nextInt(800);
    if (copy) {
      setSize = Math.round(setSize * (0.95 + 0.1 * edit.nextDouble()));
    }
    ByteBuffer buf = ByteBuffer.wrap(header(k).clone());
    buf.position(32);
    buf.putLong(setSize);
    for (int j = 0; j < k; j++) {
      int v = value(r, j);
      if (copy && edit.nextDouble() < COPY_REDRAW) {
        v = value(edit, j);
      }
      buf.putInt(v);
    }
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), 0, buf.position());
    buf.putInt((int) crc.getValue());
    Signature sig = Signature.fromBytes(buf.array(), hasher.spec());
    return PreparedDoc.of("https://example.org/news/" + i, sig, (int) setSize + 4,
        Instant.ofEpochSecond(1_700_000_000L + i), "site" + (i % 13));
  }

  private static int value(SplittableRandom r, int position) {
    if (r.nextDouble() < COMMON_SHARE) {
      long h = (position * 31L + r.nextInt(COMMON)) * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 33) & 0x7FFFFFFF;
    }
    return r.nextInt() & 0x7FFFFFFF;
  }

  /** The serialized-signature header of the default spec (a real signature's first 40 bytes). */
  private synchronized byte[] header(int k) {
    if (header == null) {
      byte[] real = hasher.sign("header template").toBytes();
      header = Arrays.copyOf(real, real.length);
    }
    return header;
  }

  /** Synthetic documents {@code [from, from + n)}, made in parallel. */
  public PreparedDoc[] synthetic(long from, int n) {
    PreparedDoc[] out = new PreparedDoc[n];
    IntStream.range(0, n).parallel().forEach(j -> out[j] = synthetic(from + j));
    return out;
  }

  /**
   * An index (no window) holding synthetic documents {@code [0, n)}, filled in order by {@link
   * NearDuplicateIndex#add(PreparedDoc)}; {@code expected} is the size hint given to {@link
   * NearDuplicateIndex#create(IndexConfig, int)} (0: none, the index grows).
   */
  public NearDuplicateIndex syntheticIndex(int n, int expected) {
    return fill(n, expected, this::synthetic);
  }

  /** An index (no window) holding documents {@code [0, n)}. */
  public NearDuplicateIndex index(int n) {
    return fill(n, n, this::prepared);
  }

  /** Documents {@code [from, from + n)} of one kind. */
  private interface Batch {
    PreparedDoc[] get(long from, int n);
  }

  /** An index (no window, size hint {@code expected}) filled in chunks from {@code batch}. */
  private static NearDuplicateIndex fill(int n, int expected, Batch batch) {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.builder().window(null).build(), expected);
    int chunk = 50_000;
    for (int from = 0; from < n; from += chunk) {
      for (PreparedDoc p : batch.get(from, Math.min(chunk, n - from))) {
        ix.add(p);
      }
    }
    return ix;
  }
}
