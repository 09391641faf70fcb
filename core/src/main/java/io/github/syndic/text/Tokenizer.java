package io.github.syndic.text;

import java.util.Arrays;

/**
 * Cuts a {@link NormalizedText} into tokens: maximal runs of letters, digits and marks (in the
 * normalized view these are the runs between single spaces). Scripts written without spaces
 * (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan, Yi) give one token per character,
 * so word n-grams over them are character n-grams. The rule and the token hash are {@code
 * TokenRule}'s, which the fused {@link TextNormalizer#tokenHashes(CharSequence)} shares.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {
  private Tokenizer() {}

  /** Tokenizes the whole normalized text. */
  public static Tokens tokenize(NormalizedText text) {
    char[] c = text.chars();
    int n = text.length();
    int cap = Math.max(4, n / 4);
    int[] starts = new int[cap];
    int[] ends = new int[cap];
    long[] hashes = new long[cap];
    int count = 0;
    int i = 0;
    while (i < n) {
      if (c[i] == TokenRule.SEPARATOR) {
        i++;
        continue;
      }
      int start = i;
      i = TokenRule.tokenEnd(c, i, n);
      if (count == starts.length) {
        int grow = count + (count >> 1) + 8;
        starts = Arrays.copyOf(starts, grow);
        ends = Arrays.copyOf(ends, grow);
        hashes = Arrays.copyOf(hashes, grow);
      }
      starts[count] = start;
      ends[count] = i;
      hashes[count] = TokenRule.hash(c, start, i);
      count++;
    }
    return new Tokens(text, count, starts, ends, hashes);
  }

  /** The number of tokens {@link #tokenize(NormalizedText)} gives, without building them. */
  public static int count(NormalizedText text) {
    return text.tokenCount();
  }

  /** The number of tokens of the normalized chars {@code c[0, n)}. */
  static int countChars(char[] c, int n) {
    int count = 0;
    int i = 0;
    while (i < n) {
      if (c[i] == TokenRule.SEPARATOR) {
        i++;
        continue;
      }
      i = TokenRule.tokenEnd(c, i, n);
      count++;
    }
    return count;
  }

  /**
   * The token hashes of the normalized chars {@code c[0, n)}, exactly as {@link
   * #tokenize(NormalizedText)} would give them, without the token offsets (what tests compare the
   * fused path with).
   */
  static long[] tokenHashes(char[] c, int n) {
    long[] hashes = new long[Math.max(4, (n >> 2) + 4)];
    int count = 0;
    int i = 0;
    while (i < n) {
      if (c[i] == TokenRule.SEPARATOR) {
        i++;
        continue;
      }
      int start = i;
      i = TokenRule.tokenEnd(c, i, n);
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, count + (count >> 1) + 8);
      }
      hashes[count++] = TokenRule.hash(c, start, i);
    }
    return Arrays.copyOf(hashes, count);
  }
}
