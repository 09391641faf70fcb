package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.CONTAINED_MAX_SPAN;
import static io.github.syndic.dup.DuplicateDetector.CONTAINED_MIN_COVERAGE;
import static io.github.syndic.dup.DuplicateDetector.CONTAINED_MIN_SHARE;
import static io.github.syndic.dup.DuplicateDetector.MAX_UNCOVERED_RUN;
import static io.github.syndic.dup.DuplicateDetector.MIN_SIMILAR_SHINGLES;
import static io.github.syndic.dup.DuplicateDetector.NEAR_ANCHORED_JACCARD;
import static io.github.syndic.dup.DuplicateDetector.NEAR_ANCHORED_MIN_SHINGLES;
import static io.github.syndic.dup.DuplicateDetector.NEAR_HEADLINE_MAX_TOKENS;
import static io.github.syndic.dup.DuplicateDetector.NEAR_MIN_WORD_JACCARD;
import static io.github.syndic.dup.DuplicateDetector.NEAR_FIGURES_MIN_COUNT;
import static io.github.syndic.dup.DuplicateDetector.NEAR_FIGURES_PIECE_JACCARD;
import static io.github.syndic.dup.DuplicateDetector.NEAR_PIECE_JACCARD;
import static io.github.syndic.dup.DuplicateDetector.NEAR_PIECE_MIN_JACCARD;

import io.github.syndic.internal.SentenceEnds;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * What a verified pair is: contained (the smaller block's shingle sequence aligns in order inside
 * the larger), near (char and word shingle Jaccard), both, or nothing; with the figures that the
 * {@link Reasons} of a removal cite.
 */
final class PairJudge {
  private PairJudge() {}

  /** The judgement of one pair; the figures are kept for the explanation. */
  static final class Verdict {
    int smaller = -1; // the contained block when contained
    boolean near;
    double compA; // completeness of a and b, for the keep policy
    double compB;
    // contained: the figures of the alignment
    double containedScore; // share of the smaller's positions matched in order
    int positions; // char shingle positions of the smaller
    int span;
    int maxGap;
    int before;
    int after;
    int small; // distinct char shingles of the smaller and the larger block
    int large;
    boolean truncationMark;
    boolean cutShort;
    // near: the Jaccards
    double nearScore; // char shingle Jaccard
    int inter;
    int union;
    double threshold;
    double wordJaccard;
    boolean anchored; // near by the same numbers, below the Jaccard threshold
    double pieceJaccard; // word-piece Jaccard, when near by the word pieces
    int figures; // the figures both hold, when near by them and the word pieces
  }

  /** The verdict on the pair {@code a, b} sharing {@code inter} char shingles, or null. */
  static Verdict judge(Detection d, int a, int b, int inter) {
    int na = d.shingles[a];
    int nb = d.shingles[b];
    int small = Math.min(na, nb);
    int large = Math.max(na, nb);
    if (small < MIN_SIMILAR_SHINGLES) {
      return null;
    }
    BlockFeatures fa = d.wordFeatures(a);
    BlockFeatures fb = d.wordFeatures(b);
    int union = na + nb - inter;
    double jac = inter / (double) union;
    double cont = inter / (double) small;
    int s = na <= nb ? a : b; // smaller (the earlier on ties)
    int l = s == a ? b : a;
    if (!BlockFeatures.numbersCompatible(fa.figures, fb.figures)) { // one includes the other
      return null;
    }
    Verdict v = new Verdict();
    v.small = small;
    v.large = large;
    // completeness: equal unless one copy is the other cut short (see below)
    v.compA = 1.0;
    v.compB = 1.0;
    if (cont >= CONTAINED_MIN_COVERAGE
        && small < large
        && (d.truncated[s] || small >= CONTAINED_MIN_SHARE * large)) {
      long[] ss = d.sequence(s);
      long[] ls = d.sequence(l);
      Alignment al = align(ss, ls);
      double matched = al.matched / (double) ss.length;
      if (matched >= CONTAINED_MIN_COVERAGE
          && al.maxGap <= MAX_UNCOVERED_RUN
          && al.span <= CONTAINED_MAX_SPAN * ss.length) {
        boolean cutShort = d.truncated[s] || al.after > al.before;
        if (cutShort) {
          v.compA = na / (double) union;
          v.compB = nb / (double) union;
        }
        v.smaller = s;
        v.containedScore = matched;
        v.positions = ss.length;
        v.span = al.span;
        v.maxGap = al.maxGap;
        v.before = al.before;
        v.after = al.after;
        v.truncationMark = d.truncated[s];
        v.cutShort = cutShort;
      }
    }
    // the near figures, read only when the verdict is near
    v.nearScore = jac;
    v.inter = inter;
    v.union = union;
    double th = DuplicateDetector.nearThreshold(small);
    boolean headline = headlineAndSentence(d, a, b, fa, fb);
    if (jac >= NEAR_PIECE_MIN_JACCARD && !headline) {
      int wi = BlockFeatures.intersect(fa.w3, fb.w3);
      int wu = fa.w3.length + fb.w3.length - wi;
      double wj = wu == 0 ? 0 : wi / (double) wu;
      boolean near = jac >= th && wj >= NEAR_MIN_WORD_JACCARD;
      boolean anchored = !near && jac >= NEAR_ANCHORED_JACCARD && sameFacts(d, a, b, fa, fb);
      double pj = near || anchored ? 0 : samePieces(d, a, b);
      if (near || anchored || pj > 0) {
        v.near = true;
        v.anchored = anchored;
        v.pieceJaccard = pj;
        v.threshold = anchored ? NEAR_ANCHORED_JACCARD : pj > 0 ? NEAR_PIECE_MIN_JACCARD : th;
        v.wordJaccard = wj;
      }
    }
    if (!v.near && v.smaller < 0 && fa.figures.length >= NEAR_FIGURES_MIN_COUNT
        && Arrays.equals(fa.figures, fb.figures) && !headline) {
      double pj = pieceJaccard(d, a, b);
      if (pj >= NEAR_FIGURES_PIECE_JACCARD) {
        v.near = true;
        v.pieceJaccard = pj;
        v.figures = fa.figures.length;
      }
    }
    return v.smaller >= 0 || v.near ? v : null;
  }

  /**
   * The word-piece Jaccard of two sentence blocks of {@link
   * DuplicateDetector#NEAR_ANCHORED_MIN_SHINGLES} shingles or more; 0 for any other pair.
   */
  static double pieceJaccard(Detection d, int a, int b) {
    if (Math.min(d.shingles[a], d.shingles[b]) < NEAR_ANCHORED_MIN_SHINGLES
        || !endsSentence(d.blocks.get(a).text()) || !endsSentence(d.blocks.get(b).text())) {
      return 0;
    }
    long[] pa = d.pieces(a);
    long[] pb = d.pieces(b);
    int pi = BlockFeatures.intersect(pa, pb);
    int pu = pa.length + pb.length - pi;
    return pu == 0 ? 0 : pi / (double) pu;
  }

  /**
   * True when both blocks end a sentence, hold the same figures (digit runs, at least one;
   * 'و480' and '480' are one figure) and have {@link DuplicateDetector#NEAR_ANCHORED_MIN_SHINGLES}
   * shingles each: a restatement keeps the facts, its figures among them, while the words around
   * them change.
   */
  static boolean sameFacts(Detection d, int a, int b, BlockFeatures fa, BlockFeatures fb) {
    return fa.figures.length > 0 && Arrays.equals(fa.figures, fb.figures)
        && Math.min(d.shingles[a], d.shingles[b]) >= NEAR_ANCHORED_MIN_SHINGLES
        && endsSentence(d.blocks.get(a).text()) && endsSentence(d.blocks.get(b).text());
  }

  /**
   * The word-piece Jaccard of the pair when it is at least {@link
   * DuplicateDetector#NEAR_PIECE_JACCARD} and both blocks are sentences of {@link
   * DuplicateDetector#NEAR_ANCHORED_MIN_SHINGLES} shingles or more; else 0. A heavy rewording
   * keeps the stems of its words and moves them.
   */
  static double samePieces(Detection d, int a, int b) {
    double pj = pieceJaccard(d, a, b);
    return pj >= NEAR_PIECE_JACCARD ? pj : 0;
  }

  /**
   * True when one block of the pair is a headline (no sentence end, at most {@link
   * DuplicateDetector#NEAR_HEADLINE_MAX_TOKENS} tokens) and the other ends a sentence: a lead that
   * restates its headline, or a quote that a headline sums up, is not a reworded copy of it, and
   * either removal loses the article's title or its first paragraph.
   */
  static boolean headlineAndSentence(Detection d, int a, int b, BlockFeatures fa,
      BlockFeatures fb) {
    boolean ea = endsSentence(d.blocks.get(a).text());
    boolean eb = endsSentence(d.blocks.get(b).text());
    if (ea == eb) {
      return false;
    }
    return (ea ? fb : fa).tokens <= NEAR_HEADLINE_MAX_TOKENS;
  }

  /** {@link SentenceEnds#endsWithStop}: {@code text} ends a sentence. */
  static boolean endsSentence(String text) {
    return SentenceEnds.endsWithStop(text);
  }


  /** In-order alignment of a smaller block's shingle sequence inside a larger one's. */
  static final class Alignment {
    int matched; // shingles of the smaller found in order
    int maxGap; // longest run of consecutive unmatched shingles of the smaller
    int span; // positions of the larger between the first and last match, inclusive
    int before; // positions of the larger before the first match
    int after; // positions of the larger after the last match
  }

  /**
   * Greedy in-order alignment: each shingle of {@code s} is matched to its first occurrence in
   * {@code l} after the previous match; unmatched shingles form gaps.
   */
  static Alignment align(long[] s, long[] l) {
    Long2IntOpenHashMap firstPos = new Long2IntOpenHashMap(l.length);
    firstPos.defaultReturnValue(-1);
    int[] nextPos = new int[l.length];
    for (int i = l.length - 1; i >= 0; i--) {
      nextPos[i] = firstPos.put(l[i], i);
    }
    Alignment al = new Alignment();
    int p = -1;
    int first = -1;
    int gap = 0;
    for (long h : s) {
      int q = firstPos.get(h);
      while (q >= 0 && q <= p) {
        q = nextPos[q];
      }
      if (q < 0) {
        al.maxGap = Math.max(al.maxGap, ++gap);
        continue;
      }
      gap = 0;
      if (first < 0) {
        first = q;
      }
      p = q;
      al.matched++;
    }
    if (first >= 0) {
      al.span = p - first + 1;
      al.before = first;
      al.after = l.length - 1 - p;
    }
    return al;
  }
}
