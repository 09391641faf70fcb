package io.github.syndic.hostile;

import io.github.syndic.doc.Block;
import io.github.syndic.CleanResult;
import io.github.syndic.doc.Removal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The properties every {@link CleanResult} must have, checked against an independent reference
 * (a line splitter written here, not the library's segmenter). Each check throws {@link
 * AssertionError} naming the first violation. Stateless; thread-safe.
 */
public final class Invariants {
  private Invariants() {}

  /** One line of a text: 1-based number, offsets (terminator excluded) and text. */
  public record Line(int number, int start, int end, String text) {}

  /** Splits at LF, CRLF and lone CR, like the documented segmenter contract; keeps blank lines. */
  public static List<Line> lines(String s) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    int number = 1;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(new Line(number++, start, i, s.substring(start, i)));
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(new Line(number, start, n, s.substring(start, n)));
    return out;
  }

  /**
   * True when the line has no visible code point: every code point is white space, a space
   * separator, a format character (Cf, any plane) or an ISO control. Lone surrogates are visible
   * (they are data the library must keep, not silently drop).
   */
  public static boolean blank(String line) {
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      if (!(Character.isWhitespace(cp)
          || Character.isSpaceChar(cp)
          || Character.getType(cp) == Character.FORMAT
          || Character.isISOControl(cp))) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** The non-blank lines of {@code s}, in order. */
  public static List<Line> nonBlankLines(String s) {
    List<Line> out = new ArrayList<>();
    for (Line l : lines(s)) {
      if (!blank(l.text())) {
        out.add(l);
      }
    }
    return out;
  }

  /** Blocks must be exactly the non-blank lines, with right numbers and offsets. */
  public static void checkBlocks(String input, List<Block> blocks) {
    List<Line> expected = nonBlankLines(input);
    if (blocks.size() != expected.size()) {
      throw new AssertionError(
          "expected " + expected.size() + " blocks (non-blank lines), got " + blocks.size()
              + firstDifference(expected, blocks));
    }
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      Line l = expected.get(i);
      if (b.index() != i || b.line() != l.number() || b.start() != l.start() || b.end() != l.end()
          || !b.text().equals(l.text())) {
        throw new AssertionError("block " + i + " is " + describe(b) + " but line is " + l);
      }
    }
  }

  private static String firstDifference(List<Line> expected, List<Block> blocks) {
    for (int i = 0; i < Math.min(expected.size(), blocks.size()); i++) {
      if (expected.get(i).start() != blocks.get(i).start()) {
        return "; first difference at " + i + ": line " + expected.get(i) + " vs block "
            + describe(blocks.get(i));
      }
    }
    return expected.size() > blocks.size()
        ? "; missing line " + expected.get(blocks.size())
        : "; extra block " + describe(blocks.get(expected.size()));
  }

  private static String describe(Block b) {
    return "Block[index=" + b.index() + ", line=" + b.line() + ", start=" + b.start() + ", end="
        + b.end() + ", text=" + escape(b.text()) + "]";
  }

  /** Escapes non-printable and non-ASCII chars for failure messages (truncated to 200 chars). */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 200; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04X", (int) c));
      }
    }
    return s.length() > 200 ? sb + "..." : sb.toString();
  }

  /**
   * Checks one result of cleaning {@code input}: the original is kept; the blocks are the
   * non-blank lines; every removal is a distinct block of this result, with score in [0, 1];
   * duplicate twins and covering blocks are kept blocks other than the removed one; kept plus
   * removed blocks account for every block; the text is exactly the kept lines, each followed by
   * a line feed, and so a subsequence of the input's lines, unchanged.
   */
  public static void checkResult(String input, CleanResult r) {
    if (!r.original().equals(input)) {
      throw new AssertionError("original() differs from the input");
    }
    List<Block> blocks = r.blocks();
    checkBlocks(input, blocks);
    Set<Integer> removed = new HashSet<>();
    for (Removal x : r.removals()) {
      Block b = x.block();
      if (b.index() < 0 || b.index() >= blocks.size() || !blocks.get(b.index()).equals(b)) {
        throw new AssertionError("removal of a block not in the result: " + x);
      }
      if (!removed.add(b.index())) {
        throw new AssertionError("block removed twice: " + x);
      }
      if (!(x.score() >= 0 && x.score() <= 1)) {
        throw new AssertionError("score out of [0, 1]: " + x);
      }
    }
    for (Removal x : r.removals()) {
      List<Block> refs = new ArrayList<>(x.covering());
      if (x.twin() != null) {
        refs.add(x.twin());
      }
      if (x.kind().isDuplicate() && refs.isEmpty()) {
        throw new AssertionError("duplicate removal without twin: " + x);
      }
      for (Block t : refs) {
        if (t.index() < 0 || t.index() >= blocks.size() || !blocks.get(t.index()).equals(t)) {
          throw new AssertionError("twin/covering block not in the result: " + x);
        }
        if (removed.contains(t.index())) {
          throw new AssertionError("twin/covering block " + t + " is itself removed: " + x);
        }
        if (t.index() == x.block().index()) {
          throw new AssertionError("block is its own twin: " + x);
        }
      }
    }
    List<Block> kept = r.kept();
    if (kept.size() + removed.size() != blocks.size()) {
      throw new AssertionError("kept " + kept.size() + " + removed " + removed.size()
          + " != blocks " + blocks.size());
    }
    StringBuilder expected = new StringBuilder();
    for (Block b : kept) {
      if (removed.contains(b.index()) || !r.isKept(b)) {
        throw new AssertionError("block both kept and removed: " + b);
      }
      expected.append(b.text()).append('\n');
    }
    String text = r.text();
    if (!text.equals(expected.toString())) {
      throw new AssertionError("text() is not the kept blocks' lines");
    }
    checkSubsequence(input, text);
  }

  /**
   * Every line of {@code output} (LF-terminated lines) is a non-blank line of {@code input},
   * unchanged, and they appear in input order.
   */
  public static void checkSubsequence(String input, String output) {
    if (output.isEmpty()) {
      return;
    }
    if (!output.endsWith("\n")) {
      throw new AssertionError("output does not end with a line feed");
    }
    List<Line> in = nonBlankLines(input);
    int j = 0;
    int start = 0;
    while (start < output.length()) {
      int end = output.indexOf('\n', start);
      String line = output.substring(start, end);
      while (j < in.size() && !in.get(j).text().equals(line)) {
        j++;
      }
      if (j == in.size()) {
        throw new AssertionError("output line is not an input line in order: " + escape(line));
      }
      j++;
      start = end + 1;
    }
  }
}
