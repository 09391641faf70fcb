package io.github.syndic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.syndic.html.HtmlCharset;
import io.github.syndic.html.HtmlReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads documents for {@code dedup} and {@code learn}: one file per document from directories
 * (id = file name without extension), or JSON Lines files ({@code id}, {@code text}, optional
 * {@code title}, {@code source}, {@code published}). Not thread-safe.
 */
final class FeedDocs {
  /** One document. {@code source} and {@code published} may be null. */
  record Doc(String id, String text, String title, String source, Instant published) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  int failures;
  private final PrintWriter err;
  private final Charset charset;
  private final String sourceField;

  /**
   * What an HTML document becomes, or null to read HTML files as text: {@link #pageText} for
   * learning templates (every block of the page), the cleaned article for near-duplicates.
   */
  private final java.util.function.UnaryOperator<String> html;

  FeedDocs(PrintWriter err, Charset charset, String sourceField) {
    this(err, charset, sourceField, FeedDocs::pageText);
  }

  FeedDocs(PrintWriter err, Charset charset, String sourceField,
      java.util.function.UnaryOperator<String> html) {
    this.html = html;
    this.err = err;
    this.charset = charset;
    this.sourceField = sourceField;
  }

  /** The visible text of an HTML page, one block per line. */
  static String pageText(String html) {
    return HtmlReader.read(html, "").text();
  }

  /** Reads every document of the inputs, in input order (directories sorted by path). */
  List<Doc> read(List<Path> inputs, Map<String, String[]> meta) throws IOException {
    List<Doc> docs = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        for (InputFiles.Input in : InputFiles.collect(List.of(p), DOC_FILES, List.of())) {
          String name = in.file().getFileName().toString();
          int dot = name.lastIndexOf('.');
          String id = dot > 0 ? name.substring(0, dot) : name;
          String text = readText(in.file());
          if (text != null) {
            String[] m = meta == null ? null : meta.get(id);
            docs.add(new Doc(id, text, null, m == null ? null : m[0],
                m == null ? null : parseTime(m[1])));
          }
        }
      } else if (p.toString().endsWith(".jsonl") || p.toString().endsWith(".json")) {
        readJsonl(p, docs);
      } else {
        String text = readText(p);
        if (text != null) {
          String name = p.getFileName().toString();
          int dot = name.lastIndexOf('.');
          docs.add(new Doc(dot > 0 ? name.substring(0, dot) : name, text, null, null, null));
        }
      }
    }
    return docs;
  }

  /** Document files taken from directories: text, and HTML pages. */
  static final List<String> DOC_FILES = List.of("*.txt", "*.html", "*.htm");

  private String readText(Path f) {
    try {
      byte[] bytes = Files.readAllBytes(f);
      if (html != null && !f.toString().endsWith(".jsonl") && !f.toString().endsWith(".json")
          && HtmlInput.isHtml(HtmlInput.Format.auto, f, bytes)) {
        return html.apply(HtmlCharset.decode(bytes, null));
      }
      return InputFiles.decode(bytes, charset);
    } catch (IOException e) {
      fail(f + ": cannot read: " + e.getMessage());
    } catch (InputFiles.BadInputException e) {
      fail(f + ": " + e.getMessage());
    }
    return null;
  }

  private void readJsonl(Path f, List<Doc> docs) {
    String all = readText(f);
    if (all == null) {
      return;
    }
    try (BufferedReader r = new BufferedReader(new StringReader(all))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode o = JSON.readTree(line);
          if (o == null || !o.isObject()) {
            fail(f + ":" + no + ": not a JSON object");
            continue;
          }
          JsonNode id = o.get("id");
          JsonNode text = o.get("text");
          JsonNode page = o.get("html");
          if (html != null && (text == null || text.isNull()) && page != null
              && page.isTextual()) {
            text = com.fasterxml.jackson.databind.node.TextNode.valueOf(html.apply(page.asText()));
          }
          if (id == null || id.isNull() || text == null || !text.isTextual()) {
            fail(f + ":" + no + ": needs string fields 'id' and 'text' (or 'html')");
            continue;
          }
          String title = o.hasNonNull("title") ? o.get("title").asText() : null;
          String source = o.hasNonNull(sourceField) ? o.get(sourceField).asText() : null;
          Instant published = null;
          if (o.hasNonNull("published")) {
            published = parseTime(o.get("published"));
            if (published == null) {
              fail(f + ":" + no + ": cannot read 'published' " + o.get("published"));
              continue;
            }
          }
          docs.add(new Doc(id.asText(), text.asText(), title, source, published));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          fail(f + ":" + no + ": invalid JSON (" + e.getOriginalMessage() + ")");
        }
      }
    } catch (IOException e) {
      fail(f + ": " + e.getMessage());
    }
  }

  /** ISO-8601 instant, local date-time (UTC), date, 'yyyy-MM-dd HH:mm:ss', or epoch millis. */
  static Instant parseTime(JsonNode n) {
    if (n.isNumber()) {
      return Instant.ofEpochMilli(n.asLong());
    }
    return parseTime(n.asText());
  }

  static Instant parseTime(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.trim();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return java.time.OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }

  /**
   * Reads a metadata TSV (header with doc_id and, optionally, source and a time column named
   * published or date_extracted) into id → {source, published}.
   */
  static Map<String, String[]> readMeta(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    Map<String, String[]> out = new HashMap<>();
    if (lines.isEmpty()) {
      return out;
    }
    String[] h = lines.get(0).split("\t", -1);
    int id = -1;
    int src = -1;
    int time = -1;
    for (int i = 0; i < h.length; i++) {
      String c = h[i].trim().toLowerCase(java.util.Locale.ROOT);
      if (c.equals("doc_id") || c.equals("id")) {
        id = i;
      } else if (c.equals("source")) {
        src = i;
      } else if (c.equals("published") || (time < 0 && c.equals("date_extracted"))) {
        time = i;
      }
    }
    if (id < 0) {
      throw new IllegalArgumentException(tsv + " has no doc_id column");
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length > id) {
        out.put(f[id], new String[] {src >= 0 && f.length > src ? f[src] : null,
            time >= 0 && f.length > time ? f[time] : null});
      }
    }
    return out;
  }

  private void fail(String msg) {
    failures++;
    err.println("syndic: " + msg);
    err.flush();
  }
}
