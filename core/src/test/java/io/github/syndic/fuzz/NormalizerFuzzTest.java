package io.github.syndic.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.syndic.hostile.Invariants;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import io.github.syndic.text.Tokenizer;
import io.github.syndic.text.Tokens;

/**
 * Fuzzes {@link TextNormalizer}: for any text (lone surrogates, controls and marks included) every
 * normalized character maps to a valid original range, start offsets never decrease, no
 * normalized char is a separator other than a single inner space, tokens lie inside the view,
 * and the fused paths (offset-free {@code normalizeChars}, single-pass {@code tokenHashes}, which
 * the signatures use) agree with {@code normalize} and the {@link Tokenizer}. In a normal build
 * this replays the stored inputs only (see docs/HARDENING.md).
 */
class NormalizerFuzzTest {
  private static final TextNormalizer DEFAULT = TextNormalizer.defaults();
  private static final TextNormalizer TEH =
      TextNormalizer.of(new TextNormalizer.Options(true));

  @FuzzTest(maxDuration = "60m", maxExecutions = 1_000_000)
  void offsetsStayConsistent(byte[] data) {
    String text = FuzzText.decode(data);
    for (TextNormalizer norm : new TextNormalizer[] {DEFAULT, TEH}) {
      NormalizedText n = norm.normalize(text);
      check(text, n);
      if (!norm.normalizeChars(text).equals(
          java.nio.CharBuffer.wrap(n.chars(), 0, n.length()))) {
        throw new AssertionError("normalizeChars differs from normalize on "
            + Invariants.escape(text));
      }
      Tokens t = Tokenizer.tokenize(n);
      long[] expected = new long[t.size()];
      t.copyHashes(expected);
      if (!norm.tokenHashes(text).equals(java.nio.LongBuffer.wrap(expected))) {
        throw new AssertionError("tokenHashes differs from tokenize(normalize) on "
            + Invariants.escape(text));
      }
    }
  }

  static void check(String original, NormalizedText n) {
    int len = original.length();
    int prevStart = 0;
    for (int i = 0; i < n.length(); i++) {
      int s = n.originalStart(i);
      int e = n.originalEnd(i);
      if (s < 0 || e <= s || e > len) {
        throw new AssertionError("normalized char " + i + " maps to invalid range [" + s + ", "
            + e + ") of " + len + " in " + Invariants.escape(original));
      }
      if (s < prevStart) {
        throw new AssertionError("start offsets decrease at " + i + " in "
            + Invariants.escape(original));
      }
      prevStart = s;
      char c = n.charAt(i);
      if (c == ' ' && (i == 0 || i == n.length() - 1 || n.charAt(i - 1) == ' ')) {
        throw new AssertionError("leading, trailing or doubled space at " + i + " in "
            + Invariants.escape(original));
      }
      if (c != ' ' && (Character.isWhitespace(c) || Character.isISOControl(c))) {
        throw new AssertionError("separator char U+" + Integer.toHexString(c)
            + " kept at " + i + " in " + Invariants.escape(original));
      }
    }
    Tokens t = Tokenizer.tokenize(n);
    int prevEnd = 0;
    for (int i = 0; i < t.size(); i++) {
      if (t.start(i) < prevEnd || t.end(i) <= t.start(i) || t.end(i) > n.length()) {
        throw new AssertionError("token " + i + " has bad range in " + Invariants.escape(original));
      }
      prevEnd = t.end(i);
    }
  }
}
