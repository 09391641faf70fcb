package io.github.syndic.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.doc.Block;
import io.github.syndic.html.HtmlDocument;
import io.github.syndic.html.HtmlReader;

/**
 * Fuzzes {@link HtmlReader} and {@link Cleaner#cleanHtml}: any input gives blocks that are the
 * lines of the page text (offsets, line numbers, no line breaks inside), a structure for each
 * block whose elements form a tree, and a clean that keeps a subset of them.
 */
class HtmlReaderFuzzTest {
  private static final Cleaner CLEANER = Cleaner.news();

  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void blocksAreLinesOfThePageText(byte[] data) {
    String html = FuzzText.decode(data);
    HtmlDocument d = HtmlReader.read(html, "");
    String text = d.text();
    int pos = 0;
    for (Block b : d.blocks()) {
      assertEquals(pos, b.start());
      assertEquals(b.text(), text.substring(b.start(), b.end()));
      assertTrue(b.text().indexOf('\n') < 0 && b.text().indexOf('\r') < 0);
      assertEquals('\n', text.charAt(b.end()));
      pos = b.end() + 1;
      int e = d.structure().element(b.index());
      assertTrue(d.structure().parent(e) < e);
    }
    assertEquals(text.length(), pos);
    CleanResult r = CLEANER.cleanHtml(d, null);
    assertEquals(d.blocks().size(), r.blocks().size());
    assertTrue(r.text().length() <= text.length());
  }
}
