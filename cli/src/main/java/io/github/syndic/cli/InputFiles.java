package io.github.syndic.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds input files and reads them as text, strictly. Stateless; thread-safe. */
final class InputFiles {
  /**
   * Largest input read: 1 GiB. A Java array or String holds at most 2^31 - 1 elements, and a file
   * is held as bytes and as chars while it is decoded; far above any article or scraped page.
   * A bigger file (or an endless stream such as {@code /dev/zero} piped in) fails, named.
   */
  static final int MAX_INPUT_BYTES = 1 << 30;

  /**
   * One input: the file (null for stdin), its path relative to the input it came from, and the
   * error that makes it unreadable before it is opened (an unreadable directory), or null.
   */
  record Input(Path file, Path relative, String error) {
    Input(Path file, Path relative) {
      this(file, relative, null);
    }

    String display() {
      return file == null ? "<stdin>" : file.toString();
    }

    boolean isStdin() {
      return file == null;
    }
  }

  /** A file that cannot be read as text; the message names the reason. */
  static final class BadInputException extends Exception {
    BadInputException(String message) {
      super(message);
    }
  }

  private InputFiles() {}

  /** Whether an argument names standard input ({@code -} or {@code /dev/stdin}). */
  static boolean isStdin(Path p) {
    String s = p.toString();
    return s.equals("-") || s.equals("/dev/stdin");
  }

  /**
   * Expands files and directories (recursively, sorted by path) into inputs. A directory entry is
   * kept when it matches one of {@code includes} (if any) and none of {@code excludes}; globs are
   * matched against the path relative to the directory, and also against the bare file name. A
   * subdirectory that cannot be read becomes an input carrying its error (reported in its place,
   * the rest goes on); entries that are not regular files (FIFOs, devices, sockets) are skipped.
   */
  static List<Input> collect(List<Path> paths, List<String> includes, List<String> excludes)
      throws IOException {
    List<PathMatcher> inc = matchers(includes);
    List<PathMatcher> exc = matchers(excludes);
    List<Input> out = new ArrayList<>();
    for (Path p : paths) {
      if (isStdin(p)) {
        out.add(new Input(null, Path.of("stdin")));
      } else if (Files.isDirectory(p)) {
        List<Input> found = new ArrayList<>();
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
            boolean regular = a.isRegularFile() || (a.isSymbolicLink() && Files.isRegularFile(f));
            Path rel = p.relativize(f);
            if (regular && accept(rel, inc, exc)) {
              found.add(new Input(f, rel));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            if (!(e instanceof NoSuchFileException)) { // vanished during the walk: not an input
              found.add(new Input(f, p.relativize(f), "cannot read directory: " + reason(e)));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) {
            if (e != null) {
              found.add(new Input(d, p.relativize(d), "cannot read directory: " + reason(e)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
        found.sort(Comparator.comparing(Input::file));
        out.addAll(found);
      } else {
        out.add(new Input(p, p.getFileName() == null ? p : p.getFileName()));
      }
    }
    return out;
  }

  /** The reason of an I/O error without the path the caller names anyway. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  private static boolean accept(Path rel, List<PathMatcher> inc, List<PathMatcher> exc) {
    Path name = rel.getFileName();
    for (PathMatcher m : exc) {
      if (m.matches(rel) || (name != null && m.matches(name))) {
        return false;
      }
    }
    if (inc.isEmpty()) {
      return true;
    }
    for (PathMatcher m : inc) {
      if (m.matches(rel) || (name != null && m.matches(name))) {
        return true;
      }
    }
    return false;
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> out = new ArrayList<>();
    if (globs != null) {
      for (String g : globs) {
        out.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
      }
    }
    return out;
  }

  /**
   * Opens an input for reading: standard input when its file is null; otherwise only a regular
   * file (a FIFO would block forever, a device may never end): anything else fails, named.
   */
  static InputStream open(Input in, InputStream stdin) throws IOException, BadInputException {
    if (in.file() == null) {
      return stdin;
    }
    Path f = in.file();
    if (!Files.exists(f)) {
      throw new NoSuchFileException(f.toString());
    }
    if (Files.isDirectory(f)) {
      throw new BadInputException("is a directory");
    }
    if (!Files.isRegularFile(f)) {
      throw new BadInputException("not a regular file (a FIFO, device or socket); to read it,"
          + " pipe it to standard input: syndic ... - < " + f);
    }
    if (Files.size(f) > MAX_INPUT_BYTES) {
      throw new BadInputException(tooLarge());
    }
    return Files.newInputStream(f);
  }

  private static String tooLarge() {
    return "larger than the input limit of " + (MAX_INPUT_BYTES >> 20) + " MiB";
  }

  /** Reads all bytes of an input (stdin when its file is null), at most {@link #MAX_INPUT_BYTES}. */
  static byte[] readBytes(Input in, InputStream stdin) throws IOException, BadInputException {
    InputStream s = open(in, stdin);
    try {
      byte[] b = s.readNBytes(MAX_INPUT_BYTES);
      if (b.length == MAX_INPUT_BYTES && s.read() >= 0) {
        throw new BadInputException(tooLarge());
      }
      return b;
    } finally {
      if (s != stdin) {
        s.close();
      }
    }
  }

  /**
   * Decodes {@code bytes} strictly: a NUL byte means binary; malformed input is an error naming the
   * byte offset; a UTF-8 byte order mark is removed. A UTF-16 byte order mark (FE FF or FF FE)
   * when reading UTF-8 (the default) means the file is UTF-16 of that byte order: it is decoded
   * so, strictly too.
   */
  static String decode(byte[] bytes, Charset charset) throws BadInputException {
    try {
      return io.github.syndic.feed.DocFiles.decode(bytes, charset);
    } catch (io.github.syndic.feed.DocFiles.BadBytesException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  static boolean isUtf16(Charset c) {
    return io.github.syndic.feed.DocFiles.isWide(c);
  }
}
