/**
 * The feed index: near-duplicate articles across a feed, incremental ({@link
 * io.github.syndic.index.NearDuplicateIndex}) or in batch ({@link
 * io.github.syndic.index.BatchDeduplicator}), with a time window, clusters with a canonical member,
 * per-source templates learned from the documents, and versioned, checksummed snapshots.
 *
 * <h2>How a document is compared</h2>
 *
 * <ol>
 *   <li>Lines its source repeats on many pages are dropped; the {@link io.github.syndic.Cleaner}
 *       removes boilerplate and in-document duplicates.
 *   <li>The text is signed: character 5-grams, 128 one-permutation MinHash values, kept as 16-bit
 *       values (256 bytes).
 *   <li>Candidates share one of 37 bands of 3 values ({@code LshParams.optimal(0.3, 128)}): a
 *       pair at Jaccard 0.3 becomes a candidate with probability 0.64, at 0.4 with 0.91, at 0.5
 *       with 0.99, so near-duplicates and trimmed copies are found although plain banding at the
 *       duplicate level would miss many.
 *   <li>Each candidate is verified: estimated Jaccard plus exact set sizes give the containment
 *       both ways, hence the {@link io.github.syndic.index.Relation}: duplicate (each covers 80%
 *       of the other), trimmed copy (80% of the smaller inside the larger, the smaller at least
 *       half the larger), contained (a smaller item inside a larger document).
 *   <li>Clusters are the union of the links the {@link io.github.syndic.index.ClusterPolicy}
 *       allows; a document holding trimmed copies of two unrelated documents (a round-up) links
 *       to neither, so clusters of different stories do not chain through it.
 * </ol>
 */
package io.github.syndic.index;
