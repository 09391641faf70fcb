package io.github.syndic.index;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Clusters a whole batch of documents (a directory, a JSONL file) so that the result does not
 * depend on the input order:
 *
 * <ol>
 *   <li>the documents are sorted by timestamp (unknown last), then id;
 *   <li>when {@link IndexConfig#sourceTemplates()} is on, every source's template is learned from
 *       the whole batch first (documents without source form one group);
 *   <li>each document is cleaned with that fixed template and signed;
 *   <li>the documents are added to a {@link NearDuplicateIndex} in sorted order (the window
 *       applies along that order); every related pair is classified from both containments;
 *   <li>composites are found: a document that is the larger side of trimmed copies of two
 *       documents unrelated to each other holds two stories (a round-up), and its trimmed-copy
 *       links count as containment;
 *   <li>the links allowed by the {@link ClusterPolicy} are joined (evicted documents keep their
 *       cluster);
 *   <li>each cluster is named by its canonical member (the policy of {@link NearDuplicateIndex}).
 * </ol>
 *
 * <p>Immutable and thread-safe: {@link #run} keeps its state on the stack.
 */
public final class BatchDeduplicator {
  private final IndexConfig config;

  /** A deduplicator with the given settings. */
  public BatchDeduplicator(IndexConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The settings. */
  public IndexConfig config() {
    return config;
  }

  private static final Comparator<Doc> INPUT_ORDER =
      Comparator.comparing(Doc::timestamp, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(Doc::id);

  /**
   * Clusters {@code docs}.
   *
   * @throws IllegalArgumentException if two documents share an id
   */
  public Clusters run(List<Doc> docs) {
    List<Doc> sorted = new ArrayList<>(docs);
    sorted.sort(INPUT_ORDER);
    Object2IntOpenHashMap<String> indexOf = new Object2IntOpenHashMap<>(sorted.size());
    indexOf.defaultReturnValue(-1);
    for (int i = 0; i < sorted.size(); i++) {
      if (indexOf.put(sorted.get(i).id(), i) >= 0) {
        throw new IllegalArgumentException("duplicate document id '" + sorted.get(i).id() + "'");
      }
    }
    NearDuplicateIndex index = NearDuplicateIndex.create(config, sorted.size());
    SourceTemplates model = null;
    if (config.sourceTemplates()) {
      model = index.newTemplates();
      for (Doc d : sorted) {
        model.learn(d.source(), model.fingerprints(d.text()));
      }
    }
    int n = sorted.size();
    int[] parent = new int[n];
    int[] lengths = new int[n];
    long[] sizes = new long[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    // 1. Every related pair, classified from both containments (order-free).
    LongOpenHashSet related = new LongOpenHashSet();
    List<int[]> links = new ArrayList<>(); // {a, b, relation ordinal}
    List<double[]> scores = new ArrayList<>(); // {jaccard, containment of a, containment of b}
    for (int i = 0; i < n; i++) {
      PreparedDoc p = index.prepare(sorted.get(i), model);
      lengths[i] = p.length();
      sizes[i] = p.signature().setSize();
      Match m = index.add(p, false);
      for (Neighbor nb : m.neighbors()) {
        int j = indexOf.getInt(nb.id());
        Relation r =
            config.verify()
                ? Relation.classify(
                    nb.containmentOfQuery(), nb.containmentOfIndexed(), sizes[i], sizes[j], config)
                : Relation.DUPLICATE;
        if (r == null) {
          continue;
        }
        related.add(pairKey(i, j));
        links.add(new int[] {i, j, r.ordinal()});
        scores.add(new double[] {nb.jaccard(), nb.containmentOfQuery(), nb.containmentOfIndexed()});
      }
    }
    // 2. Composites: a document that is the larger side of trimmed copies of two unrelated
    // documents holds two stories (a round-up); its trimmed links do not join clusters.
    Int2ObjectOpenHashMap<IntArrayList> smallerPartners = new Int2ObjectOpenHashMap<>();
    for (int[] l : links) {
      if (l[2] == Relation.TRIMMED_COPY.ordinal()) {
        int big = sizes[l[0]] >= sizes[l[1]] ? l[0] : l[1];
        int small = big == l[0] ? l[1] : l[0];
        smallerPartners.computeIfAbsent(big, x -> new IntArrayList()).add(small);
      }
    }
    IntOpenHashSet composite = new IntOpenHashSet();
    for (var e : smallerPartners.int2ObjectEntrySet()) {
      IntArrayList ps = e.getValue();
      search:
      for (int a = 0; a < ps.size(); a++) {
        for (int b = a + 1; b < ps.size(); b++) {
          if (!related.contains(pairKey(ps.getInt(a), ps.getInt(b)))) {
            composite.add(e.getIntKey());
            break search;
          }
        }
      }
    }
    // 3. Union of the links the policy allows.
    Relation[] relations = Relation.values();
    List<Clusters.Link> out0 = new ArrayList<>(links.size());
    for (int li = 0; li < links.size(); li++) {
      int[] l = links.get(li);
      Relation r = relations[l[2]];
      if (r == Relation.TRIMMED_COPY && config.policy() != ClusterPolicy.ALL) {
        int big = sizes[l[0]] >= sizes[l[1]] ? l[0] : l[1];
        if (composite.contains(big)) {
          r = big == l[0] ? Relation.CONTAINS : Relation.CONTAINED;
        }
      }
      boolean joined = config.policy().links(r);
      if (joined) {
        union(parent, l[0], l[1]);
      }
      double[] sc = scores.get(li);
      out0.add(new Clusters.Link(sorted.get(l[0]).id(), sorted.get(l[1]).id(), r, sc[0], sc[1],
          sc[2], joined));
    }
    Map<String, Integer> prefRank = new HashMap<>();
    for (int r = 0; r < config.preferredSources().size(); r++) {
      prefRank.putIfAbsent(config.preferredSources().get(r), r);
    }
    Comparator<Integer> canonical =
        Comparator.<Integer, Instant>comparing(
                i -> sorted.get(i).timestamp(),
                Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(
                i -> sorted.get(i).source() == null
                    ? Integer.MAX_VALUE
                    : prefRank.getOrDefault(sorted.get(i).source(), Integer.MAX_VALUE))
            .thenComparing(Comparator.<Integer>comparingInt(i -> lengths[i]).reversed())
            .thenComparing(i -> sorted.get(i).id());
    Map<Integer, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
    }
    List<Clusters.Cluster> out = new ArrayList<>(groups.size());
    Map<String, String> of = new HashMap<>(n * 2);
    for (List<Integer> g : groups.values()) {
      g.sort(canonical);
      List<String> members = new ArrayList<>(g.size());
      for (int i : g) {
        members.add(sorted.get(i).id());
      }
      String c = members.get(0);
      for (String m : members) {
        of.put(m, c);
      }
      out.add(new Clusters.Cluster(c, members));
    }
    out.sort(Comparator.comparing(Clusters.Cluster::canonical));
    return new Clusters(out, of, out0);
  }

  private static long pairKey(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      // The smaller root wins, so the forest does not depend on the order links arrive in.
      if (ra < rb) {
        parent[rb] = ra;
      } else {
        parent[ra] = rb;
      }
    }
  }
}
