package io.github.syndic.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files atomically: to a temporary file in the target's directory, forced to disk, then
 * renamed over the target. A reader sees the old file or the complete new one, never a part.
 * Temporary files still being written when the JVM shuts down (SIGINT, SIGTERM, System.exit) are
 * deleted by a shutdown hook; only an uncatchable kill (SIGKILL, power loss) can leave one, named
 * {@code .NAME.<digits>.tmp} beside the target. Thread-safe.
 */
final class AtomicFiles {
  /** Temporary files being written, deleted by {@link #CLEANUP} if the JVM exits meanwhile. */
  private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  private static final Thread CLEANUP = new Thread(AtomicFiles::deleteInFlight, "syndic-tmp-cleanup");

  static {
    Runtime.getRuntime().addShutdownHook(CLEANUP);
  }

  private AtomicFiles() {}

  /**
   * Creates {@code dir/.NAME.<digits>.tmp}, registering it in {@link #IN_FLIGHT} before it exists,
   * so that a shutdown at any instant finds every temporary file on disk in the set.
   */
  private static Path createTemp(Path dir, String name) throws IOException {
    while (true) {
      long n = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
      Path tmp = dir.resolve("." + name + "." + n + ".tmp");
      IN_FLIGHT.add(tmp);
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        IN_FLIGHT.remove(tmp); // another writer's file: draw another name
      } catch (IOException | RuntimeException e) {
        IN_FLIGHT.remove(tmp);
        throw e;
      }
    }
  }

  private static void deleteInFlight() {
    for (Path p : IN_FLIGHT) {
      try {
        Files.deleteIfExists(p); // already renamed: nothing to do; else the target is unchanged
      } catch (IOException ignored) {
        // best effort during shutdown
      }
    }
  }

  static void write(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8), true);
  }

  static void write(Path target, byte[] content) throws IOException {
    write(target, content, true);
  }

  /**
   * Writes {@code content} to {@code target} atomically. With {@code durable}, the temporary file
   * is forced to disk before the rename, so that even a power failure leaves the old or the new
   * content (used for {@code --in-place}, models and index snapshots); without it the write is
   * still atomic for readers and against a crash of the process, but a power failure right after
   * it may lose the new file (used for the many outputs of {@code clean --out}, whose inputs stay
   * untouched).
   */
  static void write(Path target, String content, boolean durable) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8), durable);
  }

  static void write(Path target, byte[] content, boolean durable) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = createTemp(dir, abs.getFileName().toString());
    boolean done = false;
    try {
      try (OutputStream out = Files.newOutputStream(tmp);
          java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
              java.nio.file.StandardOpenOption.WRITE)) {
        out.write(content);
        out.flush();
        if (durable) {
          ch.force(true);
        }
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      try {
        if (!done) {
          Files.deleteIfExists(tmp);
        }
      } finally {
        IN_FLIGHT.remove(tmp);
      }
    }
  }
}
