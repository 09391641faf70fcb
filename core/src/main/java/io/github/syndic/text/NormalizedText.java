package io.github.syndic.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * The matching view of a text: normalized characters plus, for every normalized character, the
 * range of the original text it came from.
 *
 * <p>Immutable and thread-safe (its token count is computed once, when first asked). The arrays handed out by {@link #chars()} are the internal ones for
 * speed on hot paths; callers must not modify them.
 *
 * <p>Contract: for every normalized index {@code i}, {@code 0 <= originalStart(i) < originalEnd(i)
 * <= original.length()}, and start offsets never decrease with {@code i}. A normalized space that
 * stands for a run of separators maps to the first separator of the run.
 */
public final class NormalizedText {
  private final CharSequence original;
  private final char[] chars;
  private final int length;
  private final int[] starts;
  /** Null when every normalized char comes from one original char (its end is its start + 1). */
  private final int[] ends;
  /**
   * {@link Tokenizer#count}'s answer plus one, once asked (0 before): both cleaner stages ask for
   * it. A benign race, as String's hash: every thread computes the same value.
   */
  private int tokenCountPlusOne;

  NormalizedText(CharSequence original, char[] chars, int length, int[] starts, int[] ends) {
    this.original = original;
    this.chars = chars;
    this.length = length;
    this.starts = starts;
    this.ends = ends;
  }

  /** The text this view was made from, unchanged. */
  public CharSequence original() {
    return original;
  }

  /** Number of normalized characters. */
  public int length() {
    return length;
  }

  /** True when the normalized view is empty (the original held no letters or digits). */
  public boolean isEmpty() {
    return length == 0;
  }

  /** The normalized character at {@code i}. */
  public char charAt(int i) {
    Objects.checkIndex(i, length);
    return chars[i];
  }

  /**
   * The backing array of normalized characters; only the first {@link #length()} are valid. Do not
   * modify.
   */
  public char[] chars() {
    return chars;
  }

  /** Start (inclusive) in the original text of normalized character {@code i}. */
  public int originalStart(int i) {
    Objects.checkIndex(i, length);
    return starts[i];
  }

  /** End (exclusive) in the original text of normalized character {@code i}. */
  public int originalEnd(int i) {
    Objects.checkIndex(i, length);
    return ends == null ? starts[i] + 1 : ends[i];
  }

  /** True when the normalized text has exactly the chars of {@code s}. */
  public boolean contentEquals(CharSequence s) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (chars[i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The normalized text as a String. */
  @Override
  public String toString() {
    return new String(chars, 0, length);
  }

  /** The number of tokens {@link Tokenizer#tokenize} gives; computed on the first call. */
  int tokenCount() {
    int c = tokenCountPlusOne;
    if (c == 0) {
      c = Tokenizer.countChars(chars, length) + 1;
      tokenCountPlusOne = c;
    }
    return c - 1;
  }

  /** A copy of the start offsets of every normalized character. */
  public int[] originalStarts() {
    return Arrays.copyOf(starts, length);
  }
}
