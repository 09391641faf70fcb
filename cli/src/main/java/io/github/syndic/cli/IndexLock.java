package io.github.syndic.cli;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * An exclusive lock on an index directory for the length of one {@code dedup --index} run, so
 * that two runs at once (a cron overlap) cannot both load the snapshot and the second replace
 * the first's documents. It is a {@link FileChannel#lock} on {@code DIR/index.lock}: the kernel
 * releases it when the process ends, even by SIGKILL, so no stale lock survives a crash. The
 * file holds the holder's pid, host and start time, for the message of whoever waits. The lock
 * file is never deleted (deleting it would let two processes lock two different files). Not
 * thread-safe; one per run.
 */
final class IndexLock implements Closeable {
  /** Name of the lock file inside the index directory. */
  static final String FILE = "index.lock";

  /** How often a waiting run tries again. */
  private static final long POLL_MILLIS = 200;

  /** The index is held by another process; the message names its pid and host. */
  static final class HeldException extends Exception {
    HeldException(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private IndexLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code dir} (created if missing). {@code wait} null: fail at once when it is held;
   * otherwise wait at most that long ({@link Duration#ZERO} or negative: without end).
   *
   * @throws HeldException when another process holds it (after the wait)
   * @throws IOException when the directory or its lock file cannot be written
   */
  static IndexLock acquire(Path dir, Duration wait) throws IOException, HeldException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    boolean ok = false;
    try {
      long deadline = wait == null ? 0
          : wait.isZero() || wait.isNegative() ? Long.MAX_VALUE
          : System.nanoTime() + Math.min(wait.toNanos(), Long.MAX_VALUE / 4);
      while (true) {
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
          l = null;
        }
        if (l != null) {
          String me = ProcessHandle.current().pid() + " " + host() + " " + Instant.now() + "\n";
          ch.truncate(0);
          ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
          ch.force(false);
          ok = true;
          return new IndexLock(ch, l);
        }
        if (wait == null || System.nanoTime() >= deadline) {
          throw new HeldException(dir + " is in use by " + holder(file)
              + (wait == null ? "; wait for it with --wait[=DURATION]" : "; gave up waiting"));
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while waiting for " + file);
        }
      }
    } finally {
      if (!ok) {
        ch.close();
      }
    }
  }

  /** "pid 123 on host h (since t)", from the lock file, or a neutral phrase if it is empty. */
  private static String holder(Path file) {
    try {
      String[] f = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
      if (f.length >= 3) {
        return "pid " + f[0] + " on host " + f[1] + " (since " + f[2] + ")";
      }
    } catch (IOException | RuntimeException ignored) {
      // fall through
    }
    return "another process";
  }

  private static String host() {
    String h = System.getenv("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String n = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
      int at = n.indexOf('@');
      return at >= 0 ? n.substring(at + 1) : "unknown";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
