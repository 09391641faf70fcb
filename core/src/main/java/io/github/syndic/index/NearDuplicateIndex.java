package io.github.syndic.index;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.minhash.MinHashScheme;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.Signature;
import io.github.syndic.shingle.ShingleSpec;
import io.github.syndic.text.TextNormalizer;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * An incremental, time-windowed, persistent index of near-duplicate documents in a feed.
 *
 * <pre>{@code
 * NearDuplicateIndex feed = NearDuplicateIndex.create(IndexConfig.defaults());
 * Match m = feed.add(url, rawText, publishedAt, site);   // related documents and cluster
 * }</pre>
 *
 * <h2>Pipeline</h2>
 *
 * A raw document loses the lines its source repeats on many pages (the per-source template,
 * learned incrementally as pages arrive), then goes through the {@link Cleaner} (boilerplate and
 * in-document duplicates), and is signed ({@link IndexConfig#spec()}). Candidates come from banded
 * LSH ({@link IndexConfig#lsh()}, tuned for recall at {@link IndexConfig#candidateThreshold()});
 * each candidate is verified from its estimated Jaccard and the exact set sizes, which give the
 * containment both ways and the {@link Relation}. A document found to hold trimmed copies of two
 * unrelated documents (a round-up) has those relations reported as containment. Links allowed by
 * the {@link ClusterPolicy} join clusters (union of links; a removal does not split a cluster).
 *
 * <h2>Canonical member</h2>
 *
 * Of a cluster's members: the earliest timestamp (unknown last); then the source earliest in
 * {@link IndexConfig#preferredSources()} (unlisted last); then the longest cleaned text; then the
 * smallest id.
 *
 * <h2>Cluster ids</h2>
 *
 * Every added document gets the next ordinal (0, 1, ...). A cluster's id is the smallest ordinal
 * of the documents that ever joined it; a singleton's id is its own ordinal.
 *
 * <h2>Time window</h2>
 *
 * With a window, each add of a timestamped document evicts documents older than the newest
 * timestamp minus the window (checked at most every 1/16 of the window, a linear scan). Documents
 * without timestamp are never evicted by the window.
 *
 * <h2>Memory</h2>
 *
 * Per document (k = 128, 37 bands): 256 bytes of 16-bit MinHash values; 37 band-table entries of
 * 4 bytes at load 0.64-0.8 (185-231 bytes); ordinal and time (8 bytes each), source, length, set
 * size, trimmed-copy partner and its ordinal check (4 bytes each), cluster number and next cluster
 * member (4 bytes each); the id as a UTF-8 array (16 bytes of header plus the bytes, 8-aligned: 48
 * for a 31-character URL) with a 4-byte reference and an id-table entry of 4 bytes at load
 * 0.6-0.75; 16 bytes per cluster of two or more. Every array is paged (pages of 256 KB or less):
 * growth never copies more than a page, leaves no slack beyond the last page and makes no
 * humongous G1 objects. About 550-590 bytes per document at 10^6 (see {@link #memoryBytes()} and
 * {@code IndexMemory} in the benchmarks). At most 2^26 - 1 documents (slot references share their
 * int with band-hash bits).
 *
 * <h2>Thread-safety</h2>
 *
 * Thread-safe: a single writer lock with concurrent readers (a {@link ReentrantReadWriteLock}).
 * {@link #add}, {@link #remove} and eviction take the write lock; {@link #query}, {@link #size},
 * {@link #memoryBytes} and {@link #save} take the read lock. Cleaning and signing happen before
 * the lock is taken, so many threads can add at once and only the index update is serialized. An
 * add (query plus insert) is atomic, so every pair of documents is compared exactly once and
 * concurrent adds give the same clusters as any sequential order.
 */
public final class NearDuplicateIndex {
  /** Snapshot magic, "SYNX". */
  private static final int MAGIC = 0x53594E58;

  /** Snapshot format version written by {@link #save}. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Fewest bytes of a snapshot document besides its k values: id length (4), a 1-byte id,
   * ordinal (8), time (8), source (4), length (4), set size (4), partner (4); see {@link #save}.
   */
  private static final int MIN_DOC_BYTES = 37;

  /** Bytes of a snapshot document after its id, before its k values: 8 + 8 + 4 + 4 + 4 + 4. */
  private static final int DOC_FIXED_BYTES = 32;

  /** Timestamp stored for an unknown time: after every real time, never evicted. */
  private static final long NO_TIME = CanonicalOrder.NO_TIME;

  /** Eviction scans run when the cutoff moved by at least window / this. */
  private static final int EVICTION_STEPS = 16;

  private final IndexConfig config;
  private final DocumentPreparer preparer;
  private final Verifier verifier;
  private final CanonicalOrder order;
  private final int k;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final BandStore store;
  private final SourceTemplates templates;
  private final Object2IntOpenHashMap<String> sourceCode = new Object2IntOpenHashMap<>();
  private final List<String> sourceNames = new ArrayList<>();
  private final IntArrayList freeSlots = new IntArrayList();
  private final IdTable ids;
  private final LongPages ordinals;
  private final LongPages timestamps;
  private final IntPages sources;
  private final IntPages lengths;
  private final IntPages setSizes;
  private final ClusterTable clusters;
  private final IntPages trimPartner;
  private final IntPages trimPartnerOrd;
  private int slotsUsed;
  private int size;
  private long nextOrdinal;
  private long newest = Long.MIN_VALUE;
  private long lastCutoff = Long.MIN_VALUE;

  private NearDuplicateIndex(IndexConfig config, int initialSlots) {
    this.config = Objects.requireNonNull(config, "config");
    this.preparer = new DocumentPreparer(config);
    this.verifier = new Verifier(config);
    this.order = CanonicalOrder.of(config);
    this.k = config.spec().k();
    this.store = new BandStore(k, config.lsh(), initialSlots);
    this.templates = preparer.newTemplates();
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

  /** An empty index. */
  public static NearDuplicateIndex create(IndexConfig config) {
    return new NearDuplicateIndex(config, 16);
  }

  /** An empty index with room for {@code expectedDocs} documents before any growth. */
  public static NearDuplicateIndex create(IndexConfig config, int expectedDocs) {
    if (expectedDocs < 0) {
      throw new IllegalArgumentException("expectedDocs must be >= 0, got " + expectedDocs);
    }
    return new NearDuplicateIndex(config, expectedDocs);
  }

  /**
   * Clusters a batch of documents; the result does not depend on the input order (see {@link
   * BatchDeduplicator}).
   */
  public static Clusters cluster(List<Doc> docs, IndexConfig config) {
    return new BatchDeduplicator(config).run(docs);
  }

  /** The configuration. */
  public IndexConfig config() {
    return config;
  }

  // ---------------------------------------------------------------- preparing

  /**
   * Cleans and signs a raw document with the current template of its source. Needs only the read
   * lock briefly; call it from any thread.
   */
  public PreparedDoc prepare(Doc doc) {
    Objects.requireNonNull(doc, "doc");
    long[] fps = preparer.lineFingerprints(doc.text());
    if (!config.sourceTemplates()) {
      return preparer.prepare(doc, null, fps);
    }
    String text;
    lock.readLock().lock();
    try {
      text = templates.strip(doc.source(), doc.text());
    } finally {
      lock.readLock().unlock();
    }
    return preparer.prepare(new Doc(doc.id(), text, doc.timestamp(), doc.source()), null, fps);
  }

  // ---------------------------------------------------------------- adding

  /** Adds a raw document; see {@link #add(Doc)}. */
  public Match add(String id, String text, Instant timestamp, String source) {
    return add(new Doc(id, text, timestamp, source));
  }

  /**
   * Adds a raw document: its source's template is learned from it (when enabled), it is cleaned,
   * signed, compared and indexed.
   *
   * @throws IllegalArgumentException if a document with this id is indexed, or the id has an unpaired surrogate
   */
  public Match add(Doc doc) {
    return add(prepare(doc));
  }

  /**
   * Adds a document already cleaned by the caller: its text is signed as is, no template is
   * learned or applied.
   */
  public Match add(String id, CleanResult cleaned, Instant timestamp, String source) {
    return add(preparer.signCleaned(new Doc(id, null, timestamp, source), cleaned.text(),
        new long[0]));
  }

  /**
   * Adds a prepared document.
   *
   * @throws IllegalArgumentException if a document with this id is indexed, the id has an unpaired
   *     surrogate (ids are kept as UTF-8), or the signature's spec differs from the index's
   */
  public Match add(PreparedDoc p) {
    return add(p, true);
  }

  Match add(PreparedDoc p, boolean learn) {
    checkSpec(p.signature());
    lock.writeLock().lock();
    try {
      byte[] idBytes = IdTable.utf8(p.id());
      if (idBytes == null) {
        throw new IllegalArgumentException(
            "document id '" + p.id() + "' has an unpaired surrogate (ids are kept as UTF-8)");
      }
      if (ids.find(idBytes) >= 0) {
        throw new IllegalArgumentException("document id '" + p.id() + "' is already indexed");
      }
      if (learn && config.sourceTemplates() && p.lineFingerprints().length > 0) {
        templates.learn(p.source(), p.lineFingerprints());
      }
      long ts = p.timestamp() == null ? NO_TIME : toMillis(p.timestamp());
      if (ts != NO_TIME && config.window() != null) {
        newest = Math.max(newest, ts);
        long w = config.window().toMillis();
        long cutoff = newest - w;
        if (cutoff - lastCutoff >= Math.max(1, w / EVICTION_STEPS) || lastCutoff == Long.MIN_VALUE) {
          lastCutoff = cutoff;
          evictBefore(cutoff);
        }
      }
      short[] q = Verifier.low16(p.signature());
      List<Hit> hits = find(p.signature(), q);
      int slot = allocate();
      ordinals.set(slot, nextOrdinal++);
      timestamps.set(slot, ts);
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
      Relation[] decided = decideLinks(slot, q, hits);
      List<Neighbor> neighbors = new ArrayList<>(hits.size());
      for (int i = 0; i < hits.size(); i++) {
        Neighbor nb = hits.get(i).neighbor;
        neighbors.add(
            decided[i] == nb.relation()
                ? nb
                : new Neighbor(nb.id(), nb.jaccard(), nb.containmentOfQuery(),
                    nb.containmentOfIndexed(), decided[i], nb.clusterId()));
      }
      for (int i = 0; i < hits.size(); i++) {
        if (config.policy().links(decided[i])) {
          union(slot, hits.get(i).slot);
        }
      }
      return new Match(p.id(), neighbors, clusterIdOf(slot), canonicalOf(slot), true);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** {@code trimPartner} of a document with no known smaller trimmed copy. */
  private static final int NO_PARTNER = -1;

  /** {@code trimPartner} of a composite: it holds trimmed copies of two unrelated documents. */
  private static final int COMPOSITE = -2;

  /**
   * The relations of {@code hits} after the composite rule: a document that is the larger side of
   * trimmed copies of two documents unrelated to each other holds two stories (a round-up), and
   * its trimmed-copy relations become containment, which does not link clusters (unless the
   * policy is {@link ClusterPolicy#ALL}). Each document remembers one smaller trimmed copy; a
   * later trimmed copy unrelated to it marks the document composite. Incrementally this is
   * judged on the documents seen so far: a link made before a document was found composite stays.
   */
  private Relation[] decideLinks(int slot, short[] q, List<Hit> hits) {
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
          || (partner >= 0 && !related(q, size, partner))) {
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
        composite = !related(sa, sb);
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

  private int validPartner(int x) {
    int p = trimPartner.get(x);
    return p >= 0 && ids.live(p) && (int) ordinals.get(p) == trimPartnerOrd.get(x) ? p : -1;
  }

  private boolean related(short[] q, long size, int slot) {
    return verifier.related(store.equalValues(q, slot), size, setSizes.get(slot));
  }

  private boolean related(int a, int b) {
    return verifier.related(store.equalValues(a, b), setSizes.get(a), setSizes.get(b));
  }

  // ---------------------------------------------------------------- querying

  /** Queries a raw document without adding it (and without learning its template). */
  public Match query(Doc doc) {
    return query(prepare(doc));
  }

  /** Queries raw text without adding it. */
  public Match query(String id, String text, Instant timestamp, String source) {
    return query(new Doc(id, text, timestamp, source));
  }

  /**
   * The indexed documents related to {@code p} and the cluster it would join (that of its first
   * linking neighbor in the {@link Match#neighbors()} order), without adding it. A document with
   * the same id that is already indexed is not reported as its own neighbor.
   */
  public Match query(PreparedDoc p) {
    checkSpec(p.signature());
    lock.readLock().lock();
    try {
      List<Hit> hits = find(p.signature(), Verifier.low16(p.signature()));
      List<Neighbor> neighbors = new ArrayList<>(hits.size());
      long cluster = -1;
      String canonical = p.id();
      for (Hit h : hits) {
        if (h.neighbor.id().equals(p.id())) {
          continue;
        }
        neighbors.add(h.neighbor);
        if (cluster < 0 && config.policy().links(h.neighbor.relation())) {
          cluster = clusterIdOf(h.slot);
          canonical = canonicalOf(h.slot);
        }
      }
      return new Match(p.id(), neighbors, cluster, canonical, false);
    } finally {
      lock.readLock().unlock();
    }
  }

  private record Hit(int slot, Neighbor neighbor) {}

  private static final Comparator<Hit> HIT_ORDER =
      Comparator.<Hit>comparingInt(h -> h.neighbor.relation().ordinal())
          .thenComparing(Comparator.<Hit>comparingDouble(h -> h.neighbor.jaccard()).reversed())
          .thenComparing(h -> h.neighbor.id());

  private List<Hit> find(Signature sig, short[] q) {
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

  // ---------------------------------------------------------------- removal and eviction

  /** Removes a document; returns false when it was not indexed. Its cluster does not split. */
  public boolean remove(String id) {
    lock.writeLock().lock();
    try {
      int slot = ids.find(id);
      if (slot < 0) {
        return false;
      }
      removeSlot(slot);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes every document with a known timestamp before {@code cutoff}; returns how many. */
  public int evictOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    lock.writeLock().lock();
    try {
      return evictBefore(toMillis(cutoff));
    } finally {
      lock.writeLock().unlock();
    }
  }

  private int evictBefore(long cutoff) {
    int n = 0;
    for (int s = 0; s < slotsUsed; s++) {
      if (ids.live(s) && timestamps.get(s) != NO_TIME && timestamps.get(s) < cutoff) {
        removeSlot(s);
        n++;
      }
    }
    return n;
  }

  private void removeSlot(int slot) {
    if (setSizes.get(slot) > 0) {
      store.unband(slot);
    }
    clusters.leave(slot);
    ids.remove(slot);
    freeSlots.add(slot);
    size--;
  }

  // ---------------------------------------------------------------- clusters

  private void union(int a, int b) {
    clusters.union(a, ordinals.get(a), b, ordinals.get(b));
  }

  private long clusterIdOf(int slot) {
    int c = clusters.of(slot);
    return c < 0 ? ordinals.get(slot) : clusters.id(c);
  }

  private String canonicalOf(int slot) {
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

  /** The cluster id of an indexed document, or -1 when it is not indexed. */
  public long clusterOf(String id) {
    lock.readLock().lock();
    try {
      int slot = ids.find(id);
      return slot < 0 ? -1 : clusterIdOf(slot);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The canonical member of the cluster of an indexed document, or null when not indexed. */
  public String canonicalOf(String id) {
    lock.readLock().lock();
    try {
      int slot = ids.find(id);
      return slot < 0 ? null : canonicalOf(slot);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** True when a document with this id is indexed. */
  public boolean contains(String id) {
    lock.readLock().lock();
    try {
      return ids.find(id) >= 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The ids of the indexed documents, sorted. */
  public List<String> ids() {
    lock.readLock().lock();
    try {
      List<String> out = new ArrayList<>(size);
      for (int s = 0; s < slotsUsed; s++) {
        if (ids.live(s)) {
          out.add(ids.id(s));
        }
      }
      out.sort(null);
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Number of indexed documents. */
  public int size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Estimated bytes held by the index, counted from the arrays it holds (headers and 8-byte
   * alignment included, compressed references assumed): signature values and band tables, the
   * per-document pages, the ids (UTF-8 arrays and their table), sources, clusters and the template
   * model. It leaves out JVM-wide costs such as garbage not yet collected; {@code IndexMemory} in
   * the benchmarks compares it with the measured heap growth.
   */
  public long memoryBytes() {
    lock.readLock().lock();
    try {
      return store.memoryBytes() + slotBytes() + ids.memoryBytes() + clusterBytes()
          + mapBytes(sourceCode.size(), 8) + LongPages.arrayBytes(freeSlots.elements().length, 4)
          + templates.memoryBytes();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The parts of {@link #memoryBytes()}, for benchmarks: signature values, band tables,
   * per-document fields, ids, clusters, templates (bytes; the rest is small maps and lists).
   */
  public long[] memoryParts() {
    lock.readLock().lock();
    try {
      long tables = store.tableBytes();
      return new long[] {store.memoryBytes() - tables, tables, slotBytes(), ids.memoryBytes(),
          clusterBytes(), templates.memoryBytes()};
    } finally {
      lock.readLock().unlock();
    }
  }

  private long slotBytes() {
    return ordinals.memoryBytes() + timestamps.memoryBytes() + sources.memoryBytes()
        + lengths.memoryBytes() + setSizes.memoryBytes()
        + trimPartner.memoryBytes() + trimPartnerOrd.memoryBytes();
  }

  private long clusterBytes() {
    return clusters.memoryBytes();
  }

  /** Bytes of the per-source template model alone (included in {@link #memoryBytes()}). */
  public long templateBytes() {
    lock.readLock().lock();
    try {
      return templates.memoryBytes();
    } finally {
      lock.readLock().unlock();
    }
  }

  private static long mapBytes(int n, int entryBytes) {
    long cap = Math.max(2, Long.highestOneBit((long) Math.ceil(n / 0.75) * 2 - 1));
    return entryBytes * cap;
  }

  // ---------------------------------------------------------------- persistence

  /**
   * Writes a snapshot to {@code file}, atomically: the bytes go to a temporary file in the same
   * folder, which is forced to disk and then moved over {@code file}. A writer killed at any point
   * leaves the previous snapshot intact (and possibly a stray {@code *.tmp} file).
   *
   * <h4>Format, version 1 (big-endian, {@link DataOutputStream})</h4>
   *
   * <pre>
   * int magic "SYNX", int version
   * spec: byte scheme id, byte shingle kind (0 word, 1 char), byte n, byte normalizer flags,
   *       byte normalizer rules version, int k, long seed, long spec fingerprint,
   *       int bands, int rows
   * int documents, long next ordinal, long newest time, long last cutoff
   * int sources, then each as UTF
   * per document: int id byte length + UTF-8 id, long ordinal, long time (Long.MAX_VALUE =
   *       unknown), int source (-1 none), int length, int set size, int trimmed-copy partner
   *       (document number, -1 none, -2 composite), k shorts (values)
   * int clusters, then each: long id, int members, member document numbers (ints)
   * templates: int sources, then each: UTF name, int docs, int lines, (long fp, int count)*
   * int CRC-32C of every preceding byte
   * </pre>
   *
   * @throws UncheckedIOException if writing fails
   */
  public void save(Path file) {
    save(file, Long.MAX_VALUE);
  }

  /** {@link #save(Path)} that fails like a killed writer after {@code failAfter} bytes (tests). */
  void save(Path file, long failAfter) {
    Objects.requireNonNull(file, "file");
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    lock.readLock().lock();
    try {
      Path tmp = Files.createTempFile(dir, abs.getFileName().toString() + ".", ".tmp");
      try (FileOutputStream fos = new FileOutputStream(tmp.toFile())) {
        CRC32C crc = new CRC32C();
        OutputStream limited = failAfter == Long.MAX_VALUE ? fos : new CrashingStream(fos, failAfter);
        CheckedOutputStream checked =
            new CheckedOutputStream(new BufferedOutputStream(limited, 1 << 16), crc);
        DataOutputStream out = new DataOutputStream(checked);
        writeBody(out);
        out.flush();
        int sum = (int) crc.getValue();
        out.writeInt(sum);
        out.flush();
        fos.getChannel().force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save index snapshot to " + file + ": " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** An output stream that fails after a number of bytes, as a killed writer would stop. */
  private static final class CrashingStream extends FilterOutputStream {
    private long left;

    CrashingStream(OutputStream out, long limit) {
      super(out);
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        out.write(b, off, (int) left);
        left = 0;
        out.flush();
        throw new IOException("simulated crash of the writer");
      }
      out.write(b, off, len);
      left -= len;
    }
  }

  private void writeBody(DataOutputStream out) throws IOException {
    MinHashSpec spec = config.spec();
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    writeSpec(out, spec, config.lsh().bands(), config.lsh().rows());
    out.writeInt(size);
    out.writeLong(nextOrdinal);
    out.writeLong(newest);
    out.writeLong(lastCutoff);
    out.writeInt(sourceNames.size());
    for (String s : sourceNames) {
      out.writeUTF(s);
    }
    byte[] fixed = new byte[DOC_FIXED_BYTES + 2 * k];
    ByteBuffer fb = ByteBuffer.wrap(fixed);
    int[] number = new int[slotsUsed];
    int n = 0;
    for (int s = 0; s < slotsUsed; s++) {
      number[s] = ids.live(s) ? n++ : -1;
    }
    for (int s = 0; s < slotsUsed; s++) {
      if (!ids.live(s)) {
        continue;
      }
      byte[] id = ids.bytes(s);
      out.writeInt(id.length);
      out.write(id);
      fb.clear();
      fb.putLong(ordinals.get(s));
      fb.putLong(timestamps.get(s));
      fb.putInt(sources.get(s));
      fb.putInt(lengths.get(s));
      fb.putInt(setSizes.get(s));
      int partner = trimPartner.get(s) == COMPOSITE ? COMPOSITE : validPartner(s);
      fb.putInt(partner >= 0 ? number[partner] : partner);
      for (int i = 0; i < k; i++) {
        fb.putShort(store.value(s, i));
      }
      out.write(fixed); // one bulk write: the checksum stream is slow per byte
    }
    out.writeInt(clusters.count());
    for (int c = 0; c < clusters.numbers(); c++) {
      int m = clusters.size(c);
      if (m == 0) {
        continue;
      }
      out.writeLong(clusters.id(c));
      out.writeInt(m);
      int head = clusters.head(c);
      int s = head;
      do {
        out.writeInt(number[s]);
        s = clusters.next(s);
      } while (s != head);
    }
    templates.write(out);
  }

  private static void writeSpec(DataOutputStream out, MinHashSpec spec, int bands, int rows)
      throws IOException {
    out.writeByte(spec.scheme().id());
    out.writeByte(spec.shingles().kind() == ShingleSpec.Kind.WORD ? 0 : 1);
    out.writeByte(spec.shingles().n());
    out.writeByte(spec.normalizer().foldTehMarbuta() ? 1 : 0);
    out.writeByte(TextNormalizer.RULES_VERSION);
    out.writeInt(spec.k());
    out.writeLong(spec.seed());
    out.writeLong(spec.fingerprint());
    out.writeInt(bands);
    out.writeInt(rows);
  }

  /**
   * Loads a snapshot written by {@link #save}. The snapshot's spec (scheme, shingles, k, seed,
   * normalizer) and bands must equal {@code config}'s; the other settings (thresholds, window,
   * policy, preferred sources) are taken from {@code config}.
   *
   * @throws SnapshotException if the file is not a snapshot, has another version, was made with
   *     another spec or bands (the message names both), or is damaged; nothing is loaded then
   * @throws UncheckedIOException if the file cannot be read
   */
  public static NearDuplicateIndex load(Path file, IndexConfig config) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(config, "config");
    CRC32C crc = new CRC32C();
    try (InputStream raw = Files.newInputStream(file)) {
      DataInputStream in =
          new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc));
      long fileBytes = Files.size(file);
      NearDuplicateIndex index;
      try {
        index = readBody(in, config, file, fileBytes);
      } catch (EOFException e) {
        throw new SnapshotException("index snapshot " + file + " is truncated (damaged)", e);
      } catch (IOException | RuntimeException e) {
        if (e instanceof SnapshotException se) {
          throw se;
        }
        throw new SnapshotException("index snapshot " + file + " is damaged: " + e.getMessage(), e);
      }
      int expected = (int) crc.getValue();
      int stored;
      try {
        stored = in.readInt();
      } catch (EOFException e) {
        throw new SnapshotException("index snapshot " + file + " is truncated (no checksum)", e);
      }
      if (stored != expected) {
        throw new SnapshotException("index snapshot " + file + " is damaged: checksum mismatch");
      }
      if (in.read() != -1) {
        throw new SnapshotException("index snapshot " + file + " is damaged: bytes after checksum");
      }
      return index;
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no index snapshot at " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index snapshot " + file + ": " + e.getMessage(), e);
    }
  }

  private static NearDuplicateIndex readBody(
      DataInputStream in, IndexConfig config, Path file, long fileBytes) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new SnapshotException(file + " is not a syndic index snapshot (bad magic)");
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new SnapshotException(
          "index snapshot " + file + " has format version " + version + "; this library reads "
              + FORMAT_VERSION);
    }
    byte scheme = in.readByte();
    byte kind = in.readByte();
    int n = in.readByte() & 0xFF;
    byte flags = in.readByte();
    int rules = in.readByte() & 0xFF;
    int k = in.readInt();
    long seed = in.readLong();
    long fingerprint = in.readLong();
    int bands = in.readInt();
    int rows = in.readInt();
    String found =
        "scheme=" + scheme + " shingles=" + (kind == 0 ? "w" : "c") + n + " foldTehMarbuta="
            + (flags & 1) + " rules=v" + rules + " k=" + k + " seed=" + Long.toHexString(seed)
            + " bands=" + bands + " rows=" + rows;
    MinHashSpec want = config.spec();
    String expected =
        "scheme=" + want.scheme().id() + " shingles=" + want.shingles().describe()
            + " foldTehMarbuta=" + (want.normalizer().foldTehMarbuta() ? 1 : 0) + " rules=v"
            + TextNormalizer.RULES_VERSION + " k=" + want.k() + " seed="
            + Long.toHexString(want.seed()) + " bands=" + config.lsh().bands() + " rows="
            + config.lsh().rows();
    boolean same =
        scheme == want.scheme().id()
            && kind == (want.shingles().kind() == ShingleSpec.Kind.WORD ? 0 : 1)
            && n == want.shingles().n()
            && (flags & 1) == (want.normalizer().foldTehMarbuta() ? 1 : 0)
            && rules == TextNormalizer.RULES_VERSION
            && k == want.k()
            && seed == want.seed()
            && fingerprint == want.fingerprint()
            && bands == config.lsh().bands()
            && rows == config.lsh().rows();
    if (!same) {
      MinHashScheme.ofId(scheme); // an unknown scheme id is named by its own exception message
      throw new SnapshotException(
          "index snapshot " + file + " was made with " + found + " but the configuration has "
              + expected);
    }
    int docs = in.readInt();
    if (docs < 0) {
      throw new SnapshotException("index snapshot " + file + " is damaged: " + docs + " documents");
    }
    // The index is sized for docs before any is read, so a damaged count must not allocate more
    // than the file could describe: each document takes at least MIN_DOC_BYTES + 2k bytes.
    if (docs * (MIN_DOC_BYTES + 2L * k) > fileBytes) {
      throw new SnapshotException(
          "index snapshot " + file + " is damaged: " + docs + " documents cannot fit in its "
              + fileBytes + " bytes");
    }
    NearDuplicateIndex x = new NearDuplicateIndex(config, docs);
    x.nextOrdinal = in.readLong();
    x.newest = in.readLong();
    x.lastCutoff = in.readLong();
    int nSources = in.readInt();
    if (nSources < 0) {
      throw new IOException("negative source count " + nSources);
    }
    for (int i = 0; i < nSources; i++) {
      x.codeOf(in.readUTF());
    }
    short[] v = new short[k];
    byte[] fixed = new byte[DOC_FIXED_BYTES + 2 * k];
    ByteBuffer fb = ByteBuffer.wrap(fixed);
    IntArrayList toBand = new IntArrayList(docs);
    for (int d = 0; d < docs; d++) {
      int len = in.readInt();
      if (len <= 0 || len > (1 << 20)) {
        throw new IOException("id length " + len + " of document " + d);
      }
      byte[] raw = in.readNBytes(len);
      if (raw.length != len) {
        throw new EOFException();
      }
      // Malformed UTF-8 is decoded with replacement characters, as a String id would be, so two
      // ids that read as the same string are duplicates.
      byte[] id = new String(raw, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
      // The fixed part of a document in one bulk read (the checksum stream is slow per byte).
      in.readFully(fixed);
      fb.clear();
      int slot = x.allocate();
      x.ordinals.set(slot, fb.getLong());
      x.timestamps.set(slot, fb.getLong());
      int src = fb.getInt();
      if (src < -1 || src >= nSources) {
        throw new IOException("source " + src + " of document " + d);
      }
      x.sources.set(slot, src);
      x.lengths.set(slot, fb.getInt());
      x.setSizes.set(slot, fb.getInt());
      x.clusters.reset(slot);
      int partner = fb.getInt();
      if (partner < COMPOSITE || partner >= docs) {
        throw new IOException("trimmed-copy partner " + partner + " of document " + d);
      }
      x.trimPartner.set(slot, partner);
      for (int i = 0; i < k; i++) {
        v[i] = fb.getShort();
      }
      if (x.ids.find(id) >= 0) {
        throw new IOException("duplicate id '" + new String(id, StandardCharsets.UTF_8) + "'");
      }
      x.ids.put(slot, id);
      x.store.setValues(slot, v);
      if (x.setSizes.get(slot) > 0) {
        toBand.add(slot);
      }
      x.size++;
    }
    x.store.bandAll(toBand.elements(), toBand.size());
    int nClusters = in.readInt();
    if (nClusters < 0) {
      throw new IOException("negative cluster count " + nClusters);
    }
    for (int c = 0; c < nClusters; c++) {
      long id = in.readLong();
      int m = in.readInt();
      if (m < 1 || m > docs) {
        throw new IOException("cluster of " + m + " members");
      }
      int cl = -1;
      for (int i = 0; i < m; i++) {
        int d = in.readInt();
        if (d < 0 || d >= docs || x.clusters.of(d) >= 0) {
          throw new IOException("bad cluster member " + d);
        }
        if (cl < 0) {
          cl = x.clusters.create(id, d);
        } else {
          x.clusters.join(cl, d, Long.MAX_VALUE); // the stored id stays
        }
      }
    }
    for (int d = 0; d < docs; d++) {
      if (x.trimPartner.get(d) >= 0) {
        x.trimPartnerOrd.set(d, (int) x.ordinals.get(x.trimPartner.get(d)));
      }
    }
    x.templates.read(in);
    return x;
  }

  // ---------------------------------------------------------------- helpers

  private int allocate() {
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

  private int codeOf(String source) {
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

  private void checkSpec(Signature sig) {
    if (!sig.spec().equals(config.spec())) {
      throw new IllegalArgumentException(
          "signature spec " + sig.spec().describe() + " does not match index spec "
              + config.spec().describe());
    }
  }

  private static long toMillis(Instant t) {
    return CanonicalOrder.millis(t);
  }
}
