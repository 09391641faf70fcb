package io.github.syndic.html;

import io.github.syndic.doc.PageMetadata;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Reads a page's metadata: {@code <title>}, Open Graph and article meta tags, JSON-LD ({@code
 * headline}, {@code datePublished}, {@code author.name}), {@code <time datetime>} and {@code
 * <html lang>}.
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlMetadata {
  private HtmlMetadata() {}

  /** Longest metadata value kept, in chars (a longer one is cut): a headline or name is far shorter. */
  static final int MAX_VALUE_CHARS = 1000;

  /** Longest JSON-LD script scanned, in chars; the fields wanted come near its start. */
  static final int MAX_JSON_LD_CHARS = 200_000;

  /** True for the elements {@link #read} looks at: meta, JSON-LD scripts, timed elements. */
  static boolean wanted(Element e, String tag) {
    return tag.equals("meta") || tag.equals("title")
        || (tag.equals("script") && e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json"))
        || (tag.equals("time") && e.hasAttr("datetime"));
  }

  /**
   * The metadata of a page from its {@code <html>} element and the {@link #wanted} elements, in
   * document order.
   */
  static PageMetadata read(Element html, java.util.List<Element> wanted) {
    String ogTitle = null;
    String docTitle = null;
    String timeDate = null;
    java.util.List<Element> metas = new java.util.ArrayList<>();
    java.util.List<Element> scripts = new java.util.ArrayList<>();
    for (Element e : wanted) {
      switch (e.normalName()) {
        case "meta" -> metas.add(e);
        case "script" -> scripts.add(e);
        case "title" -> docTitle = docTitle == null ? e.text() : docTitle;
        default -> timeDate = timeDate == null ? e.attr("datetime") : timeDate;
      }
    }
    return read(html, metas, scripts, docTitle, timeDate);
  }

  private static PageMetadata read(Element htmlElement, java.util.List<Element> metaElements,
      java.util.List<Element> ldScripts, String docTitle, String timeDate) {
    String ogTitle = null;
    String date = null;
    String author = null;
    String lang = null;
    String site = null;
    String description = null;
    String ogDescription = null;
    String locale = null;
    for (Element m : metaElements) {
      String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name")
          : m.hasAttr("itemprop") ? m.attr("itemprop") : m.attr("http-equiv");
      String content = m.attr("content");
      if (key.isEmpty() || content.isBlank()) {
        continue;
      }
      switch (key.toLowerCase(Locale.ROOT)) {
        case "og:title", "twitter:title" -> ogTitle = first(ogTitle, content);
        case "article:published_time", "datepublished", "date", "pubdate", "publishdate",
            "dc.date", "dc.date.issued", "dcterms.date", "sailthru.date", "parsely-pub-date" ->
            date = first(date, content);
        case "author", "article:author", "dc.creator", "byl", "parsely-author" ->
            author = first(author, content);
        case "content-language" -> lang = first(lang, content);
        case "og:locale" -> locale = first(locale, content);
        case "og:site_name" -> site = first(site, content);
        case "og:description" -> ogDescription = first(ogDescription, content);
        case "description" -> description = first(description, content);
        default -> { }
      }
    }
    String headline = null;
    for (Element s : ldScripts) {
      String json = s.data();
      if (json.length() > MAX_JSON_LD_CHARS) {
        json = json.substring(0, MAX_JSON_LD_CHARS);
      }
      headline = first(headline, JsonScan.string(json, "headline", 0));
      date = first(date, JsonScan.string(json, "datePublished", 0));
      int a = JsonScan.keyValueStart(json, "author", 0);
      if (a >= 0) {
        author = first(author, json.charAt(a) == '"' ? JsonScan.string(json, "author", 0)
            : JsonScan.string(json, "name", a));
      }
    }
    if (date == null) {
      date = timeDate;
    }
    Element html = htmlElement;
    if (html != null) {
      String l = html.attr("lang");
      if (l.isBlank()) {
        l = html.attr("xml:lang");
      }
      if (!l.isBlank()) {
        lang = l;
      }
    }
    String title = first(first(headline, ogTitle), docTitle);
    return new PageMetadata(clean(title), clean(date), clean(author), clean(first(lang, locale)),
        clean(site), clean(first(ogDescription, description)));
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip().replaceAll("\\s+", " ");
    if (t.isEmpty()) {
      return null;
    }
    return t.length() > MAX_VALUE_CHARS ? t.substring(0, MAX_VALUE_CHARS) : t;
  }
}
