package io.github.syndic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.syndic.feed.MetaTable;
import io.github.syndic.html.HtmlCharset;
import io.github.syndic.html.HtmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads documents for {@code dedup} and {@code learn}: one file per document from directories
 * (id = file name without {@code .txt}), single text files (id = name without extension), or JSON
 * Lines ({@code .jsonl}/{@code .json} files, and {@code -} for standard input: {@code id},
 * {@code text}, optional {@code title}, {@code source}, {@code published}), read one line at a
 * time. Every record is checked on its own ({@link Records}): a bad one is reported as
 * {@code file:line: reason} and skipped, the others are read. A time that cannot be read keeps
 * its document, without a time, and is counted in {@link #badTimes}. Not thread-safe.
 */
final class FeedDocs {
  /** One document. {@code source} and {@code published} may be null. */
  record Doc(String id, String text, String title, String source, Instant published) {}

  /** Unreadable times reported one by one; the rest only in the count. */
  private static final int TIME_WARNINGS = 5;

  int failures;
  /** Documents whose time could not be read (kept without a time). */
  int badTimes;
  private final PrintWriter err;
  private final Charset charset;
  private final String sourceField;
  private final Records.TimeUnit timeUnit;
  private final InputStream stdin;

  /**
   * What an HTML document becomes, or null to read HTML files as text: {@link #pageText} for
   * learning templates (every block of the page), the cleaned article for near-duplicates.
   */
  private final java.util.function.UnaryOperator<String> html;

  FeedDocs(PrintWriter err, Charset charset, String sourceField) {
    this(err, charset, sourceField, Records.TimeUnit.auto, System.in, FeedDocs::pageText);
  }

  FeedDocs(PrintWriter err, Charset charset, String sourceField,
      java.util.function.UnaryOperator<String> html) {
    this(err, charset, sourceField, Records.TimeUnit.auto, System.in, html);
  }

  FeedDocs(PrintWriter err, Charset charset, String sourceField, Records.TimeUnit timeUnit,
      InputStream stdin, java.util.function.UnaryOperator<String> html) {
    this.html = html;
    this.err = err;
    this.charset = charset;
    this.sourceField = sourceField;
    this.timeUnit = timeUnit;
    this.stdin = stdin;
  }

  /** Whether an input argument is read as JSON Lines. */
  static boolean isJsonl(Path p) {
    String s = p.toString();
    return InputFiles.isStdin(p) || s.endsWith(".jsonl") || s.endsWith(".json");
  }

  /** The visible text of an HTML page, one block per line. */
  static String pageText(String html) {
    return HtmlReader.read(html, "").text();
  }

  /** Document files taken from directories: text, and HTML pages. */
  static final List<String> DOC_FILES = io.github.syndic.feed.DocFiles.GLOBS;

  /** Reads every document of the inputs, in input order (directories sorted by path). */
  List<Doc> read(List<Path> inputs, MetaTable meta) throws IOException {
    List<Doc> docs = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        for (InputFiles.Input in : InputFiles.collect(List.of(p), DOC_FILES, List.of())) {
          if (in.error() != null) {
            fail(in.file() + ": " + in.error());
            continue;
          }
          String id = io.github.syndic.feed.DocFiles.id(in.file().getFileName().toString());
          String bad = Records.idProblem(id);
          if (bad != null) {
            fail(in.file() + ": " + bad + " (the id is the file name without its extension)");
            continue;
          }
          String text = readText(in);
          if (text != null) {
            MetaTable.Row m = meta == null ? null : meta.get(id);
            Instant t = null;
            if (m != null && m.time() != null && !m.time().isBlank()) {
              t = Records.parseTime(m.time(), timeUnit);
              if (t == null) {
                badTime(in.file() + ": '" + m.time() + "' in the metadata");
              }
            }
            docs.add(new Doc(id, text, null, m == null ? null : m.source(), t));
          }
        }
      } else if (isJsonl(p)) {
        readJsonl(p, docs);
      } else {
        String text = readText(new InputFiles.Input(p, p.getFileName()));
        if (text != null) {
          String name = p.getFileName().toString();
          int dot = name.lastIndexOf('.');
          String id = dot > 0 ? name.substring(0, dot) : name;
          String bad = Records.idProblem(id);
          if (bad != null) {
            fail(p + ": " + bad + " (the id is the file name without its extension)");
          } else {
            docs.add(new Doc(id, text, null, null, null));
          }
        }
      }
    }
    return docs;
  }

  private String readText(InputFiles.Input in) {
    try {
      byte[] bytes = InputFiles.readBytes(in, stdin);
      if (html != null && in.file() != null && HtmlInput.isHtml(HtmlInput.Format.auto, in.file(),
          bytes)) {
        return html.apply(HtmlCharset.decode(bytes, null));
      }
      return InputFiles.decode(bytes, charset);
    } catch (NoSuchFileException e) {
      fail(in.display() + ": no such file");
    } catch (IOException e) {
      fail(in.display() + ": cannot read: " + InputFiles.reason(e));
    } catch (InputFiles.BadInputException e) {
      fail(in.display() + ": " + e.getMessage());
    }
    return null;
  }

  private void readJsonl(Path f, List<Doc> docs) {
    boolean std = InputFiles.isStdin(f);
    String name = std ? "<stdin>" : f.toString();
    InputFiles.Input in = std ? new InputFiles.Input(null, Path.of("stdin"))
        : new InputFiles.Input(f, f.getFileName());
    InputStream s;
    try {
      s = InputFiles.open(in, stdin);
    } catch (NoSuchFileException e) {
      fail(name + ": no such file");
      return;
    } catch (IOException e) {
      fail(name + ": cannot read: " + InputFiles.reason(e));
      return;
    } catch (InputFiles.BadInputException e) {
      fail(name + ": " + e.getMessage());
      return;
    }
    try {
      new JsonLines(charset).read(s, new JsonLines.Handler() {
        @Override
        public void record(long line, ObjectNode o) {
          Doc d = doc(name + ":" + line, o);
          if (d != null) {
            docs.add(d);
          }
        }

        @Override
        public void error(long line, String reason) {
          fail(name + ":" + line + ": " + reason);
        }
      });
    } catch (IOException e) {
      fail(name + ": cannot read: " + InputFiles.reason(e));
    } finally {
      if (!std) {
        try {
          s.close();
        } catch (IOException ignored) {
          // read-only stream
        }
      }
    }
  }

  /** The document of one record, or null (reported) when the record is not a valid document. */
  Doc doc(String where, ObjectNode o) {
    JsonNode idNode = o.get("id");
    String id = Records.idOf(idNode);
    if (id == null) {
      fail(where + ": " + (idNode == null || idNode.isNull() ? "no 'id'"
          : "'id' must be a string or an integer, not " + kind(idNode)));
      return null;
    }
    String bad = Records.idProblem(id);
    if (bad != null) {
      fail(where + ": " + bad);
      return null;
    }
    JsonNode text = o.get("text");
    JsonNode page = o.get("html");
    if (html != null && (text == null || text.isNull()) && page != null && page.isTextual()) {
      text = com.fasterxml.jackson.databind.node.TextNode.valueOf(html.apply(page.asText()));
    }
    if (text == null || !text.isTextual()) {
      fail(where + ": " + (text == null || text.isNull() ? "no 'text'"
          : "'text' must be a string, not " + kind(text)));
      return null;
    }
    String title = scalar(o, "title", where);
    String source = scalar(o, sourceField, where);
    if ((o.hasNonNull("title") && title == null) || (o.hasNonNull(sourceField) && source == null)) {
      return null;
    }
    Instant published = null;
    if (o.hasNonNull("published")) {
      published = Records.parseTime(o.get("published"), timeUnit);
      if (published == null) {
        badTime(where + ": 'published' " + shorten(o.get("published").toString()));
      }
    }
    return new Doc(id, text.textValue(), title, source, published);
  }

  private String scalar(ObjectNode o, String field, String where) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isValueNode()) {
      return n.asText();
    }
    fail(where + ": '" + field + "' must be a string, not " + kind(n));
    return null;
  }

  private static String kind(JsonNode n) {
    return n.isObject() ? "an object" : n.isArray() ? "an array" : n.isBoolean() ? "a boolean"
        : n.isNumber() ? "a number" : n.isTextual() ? "a string" : n.getNodeType().toString();
  }

  private static String shorten(String s) {
    return Main.printable(s.length() <= 80 ? s : s.substring(0, 80) + "...");
  }

  private void badTime(String what) {
    badTimes++;
    if (badTimes <= TIME_WARNINGS) {
      err.println("syndic: " + what + " is not a time syndic reads (ISO-8601, RFC 1123, epoch"
          + " seconds or milliseconds); the document is kept without a time");
    } else if (badTimes == TIME_WARNINGS + 1) {
      err.println("syndic: more unreadable times; the summary counts them");
    }
    err.flush();
  }

  /** Reads a metadata TSV ({@link MetaTable}: doc_id, optional source and time columns). */
  static MetaTable readMeta(Path tsv) throws IOException {
    return MetaTable.read(tsv);
  }

  private void fail(String msg) {
    failures++;
    err.println("syndic: " + Main.printable(msg));
    err.flush();
  }
}
