package io.github.syndic.minhash;

import io.github.syndic.hash.Hash64;
import io.github.syndic.shingle.ShingleSpec;
import io.github.syndic.shingle.Shingler;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import io.github.syndic.text.Tokenizer;
import io.github.syndic.text.Tokens;
import it.unimi.dsi.fastutil.chars.CharArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;

/**
 * Makes {@link Signature}s: text → normalized view → shingle hashes → k minimum values, as its
 * {@link MinHashSpec} says.
 *
 * <p>Raw text takes a fused path: normalization and tokenization run in one pass that yields token
 * hashes directly (no normalized view, no offsets, no token objects), then word n-gram hashes, then
 * one OPH pass that also counts distinct shingles. Its output equals {@code
 * sign(normalizer().normalize(text))} (tested, and pinned by the golden signatures).
 *
 * <p>Immutable and thread-safe: share one instance. Every call allocates only per-call arrays
 * proportional to the input or to k (no object per token or shingle, no shared scratch state).
 */
public final class MinHasher {
  private final MinHashSpec spec;
  private final TextNormalizer normalizer;
  private final int k;
  private final long[] classicSeeds;
  private final long ophSeed;
  private final long densifySeed;

  MinHasher(MinHashSpec spec) {
    this.spec = spec;
    this.normalizer = TextNormalizer.of(spec.normalizer());
    this.k = spec.k();
    this.classicSeeds = new long[k];
    for (int i = 0; i < k; i++) {
      classicSeeds[i] = Hash64.splitMix64(spec.seed(), i);
    }
    this.ophSeed = Hash64.splitMix64(spec.seed(), -1);
    this.densifySeed = Hash64.splitMix64(spec.seed(), -2);
  }

  /** The spec of this hasher. */
  public MinHashSpec spec() {
    return spec;
  }

  /** The normalizer this hasher applies. */
  public TextNormalizer normalizer() {
    return normalizer;
  }

  /**
   * Signature of a raw text (null or blank gives the empty signature). Equal to {@code
   * sign(normalizer().normalize(text))} but faster: no offset mapping and no token objects.
   */
  public Signature sign(CharSequence text) {
    LongArrayList sh = shingles(text);
    return signShingles(sh.elements(), 0, sh.size());
  }

  /**
   * The shingle hashes of a raw text under this spec, in text order with repeats: what {@link
   * #sign(CharSequence)} summarizes. Null or blank text gives none.
   */
  public LongArrayList shingles(CharSequence text) {
    ShingleSpec s = spec.shingles();
    if (s.kind() == ShingleSpec.Kind.WORD) {
      LongArrayList tokens = normalizer.tokenHashes(text);
      int m = tokens.size();
      long[] out = new long[Math.max(1, m - s.n() + 1)];
      int count = Shingler.wordShingles(tokens.elements(), 0, m, s.n(), out);
      return LongArrayList.wrap(out, count);
    }
    CharArrayList chars = normalizer.normalizeChars(text);
    int len = chars.size();
    long[] out = new long[Math.max(1, len - s.n() + 1)];
    int count = Shingler.charShingles(chars.elements(), 0, len, s.n(), out);
    return LongArrayList.wrap(out, count);
  }

  /** Signature of an already normalized text; its normalizer options must match the spec's. */
  public Signature sign(NormalizedText text) {
    ShingleSpec s = spec.shingles();
    if (s.kind() == ShingleSpec.Kind.WORD) {
      Tokens tokens = Tokenizer.tokenize(text);
      int m = tokens.size();
      long[] t = new long[Math.max(1, m)];
      tokens.copyHashes(t);
      long[] sh = new long[Math.max(1, m - s.n() + 1)];
      int len = Shingler.wordShingles(t, 0, m, s.n(), sh);
      return signShingles(sh, 0, len);
    }
    int m = text.length();
    long[] sh = new long[Math.max(1, m - s.n() + 1)];
    int len = Shingler.charShingles(text.chars(), 0, m, s.n(), sh);
    return signShingles(sh, 0, len);
  }

  /**
   * Signature of the set of shingle hashes {@code shingles[from, to)} (repeats allowed; they do
   * not change the result).
   */
  public Signature signShingles(long[] shingles, int from, int to) {
    if (from < 0 || to > shingles.length || from > to) {
      throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + shingles.length);
    }
    int[] values = new int[k];
    if (to == from) {
      Arrays.fill(values, Signature.EMPTY_VALUE);
      return new Signature(spec, values, 0);
    }
    long distinct;
    if (spec.scheme() == MinHashScheme.CLASSIC_V1) {
      distinct = countDistinct(shingles, from, to);
      classic(shingles, from, to, values);
    } else {
      distinct = oph(shingles, from, to, values);
    }
    return new Signature(spec, values, distinct);
  }

  private void classic(long[] x, int from, int to, int[] values) {
    long[] mins = new long[k];
    Arrays.fill(mins, Long.MAX_VALUE);
    for (int j = from; j < to; j++) {
      long h = x[j];
      for (int i = 0; i < k; i++) {
        long v = Hash64.fmix64(h ^ classicSeeds[i]) >>> 32;
        if (v < mins[i]) {
          mins[i] = v;
        }
      }
    }
    for (int i = 0; i < k; i++) {
      values[i] = (int) mins[i];
    }
  }

  /**
   * OPH into {@code values}; returns the number of distinct elements, counted on the mixed values
   * (fmix64 is a bijection) in the same pass, so that repeats skip the bin update.
   */
  private long oph(long[] x, int from, int to, int[] values) {
    long[] mins = new long[k];
    Arrays.fill(mins, Long.MAX_VALUE);
    long kk = k;
    long seed = ophSeed;
    int n = to - from;
    int cap = Integer.highestOneBit(Math.max(2, n)) << 2; // load factor <= 0.5
    long[] table = new long[cap];
    int mask = cap - 1;
    boolean zero = false;
    long distinct = 0;
    for (int j = from; j < to; j++) {
      long v = Hash64.fmix64(x[j] ^ seed);
      if (v == 0) {
        if (zero) {
          continue;
        }
        zero = true;
      } else {
        int p = (int) (v ^ (v >>> 29)) & mask;
        long t;
        while ((t = table[p]) != 0 && t != v) {
          p = (p + 1) & mask;
        }
        if (t == v) {
          continue; // a repeat: same bin, same value
        }
        table[p] = v;
      }
      distinct++;
      int bin = (int) (((v >>> 32) * kk) >>> 32);
      long low = v & 0xFFFFFFFFL;
      if (low < mins[bin]) {
        mins[bin] = low;
      }
    }
    int nonEmpty = 0;
    for (int i = 0; i < k; i++) {
      if (mins[i] != Long.MAX_VALUE) {
        nonEmpty++;
      }
    }
    int only = -1;
    if (nonEmpty == 1) {
      for (int i = 0; i < k; i++) {
        if (mins[i] != Long.MAX_VALUE) {
          only = (int) mins[i];
        }
      }
    }
    for (int i = 0; i < k; i++) {
      if (mins[i] != Long.MAX_VALUE) {
        values[i] = (int) mins[i];
        continue;
      }
      if (nonEmpty == 1) {
        values[i] = only; // every probe sequence ends at the single non-empty bin
        continue;
      }
      // Optimal densification: probe bins by a seeded hash of (bin, attempt) until a non-empty one.
      for (int attempt = 0; ; attempt++) {
        long r = Hash64.fmix64(densifySeed ^ (((long) i << 32) | attempt));
        int j = (int) (((r >>> 32) * kk) >>> 32);
        if (mins[j] != Long.MAX_VALUE) {
          values[i] = (int) mins[j];
          break;
        }
      }
    }
    return distinct;
  }

  /**
   * Exact number of distinct values in {@code x[from, to)}, with an open-addressing table of at
   * least twice the range (linear probing; 0 tracked apart as the empty marker).
   */
  static long countDistinct(long[] x, int from, int to) {
    int n = to - from;
    if (n <= 1) {
      return n;
    }
    int cap = Integer.highestOneBit(Math.max(4, n) - 1) << 2;
    long[] table = new long[cap];
    int mask = cap - 1;
    boolean zero = false;
    long count = 0;
    for (int j = from; j < to; j++) {
      long h = x[j];
      if (h == 0) {
        if (!zero) {
          zero = true;
          count++;
        }
        continue;
      }
      int p = (int) (h ^ (h >>> 32)) & mask;
      while (true) {
        long t = table[p];
        if (t == 0) {
          table[p] = h;
          count++;
          break;
        }
        if (t == h) {
          break;
        }
        p = (p + 1) & mask;
      }
    }
    return count;
  }
}
