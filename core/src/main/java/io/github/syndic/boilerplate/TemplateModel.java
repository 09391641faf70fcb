package io.github.syndic.boilerplate;

import io.github.syndic.doc.Block;
import io.github.syndic.format.FormatException;
import io.github.syndic.hash.Hash64;
import io.github.syndic.internal.BytesProxy;
import io.github.syndic.internal.FormatHeader;
import io.github.syndic.internal.TempFiles;
import io.github.syndic.text.BlockSegmenter;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * What one source repeats across its documents: for every block fingerprint (the normalized block
 * with each run of digits masked to one '0', hashed to 64 bits) the number of documents that hold
 * it. A block whose fingerprint recurs in at least {@link #minCount()} documents and at least a
 * share {@link #minShare()} of all documents is template (menus, bylines, sign-offs, promos).
 *
 * <p>Counts are per document (a block repeated inside one document counts once), so the model is
 * a sum over documents: the same documents give the same model in any order, and models of
 * disjoint document sets {@link #merge} into the model of their union. {@link #toBytes()} is
 * canonical (entries sorted), so equal models have equal bytes.
 *
 * <p>File format, version {@link #FORMAT_VERSION}, big-endian: magic {@code "SYNTMPL1"} (8
 * bytes), int version, double minShare, int minCount, long documents, int entries, then entries
 * sorted by fingerprint (long fingerprint, int count), then a CRC-32C of everything before it (as
 * an int; version 1, still read, had a CRC-32). Magic, version and checksum go through the shared
 * header codec; a bad form gets a {@link FormatException}; Java serialization writes these bytes
 * (a proxy). {@link #save}/{@link #load} put them in a file, as the index's snapshots.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}.
 */
public final class TemplateModel implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Default least share of a source's documents a block must recur in: 5%. A source's furniture
   * (sign-off, promo, byline of a desk) appears in most of its documents; body text of a story
   * recurs in a handful (updates, follow-ups). 5% of the 250-700 articles per outlet in three days
   * of SaudiNewsNet is 12-35 documents, far above the at most 3-4 versions of one story an outlet
   * publishes.
   */
  public static final double DEFAULT_MIN_SHARE = 0.05;

  /**
   * Default least number of documents: 5. Keeps small sources (a dozen documents, where 5% is
   * below one document) from marking a paragraph that merely appears in two updates of a story.
   */
  public static final int DEFAULT_MIN_COUNT = 5;

  /** Version of the file format and of the fingerprint rules. */
  public static final int FORMAT_VERSION = 2;

  /** Magic "SYNTMPL1", 4-byte version; version 1 (CRC-32) is still read. */
  private static final FormatHeader FORMAT = new FormatHeader("template model", "SYNTMPL1", 4, 1, FORMAT_VERSION);

  private static final int HEADER = 8 + 4 + 8 + 4 + 8 + 4;

  private final long documents;
  private final double minShare;
  private final int minCount;
  private final transient Long2IntOpenHashMap counts;

  private TemplateModel(long documents, double minShare, int minCount, Long2IntOpenHashMap counts) {
    this.documents = documents;
    this.minShare = minShare;
    this.minCount = minCount;
    this.counts = counts;
  }

  /** A builder with the default thresholds. */
  public static Builder builder() {
    return new Builder(DEFAULT_MIN_SHARE, DEFAULT_MIN_COUNT);
  }

  /**
   * A builder with the given thresholds.
   *
   * @param minShare least share of documents, in (0, 1]
   * @param minCount least number of documents, at least 2
   */
  public static Builder builder(double minShare, int minCount) {
    return new Builder(minShare, minCount);
  }

  /** Number of documents the model was learned from. */
  public long documents() {
    return documents;
  }

  /** Least share of documents for a block to be template. */
  public double minShare() {
    return minShare;
  }

  /** Least number of documents for a block to be template. */
  public int minCount() {
    return minCount;
  }

  /** Number of distinct fingerprints counted. */
  public int size() {
    return counts.size();
  }

  /** Number of documents holding a block with this fingerprint. */
  public int count(long fingerprint) {
    return counts.get(fingerprint);
  }

  /** Number of documents holding a block like {@code text} (same fingerprint). */
  public int count(CharSequence text) {
    return counts.get(fingerprint(text));
  }

  /** The least count that makes a fingerprint template in this model. */
  public long threshold() {
    return Math.max(minCount, (long) Math.ceil(minShare * documents));
  }

  /** True when blocks with this fingerprint recur enough to be template. */
  public boolean isTemplate(long fingerprint) {
    return counts.get(fingerprint) >= threshold();
  }

  /** The template fingerprints with their counts, sorted by count (desc), then fingerprint. */
  public long[][] templateEntries() {
    long t = threshold();
    return counts.long2IntEntrySet().stream()
        .filter(e -> e.getIntValue() >= t)
        .map(e -> new long[] {e.getLongKey(), e.getIntValue()})
        .sorted((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]))
        .toArray(long[][]::new);
  }

  /**
   * The fingerprint of a block: its normalized text ({@link TextNormalizer#defaults()}) with every
   * run of digits replaced by one '0', hashed with {@link Hash64#hashChars(char[], int, int)}.
   */
  public static long fingerprint(CharSequence blockText) {
    NormalizedText nt = TextNormalizer.defaults().normalize(blockText);
    return fingerprint(nt);
  }

  /** {@link #fingerprint(CharSequence)} of an already normalized block. */
  public static long fingerprint(NormalizedText nt) {
    char[] c = nt.chars();
    char[] m = new char[nt.length()];
    int n = 0;
    for (int i = 0; i < nt.length(); i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        if (n > 0 && m[n - 1] == '0') {
          continue;
        }
        ch = '0';
      }
      m[n++] = ch;
    }
    return Hash64.hashChars(m, 0, n);
  }

  /** A model holding the documents of both (thresholds of this one). */
  public TemplateModel merge(TemplateModel other) {
    Objects.requireNonNull(other, "other");
    Builder b = new Builder(minShare, minCount);
    b.addModel(this);
    b.addModel(other);
    return b.build();
  }

  /** The canonical bytes of this model (see the class comment for the format). */
  public byte[] toBytes() {
    long[] keys = counts.keySet().toLongArray();
    Arrays.sort(keys);
    ByteArrayOutputStream bos = new ByteArrayOutputStream(HEADER + keys.length * 12 + 4);
    try (DataOutputStream out = new DataOutputStream(bos)) {
      FORMAT.write(out);
      out.writeDouble(minShare);
      out.writeInt(minCount);
      out.writeLong(documents);
      out.writeInt(keys.length);
      for (long k : keys) {
        out.writeLong(k);
        out.writeInt(counts.get(k));
      }
    } catch (IOException e) {
      throw new AssertionError("in-memory stream", e);
    }
    return FormatHeader.withTrailingCrc(bos.toByteArray());
  }

  /**
   * Reads a model from {@link #toBytes()} output.
   *
   * @throws FormatException saying what is wrong: not a model (magic), another version,
   *     truncated, checksum mismatch, or inconsistent contents
   */
  public static TemplateModel fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    int version = FORMAT.read(buf);
    if (bytes.length < HEADER + 4) {
      throw new FormatException(
          "template model truncated: " + bytes.length + " bytes, header needs " + (HEADER + 4));
    }
    int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
    int sum;
    if (version == 1) { // version 1: CRC-32
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, bytes.length - 4);
      sum = (int) crc.getValue();
    } else {
      sum = FormatHeader.crc32c(bytes, 0, bytes.length - 4);
    }
    try {
      double minShare = buf.getDouble();
      int minCount = buf.getInt();
      long documents = buf.getLong();
      int n = buf.getInt();
      long expected = HEADER + 12L * n + 4;
      if (n < 0 || expected != bytes.length) {
        throw new FormatException(
            "template model truncated or padded: " + bytes.length + " bytes for " + n
                + " entries (expected " + expected + ")");
      }
      if (sum != stored) {
        throw new FormatException("template model damaged: checksum mismatch");
      }
      try {
        checkThresholds(minShare, minCount);
      } catch (IllegalArgumentException e) {
        throw new FormatException("template model damaged: " + e.getMessage(), e);
      }
      if (documents < 0) {
        throw new FormatException("template model damaged: documents=" + documents);
      }
      Long2IntOpenHashMap counts = new Long2IntOpenHashMap(n);
      long prev = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        long k = buf.getLong();
        int c = buf.getInt();
        if ((i > 0 && k <= prev) || c <= 0 || c > documents) {
          throw new FormatException("template model damaged: entry " + i + " out of order or count " + c);
        }
        prev = k;
        counts.put(k, c);
      }
      return new TemplateModel(documents, minShare, minCount, counts);
    } catch (BufferUnderflowException e) {
      throw new FormatException("template model truncated", e);
    }
  }

  /**
   * Saves the model ({@link #toBytes()}) to {@code file} atomically: a temporary file in the same
   * directory, then a rename; a failed save removes its temporary file.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void save(Path file) {
    Objects.requireNonNull(file, "file");
    Path abs = file.toAbsolutePath();
    try {
      Path tmp = TempFiles.create(abs.getParent(), abs.getFileName().toString() + ".");
      try {
        Files.write(tmp, toBytes());
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save template model to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads a model saved by {@link #save} (any file holding a model's {@link #toBytes()}).
   *
   * @throws FormatException naming the file when it is not a valid model
   * @throws UncheckedIOException when the file cannot be read
   */
  public static TemplateModel load(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no template model at " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template model " + file + ": " + e.getMessage(), e);
    }
    try {
      return fromBytes(bytes);
    } catch (FormatException e) {
      throw new FormatException(file + ": " + e.getMessage(), e);
    }
  }

  /** Java serialization writes {@link #toBytes()} (a proxy), so version and checksum apply. */
  private Object writeReplace() {
    return new BytesProxy(BytesProxy.Form.TEMPLATE_MODEL, toBytes());
  }

  private void readObject(ObjectInputStream in) throws java.io.InvalidObjectException {
    throw BytesProxy.refused(BytesProxy.Form.TEMPLATE_MODEL);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateModel m
        && documents == m.documents
        && minCount == m.minCount
        && Double.compare(minShare, m.minShare) == 0
        && counts.equals(m.counts);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(documents) * 31 + counts.hashCode();
  }

  @Override
  public String toString() {
    return "TemplateModel[documents=" + documents + ", fingerprints=" + counts.size()
        + ", template=" + templateEntries().length + "]";
  }

  private static void checkThresholds(double minShare, int minCount) {
    if (!(minShare > 0.0 && minShare <= 1.0)) {
      throw new IllegalArgumentException("minShare must be in (0, 1], got " + minShare);
    }
    if (minCount < 2) {
      throw new IllegalArgumentException("minCount must be at least 2, got " + minCount);
    }
  }

  /**
   * Accumulates documents of one source. Not thread-safe: use one builder per thread and {@link
   * #merge} them (or the built models).
   */
  public static final class Builder {
    private final double minShare;
    private final int minCount;
    private final Long2IntOpenHashMap counts = new Long2IntOpenHashMap();
    private long documents;

    private Builder(double minShare, int minCount) {
      checkThresholds(minShare, minCount);
      this.minShare = minShare;
      this.minCount = minCount;
    }

    /** Adds one document given as text (cut into line blocks). */
    public Builder addDocument(CharSequence text) {
      return addBlocks(BlockSegmenter.lines(text == null ? "" : text));
    }

    /** Adds one document given as blocks. */
    public Builder addBlocks(List<Block> blocks) {
      Objects.requireNonNull(blocks, "blocks");
      LongOpenHashSet seen = new LongOpenHashSet(blocks.size() * 2);
      TextNormalizer norm = TextNormalizer.defaults();
      for (Block b : blocks) {
        NormalizedText nt = norm.normalize(b.text());
        if (nt.isEmpty()) {
          continue;
        }
        long fp = fingerprint(nt);
        if (seen.add(fp)) {
          counts.addTo(fp, 1);
        }
      }
      documents++;
      return this;
    }

    /** Adds the documents of another builder. */
    public Builder merge(Builder other) {
      Objects.requireNonNull(other, "other");
      other.counts.long2IntEntrySet().forEach(e -> counts.addTo(e.getLongKey(), e.getIntValue()));
      documents += other.documents;
      return this;
    }

    void addModel(TemplateModel m) {
      m.counts.long2IntEntrySet().forEach(e -> counts.addTo(e.getLongKey(), e.getIntValue()));
      documents += m.documents;
    }

    /** Documents added so far. */
    public long documents() {
      return documents;
    }

    /** The model of the documents added so far (the builder stays usable). */
    public TemplateModel build() {
      Long2IntOpenHashMap copy = new Long2IntOpenHashMap(counts);
      copy.trim();
      return new TemplateModel(documents, minShare, minCount, copy);
    }
  }
}
