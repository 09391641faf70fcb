package io.github.syndic.html;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the charset of an HTML page's bytes, in the order browsers use: a byte-order mark, then a
 * {@code <meta charset>} or {@code <meta http-equiv="Content-Type" content="...; charset=...">}
 * in the first {@link #PRESCAN_BYTES} bytes, then the bytes themselves: valid UTF-8 is UTF-8;
 * otherwise a page whose high bytes are mostly Cyrillic letters in windows-1251 or KOI8-R is read
 * as such, and any other as windows-1252 (which WHATWG also uses for a declared ISO-8859-1).
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlCharset {
  private HtmlCharset() {}

  /** How far the declaration is looked for: the WHATWG prescan length. */
  public static final int PRESCAN_BYTES = 1024 * 8;

  /**
   * Share of the letters that must be high bytes for a page to be read as Cyrillic: Russian text
   * is almost all high bytes, while western text in windows-1252 has a few percent (accents).
   */
  static final double MIN_CYRILLIC_SHARE = 0.3;

  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]{0,512}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})",
      Pattern.CASE_INSENSITIVE);

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /**
   * Decodes {@code bytes} as {@code charset} when given (a BOM is then dropped), else as {@link
   * #detect(byte[])} finds; bytes invalid in the charset become U+FFFD.
   */
  public static String decode(byte[] bytes, Charset charset) {
    if (bytes == null) {
      return "";
    }
    Charset cs = charset != null ? charset : detect(bytes);
    int skip = bomLength(bytes, cs);
    String s = new String(bytes, skip, bytes.length - skip, cs);
    return s;
  }

  /** The charset of an HTML page's bytes, as the class describes. */
  public static Charset detect(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return StandardCharsets.UTF_8;
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return StandardCharsets.UTF_16LE;
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return StandardCharsets.UTF_16BE;
    }
    Charset declared = declared(bytes);
    if (declared != null) {
      return declared;
    }
    if (validUtf8(bytes)) {
      return StandardCharsets.UTF_8;
    }
    return guessSingleByte(bytes);
  }

  /** The charset the page declares in its first bytes, or null. */
  static Charset declared(byte[] bytes) {
    int n = Math.min(bytes.length, PRESCAN_BYTES);
    String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    switch (name) {
      case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1" -> {
        return WINDOWS_1252;
      }
      // a page declaring UTF-16 in ASCII bytes is not UTF-16 (WHATWG: read as UTF-8)
      case "utf-16", "utf-16le", "utf-16be" -> {
        return StandardCharsets.UTF_8;
      }
      default -> { }
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null; // unknown or unsupported name: detect from the bytes
    }
  }

  static boolean validUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** windows-1251, KOI8-R or windows-1252, from the distribution of the high bytes. */
  static Charset guessSingleByte(byte[] bytes) {
    long ascii = 0;
    long high = 0;
    long c0df = 0;
    long e0ff = 0;
    for (byte x : bytes) {
      int b = x & 0xFF;
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
        ascii++;
      } else if (b >= 0xC0) {
        high++;
        if (b < 0xE0) {
          c0df++;
        } else {
          e0ff++;
        }
      }
    }
    if (high < MIN_CYRILLIC_SHARE * (ascii + high)) {
      return WINDOWS_1252;
    }
    // lower-case letters dominate running text: 0xE0-0xFF in windows-1251, 0xC0-0xDF in KOI8-R
    try {
      return Charset.forName(e0ff >= c0df ? "windows-1251" : "KOI8-R");
    } catch (IllegalArgumentException e) {
      return WINDOWS_1252;
    }
  }

  private static int bomLength(byte[] b, Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8) && startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return 3;
    }
    if ((cs.equals(StandardCharsets.UTF_16LE) && startsWith(b, 0xFF, 0xFE))
        || (cs.equals(StandardCharsets.UTF_16BE) && startsWith(b, 0xFE, 0xFF))) {
      return 2;
    }
    return 0;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
