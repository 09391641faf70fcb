package io.github.syndic.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.PageStructure;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReaderTest {
  private static List<String> texts(HtmlDocument d) {
    return d.blocks().stream().map(Block::text).toList();
  }

  @Test
  void oneBlockPerBlockElementWithCollapsedSpace() {
    HtmlDocument d = HtmlReader.read("<html><body><div>Intro <b>bold</b>\n  text"
        + "<p>First   para<br>second line</p><ul><li>one</li><li><a href=x>two</a></li></ul>"
        + "tail</div></body></html>", "");
    assertEquals(List.of("Intro bold text", "First para", "second line", "one", "two", "tail"),
        texts(d));
    assertEquals("Intro bold text\nFirst para\nsecond line\none\ntwo\ntail\n", d.text());
    for (Block b : d.blocks()) {
      assertEquals(b.text(), d.text().substring(b.start(), b.end()));
      assertEquals(b.index() + 1, b.line());
    }
    PageStructure s = d.structure();
    assertEquals(1.0, s.linkDensity(4));
    assertEquals(0.0, s.linkDensity(3));
    assertEquals("body>div>ul>li", s.tagPath(4));
    assertTrue((s.inheritedFlags(s.element(3)) & PageStructure.LIST_ITEM) != 0);
  }

  @Test
  void scriptsStylesAndHiddenElementsGiveNoText() {
    HtmlDocument d = HtmlReader.read("<body><script>var x = 'code';</script><style>p{}</style>"
        + "<noscript>enable js</noscript><template><p>tpl</p></template>"
        + "<div hidden>h1</div><div style='display: none'>h2</div><div aria-hidden=true>h3</div>"
        + "<span class=sr-only>h4</span><p>visible</p><button>Click</button>"
        + "<svg><text>svg text</text></svg></body>", "");
    assertEquals(List.of("visible"), texts(d));
  }

  @Test
  void preKeepsItsLines() {
    HtmlDocument d = HtmlReader.read("<pre>line one\nline two\n\nline four</pre>", "");
    assertEquals(List.of("line one", "line two", "line four"), texts(d));
  }

  @Test
  void structureFlagsAndSourceOffsets() {
    String html = "<body><nav class=menu><a href=/>Home</a></nav>"
        + "<article><h2>Sub head</h2><p>Body text.</p></article>"
        + "<div id=comments><p>A comment.</p></div><footer>Copyright</footer></body>";
    HtmlDocument d = HtmlReader.read(html, "");
    PageStructure s = d.structure();
    assertEquals(List.of("Home", "Sub head", "Body text.", "A comment.", "Copyright"), texts(d));
    assertTrue((s.flags(s.element(0)) & PageStructure.NAV) != 0);
    assertTrue((s.flags(s.element(0)) & PageStructure.W_NAV) != 0);
    assertEquals(2, s.headingLevel(1));
    assertEquals(0, s.headingLevel(2));
    assertTrue((s.inheritedFlags(s.element(2)) & PageStructure.ARTICLE) != 0);
    assertTrue((s.inheritedFlags(s.element(3)) & PageStructure.W_COMMENT) != 0);
    assertTrue((s.flags(s.element(4)) & PageStructure.FOOTER) != 0);
    assertEquals("Body text.", html.substring(s.sourceStart(2), s.sourceEnd(2)));
  }

  @Test
  void metadataFromTagsAndJsonLd() {
    HtmlDocument d = HtmlReader.read("<html lang=de><head><title>Site | Story</title>"
        + "<meta property='og:title' content='OG story'>"
        + "<meta property='article:published_time' content='2024-05-01T10:00:00Z'>"
        + "<meta property='og:site_name' content='Site'>"
        + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"
        + "\"The \\\"real\\\" headline\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Lee\"}}"
        + "</script></head><body><p>x</p></body></html>", "");
    assertEquals("The \"real\" headline", d.metadata().title());
    assertEquals("2024-05-01T10:00:00Z", d.metadata().date());
    assertEquals("Ann Lee", d.metadata().author());
    assertEquals("de", d.metadata().lang());
    assertEquals("Site", d.metadata().siteName());
    HtmlDocument bare = HtmlReader.read("<p>no head</p>", "");
    assertNull(bare.metadata().title());
    assertTrue(bare.metadata().isEmpty());
  }

  @Test
  void deepNestingIsFlattenedNotOverflowed() {
    int depth = 100_000;
    StringBuilder sb = new StringBuilder();
    sb.append("<div>".repeat(depth)).append("deep text").append("</div>".repeat(depth));
    HtmlDocument d = HtmlReader.read(sb.toString(), "");
    assertEquals(List.of("deep text"), texts(d));
    assertTrue(d.structure().elements() <= depth + 2);
  }

  @Test
  void classWordsSplitCompoundsAndSkipModifiers() {
    assertTrue((ClassWords.ofName("relatedPosts") & PageStructure.W_RELATED) != 0);
    assertTrue((ClassWords.ofName("postcomments") & PageStructure.W_COMMENT) != 0);
    assertEquals(PageStructure.W_COMMENT, ClassWords.ofName("comment-content"));
    assertEquals(PageStructure.W_CONTENT, ClassWords.ofName("entry-content"));
    assertEquals(PageStructure.W_META, ClassWords.ofName("entry-meta"));
    assertEquals(0, ClassWords.ofName("has-sidebar"));
    assertEquals(0, ClassWords.ofName("tag-politics"));
    assertEquals(0, ClassWords.ofName("football"));
  }

  @Test
  void charsetFromBomMetaAndBytes() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>'};
    assertEquals(StandardCharsets.UTF_8, HtmlCharset.detect(bom));
    assertEquals("<p>", HtmlCharset.decode(bom, null));
    byte[] meta = "<meta charset=\"windows-1251\"><p>\u00e9</p>".getBytes(StandardCharsets.UTF_8);
    assertEquals(Charset.forName("windows-1251"), HtmlCharset.detect(meta));
    byte[] httpEquiv = ("<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>")
        .getBytes(StandardCharsets.US_ASCII);
    assertEquals(Charset.forName("windows-1252"), HtmlCharset.detect(httpEquiv));
    String russian = "<p>Привет, как дела? Это обычный русский текст о погоде.</p>";
    assertEquals(StandardCharsets.UTF_8,
        HtmlCharset.detect(russian.getBytes(StandardCharsets.UTF_8)));
    Charset cp1251 = Charset.forName("windows-1251");
    assertEquals(cp1251, HtmlCharset.detect(russian.getBytes(cp1251)));
    assertEquals(russian, HtmlCharset.decode(russian.getBytes(cp1251), null));
    Charset koi = Charset.forName("KOI8-R");
    assertEquals(koi, HtmlCharset.detect(russian.getBytes(koi)));
    String french = "<p>Le café était très animé ce matin-là, près de la gare.</p>";
    assertEquals(Charset.forName("windows-1252"),
        HtmlCharset.detect(french.getBytes(StandardCharsets.ISO_8859_1)));
    // an explicit charset wins over the declaration
    assertEquals("<meta charset=\"windows-1251\"><p>\u00e9</p>",
        HtmlCharset.decode(meta, StandardCharsets.UTF_8));
    assertFalse(HtmlCharset.validUtf8(new byte[] {(byte) 0xC3}));
  }
}
