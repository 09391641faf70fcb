package io.github.syndic.doc;

import java.util.List;
import java.util.Objects;

/**
 * One removed block and why: the kind, a score in [0, 1] (the similarity for duplicates, the
 * confidence for boilerplate), the twin (the kept block a duplicate repeats; for a concatenation
 * the first of the blocks covering it, all of them in {@link #covering()}), and a human-readable
 * reason naming the evidence.
 *
 * <p>Immutable and thread-safe.
 *
 * @param block the removed block
 * @param kind why it was removed
 * @param score similarity or confidence in [0, 1]
 * @param twin the kept block it duplicates, or null for boilerplate
 * @param covering for a concatenation, the kept blocks whose union covers it; otherwise empty
 * @param reason the evidence, for a person auditing the removal
 */
public record Removal(
    Block block, RemovalKind kind, double score, Block twin, List<Block> covering, String reason) {
  /** Checks the arguments and copies {@code covering}. */
  public Removal {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    covering = covering == null ? List.of() : List.copyOf(covering);
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1], got " + score);
    }
  }

  /** A boilerplate removal (no twin). */
  public static Removal boilerplate(Block block, RemovalKind kind, double score, String reason) {
    return new Removal(block, kind, score, null, List.of(), reason);
  }
}
