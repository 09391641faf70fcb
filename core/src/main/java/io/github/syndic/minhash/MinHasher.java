package io.github.syndic.minhash;

import io.github.syndic.hash.Hash64;
import io.github.syndic.shingle.ShingleSpec;
import io.github.syndic.shingle.Shingler;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import io.github.syndic.text.Tokenizer;
import io.github.syndic.text.Tokens;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.LongBuffer;
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
 * proportional to the input or to k (no object per token or shingle, no shared scratch state). An
 * OPH hasher holds, besides its spec, the first densification probes of every bin, computed once
 * at construction (at most 32 KB; 8 KB at k = 128) and only read afterwards.
 */
public final class MinHasher {
  private final MinHashSpec spec;
  private final TextNormalizer normalizer;
  private final int k;
  private final long[] classicSeeds;
  private final long ophSeed;
  private final long densifySeed;
  /** Precomputed densification probes: bin i's first {@link #probeWidth} probes at i * width. */
  private final char[] probes;
  private final int probeWidth;

  /**
   * XOR that maps unsigned 32-bit order onto signed order (flips the sign bit), so bin minima can
   * use the signed, branch-free {@code Math.min}.
   */
  private static final int BIAS = Integer.MIN_VALUE;

  /**
   * Budget of precomputed densification probes per hasher (chars; 32 KB). At k = 128 each bin gets
   * 32 probes: with half the bins empty (about 90 shingles) the chance that a bin needs more is
   * 2^-32; sparser signatures hash the rest on demand, with the same result.
   */
  private static final int PROBE_BUDGET = 16_384;

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
    if (spec.scheme() == MinHashScheme.OPH_DENSIFIED_V1) {
      this.probeWidth = Math.max(4, Math.min(32, PROBE_BUDGET / k));
      this.probes = new char[k * probeWidth]; // bins < MAX_K = 4096 fit in a char
      for (int i = 0; i < k; i++) {
        for (int a = 0; a < probeWidth; a++) {
          probes[i * probeWidth + a] = (char) probeBin(i, a);
        }
      }
    } else {
      this.probeWidth = 0;
      this.probes = new char[0];
    }
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
    LongBuffer sh = shingles(text);
    return signShingles(sh.array(), 0, sh.limit());
  }

  /**
   * The shingle hashes of a raw text under this spec, in text order with repeats: what {@link
   * #sign(CharSequence)} summarizes. Null or blank text gives none.
   *
   * @return the hashes from position 0 to the limit, over the working array (handed out without a
   *     copy, as {@link TextNormalizer#tokenHashes}); owned by the caller
   */
  public LongBuffer shingles(CharSequence text) {
    ShingleSpec s = spec.shingles();
    if (s.kind() == ShingleSpec.Kind.WORD) {
      LongBuffer tokens = normalizer.tokenHashes(text);
      long[] t = tokens.array();
      // In place: the token buffer becomes the shingle buffer (one array less per call).
      int count = Shingler.wordShingles(t, 0, tokens.limit(), s.n(), t);
      return LongBuffer.wrap(t, 0, count);
    }
    CharBuffer chars = normalizer.normalizeChars(text);
    int len = chars.limit();
    long[] out = new long[Math.max(1, len - s.n() + 1)];
    int count = Shingler.charShingles(chars.array(), 0, len, s.n(), out);
    return LongBuffer.wrap(out, 0, count);
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
   *
   * @throws IllegalArgumentException if the range holds more than 2^29 shingles (about a billion
   *     characters of text)
   */
  public Signature signShingles(long[] shingles, int from, int to) {
    if (from < 0 || to > shingles.length || from > to) {
      throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + shingles.length);
    }
    if (to - from > MAX_SHINGLES) {
      throw new IllegalArgumentException(
          "at most " + MAX_SHINGLES + " shingles per signature, got " + (to - from));
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
   * OPH into {@code values}; returns the number of distinct elements.
   *
   * <p>Per call it allocates only a dedup table of 4-8 slots per shingle (2-byte slots below
   * 65,536 shingles, else 4-byte), k bytes of bin flags (rounded up to a multiple of 64) and a
   * k-bit map of empty bins. A slot holds 1 + the index of a shingle, so equal shingles (hence
   * equal mixed values: fmix64 is a bijection) are found by comparing the input itself, and the
   * low load keeps the probe branch predictable. Bin minima are kept in {@code values} itself,
   * biased by {@link #BIAS} so that a signed {@code Math.min} (a branch-free conditional move)
   * orders them as unsigned; the bin flags are plain stores (no read-modify-write chaining one
   * shingle's update to the next). Empty bins are filled from the precomputed probe table, hashing
   * further probes only past its end.
   */
  private long oph(long[] x, int from, int to, int[] values) {
    final int k = this.k;
    int words = (k + 63) >>> 6;
    byte[] filled = new byte[words << 6]; // padded to whole words for the 8-byte reads below
    Arrays.fill(values, Integer.MAX_VALUE); // biased 0xFFFFFFFF: above every other value
    long distinct =
        to - from <= MAX_CHAR_SLOT
            ? binsSmall(x, from, to, values, filled)
            : binsLarge(x, from, to, values, filled);
    // The empty bins as a bit map: eight flags (0 or 1 bytes) at a time, gathered into eight bits
    // by one multiplication, without branches.
    long[] empty = new long[words];
    int emptyCount = 0;
    for (int w = 0; w < words; w++) {
      long f = 0;
      for (int b = 0; b < 8; b++) {
        long eight = (long) FLAGS.get(filled, (w << 6) + (b << 3));
        f |= ((eight * GATHER) >>> 56) << (b << 3);
      }
      long e = ~f;
      if (w == words - 1 && (k & 63) != 0) {
        e &= (1L << (k & 63)) - 1; // the padding is not a bin
      }
      empty[w] = e;
      emptyCount += Long.bitCount(e);
    }
    if (emptyCount == k - 1) {
      // One non-empty bin: every probe sequence ends there.
      int only = 0;
      while (filled[only] == 0) {
        only++;
      }
      Arrays.fill(values, values[only] ^ BIAS);
      return distinct;
    }
    if (emptyCount > 0) {
      densify(values, filled, empty);
    }
    for (int i = 0; i < k; i++) {
      values[i] ^= BIAS;
    }
    return distinct;
  }

  /**
   * Dedup table size for n shingles: a power of two of 4n to 8n slots (load 1/8 to 1/4), at most
   * 2^30 (so at most 2^29 shingles keep a load of 1/2).
   */
  private static int slots(int n) {
    return n >= 1 << 27 ? 1 << 30 : Integer.highestOneBit(Math.max(1, n)) << 3;
  }

  /** Eight bytes of a byte array as one little-endian long (byte i in bits 8i..8i+7). */
  private static final VarHandle FLAGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Multiplier that moves the low bit of byte i of a long to bit 56 + i when every byte is 0 or
   * 1: the partial products land on distinct bit positions (no carries), and only those with
   * byte i times multiplier byte 7 - i reach bits 56-63.
   */
  private static final long GATHER = 0x0102040810204080L;

  /** Most shingles one signature takes (a text of about a billion characters). */
  static final int MAX_SHINGLES = 1 << 29;

  /** Largest shingle count whose slots (1 + index) fit in a char. */
  private static final int MAX_CHAR_SLOT = 0xFFFF;

  /** Bin minima and the distinct count for fewer than 65,536 shingles (2-byte slots). */
  private long binsSmall(long[] x, int from, int to, int[] values, byte[] filled) {
    final long kk = k;
    final long seed = ophSeed;
    char[] table = new char[slots(to - from)];
    int mask = table.length - 1;
    long distinct = 0;
    next:
    for (int j = from; j < to; j++) {
      long xj = x[j];
      long v = Hash64.fmix64(xj ^ seed);
      int p = (int) (v ^ (v >>> 29)) & mask;
      int t;
      while ((t = table[p]) != 0) {
        if (x[from + t - 1] == xj) {
          continue next; // a repeat: same bin, same value
        }
        p = (p + 1) & mask;
      }
      table[p] = (char) (j - from + 1);
      distinct++;
      int bin = (int) (((v >>> 32) * kk) >>> 32);
      values[bin] = Math.min(values[bin], (int) v ^ BIAS);
      filled[bin] = 1;
    }
    return distinct;
  }

  /** {@link #binsSmall} with 4-byte slots, for 65,536 shingles or more. */
  private long binsLarge(long[] x, int from, int to, int[] values, byte[] filled) {
    final long kk = k;
    final long seed = ophSeed;
    int[] table = new int[slots(to - from)];
    int mask = table.length - 1;
    long distinct = 0;
    next:
    for (int j = from; j < to; j++) {
      long xj = x[j];
      long v = Hash64.fmix64(xj ^ seed);
      int p = (int) (v ^ (v >>> 29)) & mask;
      int t;
      while ((t = table[p]) != 0) {
        if (x[from + t - 1] == xj) {
          continue next;
        }
        p = (p + 1) & mask;
      }
      table[p] = j - from + 1;
      distinct++;
      int bin = (int) (((v >>> 32) * kk) >>> 32);
      values[bin] = Math.min(values[bin], (int) v ^ BIAS);
      filled[bin] = 1;
    }
    return distinct;
  }

  /**
   * Optimal densification: every empty bin i takes the value of the first non-empty bin along its
   * probe sequence (a seeded hash of (i, attempt) mapped to a bin). Reads only filled bins, writes
   * only empty ones (listed in {@code empty}), so the order of filling does not matter.
   */
  private void densify(int[] values, byte[] filled, long[] empty) {
    final char[] pr = probes;
    final int width = probeWidth;
    for (int w = 0; w < empty.length; w++) {
      long e = empty[w];
      while (e != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(e);
        e &= e - 1;
        int base = i * width;
        // The first four probes are tested without branching (width >= 4): about half the bins
        // are empty on short texts, so a probe loop would mispredict its exit once per bin.
        int hit =
            filled[pr[base]]
                | filled[pr[base + 1]] << 1
                | filled[pr[base + 2]] << 2
                | filled[pr[base + 3]] << 3;
        if (hit != 0) {
          values[i] = values[pr[base + Integer.numberOfTrailingZeros(hit)]];
          continue;
        }
        int a = 4;
        for (; a < width; a++) {
          int j = pr[base + a];
          if (filled[j] != 0) {
            values[i] = values[j];
            break;
          }
        }
        if (a == width) {
          for (int attempt = width; ; attempt++) {
            int j = probeBin(i, attempt);
            if (filled[j] != 0) {
              values[i] = values[j];
              break;
            }
          }
        }
      }
    }
  }

  /** The bin that empty bin {@code i} probes at {@code attempt} (part of OPH_DENSIFIED_V1). */
  private int probeBin(int i, int attempt) {
    long r = Hash64.fmix64(densifySeed ^ (((long) i << 32) | attempt));
    return (int) (((r >>> 32) * k) >>> 32);
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
