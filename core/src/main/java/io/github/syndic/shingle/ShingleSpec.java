package io.github.syndic.shingle;

import java.io.Serializable;

/**
 * What a shingle is: word n-grams (n consecutive tokens) or character n-grams (n consecutive
 * normalized characters, single spaces included).
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind words or characters
 * @param n the n-gram size, at least 1
 */
public record ShingleSpec(Kind kind, int n) implements Serializable {
  /** Largest supported n; longer shingles are pointless for near-duplicate detection. */
  public static final int MAX_N = 64;

  /** The unit a shingle is made of. Immutable and thread-safe. */
  public enum Kind {
    /** Consecutive tokens. */
    WORD,
    /** Consecutive normalized characters. */
    CHAR
  }

  /** Checks the arguments. */
  public ShingleSpec {
    if (kind == null) {
      throw new NullPointerException("kind");
    }
    if (n < 1 || n > MAX_N) {
      throw new IllegalArgumentException("shingle size n must be in [1, " + MAX_N + "], got " + n);
    }
  }

  /** Word n-grams. */
  public static ShingleSpec words(int n) {
    return new ShingleSpec(Kind.WORD, n);
  }

  /** Character n-grams. */
  public static ShingleSpec chars(int n) {
    return new ShingleSpec(Kind.CHAR, n);
  }

  /** Parses {@code w3} or {@code c5} (the form of {@link #describe()}). */
  public static ShingleSpec parse(String s) {
    if (s == null || s.length() < 2) {
      throw new IllegalArgumentException("shingle spec must look like w3 or c5, got '" + s + "'");
    }
    char k = Character.toLowerCase(s.charAt(0));
    int n;
    try {
      n = Integer.parseInt(s.substring(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shingle spec must look like w3 or c5, got '" + s + "'");
    }
    if (k == 'w') {
      return words(n);
    }
    if (k == 'c') {
      return chars(n);
    }
    throw new IllegalArgumentException("shingle spec must look like w3 or c5, got '" + s + "'");
  }

  /** A short stable description: {@code w3}, {@code c5}. */
  public String describe() {
    return (kind == Kind.WORD ? "w" : "c") + n;
  }
}
