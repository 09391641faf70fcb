package io.github.syndic.index;

/**
 * How an indexed document relates to the document that was added or queried, decided from the
 * estimated Jaccard similarity and the exact shingle-set sizes (containment both ways) by the
 * {@link Verifier}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Relation {
  /** Each document covers at least {@link IndexConfig#threshold()} of the other. */
  DUPLICATE,
  /**
   * One document covers at least {@link IndexConfig#containmentThreshold()} of the other and is at
   * least {@link IndexConfig#copyMinRatio()} of its size: a shortened (trimmed) copy.
   */
  TRIMMED_COPY,
  /**
   * The queried document lies inside the indexed one, which is more than {@code 1 /
   * copyMinRatio} times larger (e.g. a wire item inside a round-up).
   */
  CONTAINED,
  /** The indexed document lies inside the queried one, which is much larger. */
  CONTAINS;
}
