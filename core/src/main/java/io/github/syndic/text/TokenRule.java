package io.github.syndic.text;

import io.github.syndic.hash.Hash64;

/**
 * The one definition of a token over normalized chars, shared by {@link Tokenizer} (over a
 * {@link NormalizedText}) and by the fused path of {@link TextNormalizer#tokenHashes} (over the
 * chars as normalization emits them):
 *
 * <ul>
 *   <li>a {@link #SEPARATOR} (the only one the normalized view holds) ends the current token;
 *   <li>a char of a script written without spaces ({@link #isUnspacedScript}) ends the current
 *       token and is a token of its own (with the low surrogate after it, for a supplementary
 *       ideograph);
 *   <li>any other char extends the current token, or starts one.
 * </ul>
 *
 * <p>A token's hash is FNV-1a 64 over its UTF-16 units ({@link #START}, then {@link #step} per
 * char), finished by {@link #finish} ({@link Hash64#fmix64}): {@link Hash64#hashChars(char[], int,
 * int)} of its chars. The loops that apply the rule keep their state in locals and call these
 * static methods, which the JIT inlines (no per-char dispatch).
 *
 * <p>Stateless and thread-safe.
 */
final class TokenRule {
  /** The separator of the normalized view. */
  static final char SEPARATOR = ' ';

  /**
   * Every char below this one is in a script written with spaces (the first unspaced script,
   * Thai, starts at U+0E00): a folded letter or digit below it extends a token, which lets the
   * fused loop test one range per char.
   */
  static final char SPACED_END = '\u0E00';

  /** The FNV-1a state of a token before its first char. */
  static final long START = Hash64.FNV_OFFSET;

  private TokenRule() {}

  /**
   * True for chars of scripts written without spaces between words. Hangul is not among them
   * (Korean separates words with spaces). A high surrogate counts when it starts a CJK
   * supplementary ideograph (planes 2 and 3).
   */
  static boolean isUnspacedScript(char c) {
    if (c < SPACED_END) {
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

  /** The token state after {@code c} is added to state {@code h}. */
  static long step(long h, int c) {
    return (h ^ c) * Hash64.FNV_PRIME;
  }

  /** The hash of a token whose state is {@code h}. */
  static long finish(long h) {
    return Hash64.fmix64(h);
  }

  /** End of the token that starts at {@code c[i]} (not a separator), within {@code c[0, n)}. */
  static int tokenEnd(char[] c, int i, int n) {
    if (isUnspacedScript(c[i])) {
      return i + ((Character.isHighSurrogate(c[i]) && i + 1 < n) ? 2 : 1);
    }
    while (i < n && c[i] != SEPARATOR && !isUnspacedScript(c[i])) {
      i++;
    }
    return i;
  }

  /** The hash of the token {@code c[from, to)}. */
  static long hash(char[] c, int from, int to) {
    return Hash64.hashChars(c, from, to);
  }
}
