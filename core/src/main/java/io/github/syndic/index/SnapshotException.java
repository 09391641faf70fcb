package io.github.syndic.index;

import io.github.syndic.format.FormatException;

/**
 * A snapshot cannot be loaded: not a snapshot, an unsupported version, damaged (checksum), or made
 * with another spec. Nothing is loaded when it is thrown. A {@link FormatException}, as every
 * refused persisted form is.
 *
 * <p>Immutable and thread-safe.
 */
public class SnapshotException extends FormatException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the problem. */
  public SnapshotException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public SnapshotException(String message, Throwable cause) {
    super(message, cause);
  }
}
