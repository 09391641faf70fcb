package io.github.syndic.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON Lines as a stream, one line at a time: each line ({@code \n}-terminated; a
 * {@code \r} before it and a UTF-8 byte order mark at the start are dropped; blank lines are
 * skipped) must hold exactly one JSON object. A line that is too long, not valid in the charset,
 * not JSON, not an object, holds a second value or repeats a field is reported by its line number
 * and skipped: one bad byte loses one record, never the file. Memory is bounded by the line
 * limit. Not thread-safe (one reader per stream).
 */
final class JsonLines {
  /**
   * Longest line read: 64 MiB. Far above one article or scraped page (the largest SaudiNewsNet
   * and AEB documents are below 100 KB), and it bounds what one record can cost: the line is held
   * as bytes, as chars and as a parsed tree at once, about 5 bytes of heap per byte of line.
   */
  static final int MAX_LINE_BYTES = 64 << 20;

  /** What the reader hands over. */
  interface Handler {
    /** A well-formed record of line {@code line} (1-based). */
    void record(long line, ObjectNode record) throws IOException;

    /** Line {@code line} is skipped for {@code reason} (one line, no line break). */
    void error(long line, String reason) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());

  private final Charset charset;
  private final int maxLineBytes;

  JsonLines(Charset charset) {
    this(charset, MAX_LINE_BYTES);
  }

  JsonLines(Charset charset, int maxLineBytes) {
    if (InputFiles.isUtf16(charset)) {
      throw new IllegalArgumentException("JSON Lines are read in UTF-8 or another charset in"
          + " which a byte 0x0A is a line feed, not " + charset.name());
    }
    this.charset = charset;
    this.maxLineBytes = maxLineBytes;
  }

  /** Reads {@code in} to its end, handing every record and every bad line to {@code h}. */
  void read(InputStream in, Handler h) throws IOException {
    byte[] chunk = new byte[1 << 16];
    byte[] buf = new byte[8192];
    int len = 0; // bytes of the current line kept in buf
    long total = 0; // bytes of the current line seen
    long lineNo = 0;
    int n;
    while ((n = in.read(chunk)) >= 0) {
      int from = 0;
      while (from < n) {
        int nl = from;
        while (nl < n && chunk[nl] != '\n') {
          nl++;
        }
        int take = (int) Math.min(nl - from, Math.max(0, maxLineBytes - total));
        if (take > 0) {
          if (len + take > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(maxLineBytes,
                Math.max(len + take, 2L * buf.length)));
          }
          System.arraycopy(chunk, from, buf, len, take);
          len += take;
        }
        total += nl - from;
        if (nl == n) {
          break; // the line goes on in the next chunk
        }
        lineNo++;
        endLine(buf, len, total, lineNo, h);
        if (buf.length > (1 << 20)) {
          buf = new byte[8192]; // do not keep one huge line's buffer for the rest of the file
        }
        len = 0;
        total = 0;
        from = nl + 1;
      }
    }
    if (total > 0) {
      endLine(buf, len, total, lineNo + 1, h);
    }
  }

  private void endLine(byte[] buf, int len, long total, long lineNo, Handler h)
      throws IOException {
    if (total > maxLineBytes) {
      h.error(lineNo, "line longer than the limit of " + limitText() + " (" + total + " bytes)");
    } else {
      line(buf, len, lineNo, h);
    }
  }

  private String limitText() {
    return maxLineBytes >= (1 << 20) ? (maxLineBytes >> 20) + " MiB" : maxLineBytes + " bytes";
  }

  private void line(byte[] buf, int len, long lineNo, Handler h) throws IOException {
    int start = 0;
    if (lineNo == 1 && len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB
        && (buf[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    if (len > start && buf[len - 1] == '\r') {
      len--;
    }
    boolean blank = true;
    for (int i = start; i < len && blank; i++) {
      blank = buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r';
    }
    if (blank) {
      return;
    }
    CharsetDecoder dec = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bb = ByteBuffer.wrap(buf, start, len - start);
    String text;
    try {
      text = dec.decode(bb).toString();
    } catch (CharacterCodingException e) {
      h.error(lineNo, "not valid " + charset.name() + " (bad byte at column "
          + (bb.position() - start + 1) + ")");
      return;
    }
    JsonNode node;
    try (JsonParser p = JSON.createParser(text)) {
      node = JSON.readTree(p);
      if (node == null) {
        h.error(lineNo, "no JSON value");
        return;
      }
      if (p.nextToken() != null) {
        h.error(lineNo, "more than one JSON value on the line");
        return;
      }
    } catch (JsonProcessingException e) {
      h.error(lineNo, "invalid JSON (" + Main.printable(shorten(e.getOriginalMessage())) + ")");
      return;
    }
    if (!node.isObject()) {
      h.error(lineNo, "not a JSON object");
      return;
    }
    h.record(lineNo, (ObjectNode) node);
  }

  private static String shorten(String s) {
    if (s == null) {
      return "unreadable";
    }
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** The default charset of JSON Lines (RFC 8259 requires UTF-8 for JSON exchanged). */
  static final Charset DEFAULT = StandardCharsets.UTF_8;
}
