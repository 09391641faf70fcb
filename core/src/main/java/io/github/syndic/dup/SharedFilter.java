package io.github.syndic.dup;

/**
 * Which indexed char shingles of a detection's representatives may be held by more than one of
 * them: a bitmap over the hashes' top bits, with a second bitmap of the positions hit more than
 * once. A shingle whose position was hit once is held by one block only (the blocks' sets are
 * distinct), so {@link CandidateSearch} neither counts nor lists it: no other block would ever
 * meet it in the postings, and the result is the same as with every shingle listed. Positions
 * shared by two different hashes only let a shingle through (about one in {@link #BITS_PER_SHINGLE}
 * of the single ones). In the SaudiNewsNet articles some two thirds of a paragraph's char 5-grams
 * occur in no other paragraph of the article, so the postings hold and look up about a third.
 *
 * <p>Not thread-safe: one detection.
 */
final class SharedFilter {
  /**
   * Bitmap positions per indexed shingle: 16 (at least; a power of two above), so that a shingle
   * held once shares its position with another with a probability of about 1/16.
   */
  static final int BITS_PER_SHINGLE = 16;

  /** Most bits of a position: 2^24 positions (2 MB per bitmap). */
  private static final int MAX_BITS = 24;

  private final long[] once;
  private final long[] twice;
  private final int shift;
  /** {@link #shared()}, counted on the first call (-1 before). */
  private int shared = -1;

  private SharedFilter(int bits) {
    once = new long[Math.max(1, 1 << (bits - 6))];
    twice = new long[once.length];
    shift = 64 - bits;
  }

  /**
   * The filter of the indexed shingles ({@code (h & sampleMask) == 0}) of every representative
   * of {@code d}, about {@code expected} of them. Their features are kept (an unbounded
   * detection).
   */
  static SharedFilter of(Detection d, int sampleMask, int expected) {
    long positions = Math.max(64L, (long) expected * BITS_PER_SHINGLE);
    int bits = Math.min(MAX_BITS, 64 - Long.numberOfLeadingZeros(positions - 1));
    SharedFilter f = new SharedFilter(bits);
    for (int a = 0; a < d.n; a++) {
      if (d.isRep(a)) {
        f.addAll(d.keptFeatures(a).c5, sampleMask);
      }
    }
    return f;
  }

  private void addAll(long[] hashes, int sampleMask) {
    long[] o = once;
    long[] t = twice;
    int s = shift;
    for (long h : hashes) {
      if ((h & sampleMask) != 0) {
        continue;
      }
      int p = (int) (h >>> s);
      long bit = 1L << p; // the low 6 bits of p pick the bit, the others the word
      int w = p >>> 6;
      // without a branch: a position already hit once is hit twice
      t[w] |= o[w] & bit;
      o[w] |= bit;
    }
  }

  /** Positions hit more than once: about the number of distinct shingles that pass (sizing). */
  int shared() {
    if (shared < 0) {
      int c = 0;
      for (long w : twice) {
        c += Long.bitCount(w);
      }
      shared = c;
    }
    return shared;
  }

  /** False when {@code h} (an indexed shingle of a representative) is held by one block only. */
  boolean mayBeShared(long h) {
    int p = (int) (h >>> shift);
    return (twice[p >>> 6] & (1L << p)) != 0;
  }
}
