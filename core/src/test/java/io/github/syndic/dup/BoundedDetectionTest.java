package io.github.syndic.dup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.internal.DocumentView;
import io.github.syndic.text.BlockSegmenter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A document over {@link DuplicateDetector#SEGMENT_CHARS}: searched for candidates in segments,
 * features kept for one segment, exact copies grouped over the whole document. The segment size
 * is a parameter of the package-private {@link Detection}, so most cases run on small documents
 * with small segments.
 */
class BoundedDetectionTest {
  private static final KeepPolicy POLICY = DuplicateConfig.defaults().keepPolicy();

  private static List<Block> blocks(List<String> lines) {
    return BlockSegmenter.lines(String.join("\n", lines) + "\n");
  }

  private static List<Removal> detect(List<Block> blocks, int segmentChars, DocumentView view) {
    boolean[] el = new boolean[blocks.size()];
    Arrays.fill(el, true);
    return new Detection(blocks, el, POLICY, view, segmentChars).run();
  }

  private static Removal of(List<Removal> rs, int index) {
    for (Removal r : rs) {
      if (r.block().index() == index) {
        return r;
      }
    }
    return null;
  }

  /** Distinct paragraphs with planted copies: exact, reworded, truncated and glued. */
  private static List<String> planted(String lang, int paragraphs) {
    List<String> p = new ArrayList<>(Corpus.many(lang, paragraphs, 7));
    List<String> doc = new ArrayList<>(p);
    doc.add(p.get(2)); // exact
    doc.add(Corpus.reworded1(lang)); // near duplicate of paragraph 1
    doc.add(p.get(3).substring(0, p.get(3).length() * 2 / 3) + "..."); // truncated teaser
    doc.add(p.get(4) + " " + p.get(5) + " " + p.get(6)); // a blob of three paragraphs
    for (int i = 0; i < paragraphs; i++) {
      doc.add(p.get(i)); // every paragraph once more: the text doubles, the distinct text not
    }
    return doc;
  }

  @Test
  void oneSegmentGivesTheUnboundedResult() {
    for (String lang : List.of("ar", "en", "ru")) {
      List<Block> b = blocks(planted(lang, 60));
      List<Removal> unbounded = detect(b, Integer.MAX_VALUE, null);
      int chars = 0;
      for (Block x : b) {
        chars += x.text().length();
      }
      // over the limit as a whole (bounded: features dropped and computed again), but the
      // distinct text fits in one segment
      List<Removal> bounded = detect(b, chars * 3 / 4, null);
      assertEquals(unbounded, bounded, lang);
      assertTrue(unbounded.size() >= 63, lang + ": " + unbounded.size());
      for (RemovalKind k : List.of(RemovalKind.EXACT_DUPLICATE, RemovalKind.NEAR_DUPLICATE,
          RemovalKind.CONTAINED, RemovalKind.CONCATENATION)) {
        assertTrue(unbounded.stream().anyMatch(r -> r.kind() == k), lang + ": no " + k);
      }
      // with the cleaner's view (features not kept in it for a bounded document), the same
      assertEquals(unbounded, detect(b, chars * 3 / 4, DocumentView.of(b)), lang);
    }
  }

  @Test
  void exactRepeatFarApartIsFoundAcrossSegments() {
    List<String> p = Corpus.many("en", 400, 11);
    List<String> doc = new ArrayList<>(p);
    doc.add(p.get(3));
    List<Block> b = blocks(doc);
    List<Removal> rs = detect(b, 2_000, null); // about 15 paragraphs per segment
    Removal r = of(rs, b.size() - 1);
    assertNotNull(r, "the far repeat is not removed: " + rs);
    assertEquals(RemovalKind.EXACT_DUPLICATE, r.kind());
    assertEquals(3, r.twin().index());
  }

  @Test
  void nearCopiesAreFoundWithinASegmentOnly() {
    List<String> p = Corpus.many("en", 400, 12);
    String reworded = Corpus.reworded1("en");
    // the reworded copy next to its original: one segment
    List<String> near = new ArrayList<>(p);
    near.add(2, reworded);
    List<Block> b = blocks(near);
    Removal r = of(detect(b, 2_000, null), 2);
    assertNotNull(r);
    assertEquals(RemovalKind.NEAR_DUPLICATE, r.kind());
    assertEquals(1, r.twin().index());
    // the reworded copy 400 paragraphs away: found without segments, not across them (the
    // bound SEGMENT_CHARS states)
    List<String> far = new ArrayList<>(p);
    far.add(reworded);
    List<Block> c = blocks(far);
    Removal whole = of(detect(c, Integer.MAX_VALUE, null), c.size() - 1);
    assertNotNull(whole);
    assertEquals(RemovalKind.NEAR_DUPLICATE, whole.kind());
    assertNull(of(detect(c, 2_000, null), c.size() - 1));
  }

  @Test
  void segmentsDependOnTheTextOnly() {
    List<Block> b = blocks(planted("ar", 300));
    List<Removal> first = detect(b, 3_000, null);
    assertFalse(first.isEmpty());
    assertEquals(first, detect(b, 3_000, null));
    assertEquals(first, detect(b, 3_000, DocumentView.of(b)));
    assertThrows(IllegalArgumentException.class, () -> detect(b, 0, null));
  }

  /** Through the public API: a document over SEGMENT_CHARS, a paragraph repeated at its end. */
  @Test
  void documentOverTheSegmentSizeFindsAFarRepeat() {
    List<String> p = Corpus.many("en", 1_000, 13);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (sb.length() <= DuplicateDetector.SEGMENT_CHARS) {
      // long distinct paragraphs: four short ones glued with a running number
      sb.append(i).append(' ').append(p.get(i % 1_000)).append(' ')
          .append(p.get((i * 7 + 1) % 1_000)).append(' ').append(p.get((i * 13 + 2) % 1_000))
          .append(' ').append(p.get((i * 31 + 3) % 1_000)).append('\n');
      i++;
    }
    String repeated = "The closing paragraph that the wire repeats once more at the very end.";
    String text = repeated + "\n" + sb + repeated + "\n";
    List<Block> b = BlockSegmenter.lines(text);
    boolean[] el = new boolean[b.size()];
    Arrays.fill(el, true);
    List<Removal> rs = DuplicateDetector.defaults().detect(b, el);
    Removal r = of(rs, b.size() - 1);
    assertNotNull(r);
    assertEquals(RemovalKind.EXACT_DUPLICATE, r.kind());
    assertEquals(0, r.twin().index());
  }
}
