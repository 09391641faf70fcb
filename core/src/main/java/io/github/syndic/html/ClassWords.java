package io.github.syndic.html;

import io.github.syndic.doc.PageStructure;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Locale;

/**
 * What the words in an element's {@code class} and {@code id} say about it: navigation, related
 * stories, share tools, comments, ads, promotions, legal notices, sidebars, bylines, captions,
 * tags, page headers, or content. The words are the ones publishing systems and front-end kits
 * use (mostly English, also German, French, Spanish, Italian, Polish, Portuguese and Russian
 * transliterations), the same families Readability's and trafilatura's class/id patterns name;
 * the list here is syndic's own.
 *
 * <p>A class name is cut into words at non-letters and at lower-to-upper case changes ({@code
 * relatedPosts} gives {@code related posts}); a word of 8+ letters that is not listed counts when
 * it starts or ends with a listed stem of 4+ letters ({@code sharebar}, {@code postcomments}).
 * Class names that only state a modifier ({@code has-sidebar}, {@code no-comments}) or a
 * taxonomy ({@code tag-politics}, {@code category-news}) are skipped.
 *
 * <p>Stateless and thread-safe.
 */
final class ClassWords {
  private ClassWords() {}

  /** Least length of an unlisted word that is matched by a listed prefix or suffix. */
  static final int MIN_COMPOUND_LENGTH = 8;

  /**
   * Least length of a listed word used as the stem of a compound: 5, so that short words ({@code
   * foot}, {@code side}, {@code post}) match alone only ({@code football} is no footer).
   */
  static final int MIN_STEM_LENGTH = 5;

  /** Least length of the rest of a compound beside its stem ({@code post} in {@code postcomments}). */
  static final int MIN_REST_LENGTH = 3;

  private static final Object2IntOpenHashMap<String> WORDS = new Object2IntOpenHashMap<>();

  /** First words of class names that are modifiers or taxonomy terms, not roles. */
  private static final java.util.Set<String> SKIP_FIRST = java.util.Set.of(
      "has", "is", "with", "no", "not", "show", "hide", "tag", "category", "format", "type",
      "status", "postid", "page", "single", "template", "js", "lang", "layout", "theme", "color",
      "bg", "icon", "fa", "mod", "u", "can", "enable", "enabled", "disable", "disabled");

  private static void put(int bits, String... words) {
    for (String w : words) {
      WORDS.put(w, WORDS.getInt(w) | bits);
    }
  }

  static {
    put(PageStructure.W_NAV, "nav", "navbar", "navigation", "navi", "menu", "menus", "mainmenu",
        "submenu", "megamenu", "breadcrumb", "breadcrumbs", "crumbs", "crumb", "pagination",
        "pager", "paging", "skip", "skiplink", "topnav", "subnav", "dropdown", "hamburger",
        "sitemap", "offcanvas", "drawer", "menue", "nawigacja");
    put(PageStructure.W_RELATED, "related", "recommended", "recommendations", "recommend",
        "morestories", "popular", "trending", "mostread", "readmore",
        "suggested", "similar", "outbrain", "taboola", "yarpp", "relacionados", "relacionadas",
        "correlati", "verwandte", "weitere", "empfehlungen", "empfehlung", "aehnliche",
        "podobne", "pohozhie", "chitaite", "readalso", "seealso", "headlines", "carousel");
    put(PageStructure.W_SHARE, "share", "sharing", "shares", "social", "sociallinks", "follow",
        "toolbar", "tools", "print", "addthis", "sharethis", "facebook", "twitter", "whatsapp",
        "pinterest", "linkedin", "reactions", "bookmark", "teilen", "partager", "compartir",
        "condividi", "udostepnij", "rating", "likes", "sharebar");
    put(PageStructure.W_COMMENT, "comment", "comments", "commentlist", "discussion", "disqus",
        "replies", "respond", "responses", "kommentar", "kommentare", "commentaires",
        "commentaire", "comentarios", "commenti", "komentarze", "kommentarii", "talkback");
    put(PageStructure.W_AD, "ad", "ads", "advert", "adverts", "advertisement", "advertising",
        "adsense", "adslot", "adunit", "adblock", "banner", "banners", "sponsor", "sponsored",
        "sponsors", "promoted", "dfp", "doubleclick", "skyscraper", "billboard", "werbung",
        "anzeige", "anzeigen", "reklama", "publicidad", "publicite", "pubblicita", "commercial");
    put(PageStructure.W_PROMO, "promo", "promotion", "promos", "newsletter", "subscribe",
        "subscription", "signup", "paywall", "cta", "donate", "membership", "abo", "login",
        "register", "registration", "popup", "modal", "overlay", "subskrypcja", "podpiska");
    put(PageStructure.W_LEGAL, "footer", "foot", "copyright", "legal", "cookie", "cookies",
        "consent", "gdpr", "disclaimer", "impressum", "imprint", "privacy", "colophon",
        "pie", "stopka", "podval");
    put(PageStructure.W_SIDEBAR, "sidebar", "side", "aside", "widget", "widgets", "rail",
        "rightrail", "leftrail", "sidebox", "secondary", "marginalia", "seitenleiste");
    put(PageStructure.W_META, "byline", "author", "authors", "dateline", "date", "time",
        "timestamp", "published", "updated", "pubdate", "meta", "metadata", "postmeta",
        "entrymeta", "posted", "kicker", "autor", "autore", "auteur", "avtor", "datum", "fecha",
        "vcard");
    put(PageStructure.W_CAPTION, "caption", "captions", "credit", "credits", "figcaption",
        "legend", "bildunterschrift", "bildtext", "copyrightinfo", "photocredit");
    put(PageStructure.W_TAGS, "tags", "tagcloud", "tagged", "keywords", "topics", "categories",
        "schlagworte", "schlagwoerter", "themen", "etiquetas", "tagi", "tegi", "labels");
    put(PageStructure.W_HEADER, "header", "masthead", "topbar", "branding", "logo", "kopf",
        "cabecera", "naglowek", "shapka");
    put(PageStructure.W_CONTENT, "article", "articlebody", "content", "maincontent", "entry",
        "entrycontent", "post", "postcontent", "postbody", "story", "storybody", "body",
        "text", "main", "prose", "richtext", "artikel", "inhalt", "beitrag", "haupt",
        "artikeltext", "articulo", "articolo", "contenido", "contenu", "contenuto", "tresc",
        "artykul", "statya", "stati", "novost", "materia", "materia", "texto", "testo",
        "fulltext", "bodytext", "copytext");
  }

  /** The furniture bits that win over content words in the same class name. */
  private static final int STRONG = PageStructure.W_NAV | PageStructure.W_RELATED
      | PageStructure.W_SHARE | PageStructure.W_COMMENT | PageStructure.W_AD
      | PageStructure.W_PROMO | PageStructure.W_SIDEBAR;

  /**
   * The class/id word bits of an element with these attribute values (either may be empty).
   * Within one class name, a strong furniture word (navigation, related, share, comment, ad,
   * promotion, sidebar) wins over a content word ({@code comment-content}); otherwise the last
   * word decides ({@code entry-meta} is meta, {@code meta-content} content). Across class names
   * the bits add up.
   */
  static int of(String classAttr, String id) {
    return ofNames(classAttr) | ofName(id);
  }

  private static int ofNames(String classAttr) {
    int bits = 0;
    int n = classAttr.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(classAttr.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < n && !Character.isWhitespace(classAttr.charAt(i))) {
        i++;
      }
      if (i > s) {
        bits |= ofName(classAttr.substring(s, i));
      }
    }
    return bits;
  }

  /** Bits of one class name or id. */
  static int ofName(String name) {
    int n = name.length();
    if (n == 0 || n > 200) {
      return 0;
    }
    int all = 0;
    int last = 0;
    boolean first = true;
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetter(name.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < n && Character.isLetter(name.charAt(i))) {
        // a lower-to-upper change ends a word (relatedPosts)
        if (i > s && Character.isUpperCase(name.charAt(i))
            && Character.isLowerCase(name.charAt(i - 1))) {
          break;
        }
        i++;
      }
      if (i == s) {
        continue;
      }
      String w = name.substring(s, i).toLowerCase(Locale.ROOT);
      if (first && SKIP_FIRST.contains(w)) {
        return 0;
      }
      first = false;
      int b = word(w);
      if (b != 0) {
        all |= b;
        last = b;
      }
    }
    if ((all & PageStructure.W_CONTENT) != 0 && (all & PageStructure.W_FURNITURE) != 0) {
      return (all & STRONG) != 0 ? all & STRONG : last;
    }
    return all;
  }

  private static int word(String w) {
    int b = WORDS.getInt(w);
    if (b != 0 || w.length() < MIN_COMPOUND_LENGTH) {
      return b;
    }
    // the longest listed stem at either end decides (postcomments: comments, not post)
    for (int k = w.length() - MIN_REST_LENGTH; k >= MIN_STEM_LENGTH; k--) {
      int p = WORDS.getInt(w.substring(0, k));
      int q = WORDS.getInt(w.substring(w.length() - k));
      if (q != 0) {
        return q;
      }
      if (p != 0) {
        return p;
      }
    }
    return 0;
  }
}
