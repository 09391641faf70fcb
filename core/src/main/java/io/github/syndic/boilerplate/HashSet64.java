package io.github.syndic.boilerplate;

import it.unimi.dsi.fastutil.longs.LongSet;

/**
 * An immutable set of 64-bit hashes that are mixed already ({@link
 * io.github.syndic.hash.Hash64#fmix64}): open addressing (linear probing, at most half full) whose
 * slot is the hash's top bits, with no further mixing, so that a look-up is one multiply-free
 * probe of one array (the cue matcher asks once per token of every block).
 *
 * <p>Immutable and thread-safe.
 */
final class HashSet64 {
  /** The hashes; 0 marks an empty slot (the hash 0 itself is {@link #hasZero}). */
  private final long[] keys;
  private final boolean hasZero;
  private final int shift;
  private final int mask;

  private HashSet64(LongSet values) {
    int cap = Integer.highestOneBit(Math.max(8, values.size()) * 2 - 1) << 1; // >= 2 * size
    keys = new long[cap];
    mask = cap - 1;
    shift = 64 - Integer.numberOfTrailingZeros(cap);
    boolean zero = false;
    for (long h : values) {
      if (h == 0) {
        zero = true;
        continue;
      }
      int i = (int) (h >>> shift);
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = h;
    }
    hasZero = zero;
  }

  /** The set of {@code values}. */
  static HashSet64 of(LongSet values) {
    return new HashSet64(values);
  }

  boolean contains(long h) {
    if (h == 0) {
      return hasZero;
    }
    long[] k = keys;
    int i = (int) (h >>> shift);
    long x;
    while ((x = k[i]) != 0) {
      if (x == h) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }
}
