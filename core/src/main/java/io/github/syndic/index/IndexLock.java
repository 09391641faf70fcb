package io.github.syndic.index;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Objects;

/**
 * The exclusive lock of an index directory: one writer at a time. {@link NearDuplicateIndex#save}
 * and {@link NearDuplicateIndex#load} do not lock (they work on a file and are atomic on their
 * own); a program that loads an index, adds documents and saves it back (a daily feed run) must
 * hold this lock from before the load until after the save, or two overlapping runs both succeed
 * and the later snapshot silently drops the other run's documents.
 *
 * <pre>{@code
 * try (IndexLock lock = IndexLock.acquire(dir, Duration.ofMinutes(5))) { // or tryAcquire(dir)
 *   NearDuplicateIndex ix = NearDuplicateIndex.load(dir.resolve("index.syndic"), config);
 *   ...
 *   ix.save(dir.resolve("index.syndic"));
 * } catch (IndexLockedException e) {
 *   // e.pid(), e.host(): who holds it
 * }
 * }</pre>
 *
 * <p>The lock is an OS file lock ({@link FileChannel#tryLock()}) on {@value #FILE_NAME} in the
 * directory, which records the holder's pid and host; the OS releases it when the holder exits,
 * however it dies (SIGKILL included), so no stale lock is left to clean up. The file itself stays.
 * File locks are advisory and may not work on network file systems (NFS without lockd).
 *
 * <p>A writer killed during {@link NearDuplicateIndex#save} (SIGKILL, power loss, or a signal
 * that ends the JVM before the save's own cleanup runs) can leave its temporary snapshot,
 * {@code NAME.<digits>.tmp}, in the directory. Whoever takes the lock next deletes such files
 * first (the lock guarantees that no other writer is saving there), so a killed save costs disk
 * space only until the next run; {@link #removeTemporarySnapshots()} does the same on demand,
 * e.g. from a shutdown hook.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class IndexLock implements AutoCloseable {
  /** Name of the lock file in the index directory. */
  public static final String FILE_NAME = "index.lock";

  /** Pause between attempts of {@link #acquire}. */
  private static final long RETRY_MILLIS = 100;

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private IndexLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock now or fails (creating the directory if needed).
   *
   * @throws IndexLockedException if another holder has it
   * @throws UncheckedIOException if the directory or lock file cannot be created or written
   */
  public static IndexLock tryAcquire(Path directory) {
    IndexLock l = attempt(directory);
    if (l == null) {
      throw locked(directory, "");
    }
    return l;
  }

  /**
   * Takes the lock, waiting up to {@code timeout} for the holder to release it.
   *
   * @throws IndexLockedException if it is still held after the timeout
   * @throws UncheckedIOException if the directory or lock file cannot be created or written
   */
  public static IndexLock acquire(Path directory, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    long budget = nanos(timeout);
    long start = System.nanoTime();
    while (true) {
      IndexLock l = attempt(directory);
      if (l != null) {
        return l;
      }
      if (System.nanoTime() - start >= budget) {
        throw locked(directory, " (waited " + timeout + ")");
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw locked(directory, " (interrupted while waiting)");
      }
    }
  }

  /** The timeout in nanoseconds, saturated (a timeout of centuries waits without end). */
  private static long nanos(Duration timeout) {
    if (timeout.isNegative()) {
      return 0;
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static IndexLock attempt(Path directory) {
    Objects.requireNonNull(directory, "directory");
    Path file = directory.resolve(FILE_NAME);
    FileChannel ch = null;
    try {
      Files.createDirectories(directory);
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock fl;
      try {
        fl = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        fl = null; // held by this JVM
      }
      if (fl == null) {
        ch.close();
        return null;
      }
      byte[] who = (ProcessHandle.current().pid() + " " + hostName() + "\n")
          .getBytes(StandardCharsets.UTF_8);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(who), 0);
      ch.force(true);
      IndexLock l = new IndexLock(directory, ch, fl);
      l.removeTemporarySnapshots();
      return l;
    } catch (IOException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // the first failure is reported
        }
      }
      throw new UncheckedIOException(
          "cannot lock index directory " + directory + ": " + e.getMessage(), e);
    }
  }

  private static IndexLockedException locked(Path directory, String detail) {
    long pid = -1;
    String host = null;
    try {
      String s = Files.readString(directory.resolve(FILE_NAME), StandardCharsets.UTF_8).trim();
      int sp = s.indexOf(' ');
      if (sp > 0) {
        pid = Long.parseLong(s.substring(0, sp));
        host = s.substring(sp + 1);
      }
    } catch (IOException | RuntimeException e) {
      // unreadable or being rewritten: the holder stays unknown
    }
    return new IndexLockedException(directory, pid, host, detail);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Deletes the temporary snapshots ({@code NAME.<digits>.tmp}, regular files) that a killed
   * {@link NearDuplicateIndex#save} left in the locked directory; best effort, I/O errors are
   * ignored. Call it only while holding the lock (it does nothing once the lock is released).
   *
   * @return how many files were deleted
   */
  public synchronized int removeTemporarySnapshots() {
    if (!channel.isOpen()) {
      return 0;
    }
    return IndexSnapshot.deleteTemporaries(directory);
  }

  /** The locked directory. */
  public Path directory() {
    return directory;
  }

  /** Releases the lock (the lock file stays). */
  @Override
  public synchronized void close() {
    if (!channel.isOpen()) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + directory, e);
    }
  }
}
