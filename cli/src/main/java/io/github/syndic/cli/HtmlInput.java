package io.github.syndic.cli;

import io.github.syndic.feed.DocFiles;
import java.nio.file.Path;

/** How an input is read: as text or as HTML, by name and content. Stateless and thread-safe. */
final class HtmlInput {
  private HtmlInput() {}

  /** The {@code --input-format} values. */
  enum Format {
    auto,
    text,
    html
  }

  /** True when the file name ends in .html, .htm or .xhtml (any case). */
  static boolean hasHtmlName(Path file) {
    return file != null && file.getFileName() != null
        && DocFiles.hasHtmlName(file.getFileName().toString());
  }

  /** Whether an input is read as HTML under {@code format}. */
  static boolean isHtml(Format format, Path file, byte[] bytes) {
    return switch (format) {
      case html -> true;
      case text -> false;
      case auto -> hasHtmlName(file) || DocFiles.looksLikeHtml(bytes);
    };
  }

  /**
   * True when the first 8 x {@link DocFiles#SNIFF_BYTES} bytes hold a NUL byte (and no HTML
   * opening).
   */
  static boolean binary(byte[] bytes) {
    int n = Math.min(bytes.length, DocFiles.SNIFF_BYTES * 8);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return !DocFiles.looksLikeHtml(bytes);
      }
    }
    return false;
  }
}
