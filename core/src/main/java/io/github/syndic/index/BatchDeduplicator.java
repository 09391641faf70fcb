package io.github.syndic.index;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
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
 *   <li>the documents are sorted in {@link CanonicalOrder#INPUT_ORDER} (timestamp, unknown last,
 *       then id);
 *   <li>when {@link IndexConfig#sourceTemplates()} is on, every source's template is learned from
 *       the whole batch first (documents without source form one group);
 *   <li>each document is cleaned with that fixed template and signed ({@link DocumentPreparer});
 *   <li>the documents are added to a {@link NearDuplicateIndex} in sorted order (the window
 *       applies along that order); every related pair is judged by the {@link Verifier}, the later
 *       document as query;
 *   <li>the {@link Verifier}'s round-up rule, with every pair known: a document that is the larger
 *       side of trimmed copies of two documents that are not one story holds two stories, and
 *       its trimmed-copy links count as containment;
 *   <li>the links allowed by the {@link ClusterPolicy} are joined (evicted documents keep their
 *       cluster) in the index's cluster structure;
 *   <li>each cluster is named by its canonical member ({@link CanonicalOrder}).
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

  /**
   * Clusters {@code docs}.
   *
   * @throws IllegalArgumentException if two documents share an id
   */
  public Clusters run(List<Doc> docs) {
    List<Doc> sorted = new ArrayList<>(docs);
    sorted.sort(CanonicalOrder.INPUT_ORDER);
    Object2IntOpenHashMap<String> indexOf = new Object2IntOpenHashMap<>(sorted.size());
    indexOf.defaultReturnValue(-1);
    for (int i = 0; i < sorted.size(); i++) {
      if (indexOf.put(sorted.get(i).id(), i) >= 0) {
        throw new IllegalArgumentException("duplicate document id '" + sorted.get(i).id() + "'");
      }
    }
    NearDuplicateIndex index = NearDuplicateIndex.create(config, sorted.size());
    DocumentPreparer preparer = new DocumentPreparer(config);
    Verifier verifier = new Verifier(config);
    SourceTemplates model = preparer.learnTemplates(sorted);
    int n = sorted.size();
    PreparedDoc[] prepared = new PreparedDoc[n];
    // 1. Every related pair, judged by the verifier with the later document as query.
    List<int[]> links = new ArrayList<>(); // {later, earlier, relation ordinal}
    List<double[]> scores = new ArrayList<>(); // {jaccard, containment of later, of earlier}
    for (int i = 0; i < n; i++) {
      PreparedDoc p = preparer.prepare(sorted.get(i), model);
      prepared[i] = p;
      Match m = index.add(p, false);
      for (Neighbor nb : m.neighbors()) {
        int j = indexOf.getInt(nb.id());
        // The index may have applied its incremental round-up rule: the verdict before it.
        Relation r =
            config.verify()
                ? verifier.classify(nb.containmentOfQuery(), nb.containmentOfIndexed(),
                    p.signature().setSize(), prepared[j].signature().setSize())
                : Relation.DUPLICATE;
        if (r == null) {
          continue;
        }
        links.add(new int[] {i, j, r.ordinal()});
        scores.add(new double[] {nb.jaccard(), nb.containmentOfQuery(), nb.containmentOfIndexed()});
      }
    }
    IntOpenHashSet composite = composites(links, verifier, prepared);
    // 3. Union of the links the policy allows.
    Relation[] relations = Relation.values();
    ClusterTable clusters = new ClusterTable(n);
    clusters.ensureSlots(n);
    for (int i = 0; i < n; i++) {
      clusters.reset(i);
    }
    List<Clusters.Link> pairs = new ArrayList<>(links.size());
    for (int li = 0; li < links.size(); li++) {
      int[] l = links.get(li);
      Relation r = relations[l[2]];
      if (r == Relation.TRIMMED_COPY && config.policy() != ClusterPolicy.ALL) {
        boolean queryLarger = Verifier.queryIsLarger(size(prepared, l[0]), size(prepared, l[1]));
        if (composite.contains(queryLarger ? l[0] : l[1])) {
          r = Verifier.asContainment(queryLarger);
        }
      }
      boolean joined = config.policy().links(r);
      if (joined) {
        clusters.union(l[0], l[0], l[1], l[1]);
      }
      double[] sc = scores.get(li);
      pairs.add(new Clusters.Link(sorted.get(l[0]).id(), sorted.get(l[1]).id(), r, sc[0], sc[1],
          sc[2], joined));
    }
    // 4. Each cluster in canonical order, named by its first member.
    Comparator<PreparedDoc> canonical = CanonicalOrder.of(config).comparator();
    List<Clusters.Cluster> out = new ArrayList<>();
    Map<String, String> of = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      int c = clusters.of(i);
      List<PreparedDoc> g = new ArrayList<>();
      if (c < 0) {
        g.add(prepared[i]);
      } else if (clusters.head(c) == i) {
        int s = i;
        do {
          g.add(prepared[s]);
          s = clusters.next(s);
        } while (s != i);
        g.sort(canonical);
      } else {
        continue;
      }
      List<String> members = new ArrayList<>(g.size());
      for (PreparedDoc p : g) {
        members.add(p.id());
        of.put(p.id(), g.get(0).id());
      }
      out.add(new Clusters.Cluster(members.get(0), members));
    }
    out.sort(Comparator.comparing(Clusters.Cluster::canonical));
    return new Clusters(out, of, pairs);
  }

  /**
   * 2. The round-up rule with every pair known: the documents that are the larger side of trimmed
   * copies of two documents that are not one story ({@link Verifier#sameStory}, on the values the
   * index compares).
   */
  private static IntOpenHashSet composites(
      List<int[]> links, Verifier verifier, PreparedDoc[] prepared) {
    Int2ObjectOpenHashMap<IntArrayList> smallerPartners = new Int2ObjectOpenHashMap<>();
    for (int[] l : links) {
      if (l[2] == Relation.TRIMMED_COPY.ordinal()) {
        boolean queryLarger = Verifier.queryIsLarger(size(prepared, l[0]), size(prepared, l[1]));
        int big = queryLarger ? l[0] : l[1];
        int small = queryLarger ? l[1] : l[0];
        smallerPartners.computeIfAbsent(big, x -> new IntArrayList()).add(small);
      }
    }
    IntOpenHashSet composite = new IntOpenHashSet();
    for (var e : smallerPartners.int2ObjectEntrySet()) {
      IntArrayList ps = e.getValue();
      if (ps.size() < 2) {
        continue;
      }
      short[][] low = new short[ps.size()][]; // the values the index compares, once per partner
      for (int a = 0; a < low.length; a++) {
        low[a] = Verifier.low16(prepared[ps.getInt(a)].signature());
      }
      search:
      for (int a = 0; a < ps.size(); a++) {
        for (int b = a + 1; b < ps.size(); b++) {
          int equal = Verifier.equalValues(low[a], low[b]);
          if (!verifier.sameStory(equal, size(prepared, ps.getInt(a)),
              size(prepared, ps.getInt(b)))) {
            composite.add(e.getIntKey());
            break search;
          }
        }
      }
    }
    return composite;
  }

  private static long size(PreparedDoc[] prepared, int i) {
    return prepared[i].signature().setSize();
  }
}
