package io.github.syndic.text;

import io.github.syndic.doc.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into blocks: one block per line that holds at least one visible character.
 * Lines end at LF, CRLF or a lone CR; the terminator is not part of the block. A line of only
 * white space (including no-break and zero-width spaces) or control characters is blank and gives
 * no block, but still counts in line numbers.
 *
 * <p>Stateless and thread-safe.
 */
public final class BlockSegmenter {
  private BlockSegmenter() {}

  /** The blocks of {@code text}, in order; null or empty text gives none. */
  public static List<Block> lines(CharSequence text) {
    List<Block> blocks = new ArrayList<>();
    if (text == null) {
      return blocks;
    }
    if (text instanceof String s) {
      return lines(s, blocks);
    }
    int n = text.length();
    int line = 1;
    int start = 0;
    int i = 0;
    while (i <= n) {
      boolean eol = i == n;
      int next = i + 1;
      if (!eol) {
        char c = text.charAt(i);
        if (c == '\n') {
          eol = true;
        } else if (c == '\r') {
          eol = true;
          if (i + 1 < n && text.charAt(i + 1) == '\n') {
            next = i + 2;
          }
        }
      }
      if (eol) {
        if (!isBlank(text, start, i)) {
          blocks.add(new Block(blocks.size(), line, start, i, text.subSequence(start, i).toString()));
        }
        if (i == n) {
          break;
        }
        line++;
        start = next;
        i = next;
      } else {
        i++;
      }
    }
    return blocks;
  }

  /**
   * True when {@code text[from, to)} has no visible character. Judged per code point, so that
   * format characters outside the BMP (Unicode tag characters U+E0001–U+E007F) are invisible like
   * their BMP counterparts; a lone surrogate counts as visible.
   */
  /**
   * {@link #lines(CharSequence)} of a String: each line end is found by {@link String#indexOf(int,
   * int)} (a vectorized search) instead of a test per char.
   */
  private static List<Block> lines(String s, List<Block> blocks) {
    int n = s.length();
    int cr = s.indexOf('\r'); // the next CR at or after start, or -1 for none
    int line = 1;
    int start = 0;
    while (true) {
      int lf = s.indexOf('\n', start);
      if (cr >= 0 && cr < start) {
        cr = s.indexOf('\r', start);
      }
      int end = lf < 0 ? n : lf;
      int next = end + 1;
      if (cr >= 0 && cr < end) {
        end = cr;
        next = cr + 1 < n && s.charAt(cr + 1) == '\n' ? cr + 2 : cr + 1;
      }
      if (!isBlank(s, start, end)) {
        blocks.add(new Block(blocks.size(), line, start, end, s.substring(start, end)));
      }
      if (end == n) {
        return blocks;
      }
      line++;
      start = next;
    }
  }

  static boolean isBlank(CharSequence text, int from, int to) {
    for (int i = from; i < to; i++) {
      int c = text.charAt(i);
      if (Character.isHighSurrogate((char) c) && i + 1 < to
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        c = Character.toCodePoint((char) c, text.charAt(++i));
      }
      if (!(Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.getType(c) == Character.FORMAT
          || Character.isISOControl(c))) {
        return false;
      }
    }
    return true;
  }
}
