package io.github.syndic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.SplittableRandom;
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
  void contentEqualsComparesTheNormalizedChars() {
    TextNormalizer n = TextNormalizer.defaults();
    SplittableRandom r = new SplittableRandom(11);
    String[] parts = {"a", "A", "1", " ", "  ", ".", "ب", "\u0640", "ß", "中", "x"};
    for (int i = 0; i < 500; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = r.nextInt(6); j > 0; j--) {
        b.append(parts[r.nextInt(parts.length)]);
      }
      String s = b.toString();
      NormalizedText nt = n.normalize(s);
      assertEquals(nt.toString().equals(s), nt.contentEquals(s), s);
      assertTrue(nt.contentEquals(nt.toString()), s);
      assertTrue(!nt.contentEquals(nt + "x"), s);
    }
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

  @Test
  void charsStoredAfterAKeptEndKeepTheirEndsToo() {
    // Found by NormalizerFuzzTest (shrunk): a line folded by the general path leaves a pending
    // space whose original range is not one char, so the next line's first char makes the view
    // keep every end from then on; the table path must then store the ends of the chars after it
    // in that line as well (it stored none, so their ends read 0).
    String s = "\uDE00\u3000\u0E01\t\u0651\n\u0629A";
    NormalizedText t = TextNormalizer.defaults().normalize(s);
    for (int i = 0; i < t.length(); i++) {
      assertTrue(t.originalStart(i) < t.originalEnd(i) && t.originalEnd(i) <= s.length(),
          "char " + i + " maps to [" + t.originalStart(i) + ", " + t.originalEnd(i) + ")");
    }
    int last = t.length() - 1; // the A
    assertEquals('a', t.charAt(last));
    assertEquals(s.length() - 1, t.originalStart(last));
    assertEquals(s.length(), t.originalEnd(last));
  }

  @Test
  void offsetsOnNfkcChangingInput() {
    // The ligature ﬁ (1 char) becomes two normalized chars, both mapped to the ligature.
    String s = "ﬁne ½";
    NormalizedText t = TextNormalizer.defaults().normalize(s);
    assertEquals("fine 1 2", t.toString()); // ½ → 1⁄2, the fraction slash is a separator
    assertEquals(0, t.originalStart(0));
    assertEquals(1, t.originalEnd(0));
    assertEquals(0, t.originalStart(1));
    assertEquals(1, t.originalEnd(1));
    assertEquals(1, t.originalStart(2)); // n
    assertEquals(s.indexOf('½'), t.originalStart(5));
    assertEquals(s.indexOf('½'), t.originalStart(7));
    // Arabic presentation forms map one to one to their base letters.
    String p = "\uFEDF\uFEE0\uFEEA"; // lam initial, lam medial, heh final
    NormalizedText q = TextNormalizer.defaults().normalize(p);
    assertEquals("\u0644\u0644\u0647", q.toString());
    for (int i = 0; i < q.length(); i++) {
      assertEquals(i, q.originalStart(i));
      assertEquals(i + 1, q.originalEnd(i));
    }
    // The compatibility ellipsis and NBSP are separators; their offsets stay in range.
    assertEquals("a b", norm("a\u2026\u00A0b"));
  }

  @Test
  void stackedCombiningMarks() {
    // e + combining acute composes to é, which maps to both original chars.
    NormalizedText t = TextNormalizer.defaults().normalize("cafe\u0301!");
    assertEquals("café", t.toString());
    assertEquals(3, t.originalStart(3));
    assertEquals(5, t.originalEnd(3));
    for (int i = 0; i < 3; i++) { // the chars before it still end one char after their start
      assertEquals(i, t.originalStart(i));
      assertEquals(i + 1, t.originalEnd(i));
    }
    // a composed char after a table-folded line (a chunk of its own) and after a long prefix
    String tail = "x".repeat(40) + "\nab cafe\u0301";
    NormalizedText u = TextNormalizer.defaults().normalize(tail);
    for (int i = 0; i < u.length(); i++) {
      int expectedEnd = i == u.length() - 1 ? tail.length() : u.originalStart(i) + 1;
      assertEquals(expectedEnd, u.originalEnd(i), "char " + i);
    }
    // Marks in non-canonical order are reordered by NFKC; Arabic harakat are then dropped.
    assertEquals("الله", norm("الل\u0651\u064Eه"));
    assertEquals(norm("الل\u064E\u0651ه"), norm("الل\u0651\u064Eه"));
    // Hamza above after alef composes (NFKC) and then folds like أ.
    assertEquals("ا", norm("\u0627\u0654"));
    // Thousands of stacked marks: no error, time linear, every output maps into the input.
    String many = "a" + "\u0301".repeat(5000) + " b";
    NormalizedText m = TextNormalizer.defaults().normalize(many);
    assertTrue(m.toString().startsWith("á"));
    assertTrue(m.toString().endsWith(" b"));
    for (int i = 0; i < m.length(); i++) {
      assertTrue(m.originalEnd(i) <= many.length());
    }
  }

  @Test
  void supplementaryChars() {
    // Mathematical bold letters (outside the BMP) fold to ASCII through NFKC.
    assertEquals("ab", norm("\uD835\uDC00\uD835\uDC01"));
    // A CJK Extension B ideograph stays one code point, mapped to both of its UTF-16 units.
    String s = "x \uD840\uDC00 y";
    NormalizedText t = TextNormalizer.defaults().normalize(s);
    assertEquals("x \uD840\uDC00 y", t.toString());
    assertEquals(2, t.originalStart(2));
    assertEquals(4, t.originalEnd(2));
    assertEquals(2, t.originalStart(3));
    // Emoji (symbols) are separators.
    assertEquals("ok go", norm("ok\uD83D\uDE00go"));
  }

  @Test
  void persianDigits() {
    assertEquals("1234567890", norm("۱۲۳۴۵۶۷۸۹۰"));
    assertEquals("1234567890", norm("١٢٣٤٥٦٧٨٩٠"));
  }

  @Test
  void mixedScripts() {
    assertEquals("путин met بوتين in 東京 2025", norm("Путин met بوتين in 東京 ٢٠٢٥"));
  }

  @Test
  void hangulJamoComposeAsOneUnit() {
    assertEquals("가", norm("\u1100\u1161"));
    assertEquals("한국", norm("한국"));
  }

  @Test
  void normalizeCharsEqualsTheView() {
    String[] texts = {"", "«Hello», world", "كَتَبَ ٢٠٢٥ ﻻ", "ﬁ ½ \uD835\uDC00 cafe\u0301"};
    for (String s : texts) {
      var c = TextNormalizer.defaults().normalizeChars(s);
      assertEquals(norm(s), c.toString());
      assertEquals(0, c.position());
    }
  }

  /**
   * The table-driven fast path and the per-unit general path must agree with the definition:
   * NFKC of the whole text, then rules 2-6 per code point. Random strings over an alphabet that
   * mixes chars of both paths (marks that reorder or compose, compatibility chars, surrogates).
   */
  @Test
  void fastPathMatchesDefinitionOnRandomText() {
    String[] alphabet = {
      "a", "E", "z", "1", " ", "\n", ",", "ب", "ا", "و", "ي", "ة", "ى", "ک", "۳", "٣",
      "\u064E", "\u0651", "\u0650", "\u0654", "\u0653", "\u0640", "\u200C", "\u200F",
      "\u0301", "\u0323", "\uFEFB", "\uFE8D", "ﬁ", "½", "\u2026", "\u00A0", "«", "»", "؟",
      "東", "ภ", "\uD840\uDC00", "\uD83D\uDE00", "\u1100", "\u1161", "\u11A8", "Σ", "ß",
      "\u0915", "\u093F", "\u09C7", "\u09BE",
    };
    TextNormalizer n = TextNormalizer.defaults();
    SplittableRandom r = new SplittableRandom(17);
    for (int round = 0; round < 3000; round++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(30);
      for (int i = 0; i < len; i++) {
        b.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String s = b.toString();
      assertEquals(definition(n, s), n.normalize(s).toString(), () -> "input " + escape(s));
    }
  }

  private static String definition(TextNormalizer n, String s) {
    String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder();
    boolean pending = false;
    for (int i = 0; i < nfkc.length(); ) {
      int cp = nfkc.codePointAt(i);
      i += Character.charCount(cp);
      if (FoldRules.isDropped(cp)) {
        continue;
      }
      int f = FoldRules.fold(cp, n.options().foldTehMarbuta());
      if (!FoldRules.isTokenChar(f)) {
        pending = true;
        continue;
      }
      if (pending && out.length() > 0) {
        out.append(' ');
      }
      pending = false;
      out.appendCodePoint(f);
    }
    return out.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x80 && c >= 0x20 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return b.toString();
  }

  @Test
  void tableShortcutRangesAreNfkcStable() {
    for (int c = 0; c < 0x10000; c++) {
      if (c >= 0xD800 && c <= 0xDFFF) {
        continue;
      }
      if (FoldTable.isKnownNfkcStable(c)) {
        String s = String.valueOf((char) c);
        assertEquals(s, Normalizer.normalize(s, Normalizer.Form.NFKC), Integer.toHexString(c));
      }
    }
  }
}
