package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.text.BlockSegmenter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {
  private static List<Removal> classify(BoilerplateClassifier c, String text) {
    List<Block> blocks = BlockSegmenter.lines(text);
    return c.classify(blocks, null);
  }

  @Test
  void everyBuiltinLanguageLoads() {
    for (String lang : Lexicon.builtinLanguages()) {
      Lexicon l = Lexicon.builtin(lang);
      assertTrue(l.size() > 100, lang + " has " + l.size() + " entries");
      assertEquals(List.of(lang), l.languages());
    }
  }

  @Test
  void unknownBuiltinLanguageIsRejectedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Lexicon.builtin("xx"));
    assertTrue(e.getMessage().contains("'xx'"));
  }

  @Test
  void malformedRowsNameFileAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lexicon.parse(new StringReader("# c\npromo\tprefix\n"), "en", "my.tsv"));
    assertTrue(e.getMessage().startsWith("my.tsv:2:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Lexicon.parse(new StringReader("bogus\tprefix\tx\n"), "en", "my.tsv"));
    assertTrue(e.getMessage().contains("bogus"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Lexicon.parse(new StringReader("promo\tsomewhere\tx\n"), "en", "my.tsv"));
    assertTrue(e.getMessage().contains("somewhere"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Lexicon.parse(new StringReader("promo\tprefix\t!!!\n"), "en", "my.tsv"));
    assertTrue(e.getMessage().contains("no letters"), e.getMessage());
  }

  @Test
  void spellingVariantsMatchTheSameCue() {
    // tags marker typed with Persian yeh and kaf, tatweel and a hamza variant
    BoilerplateClassifier c = BoilerplateClassifier.defaults();
    for (String line : new String[] {
        "كلمات دلالية: روسيا، بيلاروس", "کلمات دلالیة: روسیا، بیلاروس", "كلمـات دلاليّة: روسيا"}) {
      List<Removal> r = classify(c, line);
      assertEquals(1, r.size(), line);
      assertEquals(RemovalKind.TAGS, r.get(0).kind(), line);
    }
    assertEquals(RemovalKind.RELATED_MARKER,
        classify(c, "إقرأ أيضاً:").get(0).kind());
    assertEquals(RemovalKind.RELATED_MARKER,
        classify(c, "اقرا ايضا").get(0).kind());
    assertEquals(RemovalKind.RELATED_MARKER, classify(c, "READ ALSO:").get(0).kind());
  }

  @Test
  void suffixCuesNeedTheLineEnd() {
    Lexicon l = Lexicon.parse(new StringReader("comments\tsuffix\tsays:\n"), "en", "t.tsv");
    BoilerplateClassifier c = BoilerplateClassifier.create(BoilerplateConfig.defaults().withLexicon(l));
    String text = "ann says:\nbob says:\ncarl says so\ndora says: hi";
    List<Removal> r = classify(c, text);
    assertEquals(2, r.size(), r.toString());
    assertEquals(1, r.get(0).block().line());
    assertEquals(2, r.get(1).block().line());
  }

  @Test
  void colonPrefixNeedsTheColon() {
    BoilerplateClassifier c = BoilerplateClassifier.defaults();
    assertEquals(RemovalKind.CREDIT, classify(c, "Source: Reuters").get(0).kind());
    assertTrue(classify(c, "Source of the leak remains unknown").isEmpty());
  }

  @Test
  void userCueFileExtendsTheBuiltins(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("mine.tsv");
    Files.writeString(f, "# my site\npromo\tprefix\tGet the Daily Wombat\nnavigation\twhole\tWombat Home\n",
        StandardCharsets.UTF_8);
    Lexicon mine = Lexicon.load(f, "en");
    BoilerplateClassifier plain = BoilerplateClassifier.defaults();
    BoilerplateClassifier extended =
        BoilerplateClassifier.create(BoilerplateConfig.defaults().withExtraCues(mine));
    String text = "GET THE DAILY WOMBAT in your inbox every morning\nwombat home";
    assertTrue(plain.classify(BlockSegmenter.lines(text), null).isEmpty());
    List<Removal> r = classify(extended, text);
    assertEquals(2, r.size());
    assertEquals(RemovalKind.PROMO, r.get(0).kind());
    assertEquals(RemovalKind.NAVIGATION, r.get(1).kind());
    assertTrue(r.get(0).reason().contains("get the daily wombat"), r.get(0).reason());
    assertNotEquals(Lexicon.builtin().size(), extended.config().lexicon().size());
  }
}
