package io.github.syndic.text;

import java.util.Objects;

/**
 * The tokens of one {@link NormalizedText}: for each token its normalized start and end and its
 * 64-bit hash ({@link io.github.syndic.hash.Hash64#hashChars(char[], int, int)} of its chars).
 *
 * <p>Immutable once built and thread-safe; the arrays are not exposed.
 */
public final class Tokens {
  private final NormalizedText text;
  private final int count;
  private final int[] starts;
  private final int[] ends;
  private final long[] hashes;

  Tokens(NormalizedText text, int count, int[] starts, int[] ends, long[] hashes) {
    this.text = text;
    this.count = count;
    this.starts = starts;
    this.ends = ends;
    this.hashes = hashes;
  }

  /** The text these tokens were cut from. */
  public NormalizedText text() {
    return text;
  }

  /** Number of tokens. */
  public int size() {
    return count;
  }

  /** Normalized start of token {@code i}. */
  public int start(int i) {
    Objects.checkIndex(i, count);
    return starts[i];
  }

  /** Normalized end (exclusive) of token {@code i}. */
  public int end(int i) {
    Objects.checkIndex(i, count);
    return ends[i];
  }

  /** Hash of token {@code i}. */
  public long hash(int i) {
    Objects.checkIndex(i, count);
    return hashes[i];
  }

  /** Token {@code i} as a String (allocates; not for hot paths). */
  public String token(int i) {
    Objects.checkIndex(i, count);
    return new String(text.chars(), starts[i], ends[i] - starts[i]);
  }

  /** Copies the token hashes into {@code dst} from index 0 and returns the count. */
  public int copyHashes(long[] dst) {
    System.arraycopy(hashes, 0, dst, 0, count);
    return count;
  }

  long[] hashArray() {
    return hashes;
  }
}
