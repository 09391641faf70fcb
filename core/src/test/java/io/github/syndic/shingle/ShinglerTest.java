package io.github.syndic.shingle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.syndic.hash.Hash64;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Word and char n-grams, checked against the hash definitions in {@link Shingler}'s javadoc. */
class ShinglerTest {
  private static NormalizedText norm(String s) {
    return TextNormalizer.defaults().normalize(s);
  }

  /** The documented word n-gram hash, written out independently. */
  private static long wordDef(String... words) {
    long h = words.length * 0x9E3779B97F4A7C15L;
    for (String w : words) {
      h = Long.rotateLeft((h ^ Hash64.hashChars(w)) * 0x9E3779B97F4A7C15L, 31);
    }
    return Hash64.fmix64(h);
  }

  /** The documented char n-gram hash: polynomial in B = 0x100000001b3, not rolled. */
  private static long charDef(String s) {
    long p = 0;
    for (int i = 0; i < s.length(); i++) {
      p = p * 0x100000001b3L + s.charAt(i);
    }
    return Hash64.fmix64(p ^ s.length());
  }

  @Test
  void wordTrigramsKnownAnswers() {
    long[] s = Shingler.shingles(ShingleSpec.words(3), norm("One two, THREE four"));
    assertArrayEquals(
        new long[] {wordDef("one", "two", "three"), wordDef("two", "three", "four")}, s);
  }

  @Test
  void wordUnigramsAndArabic() {
    long[] s = Shingler.shingles(ShingleSpec.words(1), norm("كتب الطالب"));
    assertArrayEquals(new long[] {wordDef("كتب"), wordDef("الطالب")}, s);
  }

  @Test
  void charNgramsKnownAnswers() {
    long[] s = Shingler.shingles(ShingleSpec.chars(3), norm("Abc d"));
    assertArrayEquals(
        new long[] {charDef("abc"), charDef("bc "), charDef("c d")}, s);
  }

  @Test
  void rollingCharHashEqualsDirectHashOnLongText() {
    String t = "the quick brown fox jumps over the lazy dog, ثم قفز الثعلب البني";
    NormalizedText n = norm(t);
    String v = n.toString();
    long[] s = Shingler.shingles(ShingleSpec.chars(5), n);
    assertEquals(v.length() - 4, s.length);
    for (int i = 0; i < s.length; i++) {
      assertEquals(charDef(v.substring(i, i + 5)), s[i], "at " + i);
    }
  }

  @Test
  void textShorterThanNGivesOneShingleOfEverything() {
    assertArrayEquals(new long[] {wordDef("breaking", "news")},
        Shingler.shingles(ShingleSpec.words(3), norm("Breaking news")));
    assertArrayEquals(new long[] {charDef("ab")},
        Shingler.shingles(ShingleSpec.chars(5), norm("ab")));
  }

  @Test
  void emptyTextGivesNoShingles() {
    assertEquals(0, Shingler.shingles(ShingleSpec.words(3), norm("")).length);
    assertEquals(0, Shingler.shingles(ShingleSpec.chars(3), norm(" ... ")).length);
    assertEquals(0, Shingler.wordShingles(new long[0], 0, 0, 3, new long[1]));
  }

  @Test
  void wordOrderMattersAndRepeatsRepeat() {
    long[] ab = Shingler.shingles(ShingleSpec.words(2), norm("a b a b"));
    assertEquals(3, ab.length);
    assertEquals(ab[0], ab[2]);
    assertEquals(wordDef("b", "a"), ab[1]);
    Set<Long> distinct = new HashSet<>();
    for (long x : ab) {
      distinct.add(x);
    }
    assertEquals(2, distinct.size());
  }

  @Test
  void rangeVariantsAgreeWithWholeText() {
    long[] t = {11, 22, 33, 44, 55};
    long[] out = new long[5];
    int n = Shingler.wordShingles(t, 1, 5, 2, out);
    assertEquals(3, n);
    assertEquals(Shingler.wordHash(t, 1, 2), out[0]);
    assertEquals(Shingler.wordHash(t, 3, 2), out[2]);
    char[] c = "xxabcdxx".toCharArray();
    assertArrayEquals(
        new long[] {charDef("abc"), charDef("bcd")},
        Shingler.charShingles(c, 2, 6, 3));
  }

  @Test
  void wordShinglesInPlaceEqualTheCopy() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    for (int n = 1; n <= 5; n++) {
      for (int m = 1; m <= 12; m++) {
        long[] t = r.longs(m).toArray();
        long[] copy = new long[m];
        int expected = Shingler.wordShingles(t, 0, m, n, copy);
        long[] inPlace = t.clone();
        assertEquals(expected, Shingler.wordShingles(inPlace, 0, m, n, inPlace), "n=" + n);
        assertArrayEquals(
            java.util.Arrays.copyOf(copy, expected),
            java.util.Arrays.copyOf(inPlace, expected),
            "n=" + n + " m=" + m);
      }
    }
  }
}
