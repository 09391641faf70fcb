package io.github.syndic.cli;

import io.github.syndic.internal.TempFiles;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes output files. A regular file (or a path that does not exist yet) is written atomically:
 * to a temporary file in the target's directory, then renamed over the target, so a reader sees
 * the old file or the complete new one, never a part; an existing target keeps its permission
 * bits (and its owner and group where the process may set them). A symbolic link is followed
 * (also a dangling one): its final target is replaced, the link stays. A FIFO, character device
 * or socket is written through, in place (a FIFO's reader gets the data; {@code /dev/null} stays
 * a device), and {@code -} means standard output. Temporary files still being written when the
 * JVM shuts down (SIGINT, SIGTERM, System.exit) are deleted by a shutdown hook; only an
 * uncatchable kill (SIGKILL, power loss) can leave one, named {@code .NAME.<digits>.tmp} beside
 * the target. Thread-safe.
 */
final class AtomicFiles {
  /** Temporary files being written, deleted by {@link #CLEANUP} if the JVM exits meanwhile. */
  private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  private static final Thread CLEANUP = new Thread(AtomicFiles::deleteInFlight, "syndic-tmp-cleanup");

  /** Further cleanups run by {@link #CLEANUP} after its own sweep (e.g. an index's snapshots). */
  private static final Set<Runnable> AT_SHUTDOWN = ConcurrentHashMap.newKeySet();

  /** Set by the shutdown hook: no temporary file is created after it. */
  private static volatile boolean shuttingDown;

  /** Creations hold it shared, the shutdown hook exclusively (see {@link #createTemp}). */
  private static final ReentrantReadWriteLock CREATION = new ReentrantReadWriteLock();

  /** Symbolic links followed before giving up, as Linux's own limit (ELOOP after 40). */
  private static final int MAX_LINK_HOPS = 40;

  /** Buffer of the output stream: few system calls per output, a small share of memory. */
  private static final int BUFFER_BYTES = 1 << 16;

  static {
    Runtime.getRuntime().addShutdownHook(CLEANUP);
  }

  private AtomicFiles() {}

  /** A temporary file and the stream that created it. */
  private record Temp(Path path, OutputStream stream) {}

  /**
   * Creates {@code dir/.NAME.<digits>.tmp} ({@link TempFiles#create}), registers it in {@link
   * #IN_FLIGHT} and opens it, all under the creation lock, so that a shutdown at any instant finds
   * every temporary file on disk in the set. The path is opened once, here, without {@code
   * CREATE}: reopening it later with {@code CREATE} would bring back a file the shutdown hook had
   * just deleted.
   */
  private static Temp createTemp(Path dir, String name) throws IOException {
    // Created under the read lock: the shutdown hook takes the write lock, so it never walks the
    // set between a file's creation and its registration, and no file is created after its walk
    // (the JVM halts once the hooks end, so a creator could not be relied on to delete a late
    // file itself).
    CREATION.readLock().lock();
    try {
      if (shuttingDown) {
        throw new IOException("the process is shutting down");
      }
      Path tmp = TempFiles.create(dir, "." + name + ".");
      IN_FLIGHT.add(tmp);
      try {
        return new Temp(tmp, Files.newOutputStream(tmp, StandardOpenOption.WRITE));
      } catch (IOException | RuntimeException e) {
        try {
          Files.deleteIfExists(tmp);
        } finally {
          IN_FLIGHT.remove(tmp);
        }
        throw e;
      }
    } finally {
      CREATION.readLock().unlock();
    }
  }

  private static void deleteInFlight() {
    // Never released: the JVM is ending, and no temporary file may be created from here on.
    CREATION.writeLock().lock();
    shuttingDown = true;
    for (Path p : IN_FLIGHT) {
      try {
        Files.deleteIfExists(p); // already renamed: nothing to do; else the target is unchanged
      } catch (IOException ignored) {
        // best effort during shutdown
      }
    }
    for (Runnable r : AT_SHUTDOWN) {
      try {
        r.run();
      } catch (RuntimeException ignored) {
        // best effort during shutdown
      }
    }
  }

  /**
   * Runs {@code cleanup} from the shutdown hook too, until {@link #forget} (used for the temporary
   * snapshots of an index being saved, which core writes itself).
   */
  static void alsoAtShutdown(Runnable cleanup) {
    AT_SHUTDOWN.add(cleanup);
  }

  /** Undoes {@link #alsoAtShutdown}. */
  static void forget(Runnable cleanup) {
    AT_SHUTDOWN.remove(cleanup);
  }

  static void write(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8), true);
  }

  static void write(Path target, byte[] content) throws IOException {
    write(target, content, true);
  }

  static void write(Path target, String content, boolean durable) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8), durable);
  }

  /**
   * Writes {@code content} to {@code target} as {@link #open} describes. With {@code durable},
   * the temporary file is forced to disk before the rename, so that even a power failure leaves
   * the old or the new content (used for {@code --in-place}, models and index snapshots); without
   * it the write is still atomic for readers and against a crash of the process, but a power
   * failure right after it may lose the new file (used for the many outputs of
   * {@code clean --out}, whose inputs stay untouched).
   */
  static void write(Path target, byte[] content, boolean durable) throws IOException {
    try (Pending p = open(target, durable, null)) {
      p.stream().write(content);
      p.commit();
    }
  }

  /**
   * The file a write to {@code target} replaces: {@code target} itself, or the final target of
   * the chain of symbolic links it names (a dangling link's target included). Relative link
   * targets are resolved against the link's directory.
   */
  static Path finalTarget(Path target) throws IOException {
    Path p = target.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == MAX_LINK_HOPS) {
        throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
      }
      p = p.getParent().resolve(Files.readSymbolicLink(p));
    }
    return p;
  }

  /**
   * Opens an output; nothing is visible at {@code target} before {@link Pending#commit()} unless
   * it is written through (standard output, FIFO, device). Closing without committing discards
   * the temporary file. {@code stdout} receives the output when {@code target} is {@code -}
   * (null: {@code -} is then a file name).
   */
  static Pending open(Path target, boolean durable, PrintWriter stdout) throws IOException {
    if (stdout != null && target.toString().equals("-")) {
      return new Pending(null, null, new StdoutStream(stdout), durable);
    }
    Path real = finalTarget(target);
    if (Files.exists(real) && !Files.isRegularFile(real) && !Files.isDirectory(real)) {
      // FIFO, character or block device, socket: write through, never replace it.
      return new Pending(null, null, Files.newOutputStream(real, StandardOpenOption.WRITE), durable);
    }
    Path dir = real.getParent();
    Files.createDirectories(dir);
    Temp t = createTemp(dir, real.getFileName().toString());
    Path tmp = t.path();
    try {
      keepAttributes(real, tmp);
      return new Pending(real, tmp, t.stream(), durable);
    } catch (IOException | RuntimeException e) {
      try {
        t.stream().close();
        Files.deleteIfExists(tmp);
      } finally {
        IN_FLIGHT.remove(tmp);
      }
      throw e;
    }
  }

  /** Gives {@code tmp} the permission bits, and where permitted the owner and group, of {@code real}. */
  private static void keepAttributes(Path real, Path tmp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(real, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (view == null || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    PosixFileAttributes a = view.readAttributes();
    Files.setPosixFilePermissions(tmp, a.permissions());
    PosixFileAttributeView t = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    try {
      t.setGroup(a.group());
      t.setOwner(a.owner());
    } catch (IOException | SecurityException notPermitted) {
      // only root may give a file away; the permission bits above are kept in any case
    }
  }

  /**
   * An output being written. Not thread-safe: one thread writes it, then commits or closes it.
   */
  static final class Pending implements Closeable {
    private final Path target;
    private final Path tmp;
    private final OutputStream raw;
    private final OutputStream out;
    private final boolean durable;
    private boolean finished;

    private Pending(Path target, Path tmp, OutputStream raw, boolean durable) {
      this.target = target;
      this.tmp = tmp;
      this.raw = raw;
      this.out = new BufferedOutputStream(raw, BUFFER_BYTES);
      this.durable = durable;
    }

    /** Where to write (buffered; not to be closed by the caller). */
    OutputStream stream() {
      return out;
    }

    /** Makes the output visible: flushes, forces to disk if durable, renames over the target. */
    void commit() throws IOException {
      if (finished) {
        throw new IllegalStateException("already committed or closed");
      }
      finished = true;
      try {
        out.flush();
        if (tmp != null && durable) {
          try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
          }
        }
        raw.close();
        if (tmp != null) {
          try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      } catch (IOException | RuntimeException e) {
        discard();
        throw e;
      }
      if (tmp != null) {
        IN_FLIGHT.remove(tmp);
      }
    }

    /** Discards the output unless it was committed (a written-through output stays as written). */
    @Override
    public void close() throws IOException {
      if (!finished) {
        finished = true;
        discard();
      }
    }

    private void discard() throws IOException {
      try {
        raw.close();
      } catch (IOException ignored) {
        // the data is being thrown away anyway
      } finally {
        if (tmp != null) {
          try {
            Files.deleteIfExists(tmp);
          } finally {
            IN_FLIGHT.remove(tmp);
          }
        }
      }
    }
  }

  /** Bytes to a PrintWriter (standard output), as UTF-8 text; errors are reported, not swallowed. */
  private static final class StdoutStream extends FilterOutputStream {
    private final PrintWriter w;
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    StdoutStream(PrintWriter w) {
      super(OutputStream.nullOutputStream());
      this.w = w;
    }

    @Override
    public void write(int b) throws IOException {
      pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      pending.write(b, off, len);
      if (pending.size() >= BUFFER_BYTES) {
        drain(false);
      }
    }

    /** Writes the complete UTF-8 sequences received so far. */
    private void drain(boolean all) throws IOException {
      byte[] b = pending.toByteArray();
      int end = b.length;
      if (!all) {
        // do not split a UTF-8 sequence: stop before a trailing incomplete one
        int i = end - 1;
        while (i >= 0 && i > end - 4 && (b[i] & 0xC0) == 0x80) {
          i--;
        }
        if (i >= 0 && (b[i] & 0x80) != 0) {
          int need = (b[i] & 0xE0) == 0xC0 ? 2 : (b[i] & 0xF0) == 0xE0 ? 3 : 4;
          if (end - i < need) {
            end = i;
          }
        }
      }
      w.write(new String(b, 0, end, StandardCharsets.UTF_8));
      pending.reset();
      pending.write(b, end, b.length - end);
      if (StdOut.failed(w)) {
        throw new IOException(StdOut.reason(w));
      }
    }

    @Override
    public void flush() throws IOException {
      drain(false);
    }

    @Override
    public void close() throws IOException {
      drain(true);
    }
  }
}
