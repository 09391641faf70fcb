package io.github.syndic.dup;

import io.github.syndic.doc.Block;
import java.io.Serializable;

/**
 * Chooses which of two copies of the same content survives. Implementations must be
 * deterministic and thread-safe.
 */
@FunctionalInterface
public interface KeepPolicy extends Serializable {
  /**
   * Returns a negative number when {@code a} should be kept rather than {@code b}, a positive one
   * for {@code b}, never 0 for two different blocks.
   *
   * <p>Completeness, as {@link DuplicateDetector} passes it: when one copy is the other cut short
   * (it ends with '...' or '…', or the other continues after the shared text), each copy's share
   * of the union of both copies' char shingles ({@code |a| / |a ∪ b|}); otherwise (exact copies,
   * reworded copies, a copy that only adds a leading label) 1.0 for both, so that a policy based on
   * completeness falls back to its other criteria.
   *
   * @param a one copy
   * @param aCompleteness share of the pair's content that {@code a} holds, in [0, 1]
   * @param b the other copy
   * @param bCompleteness share of the pair's content that {@code b} holds, in [0, 1]
   */
  int compare(Block a, double aCompleteness, Block b, double bCompleteness);

  /**
   * The standard policy: the more complete copy wins (a truncated teaser loses to the full
   * paragraph) when completeness differs by more than {@link #COMPLETENESS_MARGIN}; otherwise the
   * first copy in the document wins.
   */
  static KeepPolicy standard() {
    return StandardPolicies.COMPLETE_THEN_FIRST;
  }

  /** The first copy in the document always wins. */
  static KeepPolicy first() {
    return StandardPolicies.FIRST;
  }

  /** The longest copy wins; equal lengths go to the first. */
  static KeepPolicy longest() {
    return StandardPolicies.LONGEST;
  }

  /**
   * Completeness difference above which the standard policy prefers the more complete copy: 0.1,
   * i.e. one copy must hold at least a tenth more of the shared content (a teaser cut at "..."
   * typically holds 50-80% of the lead).
   */
  double COMPLETENESS_MARGIN = 0.1;
}
