package io.github.syndic.format;

/**
 * The bytes of a persisted form cannot be read: not that format (magic), a version this library
 * does not read, damaged (checksum, truncation, inconsistent contents), or made with another spec.
 * The message names the format and what is wrong. The base of every such exception of syndic
 * (signatures, template models, index snapshots); an {@link IllegalArgumentException}, as bad
 * input is.
 *
 * <p>Immutable and thread-safe.
 */
public class FormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the problem. */
  public FormatException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
