package io.github.syndic.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.syndic.doc.Block;
import io.github.syndic.doc.PageMetadata;
import io.github.syndic.doc.PageStructure;
import io.github.syndic.CleanResult;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/** Renders a {@link CleanResult} as text, JSON Lines or an annotated listing. Thread-safe. */
final class Formats {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";

  private Formats() {}

  /** One JSON object (one line, newline-terminated) describing the result for {@code name}. */
  static String jsonl(String name, CleanResult r) {
    StringWriter w = new StringWriter();
    try {
      jsonl(w, name, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Writes {@link #jsonl(String, CleanResult)} to {@code w} (not closed). */
  static void jsonl(Writer w, String name, CleanResult r) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("id", name);
      g.writeStringField("layout", r.layout().label());
      g.writeStringField("text", r.text());
      PageMetadata m = r.metadata();
      writeIfSet(g, "title", m.title());
      writeIfSet(g, "date", m.date());
      writeIfSet(g, "author", m.author());
      writeIfSet(g, "lang", m.lang());
      g.writeNumberField("blocks", r.blocks().size());
      g.writeNumberField("kept", r.blocks().size() - r.removals().size());
      g.writeArrayFieldStart("removed");
      for (Removal x : r.removals()) {
        Block b = x.block();
        g.writeStartObject();
        g.writeNumberField("line_start", b.line());
        g.writeNumberField("line_end", b.line());
        g.writeNumberField("char_start", b.start());
        g.writeNumberField("char_end", b.end());
        g.writeStringField("kind", x.kind().label());
        g.writeNumberField("score", round(x.score()));
        if (x.twin() != null) {
          g.writeObjectFieldStart("twin");
          g.writeNumberField("line", x.twin().line());
          g.writeNumberField("char_start", x.twin().start());
          g.writeNumberField("char_end", x.twin().end());
          g.writeEndObject();
        }
        if (!x.covering().isEmpty()) {
          g.writeArrayFieldStart("covering_lines");
          for (Block c : x.covering()) {
            g.writeNumber(c.line());
          }
          g.writeEndArray();
        }
        g.writeStringField("reason", x.reason());
        g.writeStringField("text", b.text());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("metadata");
      g.writeArrayFieldStart("credits");
      for (String s : r.textsOfKind(RemovalKind.CREDIT)) {
        g.writeString(s);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("tags");
      for (String s : r.textsOfKind(RemovalKind.TAGS)) {
        g.writeString(s);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    w.write('\n');
  }

  private static void writeIfSet(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  /** Elements of a tag path shown in annotated output: the innermost ones say most. */
  static final int PATH_ELEMENTS = 5;

  private static String shortPath(String path) {
    int cut = path.length();
    for (int k = 0; k < PATH_ELEMENTS && cut > 0; k++) {
      cut = path.lastIndexOf('>', cut - 1);
    }
    return cut <= 0 ? path : "…" + path.substring(cut);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /**
   * The original, every line shown: kept lines plain, removed ones marked with kind, score, twin
   * and reason. {@code color} adds ANSI colours for a terminal.
   */
  static String annotated(String name, CleanResult r, boolean color) {
    StringBuilder sb = new StringBuilder();
    sb.append(color ? YELLOW : "").append("== ").append(name)
        .append(String.format(Locale.ROOT, "  (%d blocks, %d removed, layout %s)",
            r.blocks().size(), r.removals().size(), r.layout().label()))
        .append(color ? RESET : "").append('\n');
    PageStructure page = r.structure();
    for (Block b : r.blocks()) {
      Removal x = r.removalOf(b);
      if (page != null) {
        sb.append(color ? DIM : "").append("        <").append(shortPath(page.tagPath(b.index())))
            .append('>').append(color ? RESET : "").append('\n');
      }
      if (x == null) {
        sb.append(String.format(Locale.ROOT, "%5d   %-18s  %s%n", b.line(), "keep", b.text()));
        continue;
      }
      String tag = x.kind().label();
      String twin = x.twin() == null ? "" : " of line " + x.twin().line();
      if (!x.covering().isEmpty()) {
        StringBuilder c = new StringBuilder(" of lines ");
        for (int i = 0; i < x.covering().size(); i++) {
          c.append(i == 0 ? "" : ",").append(x.covering().get(i).line());
        }
        twin = c.toString();
      }
      sb.append(color ? RED : "")
          .append(String.format(Locale.ROOT, "%5d - %-18s  %s", b.line(), tag, b.text()))
          .append(color ? RESET : "")
          .append('\n');
      sb.append(color ? DIM : "")
          .append(String.format(Locale.ROOT, "          %s %.2f%s: %s", tag, x.score(), twin,
              x.reason()))
          .append(color ? RESET : "")
          .append('\n');
    }
    return sb.toString();
  }
}
