package io.github.syndic.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.util.List;
import java.util.Locale;

/**
 * Which files of a directory are documents, what their ids are, and which are read as HTML: the
 * same in every reader ({@code syndic dedup}, {@code syndic-spark}), so that both take the same
 * documents from one folder. A document file is named {@code *.txt}, {@code *.html} or
 * {@code *.htm}; its id is its name without the last extension; it is read as HTML when its name
 * says so ({@code .html}, {@code .htm}, {@code .xhtml}, any case) or its first
 * {@value #SNIFF_BYTES} bytes open like a page; otherwise it is decoded as text by
 * {@link #decode}.
 *
 * <p>Stateless and thread-safe.
 */
public final class DocFiles {
  /** The name endings of document files in a directory (case-sensitive). */
  private static final List<String> SUFFIXES = List.of(".txt", ".html", ".htm");

  /** The name patterns (globs) of document files in a directory: {@code *} + each ending. */
  public static final List<String> GLOBS = SUFFIXES.stream().map(x -> "*" + x).toList();

  /**
   * How many leading bytes the content check reads: 1 KiB, enough for a BOM, a doctype and the
   * opening of {@code <html>} or {@code <head>}, as browsers' own sniffing reads the first bytes.
   */
  public static final int SNIFF_BYTES = 1024;

  private DocFiles() {}

  /** True when {@code name} matches one of {@link #GLOBS} (case-sensitive, as the globs). */
  public static boolean isDocumentName(String name) {
    for (String x : SUFFIXES) {
      if (name.endsWith(x)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The id of a file named {@code name}: the name without its last extension; a name whose only
   * dot is its first character has the empty id (refused by {@link DocIds#problem}).
   */
  public static String id(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name.startsWith(".") ? "" : name;
  }

  /** True when {@code name} ends in .html, .htm or .xhtml (any case). */
  public static boolean hasHtmlName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml");
  }

  /**
   * True when the first {@link #SNIFF_BYTES} bytes (after a UTF-8 BOM and white space) open with
   * {@code <} and hold {@code <!doctype html}, {@code <html}, {@code <head} or {@code <body}.
   */
  public static boolean looksLikeHtml(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    int i = 0;
    if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < n && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    if (i >= n || bytes[i] != '<') {
      return false;
    }
    String head = new String(bytes, i, n - i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.contains("<html") || head.contains("<head")
        || head.contains("<body");
  }

  /** True when a file named {@code name} holding {@code bytes} is read as an HTML page. */
  public static boolean isHtml(String name, byte[] bytes) {
    return hasHtmlName(name) || looksLikeHtml(bytes);
  }

  /**
   * Decodes a text file strictly: a UTF-16 byte order mark wins over UTF-8 (a file saved as
   * "Unicode" by an editor); a UTF-8 BOM is dropped; a NUL byte (outside UTF-16/32) means a
   * binary file; a malformed or unmappable sequence is refused with its byte offset.
   *
   * @throws BadBytesException naming what is wrong and where
   */
  public static String decode(byte[] bytes, Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8) && bytes.length >= 2) {
      int b0 = bytes[0] & 0xFF;
      int b1 = bytes[1] & 0xFF;
      if (b0 == 0xFE && b1 == 0xFF) {
        return decodeStrict(bytes, 2, StandardCharsets.UTF_16BE);
      }
      if (b0 == 0xFF && b1 == 0xFE) {
        return decodeStrict(bytes, 2, StandardCharsets.UTF_16LE);
      }
    }
    if (!isWide(charset)) {
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          throw new BadBytesException("binary file (NUL byte at offset " + i + ")");
        }
      }
    }
    int skip = charset.equals(StandardCharsets.UTF_8) && bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3 : 0;
    return decodeStrict(bytes, skip, charset);
  }

  /** True for UTF-16 and UTF-32, whose text holds NUL bytes. */
  public static boolean isWide(Charset c) {
    return c.name().startsWith("UTF-16") || c.name().startsWith("UTF-32");
  }

  private static String decodeStrict(byte[] bytes, int skip, Charset charset) {
    CharsetDecoder dec = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    try {
      CharBuffer cb = dec.decode(in);
      return cb.toString();
    } catch (MalformedInputException | UnmappableCharacterException e) {
      throw new BadBytesException("not valid " + charset.name() + " (bad byte sequence at offset "
          + in.position() + ")");
    } catch (CharacterCodingException e) {
      throw new BadBytesException("not valid " + charset.name() + ": " + e.getMessage());
    }
  }

  /** Bytes that are not text in the given charset; the message names what and where. */
  public static final class BadBytesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadBytesException(String message) {
      super(message);
    }
  }
}
