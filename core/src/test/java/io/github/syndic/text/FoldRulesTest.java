package io.github.syndic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One test per code point that a fold rule names, through the public normalizer: each input is
 * checked on the table path, on the general path (the same line with a char the table cannot
 * fold, which sends its chunk to NFKC), and through the fused token hashes.
 */
class FoldRulesTest {
  private static final TextNormalizer N = TextNormalizer.defaults();
  private static final TextNormalizer TEH = TextNormalizer.of(new TextNormalizer.Options(true));

  /** 'e' and a combining acute: a chunk holding it takes the general path. */
  private static final String SLOW = "e\u0301";

  private static void assertFolds(TextNormalizer n, String input, String expected) {
    assertEquals(expected, n.normalize(input).toString(), "table path");
    String slow = n.normalize(input + " " + SLOW).toString();
    assertEquals(expected.isEmpty() ? "\u00E9" : expected + " \u00E9", slow, "general path");
    for (String s : new String[] {input, input + " " + SLOW}) {
      Tokens t = Tokenizer.tokenize(n.normalize(s));
      long[] expectedHashes = new long[t.size()];
      t.copyHashes(expectedHashes);
      assertEquals(java.nio.LongBuffer.wrap(expectedHashes), n.tokenHashes(s), "token hashes");
    }
  }

  private static void assertFolds(String input, String expected) {
    assertFolds(N, input, expected);
  }

  private static String s(char... cs) {
    return new String(cs);
  }

  @Test
  void alefMaddaFoldsToAlef() {
    assertFolds(s('ب', FoldRules.ALEF_MADDA, 'ب'), s('ب', FoldRules.ALEF, 'ب'));
  }

  @Test
  void alefHamzaAboveFoldsToAlef() {
    assertFolds(s(FoldRules.ALEF_HAMZA_ABOVE, 'ب'), s(FoldRules.ALEF, 'ب'));
  }

  @Test
  void alefHamzaBelowFoldsToAlef() {
    assertFolds(s(FoldRules.ALEF_HAMZA_BELOW, 'ب'), s(FoldRules.ALEF, 'ب'));
  }

  @Test
  void alefWithComposingHarakatFoldsToAlef() {
    // alef + maddah above (or hamza below) composes to the alef variant under NFKC, then folds
    assertFolds(s(FoldRules.ALEF, FoldRules.MADDAH_ABOVE, 'ب'), s(FoldRules.ALEF, 'ب'));
    assertFolds(s(FoldRules.ALEF, FoldRules.HAMZA_BELOW, 'ب'), s(FoldRules.ALEF, 'ب'));
  }

  @Test
  void alefWaslaFoldsToAlef() {
    assertFolds(s(FoldRules.ALEF_WASLA, 'ب'), s(FoldRules.ALEF, 'ب'));
  }

  @Test
  void alefMaksuraFoldsToYeh() {
    assertFolds(s('ع', 'ل', FoldRules.ALEF_MAKSURA), s('ع', 'ل', FoldRules.YEH));
  }

  @Test
  void farsiYehFoldsToYeh() {
    assertFolds(s('ف', FoldRules.FARSI_YEH), s('ف', FoldRules.YEH));
  }

  @Test
  void kehehFoldsToKaf() {
    assertFolds(s(FoldRules.KEHEH, 'ت'), s(FoldRules.KAF, 'ت'));
  }

  @Test
  void hehYehFoldsToHeh() {
    assertFolds(s('ب', FoldRules.HEH_YEH), s('ب', FoldRules.HEH));
  }

  @Test
  void hehGoalFoldsToHeh() {
    assertFolds(s('ب', FoldRules.HEH_GOAL), s('ب', FoldRules.HEH));
  }

  @Test
  void tehMarbutaFoldsToHehOnlyWithTheOption() {
    assertFolds(s('م', FoldRules.TEH_MARBUTA), s('م', FoldRules.TEH_MARBUTA));
    assertFolds(TEH, s('م', FoldRules.TEH_MARBUTA), s('م', FoldRules.HEH));
    // the presentation form of teh marbuta reaches the same rule after NFKC
    assertFolds(TEH, s('م', '\uFE94'), s('م', FoldRules.HEH));
  }

  @Test
  void harakatAreDropped() {
    for (char c = FoldRules.FATHATAN; c <= FoldRules.WAVY_HAMZA_BELOW; c++) {
      if (FoldRules.composesWithBase(c)) {
        continue; // composes with alef: see alefWithComposingHarakatFoldsToAlef
      }
      assertFolds(s('ب', c, 'ت'), "بت");
    }
  }

  @Test
  void superscriptAlefIsDropped() {
    assertFolds(s('ه', FoldRules.SUPERSCRIPT_ALEF, 'ذ', 'ا'), "هذا");
  }

  @Test
  void tatweelIsDropped() {
    assertFolds(s('ك', FoldRules.TATWEEL, FoldRules.TATWEEL, 'ت'), "كت");
  }

  @Test
  void quranicAnnotationMarksAreDropped() {
    int dropped = 0;
    for (char c = FoldRules.SMALL_HIGH_LIGATURE_SAD_WITH_LAM_WITH_ALEF_MAKSURA;
        c <= FoldRules.SMALL_LOW_MEEM; c++) {
      if (c == FoldRules.END_OF_AYAH || c == FoldRules.START_OF_RUB_EL_HIZB
          || c == FoldRules.SMALL_WAW || c == FoldRules.SMALL_YEH
          || c == FoldRules.PLACE_OF_SAJDAH) {
        continue;
      }
      assertFolds(s('ب', c, 'ت'), "بت");
      dropped++;
    }
    assertEquals(19, dropped);
  }

  @Test
  void quranicLettersAreKeptAndSignsSeparate() {
    // small waw and small yeh are letters (Lm): part of the word
    assertFolds(s('ب', FoldRules.SMALL_WAW, 'ت'), s('ب', FoldRules.SMALL_WAW, 'ت'));
    assertFolds(s('ب', FoldRules.SMALL_YEH, 'ت'), s('ب', FoldRules.SMALL_YEH, 'ت'));
    // rub el hizb and sajdah are symbols: separators
    assertFolds(s('ب', FoldRules.START_OF_RUB_EL_HIZB, 'ت'), "ب ت");
    assertFolds(s('ب', FoldRules.PLACE_OF_SAJDAH, 'ت'), "ب ت");
    // end of ayah is a format char (Cf) and dropped as such
    assertFolds(s('ب', FoldRules.END_OF_AYAH, 'ت'), "بت");
  }

  @Test
  void formatCharsAreDropped() {
    for (char c : new char[] {'\u200B', '\u200C', '\u200D', '\u200E', '\u202E', '\u00AD', '\uFEFF'}) {
      assertTrue(Character.getType(c) == Character.FORMAT);
      assertFolds(s('a', c, 'b'), "ab");
    }
  }

  @Test
  void caseFoldsToLowerOfUpper() {
    // simple (one code point) case folding: sharp s stays, final sigma becomes sigma
    assertFolds("ABC STRAßE ΣΑΣ σας", "abc straße σασ σασ");
    assertFolds("\u0130STANBUL", "istanbul");
  }

  @Test
  void decimalDigitsOfEveryScriptBecomeAscii() {
    assertFolds("\u0662\u0660 \u06F2\u06F0 \u0968\u0966 \uFF12\uFF10 \u0E52\u0E50", "20 20 20 20 20");
  }

  @Test
  void hangulJamoComposeBeforeFolding() {
    // conjoining jamo (leading, vowel, trailing) compose to one syllable under NFKC
    assertFolds(s(FoldRules.HANGUL_CHOSEONG_KIYEOK, FoldRules.HANGUL_JUNGSEONG_FILLER), s(
        FoldRules.HANGUL_CHOSEONG_KIYEOK, FoldRules.HANGUL_JUNGSEONG_FILLER));
    assertFolds("\u1100\u1161\u11A8", "\uAC01");
  }
}
