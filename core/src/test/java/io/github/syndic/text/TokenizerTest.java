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
      assertEquals(t.size(), h.size(), s);
      for (int i = 0; i < t.size(); i++) {
        assertEquals(t.hash(i), h.getLong(i), s);
      }
    }
  }
}
