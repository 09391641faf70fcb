package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.text.BlockSegmenter;
import io.github.syndic.text.TextNormalizer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    String text = "GET THE DAILY WOMBAT every morning\nwombat home";
    assertTrue(plain.classify(BlockSegmenter.lines(text), null).isEmpty());
    List<Removal> r = classify(extended, text);
    assertEquals(2, r.size());
    assertEquals(RemovalKind.PROMO, r.get(0).kind());
    assertEquals(RemovalKind.NAVIGATION, r.get(1).kind());
    assertTrue(r.get(0).reason().contains("get the daily wombat"), r.get(0).reason());
    assertNotEquals(Lexicon.builtin().size(), extended.config().lexicon().size());
  }

  /** The language {@link BlockInfo#documentLanguage} picks for {@code text}, or null. */
  static String documentLanguage(String text) {
    Lexicon lexicon = Lexicon.builtin();
    List<Block> blocks = BlockSegmenter.lines(text);
    BlockInfo[] info = new BlockInfo[blocks.size()];
    for (int i = 0; i < info.length; i++) {
      Block b = blocks.get(i);
      info[i] = BlockInfo.of(b, TextNormalizer.defaults().normalize(b.text()), lexicon);
    }
    int lang = BlockInfo.documentLanguage(info, lexicon);
    return lang < 0 ? null : lexicon.languages().get(lang);
  }

  /** Line number (1 up) -> kind of every removal. */
  private static Map<Integer, RemovalKind> removedLines(String text) {
    Map<Integer, RemovalKind> out = new TreeMap<>();
    for (Removal r : classify(BoilerplateClassifier.defaults(), text)) {
      out.put(r.block().line(), r.kind());
    }
    return out;
  }

  @Test
  void polishArticleLosesItsFurnitureAndKeepsItsParagraphs() {
    String text = String.join("\n",
        "Nowa linia tramwajowa połączy dwie dzielnice miasta",
        "Władze miasta poinformowały we wtorek, że budowa nowej linii tramwajowej ruszy jeszcze"
            + " w tym roku. Trasa będzie miała ponad cztery kilometry i połączy osiedla na"
            + " północy z samym centrum.",
        "Zobacz także: Remont mostu na rzece potrwa dłużej, niż zakładano",
        "Według urzędników koszt inwestycji wyniesie około 300 milionów złotych, a większość"
            + " pieniędzy pochodzi z funduszy unijnych. Mieszkańcy mogą zgłaszać swoje uwagi do"
            + " końca miesiąca.",
        "Udostępnij artykuł",
        "Wszelkie prawa zastrzeżone. Kopiowanie bez zgody wydawcy zabronione.");
    assertEquals("pl", documentLanguage(text));
    assertEquals(Map.of(3, RemovalKind.RELATED_MARKER, 5, RemovalKind.OTHER, 6, RemovalKind.LEGAL),
        removedLines(text));
  }

  @Test
  void dutchArticleLosesItsFurnitureAndKeepsItsParagraphs() {
    String text = String.join("\n",
        "Gemeente opent nieuwe fietsenstalling bij het station",
        "Door Sanne de Vries",
        "De gemeente heeft dinsdag een nieuwe fietsenstalling geopend bij het centraal station."
            + " Er is plaats voor ruim drieduizend fietsen en de eerste 24 uur zijn gratis.",
        "Lees ook: Nieuwe dienstregeling van de bus gaat in april in",
        "Door de drukte was de oude stalling volgens de wethouder al jaren te klein. Reizigers"
            + " moesten hun fiets vaak op de stoep zetten, wat tot veel klachten leidde.",
        "Deel dit artikel",
        "© 2024 Dagblad Voorbeeld. Alle rechten voorbehouden.");
    assertEquals("nl", documentLanguage(text));
    assertEquals(Map.of(2, RemovalKind.CREDIT, 4, RemovalKind.RELATED_MARKER, 6, RemovalKind.OTHER,
        7, RemovalKind.LEGAL), removedLines(text));
  }

  @Test
  void closeLanguagesKeepTheirOwnDocuments() {
    // Dutch shares 'die', 'in', 'er', 'was', 'als', 'wie' with German and 'de', 'en' with French
    // and Spanish; Polish shares 'a', 'i', 'o', 'to', 'do', 'na' with English and the Romance
    // languages: each text must still go to its own language.
    assertEquals("de", documentLanguage("Die Stadt hat am Dienstag einen neuen Fahrradparkplatz"
        + " am Bahnhof eröffnet. Er bietet Platz für mehr als dreitausend Räder, und wie der"
        + " Bürgermeister sagte, war die alte Anlage schon seit Jahren zu klein."));
    assertEquals("fr", documentLanguage("La ville a ouvert mardi un nouveau parking à vélos près"
        + " de la gare. Il offre de la place pour plus de trois mille vélos, et selon le maire"
        + " l'ancien parking était trop petit depuis des années."));
    assertEquals("es", documentLanguage("El ayuntamiento abrió el martes un nuevo aparcamiento de"
        + " bicicletas en la estación. Tiene espacio para más de tres mil bicicletas y, según el"
        + " alcalde, el antiguo era demasiado pequeño desde hace años."));
    assertEquals("en", documentLanguage("The city opened a new bicycle park at the station on"
        + " Tuesday. It has room for more than three thousand bikes, and the mayor said the old"
        + " one had been too small for years, so we went to see it."));
    assertEquals("it", documentLanguage("Il comune ha aperto martedì un nuovo parcheggio per"
        + " biciclette vicino alla stazione. Ha posto per più di tremila bici e, secondo il"
        + " sindaco, quello vecchio era troppo piccolo da anni."));
  }
}
