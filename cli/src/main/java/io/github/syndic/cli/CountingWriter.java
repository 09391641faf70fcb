package io.github.syndic.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes chars on and counts the UTF-8 bytes they make (a surrogate pair: 4), so that a summary
 * reports what was written, not what was meant to be. Not thread-safe.
 */
final class CountingWriter extends Writer {
  private final Writer out;
  private long bytes;

  CountingWriter(Writer out) {
    this.out = out;
  }

  long bytes() {
    return bytes;
  }

  @Override
  public void write(char[] c, int off, int len) throws IOException {
    out.write(c, off, len);
    for (int i = off; i < off + len; i++) {
      bytes += utf8(c[i]);
    }
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    out.write(s, off, len);
    for (int i = off; i < off + len; i++) {
      bytes += utf8(s.charAt(i));
    }
  }

  @Override
  public void write(int c) throws IOException {
    out.write(c);
    bytes += utf8((char) c);
  }

  /** UTF-8 bytes of one char; each half of a surrogate pair counts 2 (the pair 4). */
  private static int utf8(char c) {
    return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Flushes; the writer below stays open (it belongs to the caller). */
  @Override
  public void close() throws IOException {
    out.flush();
  }
}
