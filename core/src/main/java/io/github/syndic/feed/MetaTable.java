package io.github.syndic.feed;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A metadata TSV that gives the documents of a directory their source and time: a header naming
 * {@code doc_id} (or {@code id}) and optionally {@code source} and a time column ({@code
 * published}, else {@code date_extracted}), then one row per document. A row shorter than the id
 * column is ignored; of two rows with one id the later wins. Times stay text here: {@link
 * FeedTimes#parse} reads them.
 *
 * <p>Immutable and thread-safe.
 */
public final class MetaTable implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The metadata of one document; {@code source} and {@code time} may be null. */
  public record Row(String source, String time) implements Serializable {}

  private final HashMap<String, Row> rows;

  private MetaTable(HashMap<String, Row> rows) {
    this.rows = rows;
  }

  /**
   * Reads a UTF-8 TSV file.
   *
   * @throws IllegalArgumentException if the header names no id column
   */
  public static MetaTable read(Path tsv) throws IOException {
    return parse(Files.readAllLines(tsv, StandardCharsets.UTF_8), tsv.toString());
  }

  /**
   * Parses the lines of a TSV ({@code name} is what an error calls it).
   *
   * @throws IllegalArgumentException if the header names no id column
   */
  public static MetaTable parse(List<String> lines, String name) {
    HashMap<String, Row> out = new HashMap<>();
    if (lines.isEmpty()) {
      return new MetaTable(out);
    }
    String[] h = lines.get(0).split("\t", -1);
    int id = -1;
    int src = -1;
    int time = -1;
    for (int i = 0; i < h.length; i++) {
      String c = h[i].trim().toLowerCase(Locale.ROOT);
      if (c.equals("doc_id") || c.equals("id")) {
        id = i;
      } else if (c.equals("source")) {
        src = i;
      } else if (c.equals("published") || (time < 0 && c.equals("date_extracted"))) {
        time = i;
      }
    }
    if (id < 0) {
      throw new IllegalArgumentException(name + " has no doc_id column");
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length > id) {
        out.put(f[id], new Row(src >= 0 && f.length > src ? f[src] : null,
            time >= 0 && f.length > time ? f[time] : null));
      }
    }
    return new MetaTable(out);
  }

  /** The metadata of document {@code id}, or null when the table has no row for it. */
  public Row get(String id) {
    return rows.get(Objects.requireNonNull(id, "id"));
  }

  /** The ids with a row (unmodifiable view). */
  public Set<String> ids() {
    return Collections.unmodifiableSet(rows.keySet());
  }

  /** Number of documents with a row. */
  public int size() {
    return rows.size();
  }
}
