package io.github.syndic.doc;

/**
 * One block of a document: a non-blank line, with its place in the original text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index position among the document's blocks, from 0
 * @param line line number in the original text, from 1 (every line counts, blank ones too)
 * @param start offset of the block's first char in the original text
 * @param end offset just past the block's last char (line terminator excluded)
 * @param text the block's text, exactly as in the original
 */
public record Block(int index, int line, int start, int end, String text) {
  /** Checks the arguments. */
  public Block {
    if (text == null) {
      throw new NullPointerException("text");
    }
    if (index < 0 || line < 1 || start < 0 || end < start || end - start != text.length()) {
      throw new IllegalArgumentException(
          "invalid block index=" + index + " line=" + line + " start=" + start + " end=" + end);
    }
  }

  /** A short description for logs: line number and the first 60 chars. */
  @Override
  public String toString() {
    String t = text.length() > 60 ? text.substring(0, 60) + "…" : text;
    return "Block[line " + line + ": " + t + "]";
  }
}
