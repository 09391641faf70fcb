package io.github.syndic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One named test per normalization rule. */
class TextNormalizerTest {
  private static String norm(String s) {
    return TextNormalizer.defaults().normalize(s).toString();
  }

  @Test
  void nfkcFoldsCompatibilityForms() {
    assertEquals("fi 2 a", norm("ﬁ ² Ａ"));
    // Arabic presentation forms (lam-alef ligature) become base letters
    assertEquals("لا", norm("\uFEFB"));
  }

  @Test
  void caseFolding() {
    assertEquals("hello world straße σασ", norm("HELLO World STRAßE ΣΑΣ"));
    assertEquals(norm("σας"), norm("ΣΑΣ")); // final sigma folds to sigma
    assertEquals("привет", norm("ПРИВЕТ"));
  }

  @Test
  void arabicDiacriticsAreRemoved() {
    assertEquals("كتب", norm("كَتَبَ"));
    assertEquals("هذا", norm("هٰذا"));
  }

  @Test
  void tatweelIsRemoved() {
    assertEquals("كتاب", norm("كـــتاب"));
  }

  @Test
  void bidiAndZeroWidthControlsAreRemoved() {
    assertEquals("abc", norm("a\u200Bb\u200Dc"));
    assertEquals("abc", norm("\u202Eabc\u202C\uFEFF"));
  }

  @Test
  void alefVariantsFold() {
    assertEquals("ا ا ا ا", norm("آ أ إ ٱ"));
  }

  @Test
  void yehVariantsFold() {
    assertEquals("علي في", norm("على فی"));
  }

  @Test
  void persianKafFolds() {
    assertEquals("كتاب", norm("کتاب"));
  }

  @Test
  void hehVariantsFold() {
    assertEquals("ه ه", norm("ۀ ہ"));
  }

  @Test
  void tehMarbutaFoldsOnlyWhenAsked() {
    assertEquals("مدرسة", norm("مدرسة"));
    TextNormalizer teh = TextNormalizer.of(new TextNormalizer.Options(true));
    assertEquals("مدرسه", teh.normalize("مدرسة").toString());
  }

  @Test
  void digitsOfEveryScriptBecomeAscii() {
    assertEquals("2025 2025 1234", norm("٢٠٢٥ ۲۰۲۵ १२३४"));
  }

  @Test
  void punctuationBecomesSpace() {
    assertEquals("a b c d e f", norm("a،b؛c؟d«e»f"));
    assertEquals("hello world", norm("«Hello, world!»"));
  }

  @Test
  void whiteSpaceCollapsesAndTrims() {
    assertEquals("a b", norm("  \t a \u00A0\n\n b  "));
  }

  @Test
  void otherScriptsPassThrough() {
    assertEquals("東京 ภาษาไทย", norm("東京 ภาษาไทย"));
  }

  @Test
  void emptyAndNullGiveEmptyView() {
    assertTrue(TextNormalizer.defaults().normalize("").isEmpty());
    assertTrue(TextNormalizer.defaults().normalize(null).isEmpty());
    assertTrue(TextNormalizer.defaults().normalize(" ... !!! ").isEmpty());
  }

  @Test
  void offsetsMapBackToOriginal() {
    String s = "«أَهلاً»، يا عالم";
    NormalizedText t = TextNormalizer.defaults().normalize(s);
    assertEquals("اهلا يا عالم", t.toString());
    assertEquals(1, t.originalStart(0)); // أ
    int prev = -1;
    for (int i = 0; i < t.length(); i++) {
      assertTrue(t.originalStart(i) >= prev);
      assertTrue(t.originalEnd(i) > t.originalStart(i));
      assertTrue(t.originalEnd(i) <= s.length());
      prev = t.originalStart(i);
    }
  }
}
