package io.github.syndic.index;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which relations link two documents into one cluster. Clusters are the connected components of
 * these links (union of links).
 *
 * <p>Immutable and thread-safe.
 */
public enum ClusterPolicy {
  /** Only {@link Relation#DUPLICATE}. */
  DUPLICATES(EnumSet.of(Relation.DUPLICATE)),
  /**
   * {@link Relation#DUPLICATE} and {@link Relation#TRIMMED_COPY}: copies of one story, whole or
   * shortened to no less than {@link IndexConfig#copyMinRatio()} of it. A short item inside a long
   * round-up stays out. The default.
   */
  COPIES(EnumSet.of(Relation.DUPLICATE, Relation.TRIMMED_COPY)),
  /** Every relation, containment included (may chain different stories through round-ups). */
  ALL(EnumSet.allOf(Relation.class));

  private final Set<Relation> links;

  ClusterPolicy(Set<Relation> links) {
    this.links = links;
  }

  /** True when {@code r} links documents under this policy. */
  public boolean links(Relation r) {
    return r != null && links.contains(r);
  }
}
