package io.github.syndic.dup;

import java.util.Arrays;

/**
 * Distinct sets of 64-bit hashes ({@link #distinct}, in one pass through a hash table), and sorted
 * distinct sets, built in linear time. The hashes come out of 64-bit
 * mixers and are spread evenly over the range, so one counting pass on their top bits into about
 * as many buckets as values leaves one or two values per bucket, which insertion sort finishes:
 * no {@code n log n} comparisons that mispredict half of the time. The order is the signed order
 * of {@link Arrays#sort(long[])}, the one {@link BlockFeatures#intersect} merges in.
 *
 * <p>Not thread-safe: one instance per detection (it holds the scratch buffers).
 */
final class HashSort {
  /**
   * Fewest values sorted by buckets: 64. Below, {@link Arrays#sort(long[])} (an insertion sort at
   * these sizes) is as fast and needs no counters.
   */
  static final int MIN_BUCKETED = 64;

  /**
   * Largest bucket finished by insertion sort: 32; a larger one (values crowding one range, which
   * mixed hashes do not) goes to {@link Arrays#sort(long[], int, int)}, so the worst case stays
   * {@code n log n}.
   */
  static final int MAX_INSERTION = 32;

  /** The odd multiplier of {@link #distinct}'s slots: 2^64 / the golden ratio. */
  private static final long SPREAD = 0x9E3779B97F4A7C15L;

  private long[] buf = BlockFeatures.NO_HASHES;
  private int[] counts = new int[0];
  /** The open-addressing table of {@link #distinct}, all 0 between calls. */
  private long[] table = BlockFeatures.NO_HASHES;

  /**
   * The distinct values of {@code x[0, len)}, in the order of their first occurrence, as a new
   * array ({@code x} is overwritten). One pass through an open-addressing table of at least twice
   * as many slots as values (the slot: the top bits of the value times an odd constant, so that
   * values crowding one range spread too), instead of a sort: the char shingle sets of a document's blocks need the exact distinct count and no
   * order, except for the few pairs that are merged ({@link BlockFeatures#sortedC5}).
   */
  long[] distinct(long[] x, int len) {
    if (len <= 1) {
      return len == 0 ? BlockFeatures.NO_HASHES : new long[] {x[0]};
    }
    int bits = 33 - Integer.numberOfLeadingZeros(len - 1); // 2^bits >= 2 * len
    int cap = 1 << bits;
    if (table.length < cap) {
      table = new long[cap];
    }
    long[] t = table;
    int shift = 64 - bits;
    int mask = cap - 1;
    int k = 0;
    boolean zero = false; // 0 marks an empty slot: the value 0 is tracked apart
    for (int i = 0; i < len; i++) {
      long v = x[i];
      if (v == 0) {
        if (!zero) {
          zero = true;
          x[k++] = 0;
        }
        continue;
      }
      int s = (int) ((v * SPREAD) >>> shift);
      long e;
      while ((e = t[s]) != 0 && e != v) {
        s = (s + 1) & mask;
      }
      if (e == 0) {
        t[s] = v;
        x[k++] = v;
      }
    }
    Arrays.fill(t, 0, cap, 0L);
    return Arrays.copyOf(x, k);
  }

  /** Sorts the distinct values {@code x} in place (signed order). */
  void sortInPlace(long[] x) {
    int len = x.length;
    if (len < MIN_BUCKETED) {
      Arrays.sort(x);
    } else {
      System.arraycopy(sort(x, len), 0, x, 0, len);
    }
  }

  /**
   * Sorts {@code x[0, len)} and returns its distinct values: {@code x} itself when all are
   * distinct, else a new array.
   */
  long[] sortedDistinct(long[] x) {
    int len = x.length;
    if (len < 2) {
      return x;
    }
    long[] sorted;
    if (len < MIN_BUCKETED) {
      Arrays.sort(x);
      sorted = x;
    } else {
      sorted = sort(x, len);
    }
    int k = dedup(sorted, len);
    if (k == len && sorted == x) {
      return x;
    }
    if (k == len) {
      System.arraycopy(sorted, 0, x, 0, len);
      return x;
    }
    return Arrays.copyOf(sorted, k);
  }

  /** Sorts {@code x[0, len)} into the buffer (returned), by top bits then insertion. */
  private long[] sort(long[] x, int len) {
    int bits = 32 - Integer.numberOfLeadingZeros(len - 1); // 2^bits >= len
    int nb = 1 << bits;
    int shift = 64 - bits;
    if (buf.length < len) {
      buf = new long[Math.max(len, buf.length * 2)];
    }
    if (counts.length < nb + 1) {
      counts = new int[Math.max(nb + 1, counts.length * 2)];
    }
    long[] out = buf;
    int[] c = counts;
    Arrays.fill(c, 0, nb + 1, 0);
    for (int i = 0; i < len; i++) {
      // the sign bit flipped: unsigned order of the top bits = signed order of the values
      c[(int) ((x[i] ^ Long.MIN_VALUE) >>> shift) + 1]++;
    }
    for (int b = 0; b < nb; b++) {
      c[b + 1] += c[b];
    }
    for (int i = 0; i < len; i++) {
      long v = x[i];
      out[c[(int) ((v ^ Long.MIN_VALUE) >>> shift)]++] = v;
    }
    // bucket b now spans [c[b - 1], c[b]) (c[-1] = 0)
    int lo = 0;
    for (int b = 0; b < nb; b++) {
      int hi = c[b];
      int size = hi - lo;
      if (size > MAX_INSERTION) {
        Arrays.sort(out, lo, hi);
      } else if (size > 1) {
        for (int i = lo + 1; i < hi; i++) {
          long v = out[i];
          int j = i - 1;
          while (j >= lo && out[j] > v) {
            out[j + 1] = out[j];
            j--;
          }
          out[j + 1] = v;
        }
      }
      lo = hi;
    }
    return out;
  }

  /** Moves the distinct values of sorted {@code x[0, len)} to its front; returns their count. */
  private static int dedup(long[] x, int len) {
    int k = 1;
    for (int i = 1; i < len; i++) {
      if (x[i] != x[k - 1]) {
        x[k++] = x[i];
      }
    }
    return k;
  }
}
