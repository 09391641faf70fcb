package io.github.syndic.text;

import io.github.syndic.hash.Hash64;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;

/**
 * Cuts a {@link NormalizedText} into tokens: maximal runs of letters, digits and marks (in the
 * normalized view these are the runs between single spaces). Scripts written without spaces
 * (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan, Yi) give one token per character,
 * so word n-grams over them are character n-grams.
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
      if (c[i] == ' ') {
        i++;
        continue;
      }
      int start = i;
      i = tokenEnd(c, i, n);
      if (count == starts.length) {
        int grow = count + (count >> 1) + 8;
        starts = java.util.Arrays.copyOf(starts, grow);
        ends = java.util.Arrays.copyOf(ends, grow);
        hashes = java.util.Arrays.copyOf(hashes, grow);
      }
      starts[count] = start;
      ends[count] = i;
      hashes[count] = Hash64.hashChars(c, start, i);
      count++;
    }
    return new Tokens(text, count, starts, ends, hashes);
  }

  /** The number of tokens {@link #tokenize(NormalizedText)} gives, without building them. */
  public static int count(NormalizedText text) {
    char[] c = text.chars();
    int n = text.length();
    int count = 0;
    int i = 0;
    while (i < n) {
      if (c[i] == ' ') {
        i++;
        continue;
      }
      i = tokenEnd(c, i, n);
      count++;
    }
    return count;
  }

  /** End of the token that starts at {@code c[i]} (not a space), within {@code c[0, n)}. */
  private static int tokenEnd(char[] c, int i, int n) {
    if (isUnspacedScript(c[i])) {
      return i + ((Character.isHighSurrogate(c[i]) && i + 1 < n) ? 2 : 1);
    }
    while (i < n && c[i] != ' ' && !isUnspacedScript(c[i])) {
      i++;
    }
    return i;
  }

  /**
   * The token hashes of the normalized chars {@code c[0, n)}, exactly as {@link
   * #tokenize(NormalizedText)} would give them, without the token offsets (the hot path of
   * signatures).
   */
  public static LongArrayList tokenHashes(char[] c, int n) {
    long[] hashes = new long[Math.max(4, (n >> 2) + 4)];
    int count = 0;
    int i = 0;
    while (i < n) {
      if (c[i] == ' ') {
        i++;
        continue;
      }
      int start = i;
      long h = Hash64.FNV_OFFSET;
      if (isUnspacedScript(c[i])) {
        i += (Character.isHighSurrogate(c[i]) && i + 1 < n) ? 2 : 1;
        for (int j = start; j < i; j++) {
          h = (h ^ c[j]) * Hash64.FNV_PRIME;
        }
      } else {
        char ch;
        while (i < n && (ch = c[i]) != ' ' && !isUnspacedScript(ch)) {
          h = (h ^ ch) * Hash64.FNV_PRIME;
          i++;
        }
      }
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, count + (count >> 1) + 8);
      }
      hashes[count++] = Hash64.fmix64(h);
    }
    return LongArrayList.wrap(hashes, count);
  }

  /**
   * True for chars of scripts written without spaces between words. Hangul is not among them
   * (Korean separates words with spaces). A high surrogate counts when it starts a CJK
   * supplementary ideograph (planes 2 and 3).
   */
  static boolean isUnspacedScript(char c) {
    if (c < 0x0E00) {
      return false;
    }
    return (c <= 0x0EFF) // Thai, Lao
        || (c >= 0x0F00 && c <= 0x0FFF) // Tibetan
        || (c >= 0x1000 && c <= 0x109F) // Myanmar
        || (c >= 0x1780 && c <= 0x17FF) // Khmer
        || (c >= 0x2E80 && c <= 0x9FFF) // CJK radicals, kana, CJK ideographs
        || (c >= 0xA000 && c <= 0xA4CF) // Yi
        || (c >= 0xF900 && c <= 0xFAFF) // CJK compatibility ideographs
        || (c >= 0xD840 && c <= 0xD8BF); // high surrogates of planes 2-3 (CJK ext. B-H)
  }
}
