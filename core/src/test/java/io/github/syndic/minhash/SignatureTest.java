package io.github.syndic.minhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.syndic.shingle.ShingleSpec;
import io.github.syndic.text.TextNormalizer;
import org.junit.jupiter.api.Test;

/** Serialization, spec checks and bad input of signatures. */
class SignatureTest {
  static final String TEXT =
      "The city council approved the new budget on Tuesday after a long debate about roads";

  @Test
  void roundTripKeepsEverything() {
    for (MinHashScheme scheme : MinHashScheme.values()) {
      for (ShingleSpec sh : new ShingleSpec[] {ShingleSpec.words(3), ShingleSpec.chars(4)}) {
        MinHashSpec spec = MinHashSpec.defaults().withScheme(scheme).withShingles(sh).withK(64);
        Signature s = spec.hasher().sign(TEXT);
        Signature back = Signature.fromBytes(s.toBytes(), spec);
        assertEquals(s, back);
        assertEquals(spec, back.spec());
        assertEquals(s.setSize(), back.setSize());
        assertEquals(s, Signature.fromBytes(s.toBytes()));
      }
    }
  }

  @Test
  void everyFlippedByteIsRejectedWithIllegalArgument() {
    MinHashSpec spec = MinHashSpec.defaults().withK(16);
    byte[] good = spec.hasher().sign(TEXT).toBytes();
    for (int i = 0; i < good.length; i++) {
      for (int bit : new int[] {0x01, 0x80, 0xFF}) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) bit;
        try {
          Signature.fromBytes(bad, spec);
          fail("byte " + i + " flipped by " + bit + " was accepted");
        } catch (IllegalArgumentException expected) {
          assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
        } catch (RuntimeException other) {
          fail("byte " + i + " flipped gave " + other, other);
        }
      }
    }
  }

  @Test
  void truncatedExtendedAndNullBytesAreRejected() {
    MinHashSpec spec = MinHashSpec.defaults().withK(16);
    byte[] good = spec.hasher().sign(TEXT).toBytes();
    for (int len = 0; len < good.length; len++) {
      byte[] cut = java.util.Arrays.copyOf(good, len);
      assertThrows(IllegalArgumentException.class, () -> Signature.fromBytes(cut, spec), "len " + len);
    }
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
    assertThrows(IllegalArgumentException.class, () -> Signature.fromBytes(longer, spec));
    assertThrows(IllegalArgumentException.class, () -> Signature.fromBytes(null, spec));
  }

  @Test
  void wrongSpecIsRejectedNamingBothSpecs() {
    MinHashSpec made = MinHashSpec.defaults();
    byte[] bytes = made.hasher().sign(TEXT).toBytes();
    MinHashSpec[] others = {
      made.withSeed(1),
      made.withK(64),
      made.withScheme(MinHashScheme.CLASSIC_V1),
      made.withShingles(ShingleSpec.words(2)),
      new MinHashSpec(made.scheme(), made.k(), made.seed(), made.shingles(),
          new TextNormalizer.Options(true)),
    };
    for (MinHashSpec other : others) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Signature.fromBytes(bytes, other));
      assertTrue(e.getMessage().contains(made.describe()), e.getMessage());
      assertTrue(e.getMessage().contains(other.describe()), e.getMessage());
    }
    Signature a = made.hasher().sign(TEXT);
    Signature b = made.withSeed(1).hasher().sign(TEXT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.jaccard(b));
    assertTrue(e.getMessage().contains(made.describe()) && e.getMessage().contains(b.spec().describe()));
  }

  @Test
  void nullEmptyAndBlankTextGiveTheEmptyValidSignature() {
    for (MinHashScheme scheme : MinHashScheme.values()) {
      MinHashSpec spec = MinHashSpec.defaults().withScheme(scheme);
      MinHasher h = spec.hasher();
      for (String t : new String[] {null, "", "   \n\t ", "\u00A0\u200B", "!!! ... ،؛"}) {
        Signature s = h.sign(t);
        assertTrue(s.isEmpty(), "'" + t + "'");
        assertEquals(0, s.setSize());
        assertEquals(spec.k(), s.k());
        assertEquals(s, Signature.fromBytes(s.toBytes(), spec));
        assertEquals(0.0, s.jaccard(h.sign(TEXT)));
        assertEquals(0.0, s.jaccard(s));
        assertEquals(0.0, s.containmentIn(h.sign(TEXT)));
      }
    }
  }

  @Test
  void fastTextPathEqualsNormalizedPath() {
    String[] texts = {
      TEXT,
      "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد، ويضم المستشفى ٢٠٠ سرير.",
      "ﬁne ½ … «quoted» e\u0301te\u0301 東京タワー ภาษาไทย 𠀀𠀁 x",
      "short",
      "",
    };
    for (MinHashScheme scheme : MinHashScheme.values()) {
      for (ShingleSpec sh : new ShingleSpec[] {ShingleSpec.words(1), ShingleSpec.words(3), ShingleSpec.chars(5)}) {
        MinHasher h = MinHashSpec.defaults().withScheme(scheme).withShingles(sh).hasher();
        for (String t : texts) {
          assertEquals(h.sign(h.normalizer().normalize(t)), h.sign(t), scheme + " " + sh + " " + t);
        }
      }
    }
  }

  @Test
  void fastTextPathEqualsNormalizedPathAndShinglesOnRandomMultiLineTexts() {
    // sign(text) runs the one-pass token loop over all lines; it must equal signing the
    // normalized view, and signShingles of shingles(text), for 0, 1, 2, 3 and many tokens, with
    // and without chars that send a line to the general normalization path.
    String[] pieces = {
      "news", "Reuters", "الخبر", "وزارة", "٢٠٢٤", " ", " ", " ", "\n", ", ", "\u064E", "e\u0301",
      "\uD83D\uDE00", "東京", "ﬁ", "\u2026",
    };
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    MinHasher oph = MinHashSpec.defaults().hasher();
    MinHasher classic = MinHashSpec.defaults().withScheme(MinHashScheme.CLASSIC_V1).hasher();
    for (int i = 0; i < 600; i++) {
      StringBuilder b = new StringBuilder();
      int len = i < 200 ? r.nextInt(8) : r.nextInt(400);
      for (int j = 0; j < len; j++) {
        b.append(pieces[r.nextInt(i % 3 == 0 ? pieces.length : 9)]);
      }
      String t = b.toString();
      for (MinHasher h : new MinHasher[] {oph, classic}) {
        Signature s = h.sign(t);
        assertEquals(h.sign(h.normalizer().normalize(t)), s, t);
        var sh = h.shingles(t);
        assertEquals(h.signShingles(sh.array(), 0, sh.limit()), s, t);
      }
    }
  }

  @Test
  void invalidParametersNameTheValue() {
    for (int k : new int[] {0, -1, MinHashSpec.MAX_K + 1}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> MinHashSpec.defaults().withK(k));
      assertTrue(e.getMessage().contains(String.valueOf(k)), e.getMessage());
    }
    for (int n : new int[] {0, -3, ShingleSpec.MAX_N + 1}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ShingleSpec.words(n));
      assertTrue(e.getMessage().contains(String.valueOf(n)), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> ShingleSpec.chars(n));
    }
    assertThrows(IllegalArgumentException.class, () -> ShingleSpec.parse("x3"));
    assertThrows(IllegalArgumentException.class, () -> ShingleSpec.parse("w"));
    assertThrows(IllegalArgumentException.class, () -> ShingleSpec.parse(null));
    assertEquals(ShingleSpec.chars(5), ShingleSpec.parse("c5"));
  }

  @Test
  void containmentFromJaccardMatchesSetAlgebra() {
    // |A| = 100, |B| = 300, |A∩B| = 80: J = 80/320.
    assertEquals(0.8, Signature.containmentFromJaccard(80 / 320.0, 100, 300), 1e-12);
    assertEquals(0.0, Signature.containmentFromJaccard(0.5, 0, 10));
    assertEquals(1.0, Signature.containmentFromJaccard(1.0, 100, 100), 1e-12);
  }
}
