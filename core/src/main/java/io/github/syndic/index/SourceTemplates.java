package io.github.syndic.index;

import io.github.syndic.doc.Block;
import io.github.syndic.boilerplate.TemplateModel;
import io.github.syndic.text.BlockSegmenter;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import io.github.syndic.format.FormatException;
import io.github.syndic.internal.BytesProxy;
import io.github.syndic.internal.FormatHeader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Per-source site furniture learned from the documents themselves: for each source, how many of
 * its documents contain each line (by a fingerprint of the line's normalized text). A line seen
 * in many documents of one source is its template (menus, share lines, footers, 'most read'
 * headings) and is dropped before signing, so that two different stories of one site do not look
 * alike and copies of one story on two sites do.
 *
 * <p>Made by {@link DocumentPreparer#newTemplates()} (or {@link DocumentPreparer#learnTemplates}),
 * which fixes the normalizer of the line fingerprints.
 *
 * <p>{@link #toBytes()} / {@link #fromBytes} give the checked byte form (magic "SYNF", version,
 * normalizer flags and rules version, the counts of {@link NearDuplicateIndex}'s snapshot,
 * CRC-32C); Java serialization writes it (a proxy), so a model broadcast to another JVM passes the
 * same checks.
 *
 * <p>Not thread-safe: concurrent readers ({@link #strip}, {@link #isTemplate}) are safe only while
 * nothing learns; {@link NearDuplicateIndex} reads it under its read lock and learns under its
 * write lock.
 */
public final class SourceTemplates implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final FormatHeader FORMAT = new FormatHeader("source templates", "SYNF", 4, 1, 1);
  /**
   * A line is template when at least this many documents of its source contain it. A wire story
   * is republished by one outlet once, rarely two or three times; furniture is on most pages.
   */
  static final int MIN_DOCS = 4;

  /**
   * ... and at least this share of the source's documents contain it: in a large batch without
   * sources (one group), a story copied by a dozen outlets stays far below 2% of the documents
   * while each site's furniture is on a larger share (one site among fifty or fewer).
   */
  static final double MIN_SHARE = 0.02;

  /**
   * Per source, when more distinct lines than this are counted, lines seen only once are
   * forgotten (furniture recurs, so it survives); bounds memory to about 1 MB per source.
   */
  static final int MAX_LINES_PER_SOURCE = 65_536;

  /** Source key used when a document has no source. */
  static final String NO_SOURCE = "";

  private final transient TextNormalizer normalizer;
  private final transient Map<String, Counts> bySource = new HashMap<>();

  SourceTemplates(TextNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  private static final class Counts {
    final Long2IntOpenHashMap lines = new Long2IntOpenHashMap();
    int docs;
  }

  /** Distinct fingerprints of the non-empty lines of {@code text}, in first-seen order. */
  long[] fingerprints(String text) {
    return fingerprints(normalizer, text);
  }

  static long[] fingerprints(TextNormalizer normalizer, String text) {
    List<Block> blocks = BlockSegmenter.lines(text);
    LongOpenHashSet seen = new LongOpenHashSet(blocks.size());
    long[] out = new long[blocks.size()];
    int n = 0;
    for (Block b : blocks) {
      long fp = fingerprint(normalizer, b.text());
      if (fp != 0 && seen.add(fp)) {
        out[n++] = fp;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * Fingerprint of one line: {@link TemplateModel#fingerprint(CharSequence)} (normalized text,
   * digit runs masked, so that a dateline recurs whatever its date), the same as the
   * boilerplate stage's source templates; 0 for a line without letters or digits.
   */
  long fingerprint(String line) {
    return fingerprint(normalizer, line);
  }

  private static long fingerprint(TextNormalizer normalizer, String line) {
    NormalizedText t = normalizer.normalize(line);
    if (t.isEmpty()) {
      return 0;
    }
    long h = TemplateModel.fingerprint(t);
    return h == 0 ? 1 : h;
  }

  /** True when the line with fingerprint {@code fp} is template for {@code source}. */
  public boolean isTemplate(String source, long fp) {
    Counts c = bySource.get(key(source));
    if (c == null || fp == 0) {
      return false;
    }
    int n = c.lines.get(fp);
    return n >= MIN_DOCS && n >= MIN_SHARE * c.docs;
  }

  /** The lines of {@code text} that are not template for {@code source}, joined by line feeds. */
  public String strip(String source, String text) {
    if (!bySource.containsKey(key(source))) {
      return text;
    }
    return strip(text, fp -> isTemplate(source, fp));
  }

  /**
   * The lines of {@code text} whose fingerprint (as {@link #learn} counts them, with this model's
   * normalizer) {@code template} rejects, joined by line feeds: {@link #strip(String, String)}
   * with the decision made elsewhere, e.g. from {@link #templateLines()} shipped to another
   * machine.
   */
  public String strip(String text, LongPredicate template) {
    StringBuilder sb = new StringBuilder(text.length());
    for (Block b : BlockSegmenter.lines(text)) {
      if (!template.test(fingerprint(b.text()))) {
        sb.append(b.text()).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The fingerprints of the template lines of each source (key {@code ""}: documents without
   * source), sorted: this model's decisions in a compact form. {@link #isTemplate}{@code (s, fp)}
   * is true exactly when {@code fp} is in the array of {@code s}.
   */
  public Map<String, long[]> templateLines() {
    Map<String, long[]> out = new TreeMap<>();
    for (Map.Entry<String, Counts> e : bySource.entrySet()) {
      long[] fps = e.getValue().lines.keySet().toLongArray();
      int n = 0;
      for (long fp : fps) {
        if (isTemplate(e.getKey(), fp)) {
          fps[n++] = fp;
        }
      }
      long[] t = java.util.Arrays.copyOf(fps, n);
      java.util.Arrays.sort(t);
      out.put(e.getKey(), t);
    }
    return out;
  }

  /**
   * Counts one document's distinct line fingerprints ({@link DocumentPreparer#lineFingerprints})
   * for {@code source} (null: the group of documents without source). The result depends on the
   * order of a source's documents (rare lines are forgotten past {@link #MAX_LINES_PER_SOURCE}),
   * not on how sources interleave.
   */
  public void learn(String source, long[] fps) {
    Counts c = bySource.computeIfAbsent(key(source), s -> new Counts());
    c.docs++;
    for (long fp : fps) {
      c.lines.addTo(fp, 1);
    }
    if (c.lines.size() > MAX_LINES_PER_SOURCE) {
      c.lines.long2IntEntrySet().removeIf(e -> e.getIntValue() <= 1);
      if (c.lines.size() > MAX_LINES_PER_SOURCE / 2) {
        // Still large: halve every count (old lines fade, recurring ones stay).
        for (Long2IntMap.Entry e : c.lines.long2IntEntrySet()) {
          e.setValue(e.getIntValue() / 2);
        }
        c.lines.long2IntEntrySet().removeIf(e -> e.getIntValue() == 0);
        c.docs /= 2;
      }
    }
  }

  /**
   * Adds the sources of {@code other}, which must share none with this model and use the same
   * normalizer: models learned per source apart join into the model learned over all of them.
   *
   * @throws IllegalArgumentException if a source is in both or the normalizers differ
   */
  public void addAll(SourceTemplates other) {
    if (!other.normalizer.options().equals(normalizer.options())) {
      throw new IllegalArgumentException("template models made with different normalizers");
    }
    for (String s : other.bySource.keySet()) {
      if (bySource.containsKey(s)) {
        throw new IllegalArgumentException("source '" + s + "' is in both template models");
      }
    }
    for (Map.Entry<String, Counts> e : other.bySource.entrySet()) {
      Counts c = new Counts();
      c.docs = e.getValue().docs;
      c.lines.putAll(e.getValue().lines);
      bySource.put(e.getKey(), c);
    }
  }

  /** Number of documents counted for {@code source}. */
  public int docs(String source) {
    Counts c = bySource.get(key(source));
    return c == null ? 0 : c.docs;
  }

  /** Approximate bytes held. */
  long memoryBytes() {
    long bytes = 0;
    for (Counts c : bySource.values()) {
      bytes += 64 + (long) (12 * c.lines.size() / 0.75);
    }
    return bytes;
  }

  private static String key(String source) {
    return source == null ? NO_SOURCE : source;
  }

  /** The checked byte form (see the class comment). */
  public byte[] toBytes() {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bos)) {
      FORMAT.write(out);
      out.writeByte(normalizer.options().foldTehMarbuta() ? 1 : 0);
      out.writeByte(TextNormalizer.RULES_VERSION);
      write(out);
    } catch (IOException e) {
      throw new AssertionError("in-memory stream", e);
    }
    return FormatHeader.withTrailingCrc(bos.toByteArray());
  }

  /**
   * Reads {@link #toBytes()} output.
   *
   * @throws FormatException if the bytes are not a template model of this format, are damaged, or
   *     were made with other normalizer rules
   */
  public static SourceTemplates fromBytes(byte[] bytes) {
    FORMAT.checkTrailingCrc(bytes);
    try {
      DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
      FORMAT.read(in);
      int flags = in.readByte();
      int rules = in.readByte() & 0xFF;
      if ((flags & ~1) != 0 || rules != TextNormalizer.RULES_VERSION) {
        throw new FormatException("source templates made with normalizer flags " + flags
            + " rules v" + rules + "; this library has rules v" + TextNormalizer.RULES_VERSION);
      }
      SourceTemplates t =
          new SourceTemplates(TextNormalizer.of(new TextNormalizer.Options((flags & 1) != 0)));
      t.read(in);
      if (in.read() != -1) {
        throw FORMAT.damaged("bytes after the counts");
      }
      return t;
    } catch (IOException e) {
      throw FORMAT.damaged(e.getMessage() == null ? "truncated" : e.getMessage());
    }
  }

  private Object writeReplace() {
    return new BytesProxy(BytesProxy.Form.SOURCE_TEMPLATES, toBytes());
  }

  private void readObject(ObjectInputStream in) throws java.io.InvalidObjectException {
    throw BytesProxy.refused(BytesProxy.Form.SOURCE_TEMPLATES);
  }

  void write(DataOutput out) throws IOException {
    Map<String, Counts> sorted = new TreeMap<>(bySource);
    out.writeInt(sorted.size());
    for (Map.Entry<String, Counts> e : sorted.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().docs);
      List<long[]> rows = new ArrayList<>();
      for (Long2IntMap.Entry x : e.getValue().lines.long2IntEntrySet()) {
        rows.add(new long[] {x.getLongKey(), x.getIntValue()});
      }
      rows.sort((a, b) -> Long.compare(a[0], b[0]));
      out.writeInt(rows.size());
      for (long[] r : rows) {
        out.writeLong(r[0]);
        out.writeInt((int) r[1]);
      }
    }
  }

  void read(DataInput in) throws IOException {
    int sources = in.readInt();
    if (sources < 0) {
      throw new IOException("negative source count " + sources);
    }
    for (int i = 0; i < sources; i++) {
      Counts c = new Counts();
      String s = IndexSnapshot.readSource(in);
      c.docs = in.readInt();
      int n = in.readInt();
      if (n < 0 || c.docs < 0) {
        throw new IOException("negative count in templates of source '" + s + "'");
      }
      for (int j = 0; j < n; j++) {
        c.lines.put(in.readLong(), in.readInt());
      }
      bySource.put(s, c);
    }
  }
}
