package io.github.syndic.index;

import java.nio.file.Path;

/**
 * Another process (or another {@link IndexLock} of this one) holds the lock of an index directory.
 * The message names the directory and the holder's pid and host, as the lock file records them.
 *
 * <p>Immutable and thread-safe.
 */
public final class IndexLockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path directory;
  private final long pid;
  private final String host;

  IndexLockedException(Path directory, long pid, String host, String detail) {
    super("index " + directory + " is locked by pid " + (pid < 0 ? "unknown" : pid) + " on host "
        + (host == null ? "unknown" : host) + detail);
    this.directory = directory;
    this.pid = pid;
    this.host = host;
  }

  /** The locked index directory. */
  public Path directory() {
    return directory;
  }

  /** The holder's process id as recorded in the lock file, or -1 when unreadable. */
  public long pid() {
    return pid;
  }

  /** The holder's host name as recorded in the lock file, or null when unreadable. */
  public String host() {
    return host;
  }
}
