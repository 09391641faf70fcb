package io.github.syndic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.syndic.hash.Hash64;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private static List<String> tokens(String s) {
    Tokens t = Tokenizer.tokenize(TextNormalizer.defaults().normalize(s));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      out.add(t.token(i));
    }
    return out;
  }

  @Test
  void wordsAreRunsOfLettersAndDigits() {
    assertEquals(List.of("the", "budget", "2025", "كتب", "الطالب"), tokens("The budget—2025: كتب الطالب."));
    assertEquals(List.of(), tokens(""));
    assertEquals(List.of(), tokens(" ... "));
  }

  @Test
  void cjkAndThaiFallBackToOneTokenPerChar() {
    assertEquals(List.of("東", "京", "タ", "ワ", "ー"), tokens("東京タワー"));
    assertEquals(List.of("ภ", "า", "ษ", "า"), tokens("ภาษา"));
    assertEquals(List.of("abc", "東", "京", "x"), tokens("abc東京x"));
    // A supplementary CJK ideograph is one token of two UTF-16 units.
    assertEquals(List.of("\uD840\uDC00", "\uD840\uDC01"), tokens("\uD840\uDC00\uD840\uDC01"));
    // Korean separates words with spaces: Hangul words stay whole.
    assertEquals(List.of("한국", "어"), tokens("한국 어"));
  }

  @Test
  void offsetsAndHashesDescribeEachToken() {
    NormalizedText n = TextNormalizer.defaults().normalize("Alpha beta 東");
    Tokens t = Tokenizer.tokenize(n);
    assertEquals(3, t.size());
    assertEquals(6, t.start(1));
    assertEquals(10, t.end(1));
    for (int i = 0; i < t.size(); i++) {
      assertEquals(Hash64.hashChars(t.token(i)), t.hash(i));
    }
  }

  @Test
  void tokenHashesEqualTokenize() {
    String[] texts = {"", "one", "The budget—2025: كتب الطالب.", "abc東京x ภาษา \uD840\uDC00 z", "a b  c"};
    for (String s : texts) {
      NormalizedText n = TextNormalizer.defaults().normalize(s);
      Tokens t = Tokenizer.tokenize(n);
      var h = Tokenizer.tokenHashes(n.chars(), n.length());
      assertEquals(t.size(), h.length, s);
      for (int i = 0; i < t.size(); i++) {
        assertEquals(t.hash(i), h[i], s);
      }
    }
  }

  @Test
  void fusedNormalizerTokenHashesEqualTokenize() {
    String[] alphabet = {
      "a", "B", "7", " ", "\n", ",", "ب", "ا", "\u064E", "\u0654", "\u0640", "\u200C", "ﬁ",
      "\u2026", "\u00A0", "東", "ภ", "\uD840\uDC00", "\uD83D\uDE00", "e\u0301", "\u1100\u1161",
    };
    List<String> texts = randomTexts(alphabet, 23, 2000);
    // Chunks are cut at 8,192 chars when a line has no space: tokens must run across the cut,
    // also when the next chunk takes the general path.
    texts.add("x".repeat(9000) + " tail");
    texts.add("ب".repeat(8191) + "e\u0301" + "ب".repeat(10) + " z");
    texts.add("東".repeat(8191) + "\uD840\uDC00" + "a");
    TextNormalizer n = TextNormalizer.defaults();
    for (String s : texts) {
      assertFusedEqualsTokenize(n, s, s);
      assertEquals(Tokenizer.tokenize(n.normalize(s)).size(), Tokenizer.count(n.normalize(s)), s);
    }
    assertEquals(0, n.tokenHashes(null).remaining());
  }

  @Test
  void fusedTokenHashesEqualTokenizeWithTehMarbutaFoldedAndAcrossChunkCuts() {
    // The token loop reads a teh-folding variant of the fold table; chunks end at a space once
    // they hold 4,096 chars, and the next chunk may take the general path.
    String[] alphabet = {
      "ة", "\uFE93", "\uFE94", "ه", "ب", " ", "\n", "a", "\u064E", "e\u0301", "東", "ﬁ", "\u00A0",
    };
    List<String> texts = randomTexts(alphabet, 29, 1000);
    for (int at = 4090; at <= 4100; at++) {
      texts.add("ة".repeat(at) + " " + "بة".repeat(5) + " e\u0301ة " + "x".repeat(8200) + " ة");
      texts.add("ab ".repeat(at / 3) + "ة" + " " + "\u1100\u1161 cd" + "\n" + "ef ة");
    }
    for (boolean teh : new boolean[] {false, true}) {
      TextNormalizer n = TextNormalizer.of(new TextNormalizer.Options(teh));
      for (String s : texts) {
        assertFusedEqualsTokenize(n, s, teh + " " + s);
      }
    }
    // Folding teh marbuta changes the hash of a word that holds it, and only then.
    TextNormalizer folded = TextNormalizer.of(new TextNormalizer.Options(true));
    TextNormalizer kept = TextNormalizer.defaults();
    assertEquals(folded.tokenHashes("مدينه").get(0), folded.tokenHashes("مدينة").get(0));
    assertEquals(folded.tokenHashes("مدينه").get(0), folded.tokenHashes("مدين\uFE94").get(0));
    org.junit.jupiter.api.Assertions.assertNotEquals(
        kept.tokenHashes("مدينه").get(0), kept.tokenHashes("مدينة").get(0));
    assertEquals(kept.tokenHashes("كتب").get(0), folded.tokenHashes("كتب").get(0));
  }

  @Test
  void fusedTokenHashesEqualTokenizeOverManyLinesWithALateGeneralPathChunk() {
    // The token loop runs line after line in one pass and, at a line that needs the general
    // path, must keep exactly the tokens of the lines before it (tokens never cross a line).
    String[] plain = {"ab", "C", "7", "ب", "ا", " ", " ", ",", "\u064E", "\u2026", "é"};
    String[] slow = {"e\u0301", "\uD83D\uDE00", "\u1100\u1161", "\u0902", "ﬁ", "東"};
    java.util.SplittableRandom r = new java.util.SplittableRandom(31);
    TextNormalizer n = TextNormalizer.defaults();
    for (int i = 0; i < 400; i++) {
      StringBuilder b = new StringBuilder();
      int lines = 1 + r.nextInt(30);
      for (int line = 0; line < lines; line++) {
        for (int j = r.nextInt(25); j > 0; j--) {
          b.append(
              r.nextInt(60) == 0 ? slow[r.nextInt(slow.length)] : plain[r.nextInt(plain.length)]);
        }
        b.append(r.nextInt(4) == 0 ? " \n" : "\n");
      }
      String s = b.toString();
      assertFusedEqualsTokenize(n, s, s);
    }
  }

  /** {@code count} texts of 0-39 pieces drawn from {@code alphabet}, seeded. */
  private static List<String> randomTexts(String[] alphabet, long seed, int count) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = r.nextInt(40); j > 0; j--) {
        b.append(alphabet[r.nextInt(alphabet.length)]);
      }
      texts.add(b.toString());
    }
    return texts;
  }

  /** The fused {@code tokenHashes(s)} equals the hashes of {@code tokenize(normalize(s))}. */
  private static void assertFusedEqualsTokenize(TextNormalizer n, String s, String message) {
    Tokens t = Tokenizer.tokenize(n.normalize(s));
    var h = n.tokenHashes(s);
    assertEquals(t.size(), h.remaining(), message);
    for (int i = 0; i < t.size(); i++) {
      assertEquals(t.hash(i), h.get(i), message);
    }
  }

  /** The streaming hash ({@code START}, {@code step}, {@code finish}) is the token hash. */
  @Test
  void tokenRuleStreamingHashIsTheTokenHash() {
    for (String w : new String[] {"a", "hello", "كتاب", "\uD840\uDC00", "2025"}) {
      char[] c = w.toCharArray();
      long h = TokenRule.START;
      for (char x : c) {
        h = TokenRule.step(h, x);
      }
      assertEquals(Hash64.hashChars(c, 0, c.length), TokenRule.finish(h), w);
      assertEquals(Hash64.hashChars(c, 0, c.length), TokenRule.hash(c, 0, c.length), w);
    }
  }

  /** The fused loop's fast class: no char below SPACED_END is a one-char token. */
  @Test
  void noUnspacedScriptBelowSpacedEnd() {
    for (char c = 0; c < 0x3000; c++) {
      assertEquals(c >= TokenRule.SPACED_END && TokenRule.isUnspacedScript(c),
          TokenRule.isUnspacedScript(c), Integer.toHexString(c));
    }
    assertEquals(true, TokenRule.isUnspacedScript(TokenRule.SPACED_END));
  }
}
