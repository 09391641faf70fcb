package io.github.syndic.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocFilesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void documentNamesAreTextAndHtmlFilesCaseSensitiveAsTheGlobs() {
    assertTrue(DocFiles.isDocumentName("a.txt"));
    assertTrue(DocFiles.isDocumentName("a.html"));
    assertTrue(DocFiles.isDocumentName("a.htm"));
    assertFalse(DocFiles.isDocumentName("a.TXT"));
    assertFalse(DocFiles.isDocumentName("a.jsonl"));
    assertFalse(DocFiles.isDocumentName("a.txt.bak"));
  }

  @Test
  void theIdIsTheNameWithoutItsLastExtension() {
    assertEquals("story-1", DocFiles.id("story-1.txt"));
    assertEquals("a.b", DocFiles.id("a.b.html"));
    assertEquals("", DocFiles.id(".txt"));
    assertEquals("plain", DocFiles.id("plain"));
    assertTrue(DocIds.problem(DocFiles.id(".html")) != null, "an empty id is refused");
  }

  @Test
  void htmlByNameInAnyCase() {
    assertTrue(DocFiles.isHtml("PAGE.HTM", utf8("plain words")));
    assertTrue(DocFiles.isHtml("p.xhtml", utf8("plain words")));
    assertFalse(DocFiles.isHtml("p.txt", utf8("plain words <html> later")));
  }

  @Test
  void htmlByContentAfterABomAndWhiteSpace() {
    assertTrue(DocFiles.looksLikeHtml(utf8("\uFEFF \n<!DOCTYPE html><p>x")));
    assertTrue(DocFiles.looksLikeHtml(utf8("<!-- saved --><html lang=ar>")));
    assertTrue(DocFiles.looksLikeHtml(utf8("<meta charset=utf-8><body>")));
    assertFalse(DocFiles.looksLikeHtml(utf8("a <b>bold</b> remark in a text")));
    assertFalse(DocFiles.looksLikeHtml(utf8("<p>a fragment without a page around it")));
  }

  @Test
  void htmlOpeningBeyondTheSniffedBytesIsNotSeen() {
    String late = "<" + " ".repeat(DocFiles.SNIFF_BYTES) + "<html>";
    assertFalse(DocFiles.looksLikeHtml(utf8(late)));
  }

  @Test
  void aUtf16ByteOrderMarkWinsOverUtf8() {
    byte[] le = "\uFEFFnews".getBytes(StandardCharsets.UTF_16LE);
    byte[] be = "\uFEFFnews".getBytes(StandardCharsets.UTF_16BE);
    assertEquals("news", DocFiles.decode(le, StandardCharsets.UTF_8));
    assertEquals("news", DocFiles.decode(be, StandardCharsets.UTF_8));
  }

  @Test
  void aUtf8ByteOrderMarkIsDropped() {
    assertEquals("x", DocFiles.decode(utf8("\uFEFFx"), StandardCharsets.UTF_8));
  }

  @Test
  void aNulByteMeansBinaryExceptInWideCharsets() {
    DocFiles.BadBytesException e = assertThrows(DocFiles.BadBytesException.class,
        () -> DocFiles.decode(new byte[] {'a', 0, 'b'}, StandardCharsets.UTF_8));
    assertEquals("binary file (NUL byte at offset 1)", e.getMessage());
    assertEquals("a", DocFiles.decode(new byte[] {'a', 0}, StandardCharsets.UTF_16LE));
  }

  @Test
  void malformedBytesAreRefusedWithTheirOffset() {
    DocFiles.BadBytesException e = assertThrows(DocFiles.BadBytesException.class,
        () -> DocFiles.decode(new byte[] {'o', 'k', (byte) 0xC3, '(', 'x'},
            StandardCharsets.UTF_8));
    assertEquals("not valid UTF-8 (bad byte sequence at offset 2)", e.getMessage());
    assertEquals("caf\u00e9", DocFiles.decode(new byte[] {'c', 'a', 'f', (byte) 0xE9},
        Charset.forName("ISO-8859-1")));
  }
}
