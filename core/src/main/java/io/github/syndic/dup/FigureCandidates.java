package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.NEAR_ANCHORED_MIN_SHINGLES;
import static io.github.syndic.dup.DuplicateDetector.NEAR_FIGURES_MAX_GROUP;
import static io.github.syndic.dup.DuplicateDetector.NEAR_FIGURES_MIN_COUNT;

import io.github.syndic.hash.Hash64;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;

/**
 * Candidate pairs that share no word order but the same figures: two paragraphs of one document,
 * each a sentence of {@link DuplicateDetector#NEAR_ANCHORED_MIN_SHINGLES} shingles or more, whose
 * sets of digit runs are equal and hold at least {@link DuplicateDetector#NEAR_FIGURES_MIN_COUNT}
 * figures. A heavy rewording keeps the facts and rewrites the sentence around them, so its char
 * 5-grams fall below what {@link CandidateSearch} verifies; {@link PairJudge} then decides on the
 * stems of the words. A group of more than {@link DuplicateDetector#NEAR_FIGURES_MAX_GROUP} such
 * paragraphs (the rows of a table) gives no pair. Skipped in a bounded detection.
 */
final class FigureCandidates {
  private FigureCandidates() {}

  static void run(Detection d) {
    if (d.bounded()) {
      return;
    }
    int n = d.n;
    long[] keyed = new long[n]; // figure-set key per block, 0 when none
    int m = 0;
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      if (!d.isRep(i) || d.removal[i] != null || d.shingles[i] < NEAR_ANCHORED_MIN_SHINGLES
          || !PairJudge.endsSentence(d.blocks.get(i).text())) {
        continue;
      }
      long key = d.keptFeatures(i).figureKey;
      if (key != 0) {
        keyed[i] = key;
        order[m++] = i;
      }
    }
    if (m < 2) {
      return;
    }
    // group the blocks by key: sort (key, index) and walk the runs
    long[][] byKey = new long[m][];
    for (int k = 0; k < m; k++) {
      int i = (int) order[k];
      byKey[k] = new long[] {keyed[i], i};
    }
    Arrays.sort(byKey, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
        : Long.compare(x[1], y[1]));
    LongOpenHashSet paired = null;
    for (int s = 0, e; s < m; s = e) {
      e = s + 1;
      while (e < m && byKey[e][0] == byKey[s][0]) {
        e++;
      }
      if (e - s < 2 || e - s > NEAR_FIGURES_MAX_GROUP) {
        continue;
      }
      if (paired == null) {
        paired = new LongOpenHashSet();
        for (int p = 0; p < d.pairA.size(); p++) {
          paired.add(((long) d.pairA.getInt(p) << 32) | d.pairB.getInt(p));
        }
      }
      for (int x = s; x < e; x++) {
        for (int y = x + 1; y < e; y++) {
          int a = (int) byKey[x][1];
          int b = (int) byKey[y][1];
          if (paired.add(((long) a << 32) | b)) {
            d.pairA.add(a);
            d.pairB.add(b);
            d.pairInter.add(d.intersectC5(d.keptFeatures(a), d.keptFeatures(b)));
          }
        }
      }
    }
  }

  /**
   * A key of the set of digit runs of the normalized chars {@code c[0, len)} (all digits are ASCII
   * there):
   * order-free, 0 when the set has fewer than {@link DuplicateDetector#NEAR_FIGURES_MIN_COUNT}
   * figures.
   */
  static long figureKey(char[] c, int len) {
    long[] runs = null;
    int nr = 0;
    for (int j = 0; j < len; j++) {
      if (c[j] >= '0' && c[j] <= '9') {
        int e = j + 1;
        while (e < len && c[e] >= '0' && c[e] <= '9') {
          e++;
        }
        if (runs == null) {
          runs = new long[8];
        } else if (nr == runs.length) {
          runs = Arrays.copyOf(runs, nr * 2);
        }
        runs[nr++] = Hash64.hashChars(c, j, e);
        j = e - 1;
      }
    }
    if (nr < NEAR_FIGURES_MIN_COUNT) {
      return 0;
    }
    Arrays.sort(runs, 0, nr);
    long key = Hash64.FNV_OFFSET;
    int distinct = 0;
    for (int k = 0; k < nr; k++) {
      if (k == 0 || runs[k] != runs[k - 1]) {
        key = (key ^ runs[k]) * Hash64.FNV_PRIME;
        distinct++;
      }
    }
    return distinct < NEAR_FIGURES_MIN_COUNT ? 0 : Hash64.fmix64(key) | 1;
  }
}
