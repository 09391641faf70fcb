package io.github.syndic.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The clusters of a batch: every input document in exactly one cluster (singletons included),
 * each named by its canonical member.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clusters the clusters, ordered by canonical id
 * @param clusterOfDoc document id to cluster id (the canonical member's id)
 * @param links every related pair found (whether or not the policy let it join clusters), the
 *     later document first, in the batch's (time, id) order
 */
public record Clusters(List<Cluster> clusters, Map<String, String> clusterOfDoc, List<Link> links) {
  /** Copies the collections. */
  public Clusters {
    clusters = List.copyOf(clusters);
    clusterOfDoc = Map.copyOf(clusterOfDoc);
    links = List.copyOf(links);
  }

  /** Clusters without links. */
  public Clusters(List<Cluster> clusters, Map<String, String> clusterOfDoc) {
    this(clusters, clusterOfDoc, List.of());
  }

  /**
   * A related pair of documents. Immutable and thread-safe.
   *
   * @param a the later document (in the batch's order)
   * @param b the earlier document
   * @param relation how {@code a} relates to {@code b}
   * @param jaccard estimated Jaccard similarity
   * @param containmentOfA estimated share of {@code a}'s shingles found in {@code b}
   * @param containmentOfB estimated share of {@code b}'s shingles found in {@code a}
   * @param joined true when the link joined the two documents' clusters under the policy
   */
  public record Link(String a, String b, Relation relation, double jaccard, double containmentOfA,
      double containmentOfB, boolean joined) {}

  /**
   * One cluster. Immutable (its members list is unmodifiable) and thread-safe.
   *
   * @param canonical the canonical member's id (also the cluster's id)
   * @param members member ids, canonical first, then in canonical-policy order
   */
  public record Cluster(String canonical, List<String> members) {
    /** Copies the list. */
    public Cluster {
      members = List.copyOf(members);
    }
  }

  /** The cluster id of a document, or null when it was not in the batch. */
  public String clusterOf(String docId) {
    return clusterOfDoc.get(docId);
  }

  /** Writes {@code doc_id<TAB>cluster_id} rows with a header, in cluster then member order. */
  public void writeTsv(Writer w) throws IOException {
    w.write("doc_id\tcluster_id\n");
    for (Cluster c : clusters) {
      for (String m : c.members()) {
        w.write(m);
        w.write('\t');
        w.write(c.canonical());
        w.write('\n');
      }
    }
  }

  /** Writes the TSV to a file (UTF-8). */
  public void writeTsv(Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeTsv(w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
