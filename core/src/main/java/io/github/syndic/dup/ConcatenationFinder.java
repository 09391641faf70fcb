package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.CHAR_SHINGLE;
import static io.github.syndic.dup.DuplicateDetector.CONCAT_MIN_COVERAGE;
import static io.github.syndic.dup.DuplicateDetector.CONCAT_MIN_SHINGLES;
import static io.github.syndic.dup.DuplicateDetector.CONTAINED_MIN_COVERAGE;
import static io.github.syndic.dup.DuplicateDetector.MAX_UNCOVERED_RUN;
import static io.github.syndic.dup.DuplicateDetector.PIECE_MIN_CONTAINMENT;
import static io.github.syndic.dup.DuplicateDetector.PIECE_MIN_FRESH;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Blocks that glue other blocks together: each potential blob (a representative of at least
 * {@link DuplicateDetector#CONCAT_MIN_SHINGLES} shingles with two or more verified pairs in which
 * the other block is a smaller piece of it) is aligned with its pieces, longer blobs first; a blob
 * whose pieces cover it is removed and its pieces are pinned (kept, never removed afterwards).
 */
final class ConcatenationFinder {
  private ConcatenationFinder() {}

  static void run(Detection d) {
    int n = d.n;
    int[] size = d.shingles;
    int pc = d.pairA.size();
    // pieces of each potential blob: pairs where the other block is smaller and lies inside it
    int[] pieceCount = new int[n];
    // a block sharing CONTAINED_MIN_COVERAGE of its shingles with one other block is a near or
    // contained copy, never a concatenation: skip it here
    boolean[] single = new boolean[n];
    for (int p = 0; p < pc; p++) {
      int a = d.pairA.getInt(p);
      int b = d.pairB.getInt(p);
      int in = d.pairInter.getInt(p);
      if (isPieceOf(size[a], size[b], in)) {
        pieceCount[b]++;
      }
      if (isPieceOf(size[b], size[a], in)) {
        pieceCount[a]++;
      }
      single[a] |= in >= CONTAINED_MIN_COVERAGE * size[a];
      single[b] |= in >= CONTAINED_MIN_COVERAGE * size[b];
    }
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + pieceCount[i];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] pieces = new int[start[n]];
    for (int p = 0; p < pc; p++) {
      int a = d.pairA.getInt(p);
      int b = d.pairB.getInt(p);
      int in = d.pairInter.getInt(p);
      if (isPieceOf(size[a], size[b], in)) {
        pieces[fill[b]++] = a;
      }
      if (isPieceOf(size[b], size[a], in)) {
        pieces[fill[a]++] = b;
      }
    }
    IntArrayList order = new IntArrayList();
    for (int i = 0; i < n; i++) {
      if (d.isRep(i) && pieceCount[i] >= 2 && !single[i]
          && size[i] >= CONCAT_MIN_SHINGLES) {
        order.add(i);
      }
    }
    long[] keys = new long[order.size()];
    for (int k = 0; k < keys.length; k++) {
      int i = order.getInt(k);
      keys[k] = ((long) (Integer.MAX_VALUE - size[i]) << 32) | i;
    }
    Arrays.sort(keys);
    for (long key : keys) {
      int x = (int) key;
      int[] ps = Arrays.copyOfRange(pieces, start[x], start[x + 1]);
      Arrays.sort(ps);
      tryConcatenation(d, x, ps);
    }
  }

  /** True when a block of {@code piece} shingles sharing {@code inter} lies inside the blob. */
  private static boolean isPieceOf(int piece, int blob, int inter) {
    return piece < blob && inter >= PIECE_MIN_CONTAINMENT * piece;
  }

  private static void tryConcatenation(Detection d, int x, int[] candidates) {
    Removal[] removal = d.removal;
    int[] size = d.shingles;
    if (d.pinned[x] || removal[x] != null) {
      return;
    }
    long[] seq = d.sequence(x);
    int len = seq.length;
    // positions of each shingle of the blob, ascending
    Long2IntOpenHashMap firstPos = new Long2IntOpenHashMap(len);
    firstPos.defaultReturnValue(-1);
    int[] nextPos = new int[len];
    for (int i = len - 1; i >= 0; i--) {
      nextPos[i] = firstPos.put(seq[i], i);
    }
    boolean[] covered = new boolean[len];
    // larger pieces first; each piece is aligned to the window of the blob (of the piece's own
    // length) holding most of its shingles, and joins the cover when that window holds at least
    // PIECE_MIN_CONTAINMENT of its shingles, half of them not covered yet (a title whose words
    // recur scattered over several glued paragraphs is no piece)
    long[] order = new long[candidates.length];
    int m = 0;
    for (int p : candidates) {
      if (removal[p] == null) {
        order[m++] = ((long) (Integer.MAX_VALUE - size[p]) << 32) | p;
      }
    }
    Arrays.sort(order, 0, m);
    IntArrayList used = new IntArrayList();
    IntArrayList hits = new IntArrayList();
    int best = 0;
    for (int k = 0; k < m; k++) {
      int p = (int) order[k];
      long[] ps = d.features(p).c5;
      hits.clear();
      for (long h : ps) {
        for (int q = firstPos.get(h); q >= 0; q = nextPos[q]) {
          hits.add(q);
        }
      }
      if (hits.size() < PIECE_MIN_CONTAINMENT * ps.length) {
        continue;
      }
      int[] pos = hits.toIntArray();
      Arrays.sort(pos);
      int w = Math.min(len, Math.max(1, d.normLength[p] - CHAR_SHINGLE + 1));
      int bestCount = 0;
      int bestStart = 0;
      for (int i = 0, j = 0; j < pos.length; j++) {
        while (pos[j] - pos[i] >= w) {
          i++;
        }
        int c = j - i + 1;
        if (c > bestCount) {
          bestCount = c;
          bestStart = Math.max(0, Math.min(pos[i], len - w));
        }
      }
      best = Math.max(best, bestCount);
      if (bestCount < PIECE_MIN_CONTAINMENT * ps.length) {
        continue;
      }
      int fresh = 0;
      for (int q : pos) {
        if (q >= bestStart && q < bestStart + w && !covered[q]) {
          fresh++;
        }
      }
      if (fresh < PIECE_MIN_FRESH * bestCount) {
        continue;
      }
      used.add(p);
      for (int q : pos) {
        if (q >= bestStart && q < bestStart + w) {
          covered[q] = true;
        }
      }
    }
    used.sort(null);
    if (used.size() < 2 || best >= CONTAINED_MIN_COVERAGE * len) {
      return;
    }
    int cov = 0;
    int run = 0;
    int maxRun = 0;
    for (boolean c : covered) {
      if (c) {
        cov++;
        run = 0;
      } else {
        maxRun = Math.max(maxRun, ++run);
      }
    }
    double coverage = cov / (double) len;
    if (coverage < CONCAT_MIN_COVERAGE || maxRun > MAX_UNCOVERED_RUN) {
      return;
    }
    List<Block> covering = new ArrayList<>();
    for (int p : used) {
      covering.add(d.blocks.get(p));
      d.pinned[p] = true;
    }
    Block twin = covering.get(0);
    removal[x] =
        new Removal(
            d.blocks.get(x),
            RemovalKind.CONCATENATION,
            coverage,
            twin,
            covering,
            Reasons.concatenation(covering, coverage, len, best, maxRun));
  }
}
