package io.github.syndic.index;

/**
 * An indexed document related to the added or queried one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the indexed document's id
 * @param jaccard estimated Jaccard similarity of the two shingle sets
 * @param containmentOfQuery estimated share of the queried document's shingles found in this one
 * @param containmentOfIndexed estimated share of this document's shingles found in the queried one
 * @param relation how the two relate
 * @param clusterId this document's cluster (before the queried document joined it)
 */
public record Neighbor(
    String id,
    double jaccard,
    double containmentOfQuery,
    double containmentOfIndexed,
    Relation relation,
    long clusterId) {}
