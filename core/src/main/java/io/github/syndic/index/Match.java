package io.github.syndic.index;

import java.util.List;

/**
 * The result of {@link NearDuplicateIndex#add} or {@link NearDuplicateIndex#query}: the related
 * documents already indexed and the cluster of the document.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the document's id
 * @param neighbors related indexed documents, duplicates first, then by decreasing Jaccard, then id
 * @param clusterId the document's cluster after the add (for a query: the cluster it would join,
 *     or -1 when it would start its own)
 * @param canonicalId the canonical member of that cluster (for a query that would start its own
 *     cluster: the document's own id)
 * @param added true when the document is now indexed
 */
public record Match(
    String id, List<Neighbor> neighbors, long clusterId, String canonicalId, boolean added) {
  /** Canonical copy of the list. */
  public Match {
    neighbors = List.copyOf(neighbors);
  }

  /** True when some indexed document is a duplicate or trimmed copy of this one. */
  public boolean hasDuplicates() {
    for (Neighbor n : neighbors) {
      if (n.relation() == Relation.DUPLICATE || n.relation() == Relation.TRIMMED_COPY) {
        return true;
      }
    }
    return false;
  }

  /** True when this document is the canonical member of its cluster. */
  public boolean isCanonical() {
    return id.equals(canonicalId);
  }
}
