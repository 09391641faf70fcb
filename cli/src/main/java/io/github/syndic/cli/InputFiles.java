package io.github.syndic.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds input files and reads them as text, strictly. Stateless; thread-safe. */
final class InputFiles {
  /** One input: the file (null for stdin), and its path relative to the input it came from. */
  record Input(Path file, Path relative) {
    String display() {
      return file == null ? "<stdin>" : file.toString();
    }
  }

  /** A file that cannot be read as text; the message names the reason. */
  static final class BadInputException extends Exception {
    BadInputException(String message) {
      super(message);
    }
  }

  private InputFiles() {}

  /**
   * Expands files and directories (recursively, sorted by path) into inputs. A directory entry is
   * kept when it matches one of {@code includes} (if any) and none of {@code excludes}; globs are
   * matched against the path relative to the directory, and also against the bare file name.
   */
  static List<Input> collect(List<Path> paths, List<String> includes, List<String> excludes)
      throws IOException {
    List<PathMatcher> inc = matchers(includes);
    List<PathMatcher> exc = matchers(excludes);
    List<Input> out = new ArrayList<>();
    for (Path p : paths) {
      if (p.toString().equals("-")) {
        out.add(new Input(null, Path.of("stdin")));
      } else if (Files.isDirectory(p)) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile).forEach(files::add);
        }
        files.sort(null);
        for (Path f : files) {
          Path rel = p.relativize(f);
          if (accept(rel, inc, exc)) {
            out.add(new Input(f, rel));
          }
        }
      } else {
        out.add(new Input(p, p.getFileName() == null ? p : p.getFileName()));
      }
    }
    return out;
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

  /** Reads all bytes of an input (stdin when its file is null). */
  static byte[] readBytes(Input in, InputStream stdin) throws IOException {
    if (in.file() == null) {
      return stdin.readAllBytes();
    }
    return Files.readAllBytes(in.file());
  }

  /**
   * Decodes {@code bytes} strictly: a NUL byte means binary; malformed input is an error naming the
   * byte offset; a UTF-8 byte order mark is removed.
   */
  static String decode(byte[] bytes, Charset charset) throws BadInputException {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0 && !isUtf16(charset)) {
        throw new BadInputException("binary file (NUL byte at offset " + i + ")");
      }
    }
    int skip = 0;
    if (charset.equals(StandardCharsets.UTF_8)
        && bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      skip = 3;
    }
    CharsetDecoder dec =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    try {
      CharBuffer cb = dec.decode(in);
      return cb.toString();
    } catch (MalformedInputException | UnmappableCharacterException e) {
      throw new BadInputException(
          "not valid " + charset.name() + " (bad byte sequence at offset " + in.position() + ")");
    } catch (CharacterCodingException e) {
      throw new BadInputException("not valid " + charset.name() + ": " + e.getMessage());
    }
  }

  private static boolean isUtf16(Charset c) {
    return c.name().startsWith("UTF-16") || c.name().startsWith("UTF-32");
  }
}
