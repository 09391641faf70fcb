package io.github.syndic.html;

import io.github.syndic.doc.PageMetadata;
import java.util.Locale;
import org.jsoup.nodes.Document;
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

  static PageMetadata read(Document doc) {
    String ogTitle = null;
    String date = null;
    String author = null;
    String lang = null;
    String site = null;
    String description = null;
    String ogDescription = null;
    String locale = null;
    for (Element m : doc.getElementsByTag("meta")) {
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
    for (Element s : doc.select("script[type=application/ld+json]")) {
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
      Element t = doc.selectFirst("time[datetime]");
      if (t != null) {
        date = t.attr("datetime");
      }
    }
    Element html = doc.selectFirst("html");
    if (html != null) {
      String l = html.attr("lang");
      if (l.isBlank()) {
        l = html.attr("xml:lang");
      }
      if (!l.isBlank()) {
        lang = l;
      }
    }
    String title = first(first(headline, ogTitle), doc.title());
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
