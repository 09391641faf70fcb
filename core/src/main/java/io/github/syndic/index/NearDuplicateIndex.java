package io.github.syndic.index;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.minhash.Signature;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

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
  /** Snapshot format version written by {@link #save}. */
  public static final int FORMAT_VERSION = IndexSnapshot.VERSION;

  private final IndexConfig config;
  private final DocumentPreparer preparer;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  final DocStore docs;
  final SourceTemplates templates;
  final WindowClock clock;

  NearDuplicateIndex(IndexConfig config, int initialSlots) {
    this.config = Objects.requireNonNull(config, "config");
    this.preparer = new DocumentPreparer(config);
    this.docs = new DocStore(config, initialSlots);
    this.templates = preparer.newTemplates();
    this.clock = new WindowClock(config.window());
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
    String cleaned = preparer.clean(doc.text()); // outside the lock; templates after cleaning
    String text;
    lock.readLock().lock();
    try {
      text = templates.strip(doc.source(), cleaned);
    } finally {
      lock.readLock().unlock();
    }
    return preparer.signCleaned(doc, text, fps);
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

  /**
   * Adds a raw document unless a document with its id is indexed; then returns that document's
   * {@link #lookup} instead ({@link Match#added()} false). Atomic: a crawler re-fetching a URL
   * needs no {@code contains} + {@code add}, and two threads adding one id add it once.
   *
   * @throws IllegalArgumentException as {@link #add(Doc)} for a document that is not indexed
   */
  public Match addIfAbsent(Doc doc) {
    Match existing = lookup(doc.id());
    return existing != null ? existing : addIfAbsent(prepare(doc));
  }

  /** {@link #addIfAbsent(Doc)} for a prepared document. */
  public Match addIfAbsent(PreparedDoc p) {
    return add(p, true, true);
  }

  /**
   * An indexed document's cluster, as a {@link Match} without neighbors ({@link Match#added()}
   * false): its cluster id and canonical member; null when the id is not indexed.
   */
  public Match lookup(String id) {
    lock.readLock().lock();
    try {
      int slot = docs.ids.find(id);
      return slot < 0
          ? null
          : new Match(id, List.of(), docs.clusterIdOf(slot), docs.canonicalOf(slot), false);
    } finally {
      lock.readLock().unlock();
    }
  }

  Match add(PreparedDoc p, boolean learn) {
    return add(p, learn, false);
  }

  private Match add(PreparedDoc p, boolean learn, boolean ifAbsent) {
    checkSpec(p.signature());
    byte[] idBytes = IndexLimits.check(p);
    if (learn) {
      IndexLimits.checkTime(p, config); // not in a batch (learn off): its window runs on the batch's own times
    }
    lock.writeLock().lock();
    try {
      int existing = docs.ids.find(idBytes);
      if (existing >= 0) {
        if (ifAbsent) {
          return new Match(p.id(), List.of(), docs.clusterIdOf(existing),
              docs.canonicalOf(existing), false);
        }
        throw new IllegalArgumentException("document id '" + p.id() + "' is already indexed");
      }
      if (learn && config.sourceTemplates() && p.lineFingerprints().length > 0) {
        templates.learn(p.source(), p.lineFingerprints());
      }
      long ts = CanonicalOrder.millis(p.timestamp());
      long scan = clock.advance(ts);
      if (scan != WindowClock.NO_SCAN) {
        docs.evictBefore(scan);
      }
      short[] q = Verifier.low16(p.signature());
      List<DocStore.Hit> hits = docs.find(p.signature(), q);
      int slot = docs.insert(p, idBytes, ts, q);
      Relation[] decided = docs.decideLinks(slot, q, hits);
      List<Neighbor> neighbors = new ArrayList<>(hits.size());
      for (int i = 0; i < hits.size(); i++) {
        Neighbor nb = hits.get(i).neighbor();
        neighbors.add(
            decided[i] == nb.relation()
                ? nb
                : new Neighbor(nb.id(), nb.jaccard(), nb.containmentOfQuery(),
                    nb.containmentOfIndexed(), decided[i], nb.clusterId()));
      }
      for (int i = 0; i < hits.size(); i++) {
        if (config.policy().links(decided[i])) {
          docs.union(slot, hits.get(i).slot());
        }
      }
      return new Match(p.id(), neighbors, docs.clusterIdOf(slot), docs.canonicalOf(slot), true);
    } finally {
      lock.writeLock().unlock();
    }
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
      List<DocStore.Hit> hits = docs.find(p.signature(), Verifier.low16(p.signature()));
      List<Neighbor> neighbors = new ArrayList<>(hits.size());
      long cluster = -1;
      String canonical = p.id();
      for (DocStore.Hit h : hits) {
        if (h.neighbor().id().equals(p.id())) {
          continue;
        }
        neighbors.add(h.neighbor());
        if (cluster < 0 && config.policy().links(h.neighbor().relation())) {
          cluster = docs.clusterIdOf(h.slot());
          canonical = docs.canonicalOf(h.slot());
        }
      }
      return new Match(p.id(), neighbors, cluster, canonical, false);
    } finally {
      lock.readLock().unlock();
    }
  }

  // ---------------------------------------------------------------- removal and eviction

  /** Removes a document; returns false when it was not indexed. Its cluster does not split. */
  public boolean remove(String id) {
    lock.writeLock().lock();
    try {
      int slot = docs.ids.find(id);
      if (slot < 0) {
        return false;
      }
      docs.removeSlot(slot);
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
      return docs.evictBefore(CanonicalOrder.millis(cutoff));
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---------------------------------------------------------------- clusters

  /** The cluster id of an indexed document, or -1 when it is not indexed. */
  public long clusterOf(String id) {
    lock.readLock().lock();
    try {
      int slot = docs.ids.find(id);
      return slot < 0 ? -1 : docs.clusterIdOf(slot);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The canonical member of the cluster of an indexed document, or null when not indexed. */
  public String canonicalOf(String id) {
    lock.readLock().lock();
    try {
      int slot = docs.ids.find(id);
      return slot < 0 ? null : docs.canonicalOf(slot);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** True when a document with this id is indexed. */
  public boolean contains(String id) {
    lock.readLock().lock();
    try {
      return docs.ids.find(id) >= 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The ids of the indexed documents, sorted. */
  public List<String> ids() {
    lock.readLock().lock();
    try {
      List<String> out = new ArrayList<>(docs.size);
      for (int s = 0; s < docs.slotsUsed; s++) {
        if (docs.ids.live(s)) {
          out.add(docs.ids.id(s));
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
      return docs.size;
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
      return docs.memoryBytes() + templates.memoryBytes();
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
      long tables = docs.store.tableBytes();
      return new long[] {docs.store.memoryBytes() - tables, tables, docs.slotBytes(),
          docs.ids.memoryBytes(), docs.clusterBytes(), templates.memoryBytes()};
    } finally {
      lock.readLock().unlock();
    }
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

  // ---------------------------------------------------------------- persistence

  /**
   * Writes a snapshot to {@code file} ({@link IndexSnapshot} describes the format), atomically:
   * the bytes go to a temporary file in the same folder, which is forced to disk and then moved
   * over {@code file}. A writer killed at any point leaves the previous snapshot intact; a failed
   * save (full disk, I/O error) removes its temporary file, only a process killed outright can
   * leave a {@code *.tmp} behind. Takes the read lock: adds wait until it is written. Between
   * processes nothing is locked: hold the directory's {@link IndexLock} from load to save.
   *
   * @throws UncheckedIOException if writing fails
   */
  public void save(Path file) {
    save(file, Long.MAX_VALUE);
  }

  /**
   * Fails now, before a batch is processed, when a snapshot could not be saved in {@code dir}
   * (read-only, missing permissions): creates the directory if needed, then creates and deletes a
   * temporary file there.
   *
   * @throws UncheckedIOException naming the directory
   */
  public static void checkWritable(Path dir) {
    IndexSnapshot.checkWritable(Objects.requireNonNull(dir, "dir"));
  }

  /** {@link #save(Path)} that fails like a killed writer after {@code failAfter} bytes (tests). */
  void save(Path file, long failAfter) {
    lock.readLock().lock();
    try {
      IndexSnapshot.write(this, file, failAfter);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Loads a snapshot written by {@link #save}. Does not lock: a program that loads, adds and
   * saves back holds the directory's {@link IndexLock} throughout.
   *
   * <p>The snapshot's spec (scheme, shingles, k, seed, normalizer), bands and the settings that
   * shaped its contents (thresholds, verify, policy, clean, source templates, window) must equal
   * {@code config}'s; a difference is refused with a message naming both values ({@link
   * #loadReconfigured} changes the window). Preferred sources and the clock are taken from {@code
   * config}. A version-1 snapshot stored no settings and takes {@code config}'s.
   *
   * @throws SnapshotException if the file is not a snapshot, has another version, was made with
   *     another spec or bands (the message names both), or is damaged; nothing is loaded then
   * @throws UncheckedIOException if the file cannot be read
   */
  public static NearDuplicateIndex load(Path file, IndexConfig config) {
    return IndexSnapshot.read(file, config, IndexSnapshot.WindowRule.MATCH);
  }

  /**
   * {@link #load} that adopts {@code config}'s window when it differs from the snapshot's (the one
   * setting that is safe to change: it only decides what is evicted from now on); every other
   * setting must still match.
   *
   * @throws SnapshotException as {@link #load}
   */
  public static NearDuplicateIndex loadReconfigured(Path file, IndexConfig config) {
    return IndexSnapshot.read(file, config, IndexSnapshot.WindowRule.CONFIG);
  }

  /**
   * {@link #load} that keeps the snapshot's window whatever {@code config}'s is: a program that
   * does not name a window goes on with the one the index was made with (a version-1 snapshot,
   * which stored none, takes {@code config}'s). Every other setting must still match.
   *
   * @throws SnapshotException as {@link #load}
   */
  public static NearDuplicateIndex loadWithStoredWindow(Path file, IndexConfig config) {
    return IndexSnapshot.read(file, config, IndexSnapshot.WindowRule.SNAPSHOT);
  }

  // ---------------------------------------------------------------- helpers

  private void checkSpec(Signature sig) {
    if (!sig.spec().equals(config.spec())) {
      throw new IllegalArgumentException(
          "signature spec " + sig.spec().describe() + " does not match index spec "
              + config.spec().describe());
    }
  }

}
