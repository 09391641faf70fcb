package io.github.syndic.index;

import io.github.syndic.minhash.Signature;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The per-document column store of the feed index: one slot per document, each field in its own
 * paged primitive column (ordinal, time, source code, cleaned length, set size, trimmed-copy
 * partner), the ids ({@link IdTable}), the signatures and band tables ({@link BandStore}) and the
 * clusters ({@link ClusterTable}); and the operations on them: candidates verified by the {@link
 * Verifier} ({@link #find}), the incremental round-up rule ({@link #decideLinks}), insertion,
 * removal and eviction, and the canonical member ({@link CanonicalOrder}).
 *
 * <p>Not thread-safe: {@link NearDuplicateIndex} guards it with its read-write lock.
 */
final class DocStore {
  /** Timestamp stored for an unknown time: after every real time, never evicted. */
  static final long NO_TIME = CanonicalOrder.NO_TIME;

  final IndexConfig config;
  final Verifier verifier;
  final CanonicalOrder order;
  final int k;
  final BandStore store;
  final Object2IntOpenHashMap<String> sourceCode = new Object2IntOpenHashMap<>();
  final List<String> sourceNames = new ArrayList<>();
  final IntArrayList freeSlots = new IntArrayList();
  final IdTable ids;
  final LongPages ordinals;
  final LongPages timestamps;
  final IntPages sources;
  final IntPages lengths;
  final IntPages setSizes;
  final ClusterTable clusters;
  final IntPages trimPartner;
  final IntPages trimPartnerOrd;
  int slotsUsed;
  int size;
  long nextOrdinal;

  DocStore(IndexConfig config, int initialSlots) {
    this.config = config;
    this.verifier = new Verifier(config);
    this.order = CanonicalOrder.of(config);
    this.k = config.spec().k();
    this.store = new BandStore(k, config.lsh(), initialSlots);
    int cap = Math.max(16, initialSlots);
    ids = new IdTable(cap);
    ordinals = new LongPages(cap);
    timestamps = new LongPages(cap);
    sources = new IntPages(cap);
    lengths = new IntPages(cap);
    setSizes = new IntPages(cap);
    clusters = new ClusterTable(cap);
    trimPartner = new IntPages(cap);
    trimPartnerOrd = new IntPages(cap);
    sourceCode.defaultReturnValue(-1);
  }

  /**
   * Stores a document in a new slot (next ordinal, banded unless its signature is empty) and
   * returns the slot.
   */
  int insert(PreparedDoc p, byte[] idBytes, long time, short[] q) {
    int slot = allocate();
    ordinals.set(slot, nextOrdinal++);
    timestamps.set(slot, time);
    sources.set(slot, codeOf(p.source()));
    lengths.set(slot, p.length());
    setSizes.set(slot, (int) Math.min(Integer.MAX_VALUE, p.signature().setSize()));
    clusters.reset(slot);
    ids.put(slot, idBytes);
    store.setValues(slot, q);
    if (!p.signature().isEmpty()) {
      store.band(slot);
    }
    trimPartner.set(slot, NO_PARTNER);
    size++;
    return slot;
  }

  record Hit(int slot, Neighbor neighbor) {}

  private static final Comparator<Hit> HIT_ORDER =
      Comparator.<Hit>comparingInt(h -> h.neighbor.relation().ordinal())
          .thenComparing(Comparator.<Hit>comparingDouble(h -> h.neighbor.jaccard()).reversed())
          .thenComparing(h -> h.neighbor.id());

  List<Hit> find(Signature sig, short[] q) {
    if (sig.isEmpty()) {
      return List.of();
    }
    IntOpenHashSet cand = new IntOpenHashSet();
    store.candidates(q, cand);
    List<Hit> out = new ArrayList<>();
    long size = sig.setSize();
    for (var it = cand.iterator(); it.hasNext(); ) {
      int slot = it.nextInt();
      long other = setSizes.get(slot);
      // Most candidates cannot reach the containment threshold: rejected after a few values.
      int eq = config.verify()
          ? store.equalValuesAtLeast(q, slot, verifier.minEqual(size, other))
          : store.equalValues(q, slot);
      Verifier.Verdict v = verifier.verdict(eq, size, other);
      if (v != null) {
        out.add(new Hit(slot, new Neighbor(ids.id(slot), v.jaccard(), v.containmentOfQuery(),
            v.containmentOfIndexed(), v.relation(), clusterIdOf(slot))));
      }
    }
    out.sort(HIT_ORDER);
    return out;
  }

  /** {@code trimPartner} of a document with no known smaller trimmed copy. */
  static final int NO_PARTNER = -1;

  /** {@code trimPartner} of a composite: it holds trimmed copies of two unrelated documents. */
  static final int COMPOSITE = -2;

  /**
   * The relations of {@code hits} after the composite rule: a document that is the larger side of
   * trimmed copies of two documents that are not one story ({@link Verifier#sameStory}) holds
   * two stories (a round-up), and
   * its trimmed-copy relations become containment, which does not link clusters (unless the
   * policy is {@link ClusterPolicy#ALL}). Each document remembers one smaller trimmed copy; a
   * later trimmed copy that is another story marks the document composite. Incrementally this is
   * judged on the documents seen so far: a link made before a document was found composite stays.
   */
  Relation[] decideLinks(int slot, short[] q, List<Hit> hits) {
    Relation[] out = new Relation[hits.size()];
    IntArrayList smaller = new IntArrayList();
    long size = setSizes.get(slot);
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      Relation r = h.neighbor.relation();
      out[i] = r;
      if (r != Relation.TRIMMED_COPY || !config.verify()) {
        continue;
      }
      int x = h.slot;
      if (Verifier.queryIsLarger(size, setSizes.get(x))) {
        smaller.add(i);
        continue;
      }
      // x is the larger side: the new document is a trimmed copy of x.
      int partner = validPartner(x);
      if (trimPartner.get(x) == COMPOSITE
          || (partner >= 0 && !sameStory(q, size, partner))) {
        trimPartner.set(x, COMPOSITE);
        out[i] = Verifier.asContainment(false);
      } else if (partner < 0) {
        trimPartner.set(x, slot);
        trimPartnerOrd.set(x, (int) ordinals.get(slot));
      }
    }
    boolean composite = false;
    for (int a = 0; a < smaller.size() && !composite; a++) {
      for (int b = a + 1; b < smaller.size() && !composite; b++) {
        int sa = hits.get(smaller.getInt(a)).slot;
        int sb = hits.get(smaller.getInt(b)).slot;
        composite = !sameStory(sa, sb);
      }
    }
    if (composite) {
      trimPartner.set(slot, COMPOSITE);
      for (int i : smaller) {
        out[i] = Verifier.asContainment(true);
      }
    } else if (!smaller.isEmpty()) {
      int first = hits.get(smaller.getInt(0)).slot;
      trimPartner.set(slot, first);
      trimPartnerOrd.set(slot, (int) ordinals.get(first));
    }
    return out;
  }

  int validPartner(int x) {
    int p = trimPartner.get(x);
    return p >= 0 && ids.live(p) && (int) ordinals.get(p) == trimPartnerOrd.get(x) ? p : -1;
  }

  private boolean sameStory(short[] q, long size, int slot) {
    return verifier.sameStory(store.equalValues(q, slot), size, setSizes.get(slot));
  }

  private boolean sameStory(int a, int b) {
    return verifier.sameStory(store.equalValues(a, b), setSizes.get(a), setSizes.get(b));
  }

  int evictBefore(long cutoff) {
    int n = 0;
    for (int s = 0; s < slotsUsed; s++) {
      if (ids.live(s) && timestamps.get(s) != NO_TIME && timestamps.get(s) < cutoff) {
        removeSlot(s);
        n++;
      }
    }
    return n;
  }

  void removeSlot(int slot) {
    if (setSizes.get(slot) > 0) {
      store.unband(slot);
    }
    clusters.leave(slot);
    ids.remove(slot);
    freeSlots.add(slot);
    size--;
  }

  // ---------------------------------------------------------------- clusters

  void union(int a, int b) {
    clusters.union(a, ordinals.get(a), b, ordinals.get(b));
  }

  long clusterIdOf(int slot) {
    int c = clusters.of(slot);
    return c < 0 ? ordinals.get(slot) : clusters.id(c);
  }

  String canonicalOf(int slot) {
    int c = clusters.of(slot);
    if (c < 0) {
      return ids.id(slot);
    }
    int head = clusters.head(c);
    int best = head;
    for (int s = clusters.next(head); s != head; s = clusters.next(s)) {
      if (better(s, best)) {
        best = s;
      }
    }
    return ids.id(best);
  }

  /** True when slot {@code a} beats {@code b} as canonical member ({@link CanonicalOrder}). */
  private boolean better(int a, int b) {
    return CanonicalOrder.compare(timestamps.get(a), rank(sources.get(a)), lengths.get(a),
        ids.id(a), timestamps.get(b), rank(sources.get(b)), lengths.get(b), ids.id(b)) < 0;
  }

  private int rank(int source) {
    return source < 0 ? CanonicalOrder.UNRANKED : order.rank(sourceNames.get(source));
  }

  long slotBytes() {
    return ordinals.memoryBytes() + timestamps.memoryBytes() + sources.memoryBytes()
        + lengths.memoryBytes() + setSizes.memoryBytes()
        + trimPartner.memoryBytes() + trimPartnerOrd.memoryBytes();
  }

  long clusterBytes() {
    return clusters.memoryBytes();
  }

  /** Bytes of every column, the ids, signatures, band tables, clusters and source maps. */
  long memoryBytes() {
    return store.memoryBytes() + slotBytes() + ids.memoryBytes() + clusterBytes()
        + mapBytes(sourceCode.size(), 8) + LongPages.arrayBytes(freeSlots.elements().length, 4);
  }

  static long mapBytes(int n, int entryBytes) {
    long cap = Math.max(2, Long.highestOneBit((long) Math.ceil(n / 0.75) * 2 - 1));
    return entryBytes * cap;
  }

  int allocate() {
    if (!freeSlots.isEmpty()) {
      return freeSlots.popInt();
    }
    if (slotsUsed >= BandStore.MAX_SLOTS) {
      throw new IllegalStateException("index full: " + slotsUsed + " documents, at most "
          + BandStore.MAX_SLOTS);
    }
    int slot = slotsUsed++;
    int n = slot + 1;
    ids.ensureSlots(n);
    ordinals.ensure(n);
    timestamps.ensure(n);
    sources.ensure(n);
    lengths.ensure(n);
    setSizes.ensure(n);
    clusters.ensureSlots(n);
    trimPartner.ensure(n);
    trimPartnerOrd.ensure(n);
    store.ensureSlots(slot + 1);
    return slot;
  }

  int codeOf(String source) {
    if (source == null) {
      return -1;
    }
    int c = sourceCode.getInt(source);
    if (c < 0) {
      c = sourceNames.size();
      sourceNames.add(source);
      sourceCode.put(source, c);
    }
    return c;
  }
}
