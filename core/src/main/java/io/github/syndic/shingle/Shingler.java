package io.github.syndic.shingle;

import io.github.syndic.hash.Hash64;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.Tokenizer;
import io.github.syndic.text.Tokens;

/**
 * Hashes the shingles of a text to 64-bit values while streaming over it: no String or boxed
 * object is made per shingle.
 *
 * <p>Hash definitions (part of the persisted format, pinned by known-answer tests):
 *
 * <ul>
 *   <li>word n-gram of token hashes t<sub>0</sub>..t<sub>m-1</sub>: {@code h = m * GOLDEN}; for
 *       each t: {@code h = rotl((h ^ t) * GOLDEN, 31)}; result {@code fmix64(h)};
 *   <li>char n-gram c<sub>0</sub>..c<sub>m-1</sub>: the polynomial {@code sum c_i * B^(m-1-i)}
 *       mod 2^64 with {@code B = 0x100000001b3} (rolling), result {@code fmix64(p ^ m)}.
 * </ul>
 *
 * A text shorter than n (but not empty) gives one shingle made of all its tokens (or chars), so
 * that short blocks such as titles still have a signature. An empty text gives no shingles.
 *
 * <p>Stateless and thread-safe.
 */
public final class Shingler {
  private static final long B = 0x100000001b3L;

  private Shingler() {}

  /** All shingle hashes of {@code text} in order (repeats included); an array of exactly that many. */
  public static long[] shingles(ShingleSpec spec, NormalizedText text) {
    if (spec.kind() == ShingleSpec.Kind.WORD) {
      return wordShingles(Tokenizer.tokenize(text), spec.n());
    }
    return charShingles(text.chars(), 0, text.length(), spec.n());
  }

  /** Word n-gram hashes of {@code tokens}. */
  public static long[] wordShingles(Tokens tokens, int n) {
    int m = tokens.size();
    if (m == 0) {
      return new long[0];
    }
    long[] t = new long[m];
    tokens.copyHashes(t);
    long[] out = new long[Math.max(1, m - n + 1)];
    wordShingles(t, 0, m, n, out); // fills all of out: max(1, m - n + 1) values
    return out;
  }

  /**
   * Writes the word n-gram hashes of the token hashes {@code t[from, to)} into {@code out} from
   * index 0 and returns how many were written: {@code max(1, to - from - n + 1)}, or 0 when the
   * range is empty. {@code out} must be large enough; it may be {@code t} itself when {@code from}
   * is 0 (n-gram i is written after its tokens i..i+n-1 are read, and no later n-gram reads them).
   */
  public static int wordShingles(long[] t, int from, int to, int n, long[] out) {
    int m = to - from;
    if (m <= 0) {
      return 0;
    }
    if (m < n) {
      out[0] = wordHash(t, from, m);
      return 1;
    }
    int count = m - n + 1;
    if (n == 1) {
      for (int i = 0; i < count; i++) {
        out[i] = wordHash(t, from + i, 1);
      }
      return count;
    }
    if (n == 3) {
      // The default shingle size, unrolled: wordHash(t, i, 3) with the rounds written out.
      final long g = Hash64.GOLDEN;
      final long h0 = 3 * g;
      for (int i = 0; i < count; i++) {
        int j = from + i;
        long h = Long.rotateLeft((h0 ^ t[j]) * g, 31);
        h = Long.rotateLeft((h ^ t[j + 1]) * g, 31);
        h = Long.rotateLeft((h ^ t[j + 2]) * g, 31);
        out[i] = Hash64.fmix64(h);
      }
      return count;
    }
    for (int i = 0; i < count; i++) {
      out[i] = wordHash(t, from + i, n);
    }
    return count;
  }

  /** Hash of the word n-gram made of the {@code m} token hashes starting at {@code from}. */
  static long wordHash(long[] t, int from, int m) {
    long h = m * Hash64.GOLDEN;
    for (int j = 0; j < m; j++) {
      h = Long.rotateLeft((h ^ t[from + j]) * Hash64.GOLDEN, 31);
    }
    return Hash64.fmix64(h);
  }

  /** Character n-gram hashes of {@code chars[from, to)}. */
  public static long[] charShingles(char[] chars, int from, int to, int n) {
    int m = to - from;
    if (m <= 0) {
      return new long[0];
    }
    long[] out = new long[Math.max(1, m - n + 1)];
    charShingles(chars, from, to, n, out); // fills all of out: max(1, m - n + 1) values
    return out;
  }

  /**
   * Writes the character n-gram hashes of {@code chars[from, to)} into {@code out} from index 0
   * and returns the count: {@code max(1, to - from - n + 1)}, or 0 for an empty range.
   */
  public static int charShingles(char[] chars, int from, int to, int n, long[] out) {
    int m = to - from;
    if (m <= 0) {
      return 0;
    }
    int w = Math.min(n, m);
    long p = 0;
    long top = 1; // B^(w-1)
    for (int j = 0; j < w; j++) {
      p = p * B + chars[from + j];
      if (j > 0) {
        top *= B;
      }
    }
    out[0] = Hash64.fmix64(p ^ w);
    int count = m - w + 1;
    for (int i = 1; i < count; i++) {
      p = (p - chars[from + i - 1] * top) * B + chars[from + i + w - 1];
      out[i] = Hash64.fmix64(p ^ w);
    }
    return count;
  }
}
