package io.github.syndic.html;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.PageMetadata;
import io.github.syndic.doc.PageStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads an HTML page into blocks with jsoup: one block per run of text inside a block-level
 * element (a paragraph, heading, list item, table cell, a {@code <div>} holding text...), in
 * document order; {@code <br>} and line breaks inside {@code <pre>} also end a block. White space
 * is collapsed as a browser does. Script, style, noscript, template, SVG, embedded objects, form
 * controls, closed dialogs and hidden elements ({@code hidden}, {@code aria-hidden="true"}, {@code
 * display:none}, {@code visibility:hidden}, screen-reader-only classes) give no text.
 *
 * <p>Hostile input: jsoup never fails on malformed HTML (unclosed tags, stray bytes); nesting
 * deeper than {@link #MAX_DEPTH} is flattened by the parser (the deeper elements become
 * siblings), and the walk is iterative, so no input overflows the stack.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReader {
  private HtmlReader() {}

  /**
   * Deepest element nesting the parser builds (jsoup's own default): real pages stay far below
   * (the AEB and trafilatura pages: under 60); deeper elements are attached at this depth.
   */
  public static final int MAX_DEPTH = 512;

  private static final Set<String> SKIPPED = Set.of(
      "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
      "canvas", "video", "audio", "map", "head", "title", "meta", "link", "select", "option",
      "optgroup", "datalist", "button", "input", "textarea", "frameset", "frame", "param",
      "source", "track", "picture", "img");

  private static final Set<String> INLINE = Set.of(
      "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i",
      "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
      "wbr", "label", "tt", "strike", "nobr", "ins", "del", "acronym", "output", "meter",
      "progress", "ruby", "rt", "rp", "blink", "marquee");

  /** Classes whose text only screen readers get. */
  private static final Set<String> SCREEN_READER = Set.of(
      "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only",
      "element-invisible", "hidden-visually", "a11y-hidden", "u-hidden-visually");

  /** Reads {@code html}; {@code baseUri} (may be empty) resolves relative links. */
  public static HtmlDocument read(String html, String baseUri) {
    Parser parser = Parser.htmlParser().setTrackPosition(true).setMaxDepth(MAX_DEPTH);
    Document doc = parser.parseInput(html == null ? "" : html, baseUri == null ? "" : baseUri);
    return read(doc);
  }

  /** Reads a parsed document (parsed with position tracking for source offsets). */
  static HtmlDocument read(Document doc) {
    Walker w = new Walker();
    Element root = doc.body() != null ? doc.body() : doc;
    Element head = doc.head();
    if (head != null && root != doc) {
      for (Element e : head.getAllElements()) {
        if (HtmlMetadata.wanted(e, e.normalName())) {
          w.wanted.add(e);
        }
      }
    }
    NodeTraversor.filter(w, root);
    w.flush();
    PageMetadata meta = HtmlMetadata.read(doc.selectFirst("html"), w.wanted);
    return new HtmlDocument(w.text.toString(), w.blocks, w.structure.build(), meta);
  }

  /** True when the element gives no text. */
  static boolean hidden(Element e) {
    if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty() && (containsIgnoreCase(style, "none")
        || containsIgnoreCase(style, "hidden"))) {
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (s.contains("display:none") || s.contains("visibility:hidden")) {
        return true;
      }
    }
    String cls = e.className();
    int n = cls.length();
    for (int i = 0; i < n; ) {
      while (i < n && Character.isWhitespace(cls.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(cls.charAt(i))) {
        i++;
      }
      // screen-reader class names are 7-20 chars: test only those
      if (i - start >= 6 && i - start <= 20
          && SCREEN_READER.contains(cls.substring(start, i).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsIgnoreCase(String s, String lower) {
    int m = lower.length();
    for (int i = 0; i + m <= s.length(); i++) {
      if (s.regionMatches(true, i, lower, 0, m)) {
        return true;
      }
    }
    return false;
  }

  /** Role bits of an element from its tag, role and itemprop. */
  static int roleFlags(Element e, String tag) {
    int f = switch (tag) {
      case "nav" -> PageStructure.NAV;
      case "aside" -> PageStructure.ASIDE;
      case "footer" -> PageStructure.FOOTER;
      case "header" -> PageStructure.HEADER;
      case "form" -> PageStructure.FORM;
      case "article", "main" -> PageStructure.ARTICLE;
      case "li", "dd", "dt" -> PageStructure.LIST_ITEM;
      case "ul", "ol", "dl", "menu" -> PageStructure.LIST;
      case "td", "th" -> PageStructure.TABLE_CELL;
      case "table" -> PageStructure.TABLE;
      case "figure", "figcaption", "caption" -> PageStructure.FIGURE;
      case "h1", "h2", "h3", "h4", "h5", "h6" -> PageStructure.HEADING;
      case "blockquote" -> PageStructure.QUOTE;
      case "pre" -> PageStructure.PRE;
      case "p" -> PageStructure.PARAGRAPH;
      case "address" -> PageStructure.ADDRESS;
      default -> 0;
    };
    String role = e.attr("role");
    if (!role.isEmpty()) {
      switch (role.toLowerCase(Locale.ROOT)) {
        case "navigation", "menu", "menubar" -> f |= PageStructure.NAV;
        case "complementary" -> f |= PageStructure.ASIDE;
        case "contentinfo" -> f |= PageStructure.FOOTER;
        case "banner" -> f |= PageStructure.HEADER;
        case "main", "article" -> f |= PageStructure.ARTICLE;
        default -> { }
      }
    }
    String itemprop = e.attr("itemprop");
    if (!itemprop.isEmpty()) {
      String p = itemprop.toLowerCase(Locale.ROOT);
      if (p.contains("articlebody") || p.equals("text") || p.equals("reviewbody")) {
        f |= PageStructure.ARTICLE | PageStructure.W_CONTENT;
      } else if (p.equals("author") || p.startsWith("date") || p.equals("publisher")) {
        f |= PageStructure.W_META;
      }
    }
    return f;
  }

  private static String label(Element e, String tag) {
    StringBuilder sb = new StringBuilder(tag);
    String id = e.id();
    if (!id.isEmpty() && id.length() <= 40 && id.indexOf(' ') < 0) {
      sb.append('#').append(id);
    }
    String cls = e.className().strip();
    if (!cls.isEmpty()) {
      int sp = 0;
      while (sp < cls.length() && !Character.isWhitespace(cls.charAt(sp))) {
        sp++;
      }
      if (sp <= 40) {
        sb.append('.').append(cls, 0, sp);
      }
    }
    return sb.toString();
  }

  /** The walk: collects text into the current block, cuts blocks at block-level boundaries. */
  private static final class Walker implements NodeFilter {
    final PageStructure.Builder structure = new PageStructure.Builder();
    final StringBuilder text = new StringBuilder();
    final List<Block> blocks = new ArrayList<>();
    /** Open block-level elements: element number and heading level. */
    int[] stack = new int[64];
    int[] headings = new int[64];
    int depth;
    int linkDepth;
    int preDepth;
    // the current block
    int blockStart = 0;
    boolean lastSpace = true;
    int visible;
    int linkVisible;
    int sourceStart = -1;
    int sourceEnd = -1;

    /** Elements the metadata reads, in document order. */
    final List<Element> wanted = new ArrayList<>();

    /** Class words by class attribute: pages repeat the same few hundred class attributes. */
    final it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String> classCache =
        new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<>();

    int classWords(String cls) {
      if (cls.isEmpty()) {
        return 0;
      }
      int v = classCache.getOrDefault(cls, -1);
      if (v < 0) {
        v = ClassWords.of(cls, "");
        classCache.put(cls, v);
      }
      return v;
    }

    void push(int element, int heading) {
      if (depth == stack.length) {
        stack = java.util.Arrays.copyOf(stack, depth * 2);
        headings = java.util.Arrays.copyOf(headings, depth * 2);
      }
      stack[depth] = element;
      headings[depth] = heading;
      depth++;
    }

    @Override
    public FilterResult head(Node node, int d) {
      if (node instanceof TextNode t) {
        append(t);
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element e)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      String tag = e.normalName();
      boolean attributes = e.attributesSize() > 0;
      if (attributes && HtmlMetadata.wanted(e, tag)) {
        wanted.add(e);
      } else if (tag.equals("title")) {
        wanted.add(e);
      }
      if (SKIPPED.contains(tag) || (attributes
          && ((tag.equals("dialog") && !e.hasAttr("open")) || hidden(e)))) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (tag.equals("dialog") && !attributes) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (tag.equals("br") || tag.equals("hr")) {
        flush();
        return FilterResult.CONTINUE;
      }
      if (INLINE.contains(tag)) {
        if (tag.equals("a")) {
          linkDepth++;
        }
        return FilterResult.CONTINUE;
      }
      flush();
      int flags = attributes
          ? roleFlags(e, tag) | classWords(e.className()) | ClassWords.ofName(e.id())
          : roleFlags(e, tag);
      int heading = tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1'
          && tag.charAt(1) <= '6' ? tag.charAt(1) - '0' : depth == 0 ? 0 : headings[depth - 1];
      if (depth == 0) {
        // the root's class words describe the whole page (a template, a layout), not a part
        flags &= ~(PageStructure.W_FURNITURE | PageStructure.W_CONTENT);
      }
      push(structure.element(depth == 0 ? -1 : stack[depth - 1], flags,
          attributes ? label(e, tag) : tag), heading);
      if (tag.equals("pre")) {
        preDepth++;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int d) {
      if (!(node instanceof Element e)) {
        return FilterResult.CONTINUE;
      }
      String tag = e.normalName();
      if (INLINE.contains(tag)) {
        if (tag.equals("a")) {
          linkDepth--;
        }
        return FilterResult.CONTINUE;
      }
      if (tag.equals("br") || tag.equals("hr")) {
        return FilterResult.CONTINUE;
      }
      flush();
      if (tag.equals("pre")) {
        preDepth--;
      }
      if (depth > 0) {
        depth--;
      }
      return FilterResult.CONTINUE;
    }

    private void append(TextNode t) {
      String s = t.getWholeText();
      int n = s.length();
      boolean any = false;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c == '\n' && preDepth > 0) {
          flush();
          continue;
        }
        if (c <= ' ' || c == '\u00A0' || c == '\u200B' || c == '\uFEFF' || c == '\u3000'
            || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
            || c == '\u0085') {
          if (!lastSpace) {
            text.append(' ');
            lastSpace = true;
          }
          continue;
        }
        text.append(c);
        lastSpace = false;
        any = true;
        if (Character.getType(c) != Character.FORMAT) {
          visible++;
          if (linkDepth > 0) {
            linkVisible++;
          }
        }
      }
      if (any) {
        org.jsoup.nodes.Range r = t.sourceRange();
        if (r.isTracked()) {
          if (sourceStart < 0) {
            sourceStart = r.startPos();
          }
          sourceEnd = r.endPos();
        }
      }
    }

    void flush() {
      int len = text.length();
      if (len > blockStart && text.charAt(len - 1) == ' ') {
        text.setLength(--len);
      }
      if (visible > 0) {
        int start = blockStart;
        if (text.charAt(start) == ' ') {
          start++;
        }
        String s = text.substring(start, len);
        blocks.add(new Block(blocks.size(), blocks.size() + 1, start, len, s));
        structure.block(stack[depth - 1], linkVisible, visible, headings[depth - 1],
            sourceStart, sourceEnd);
        text.append('\n');
      } else {
        text.setLength(blockStart);
      }
      blockStart = text.length();
      lastSpace = true;
      visible = 0;
      linkVisible = 0;
      sourceStart = -1;
      sourceEnd = -1;
    }
  }
}
