package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.text.BlockSegmenter;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PatternsTest {
  /**
   * Generous bound for one pass over a 100k-char hostile line: a linear scan takes milliseconds;
   * catastrophic backtracking would take hours, so this only fails on super-linear behaviour.
   */
  private static final Duration HOSTILE_BOUND = Duration.ofSeconds(10);

  private static final int HOSTILE_LENGTH = 100_000;

  private static String repeat(String unit) {
    StringBuilder b = new StringBuilder(HOSTILE_LENGTH + unit.length());
    while (b.length() < HOSTILE_LENGTH) {
      b.append(unit);
    }
    return b.toString();
  }

  private static final String[] HOSTILE = {
    repeat("1"), repeat("1:"), repeat("12:3"), repeat("1.2."), repeat("12/"), repeat("- a"),
    repeat("- x, 1920, 1"), repeat("-" + "a".repeat(70) + ", 1920, 21.12."), repeat("a@"),
    repeat("a.a@a"), repeat("http://"), repeat("www.www."), repeat("| "), repeat("  x"),
    repeat("١٢:"), repeat("۲۱.۱۲."), repeat(" ")
  };

  @Test
  void everyPatternIsLinearOnHostileLines() {
    List<Predicate<String>> checks = List.of(
        Patterns::hasTime, Patterns::hasNumericDate, Patterns::hasCardCredit,
        s -> Patterns.urlChars(s) >= 0, s -> Patterns.emailChars(s) >= 0,
        s -> !Patterns.menuItems(s).isEmpty() || true, Patterns::isBulleted);
    for (String s : HOSTILE) {
      for (Predicate<String> p : checks) {
        assertTimeoutPreemptively(HOSTILE_BOUND, () -> p.test(s));
      }
    }
  }

  @Test
  void classifierIsLinearOnHostileDocuments() {
    BoilerplateClassifier c = BoilerplateClassifier.create(BoilerplateConfig.pages());
    for (String s : HOSTILE) {
      String doc = "Intro line of text that is long enough to be running text here.\n" + s + "\n" + s;
      assertTimeoutPreemptively(HOSTILE_BOUND, () -> c.classify(BlockSegmenter.lines(doc), null));
    }
  }

  @Test
  void timesAndDatesInSeveralScripts() {
    assertTrue(Patterns.hasTime("21 December 2025, 13:21 GMT"));
    assertTrue(Patterns.hasTime("۲۵ آذر ۱۴۰۴ - ۱۰:۴۵"));
    assertTrue(Patterns.hasTime("أمس, ١٢:٣٤ GMT"));
    assertTrue(Patterns.hasTime("à 13h21"));
    assertFalse(Patterns.hasTime("in 2025 and 123:4567"));
    assertTrue(Patterns.hasNumericDate("21.12.2025"));
    assertTrue(Patterns.hasNumericDate("2025-12-21"));
    assertTrue(Patterns.hasNumericDate("۲۱/۱۲/۱۴۰۴"));
    assertFalse(Patterns.hasNumericDate("version 3.5 of 2025"));
  }

  @Test
  void cardCreditNeedsAgencyWidthAndDate() {
    assertTrue(Patterns.hasCardCredit("Two presidents - Some Agency, 1920, 21.12.2025"));
    assertTrue(Patterns.hasCardCredit("رئيسان - وكالة ما, 1280, 16.02.2026"));
    assertFalse(Patterns.hasCardCredit("Two presidents - Some Agency, 21.12.2025"));
    assertFalse(Patterns.hasCardCredit("He paid 1920, on 21.12.2025 he left"));
  }

  @Test
  void emailsUrlsBulletsMenus() {
    assertEquals("desk@example.org".length(), Patterns.emailChars("write to desk@example.org"));
    assertEquals(0, Patterns.emailChars("a @ b"));
    assertTrue(Patterns.urlChars("see https://example.org/a?b=c now") > 20);
    assertTrue(Patterns.isBulleted("  • headline"));
    assertFalse(Patterns.isBulleted("-5 degrees tonight"));
    assertEquals(List.of("Home", "World", "Europe"), Patterns.menuItems("Home > World > Europe"));
    assertEquals(List.of("Share", "Tweet", "Email"), Patterns.menuItems("Share  Tweet  Email"));
  }

  @Test
  void timestampLinesAndHeadlinesWithDates() {
    BoilerplateClassifier c = BoilerplateClassifier.defaults();
    String body = "The council met for three hours on Monday and approved the budget for next year.\n";
    for (String ts : new String[] {
        "21 December 2025, 13:21 GMT", "أمس, 12:34 GMT", "16 فبراير, 09:30 GMT",
        "Updated 2 hours ago", "۲۵ آذر ۱۴۰۴ - ۱۰:۴۵", "21.12.2025 13:21",
        "Publié le 21 décembre 2025 à 13h21, mis à jour à 15h02"}) {
      List<Removal> r = c.classify(BlockSegmenter.lines(body + ts), null);
      assertEquals(1, r.size(), ts);
      assertEquals(RemovalKind.TIMESTAMP, r.get(0).kind(), ts);
    }
    for (String headline : new String[] {
        "Gold prices rise to a record on 21 December", "The meeting of 21 December was cancelled."}) {
      List<Block> blocks = BlockSegmenter.lines(body + headline);
      List<Removal> r = c.classify(blocks, null);
      assertTrue(r.isEmpty(), headline + " -> " + r);
    }
  }

  @Test
  void urlAndDigitPreChecksAnswerAsAPlainScan() {
    // the String fast paths (indexOf, the digit table) against the same tests on another
    // CharSequence, which takes the char-by-char scan; near misses at every position and the end
    java.util.SplittableRandom r = new java.util.SplittableRandom(14);
    String alphabet = "wW.:/ax1\u0661\u0660 \u0627@";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(12);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertEquals(Patterns.mayHoldUrl(sb), Patterns.mayHoldUrl(s), s);
      assertEquals(Patterns.emailChars(sb), Patterns.emailChars(s), s);
      for (int least = 1; least <= 3; least++) {
        long digits = s.chars().filter(Character::isDigit).count();
        assertEquals(digits >= least, Patterns.digits(s, least), s);
      }
    }
    assertTrue(Patterns.mayHoldUrl("see https://x"));
    assertTrue(Patterns.mayHoldUrl("WwW.x"));
    assertFalse(Patterns.mayHoldUrl("ab://")); // "://" must start before the last three chars
    assertFalse(Patterns.mayHoldUrl("a www"));
  }

  @Test
  void cheapTestsBeforeTheExpressionsChangeNoAnswer() {
    // digits of several scripts (one outside the BMP), the separators, letters, spaces
    String[] alphabet = {"1", "2", "0", "\u0661", "\u06F5", "\uD835\uDFCE", ":", "h", "\u0447",
        ".", "/", "-", ",", " ", "a", "|", "\u2013"};
    java.util.SplittableRandom r = new java.util.SplittableRandom(14);
    for (int trial = 0; trial < 20000; trial++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(24); k > 0; k--) {
        sb.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String t = sb.toString();
      assertEquals(Patterns.digits(t, 3) && Patterns.TIME.matcher(t).find(), Patterns.hasTime(t), t);
      assertEquals(Patterns.digits(t, 4) && Patterns.NUMERIC_DATE.matcher(t).find(),
          Patterns.hasNumericDate(t), t);
      assertEquals(Patterns.digits(t, 7) && Patterns.CARD_CREDIT.matcher(t).find(),
          Patterns.hasCardCredit(t), t);
    }
    String[] linkAlphabet = {"w", "W", ".", "/", ":", "@", "a", "x", " ", "http", "s"};
    for (int trial = 0; trial < 20000; trial++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(16); k > 0; k--) {
        sb.append(linkAlphabet[r.nextInt(linkAlphabet.length)]);
      }
      String t = sb.toString();
      if (!Patterns.mayHoldLink(t)) {
        assertEquals(0, Patterns.urlChars(t) + Patterns.emailChars(t), t);
      }
    }
  }
}
