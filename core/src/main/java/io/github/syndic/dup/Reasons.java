package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.CHAR_SHINGLE;
import static io.github.syndic.dup.DuplicateDetector.CONTAINED_MAX_SPAN;
import static io.github.syndic.dup.DuplicateDetector.CONTAINED_MIN_COVERAGE;
import static io.github.syndic.dup.DuplicateDetector.MAX_UNCOVERED_RUN;
import static io.github.syndic.dup.DuplicateDetector.NEAR_MIN_WORD_JACCARD;
import static io.github.syndic.dup.DuplicateDetector.NEAR_FIGURES_PIECE_JACCARD;
import static io.github.syndic.dup.DuplicateDetector.NEAR_PIECE_JACCARD;
import static io.github.syndic.dup.DuplicateDetector.WORD_PIECE;
import static io.github.syndic.dup.DuplicateDetector.WORD_SHINGLE;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import java.util.List;
import java.util.Locale;

/**
 * The text of every duplicate removal's explanation, in one place: detection passes figures, this
 * class writes them. The wording is part of the output (it is compared byte for byte across
 * builds), so a change here is an output change.
 */
final class Reasons {
  /** Most covering lines a concatenation's reason lists before "...". */
  private static final int MAX_LISTED_LINES = 12;

  private Reasons() {}

  /** An exact copy of {@code winner}. */
  static String exact(Block loser, Block winner) {
    return "same normalized text as " + where(winner) + policyNote(loser, 1.0, winner, 1.0);
  }

  /** An exact copy of {@code rep}, which is itself removed by {@code r}. */
  static String exactCopyOfRemoved(Block rep, Removal r) {
    return "same normalized text as " + where(rep) + ", which is itself removed: " + r.reason();
  }

  /**
   * A blob glued from {@code covering} (in block order), which cover {@code coverage} of its
   * {@code positions} char shingle positions; {@code best} positions are the most one piece
   * covers, {@code maxRun} the longest uncovered run.
   */
  static String concatenation(
      List<Block> covering, double coverage, int positions, int best, int maxRun) {
    StringBuilder lines = new StringBuilder();
    for (int k = 0; k < covering.size() && k < MAX_LISTED_LINES; k++) {
      lines.append(k == 0 ? "" : ", ").append(covering.get(k).line());
    }
    if (covering.size() > MAX_LISTED_LINES) {
      lines.append(", ...");
    }
    return String.format(
        Locale.ROOT,
        "glues %d kept blocks, from %s (lines %s), that together cover %.3f of the %d char"
            + " %d-gram positions (largest single piece %.3f < %.2f); longest uncovered run %d"
            + " <= %d shingles; separate paragraphs are kept",
        covering.size(),
        where(covering.get(0)),
        lines,
        coverage,
        positions,
        CHAR_SHINGLE,
        best / (double) positions,
        CONTAINED_MIN_COVERAGE,
        maxRun,
        MAX_UNCOVERED_RUN);
  }

  /** The smaller block of {@code v}, contained in {@code twin}. */
  static String contained(PairJudge.Verdict v, Block twin) {
    return String.format(
        Locale.ROOT,
        "%.3f of its %d char %d-gram positions align in order inside %s (>= %.2f),"
            + " spanning %d positions there (<= %.2f x), longest gap %d <= %d; size share"
            + " %.2f; %s",
        v.containedScore,
        v.positions,
        CHAR_SHINGLE,
        where(twin),
        CONTAINED_MIN_COVERAGE,
        v.span,
        CONTAINED_MAX_SPAN,
        v.maxGap,
        MAX_UNCOVERED_RUN,
        v.small / (double) v.large,
        v.cutShort
            ? (v.truncationMark
                ? "it ends with a truncation mark"
                : "it is cut short: the other continues after it (" + v.after + " more positions)")
            : "the other only adds " + v.before + " leading positions (no truncation)");
  }

  /** A reworded copy of {@code twin}, with the Jaccards of {@code v}. */
  static String near(PairJudge.Verdict v, Block twin) {
    String jaccard = String.format(Locale.ROOT, "char %d-gram Jaccard %.3f (%d shared of %d) >= ",
        CHAR_SHINGLE, v.nearScore, v.inter, v.union);
    if (v.figures > 0) {
      return "reworded copy of " + where(twin) + " with the same " + v.figures + " figures: word "
          + String.format(Locale.ROOT, "%d-piece Jaccard %.3f >= %.2f (char %d-gram Jaccard %.3f)",
              WORD_PIECE, v.pieceJaccard, NEAR_FIGURES_PIECE_JACCARD, CHAR_SHINGLE, v.nearScore);
    }
    if (v.pieceJaccard > 0) {
      return "reworded copy of " + where(twin) + " with the same word stems: " + jaccard
          + String.format(Locale.ROOT, "%.2f and word %d-piece Jaccard %.3f >= %.2f",
              v.threshold, WORD_PIECE, v.pieceJaccard, NEAR_PIECE_JACCARD);
    }
    if (v.anchored) {
      return "reworded copy of " + where(twin) + " with the same numbers: " + jaccard
          + String.format(Locale.ROOT,
              "%.2f for two sentences of the same figures, word %d-gram Jaccard %.3f",
              v.threshold, WORD_SHINGLE, v.wordJaccard);
    }
    return "reworded copy of " + where(twin) + ": " + jaccard
        + String.format(Locale.ROOT,
            "%.3f (threshold for %d shingles), word %d-gram Jaccard %.3f >= %.2f",
            v.threshold, v.small, WORD_SHINGLE, v.wordJaccard, NEAR_MIN_WORD_JACCARD);
  }

  /** Why the keep policy kept {@code winner} over {@code loser}, with their completeness. */
  static String policyNote(Block loser, double compL, Block winner, double compW) {
    if (compL == 1.0 && compW == 1.0) {
      // the common case (exact and reworded copies), written without the formatter
      return "; kept line " + winner.line() + " ("
          + (winner.index() < loser.index() ? "first copy" : "preferred")
          + "; completeness 1.00 vs 1.00)";
    }
    String why;
    if (Math.abs(compL - compW) > KeepPolicy.COMPLETENESS_MARGIN && compW > compL) {
      why = "more complete";
    } else if (winner.index() < loser.index()) {
      why = "first copy";
    } else {
      why = "preferred";
    }
    return String.format(
        Locale.ROOT,
        "; kept line %d (%s; completeness %.2f vs %.2f)",
        winner.line(),
        why,
        compW,
        compL);
  }

  /** Where a block is: line, block index and char range. */
  static String where(Block w) {
    return "line " + w.line() + " (block " + w.index() + ", chars " + w.start() + "-" + w.end()
        + ")";
  }
}
