package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.MAX_VERIFIED;
import static io.github.syndic.dup.DuplicateDetector.MIN_SIMILAR_SHINGLES;
import static io.github.syndic.dup.DuplicateDetector.PREFILTER_CONTAINMENT;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Candidate pairs and their exact overlap: every representative block counts the char shingles
 * it shares with earlier blocks through {@link Postings}, and its best candidates are verified by
 * merging the sorted shingle sets. Fills the detection's pair lists ({@code a < b}, shared char
 * shingles), keeping the pairs that share at least half of the smaller block's shingles. A
 * bounded detection (a document over {@link DuplicateDetector#SEGMENT_CHARS}) starts the postings
 * afresh at each segment and drops the features of a finished segment's blocks (but for small
 * blocks in pairs).
 */
final class CandidateSearch {
  private CandidateSearch() {}

  static void run(Detection d, int sampleMask, long totalShingles) {
    int[] normLength = d.normLength;
    int n = d.n;
    boolean bounded = d.bounded();
    long perSegment = bounded ? Math.min(totalShingles, d.segmentChars) : totalShingles;
    int expected = (int) Math.min(Integer.MAX_VALUE - 16, perSegment >> Long.bitCount(sampleMask));
    // Blocks below MIN_SIMILAR_SHINGLES ("small") only make useful pairs with larger blocks
    // (verify skips small-small pairs), so they get postings of their own that only larger
    // blocks read: a document of many tiny lines stays linear instead of walking a capped
    // posting of POSTING_CAP tiny blocks per line.
    // Shingles held by no other representative can neither count nor be counted: a filter of
    // the ones held more than once (exact for "once") spares the postings most look-ups.
    SharedFilter shared = bounded ? null : SharedFilter.of(d, sampleMask, expected);
    Postings large = new Postings(shared == null ? expected : shared.shared());
    Postings small = new Postings(16);
    int[] count = new int[n];
    boolean[] paired = new boolean[n];
    IntArrayList touched = new IntArrayList();
    long inSegment = 0; // normalized chars of the current segment's representatives
    int segmentStart = 0;
    for (int a = 0; a < n; a++) {
      if (!d.isRep(a)) {
        continue;
      }
      if (bounded && inSegment > 0 && inSegment + normLength[a] > d.segmentChars) {
        // a new segment: the blocks before a are no longer looked up; their features go
        // (but for small blocks in pairs: cheap to keep, and they may be pieces of many blobs)
        dropFeatures(d, segmentStart, a, paired);
        large.clear();
        small.clear();
        inSegment = 0;
        segmentStart = a;
      }
      inSegment += normLength[a];
      BlockFeatures fa = d.keptFeatures(a);
      boolean isLarge = fa.c5.length >= MIN_SIMILAR_SHINGLES;
      int indexed = 0;
      // The blocks before a are counted and a is listed in one pass: c5 is distinct, so a
      // never meets itself, and a large block reads and extends its posting with one look-up.
      boolean readSmall = isLarge && !small.isEmpty();
      for (long h : fa.c5) {
        if ((h & sampleMask) != 0) {
          continue;
        }
        indexed++;
        if (shared != null && !shared.mayBeShared(h)) {
          continue;
        }
        if (isLarge) {
          large.countAndAdd(h, a, count, touched);
        } else {
          large.count(h, count, touched);
          small.add(h, a);
        }
        if (readSmall) {
          small.count(h, count, touched);
        }
      }
      d.indexed[a] = indexed;
      // Without sampling and before any cap left a block out of a posting, a's count with each
      // earlier block is the exact number of char shingles they share (every shingle of both is
      // indexed, the ones the filter skips are held by one block only, and a small block
      // meets the larger ones in the postings it reads): no merge of the two sets is needed.
      boolean exact = sampleMask == 0 && !large.capped() && !small.capped();
      verify(d, a, count, touched, paired, exact);
    }
    dropFeatures(d, segmentStart, n, paired);
    if (large.capped() || small.capped()) {
      d.limited = true;
    }
  }

  /**
   * Drops the features of the representatives in {@code [from, to)} but those of small blocks in
   * pairs.
   */
  private static void dropFeatures(Detection d, int from, int to, boolean[] paired) {
    if (!d.bounded()) {
      return;
    }
    for (int i = from; i < to; i++) {
      if (!paired[i] || d.shingles[i] >= MIN_SIMILAR_SHINGLES) {
        d.dropFeatures(i);
      }
    }
  }

  private static void verify(Detection d, int a, int[] count, IntArrayList touched,
      boolean[] paired, boolean exact) {
    BlockFeatures[] feat = d.feat;
    BlockFeatures fa = feat[a];
    int m = touched.size();
    if (m == 0) {
      return;
    }
    long[] keys = new long[m];
    int kept = 0;
    int[] shingles = d.shingles;
    int[] indexed = d.indexed;
    int na = fa.c5.length;
    int ia = indexed[a];
    for (int i = 0; i < m; i++) {
      int b = touched.getInt(i);
      int s = count[b];
      count[b] = 0;
      if (Math.max(na, shingles[b]) < MIN_SIMILAR_SHINGLES) {
        // Useless pair: near and contained pairs need both blocks this large, a concatenation
        // needs the blob larger still (CONCAT_MIN_SHINGLES). Skipping it keeps documents of
        // many tiny lines (menus, one-character lines) linear.
        continue;
      }
      int minIndexed = Math.max(1, Math.min(ia, indexed[b]));
      double est = Math.min(1.0, s / (double) minIndexed);
      if (est < PREFILTER_CONTAINMENT) {
        continue;
      }
      // higher estimated containment of the smaller first (in 1/1024 steps), then more shared
      // shingles, then the earlier block
      long rank = ((long) (1024 - (int) (est * 1024)) << 21) | (0x1FFFFF - Math.min(s, 0x1FFFFF));
      keys[kept++] = (rank << 31) | b;
      if (exact) {
        count[b] = s; // the shared count, read back below
      }
    }
    touched.clear();
    Arrays.sort(keys, 0, kept);
    if (kept > MAX_VERIFIED) {
      d.limited = true;
    }
    int limit = Math.min(kept, MAX_VERIFIED);
    for (int i = 0; i < limit; i++) {
      int b = (int) (keys[i] & 0x7FFFFFFFL);
      BlockFeatures fb = feat[b];
      int inter = exact ? count[b] : d.intersectC5(fa, fb);
      count[b] = 0;
      int small = Math.min(fa.c5.length, fb.c5.length);
      if (inter * 2 >= small && small > 0) {
        paired[a] = true;
        paired[b] = true;
        d.pairA.add(Math.min(a, b));
        d.pairB.add(Math.max(a, b));
        d.pairInter.add(inter);
      }
    }
    for (int i = limit; i < kept; i++) {
      count[(int) (keys[i] & 0x7FFFFFFFL)] = 0;
    }
  }
}
