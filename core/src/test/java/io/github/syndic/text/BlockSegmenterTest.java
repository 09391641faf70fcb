package io.github.syndic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockSegmenterTest {
  private static void check(String text, String[] lines, int[] lineNumbers) {
    List<Block> blocks = BlockSegmenter.lines(text);
    assertEquals(lines.length, blocks.size(), text);
    for (int i = 0; i < lines.length; i++) {
      Block b = blocks.get(i);
      assertEquals(i, b.index());
      assertEquals(lines[i], b.text());
      assertEquals(lineNumbers[i], b.line());
      assertEquals(lines[i], text.substring(b.start(), b.end()));
    }
  }

  @Test
  void lineFeeds() {
    check("one\ntwo\n", new String[] {"one", "two"}, new int[] {1, 2});
  }

  @Test
  void crlf() {
    check("one\r\ntwo\r\n\r\nthree", new String[] {"one", "two", "three"}, new int[] {1, 2, 4});
  }

  @Test
  void loneCarriageReturns() {
    check("one\rtwo\r\rthree", new String[] {"one", "two", "three"}, new int[] {1, 2, 4});
  }

  @Test
  void blankLinesWithNbspAndZeroWidthGiveNoBlock() {
    check("a\n\u00A0\u00A0\n \t\n\u200B\u200F\nb", new String[] {"a", "b"}, new int[] {1, 5});
    assertTrue(BlockSegmenter.isBlank("\u00A0\u2007\u202F\uFEFF", 0, 4));
  }

  @Test
  void nullAndEmpty() {
    assertTrue(BlockSegmenter.lines(null).isEmpty());
    assertTrue(BlockSegmenter.lines("").isEmpty());
    assertTrue(BlockSegmenter.lines("\n\r\n  ").isEmpty());
  }

  @Test
  void blockKeepsOriginalTextUnchanged() {
    check("  «نص» مع مسافة  \n", new String[] {"  «نص» مع مسافة  "}, new int[] {1});
  }

  @Test
  void stringsAndOtherCharSequencesGiveTheSameBlocks() {
    // the String path finds line ends by indexOf, any other CharSequence char by char
    String alphabet = "ab \r\n\t\u00A0\u200B\u0639.";
    java.util.SplittableRandom r = new java.util.SplittableRandom(14);
    for (int trial = 0; trial < 2000; trial++) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(40); i > 0; i--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      assertEquals(BlockSegmenter.lines(sb), BlockSegmenter.lines(sb.toString()), sb.toString());
    }
  }
}
