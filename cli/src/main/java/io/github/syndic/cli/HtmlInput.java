package io.github.syndic.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** How an input is read: as text or as HTML, by name and content. Stateless and thread-safe. */
final class HtmlInput {
  private HtmlInput() {}

  /** The {@code --input-format} values. */
  enum Format {
    auto,
    text,
    html
  }

  /** How many leading bytes the content check reads. */
  static final int SNIFF_BYTES = 1024;

  /** True when the file name ends in .html, .htm or .xhtml (any case). */
  static boolean hasHtmlName(Path file) {
    if (file == null || file.getFileName() == null) {
      return false;
    }
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml");
  }

  /**
   * True when the first {@link #SNIFF_BYTES} bytes (after a BOM and white space) open with
   * {@code <} and hold {@code <!doctype html}, {@code <html}, {@code <head} or {@code <body}.
   */
  static boolean looksLikeHtml(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    int i = 0;
    if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < n && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    if (i >= n || bytes[i] != '<') {
      return false;
    }
    String head = new String(bytes, i, n - i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.contains("<html") || head.contains("<head")
        || head.contains("<body");
  }

  /** Whether an input is read as HTML under {@code format}. */
  static boolean isHtml(Format format, Path file, byte[] bytes) {
    return switch (format) {
      case html -> true;
      case text -> false;
      case auto -> hasHtmlName(file) || looksLikeHtml(bytes);
    };
  }

  /** True when the first {@link #SNIFF_BYTES} bytes hold a NUL byte (and no HTML opening). */
  static boolean binary(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES * 8);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return !looksLikeHtml(bytes);
      }
    }
    return false;
  }
}
