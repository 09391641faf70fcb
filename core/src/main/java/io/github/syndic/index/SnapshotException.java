package io.github.syndic.index;

/**
 * A snapshot cannot be loaded: not a snapshot, an unsupported version, damaged (checksum), or made
 * with another spec. Nothing is loaded when it is thrown.
 *
 * <p>Immutable and thread-safe.
 */
public final class SnapshotException extends RuntimeException {
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
