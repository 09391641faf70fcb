package io.github.syndic.index;

import io.github.syndic.minhash.Signature;
import java.time.Instant;
import java.util.Objects;

/**
 * A document ready for the index: cleaned, signed, with the fingerprints of its raw lines (for
 * learning its source's template). Made by {@link NearDuplicateIndex#prepare(Doc)} outside the
 * index lock, or from a caller's own signature with {@link #of}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreparedDoc {
  private static final long[] NO_LINES = new long[0];

  private final String id;
  private final Instant timestamp;
  private final String source;
  private final Signature signature;
  private final int length;
  private final long[] lineFingerprints;

  PreparedDoc(
      String id,
      Instant timestamp,
      String source,
      Signature signature,
      int length,
      long[] lineFingerprints) {
    this.id = Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("document id must not be empty");
    }
    this.timestamp = timestamp;
    this.source = source;
    this.signature = Objects.requireNonNull(signature, "signature");
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, got " + length);
    }
    this.length = length;
    this.lineFingerprints = lineFingerprints;
  }

  /**
   * A prepared document from a signature made by the caller (its spec must be the index's); no
   * template is learned from it.
   *
   * @param length length of the signed text in chars (the "longest" rule of the canonical policy)
   */
  public static PreparedDoc of(
      String id, Signature signature, int length, Instant timestamp, String source) {
    return new PreparedDoc(id, timestamp, source, signature, length, NO_LINES);
  }

  /** The id. */
  public String id() {
    return id;
  }

  /** The timestamp, or null. */
  public Instant timestamp() {
    return timestamp;
  }

  /** The source, or null. */
  public String source() {
    return source;
  }

  /** The signature of the cleaned text. */
  public Signature signature() {
    return signature;
  }

  /** Length of the cleaned text in chars. */
  public int length() {
    return length;
  }

  long[] lineFingerprints() {
    return lineFingerprints;
  }
}
