package io.github.syndic.boilerplate;

import io.github.syndic.doc.PageStructure;
import io.github.syndic.doc.RemovalKind;

/**
 * The boilerplate rules that read an HTML page's structure ({@link PageStructure}): which
 * element holds the article, and which parts inside it are furniture.
 *
 * <ol>
 *   <li>Each block weighs its words when it is running text (as the page layout counts it) with
 *       under {@link #MAX_TEXT_LINK_DENSITY} of its chars in links, else a penalty from
 *       {@link #SHORT_PENALTY} (no links) to {@link #BLOCK_PENALTY} (mostly links).
 *   <li>Furniture elements: {@code <nav>}, {@code <aside>}, {@code <header>}, {@code <footer>}
 *       (or their ARIA roles) and elements whose class/id words name navigation, related
 *       stories, share tools, comments, ads, promotions, legal notices, sidebars, bylines,
 *       captions or tags; unless they hold a large share of the page's running text (then the
 *       name is a misnomer, e.g. a wrapper called {@code content-with-sidebar}; never for a list,
 *       which wraps no article). A header, or an
 *       element named as one, holding running text is the article's header (its lead), no
 *       furniture.
 *   <li>The article is the element whose subtree weighs most, where a block under a furniture
 *       element inside the candidate weighs against it (a tree version of the page layout's
 *       densest region; Readability and boilerpipe score containers in a similar spirit); its
 *       siblings that weigh at least {@link #SIBLING_SHARE} of it join it (an article split into
 *       sibling containers), and so do sibling paragraphs of running text. An {@code
 *       <article>}/{@code <main>} element elsewhere on the page holding at least {@link
 *       #PROMOTE_SHARE} of the best element's running text (not counting furniture inside
 *       either) is the article instead: a share bar or related box inside the article costs it
 *       weight, while a list of teasers with summaries weighs as text. A list or table that
 *       wins while its parent holds more running text than it gives way to the parent. The
 *       nearest {@code <article>}/{@code <main>} around the best element is the article: the
 *       page's own mark of its main content (HTML's definition of both elements), whatever its
 *       menus and short lines cost it. The running text just before the article (its lead,
 *       {@link ArticleLead}) joins it.
 *   <li>Blocks outside the article, under furniture inside it, in figures, or made mostly of
 *       links are removed, each with the element that decided it.
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
final class StructureRules {
  private StructureRules() {}

  /** A block with this share of its chars in links or more is not running text (jusText: 0.2-0.5). */
  static final double MAX_TEXT_LINK_DENSITY = 0.5;

  /**
   * Weight a block that is not running text subtracts from its containers: the page layout's
   * {@link PageLayout#PAGE_LINE_PENALTY} (a short line costs as much as a sentence of
   * running text earns).
   */
  static final int BLOCK_PENALTY = PageLayout.PAGE_LINE_PENALTY;

  /**
   * Weight a short block without links subtracts (a table cell, a list item, a sub-heading, a
   * date): 1, rising to {@link #BLOCK_PENALTY} as its link density reaches {@link
   * #MAX_TEXT_LINK_DENSITY}. Measured on the AEB pages (dev), 2026-12-07: 1 scored F1 .961, 3
   * .959, 10 (every short block as a menu item) .959 and lost the articles made of tables.
   */
  static final int SHORT_PENALTY = 1;

  /**
   * Least blocks of an element that can be the article: 2, so that one long paragraph never
   * wins over the container of the article it belongs to.
   */
  static final int MIN_ARTICLE_BLOCKS = 2;

  /**
   * A furniture-named element holding at least this share of the page's running-text words is
   * not furniture (a misnamed wrapper): half, so that it holds more than all the rest.
   */
  static final double FURNITURE_MAX_SHARE = 0.5;

  /**
   * An element named both as content and as furniture (in different class names, e.g. {@code
   * post comments-open}) is furniture only when it holds less than this share of the running
   * text.
   */
  static final double MIXED_FURNITURE_MAX_SHARE = 0.2;

  /** A sibling of the article element weighing this share of it joins the article (Readability: 0.2). */
  static final double SIBLING_SHARE = 0.2;

  /** Least weight of a sibling that joins the article: one long paragraph. */
  static final int SIBLING_MIN_WEIGHT = 25;

  /**
   * An {@code <article>} or {@code <main>} element elsewhere on the page (not around the
   * best-weighing element) becomes the article when it holds at least this share of the best
   * element's running text: half, so that a marked article beside a longer list of teasers with
   * summaries still wins.
   */
  static final double PROMOTE_SHARE = 0.5;

  /**
   * Elements that hold text rather than other blocks (a paragraph, a heading, a list item...):
   * never the article themselves, only part of it (a paragraph cut by {@code <br>} into several
   * blocks would otherwise win over the article that holds it).
   */
  private static final int LEAF_ROLES = PageStructure.PARAGRAPH | PageStructure.HEADING
      | PageStructure.LIST_ITEM | PageStructure.PRE | PageStructure.QUOTE | PageStructure.ADDRESS
      | PageStructure.FIGURE | PageStructure.TABLE_CELL;

  /** Role bits that make an element furniture. */
  private static final int FURNITURE_ROLES = PageStructure.NAV | PageStructure.ASIDE
      | PageStructure.FOOTER | PageStructure.HEADER;

  /** Roles that make an element furniture even on a page without running text. */
  private static final int NO_TEXT_FURNITURE_ROLES = PageStructure.NAV | PageStructure.ASIDE
      | PageStructure.FOOTER;

  /** What the rules decided, per block of the subset given: null kind = kept. */
  static final class Verdicts {
    final RemovalKind[] kind;
    final Rule[] rule;
    final String[] reason;
    /** Per block, the outermost furniture element it lies in below the article; -1 for none. */
    final int[] furniture;

    Verdicts(int n) {
      kind = new RemovalKind[n];
      rule = new Rule[n];
      reason = new String[n];
      furniture = new int[n];
      java.util.Arrays.fill(furniture, -1);
    }
  }

  /**
   * Judges blocks of a page.
   *
   * @param s the page's structure
   * @param blockIndex per block of the subset, its {@code Block#index()}
   * @param words per block, its word count
   * @param running per block, whether it reads as running text (and is not labelled yet)
   */
  static Verdicts judge(PageStructure s, int[] blockIndex, int[] words, boolean[] running) {
    int n = blockIndex.length;
    int elements = s.elements();
    Verdicts v = new Verdicts(n);
    if (n == 0 || elements == 0) {
      return v;
    }
    int[] weight = new int[n];
    double[] linkDensity = new double[n];
    long[] goodWords = new long[elements];
    for (int i = 0; i < n; i++) {
      linkDensity[i] = s.linkDensity(blockIndex[i]);
      if (running[i] && linkDensity[i] < MAX_TEXT_LINK_DENSITY) {
        weight[i] = Math.max(1, (int) Math.round(words[i] * (1 - linkDensity[i])));
        goodWords[s.element(blockIndex[i])] += weight[i];
      } else {
        double links = Math.min(1, linkDensity[i] / MAX_TEXT_LINK_DENSITY);
        weight[i] = -(int) Math.round(SHORT_PENALTY + (BLOCK_PENALTY - SHORT_PENALTY) * links);
      }
    }
    // subtree sums: a parent's number is always smaller than its child's
    for (int e = elements - 1; e > 0; e--) {
      int p = s.parent(e);
      if (p >= 0) {
        goodWords[p] += goodWords[e];
      }
    }
    long total = 0;
    for (int e = 0; e < elements; e++) {
      if (s.parent(e) < 0) {
        total += goodWords[e];
      }
    }
    int[] furniture = new int[elements];
    boolean[] inArticleElement = new boolean[elements];
    for (int e = 0; e < elements; e++) {
      int p = s.parent(e);
      inArticleElement[e] = p >= 0 && (inArticleElement[p]
          || (s.flags(p) & PageStructure.ARTICLE) != 0);
      int flags = s.flags(e);
      if (inArticleElement[e] || goodWords[e] > 0) {
        // the article's own header (headline, byline, lead), or one holding running text,
        // whether it is a <header> or only named so
        flags &= ~(PageStructure.HEADER | PageStructure.W_HEADER);
      }
      furniture[e] = furnitureBits(flags, goodWords[e], total);
    }
    // subtree weights, each block counted against the containers above a furniture element
    long[] score = new long[elements];
    long[] text = new long[elements];
    int[] blocksIn = new int[elements];
    for (int i = 0; i < n; i++) {
      blocksIn[s.element(blockIndex[i])]++;
    }
    for (int e = elements - 1; e > 0; e--) {
      int p = s.parent(e);
      if (p >= 0) {
        blocksIn[p] += blocksIn[e];
      }
    }
    for (int i = 0; i < n; i++) {
      int w = weight[i];
      int against = -Math.max(BLOCK_PENALTY, Math.abs(w));
      boolean under = false;
      for (int x = s.element(blockIndex[i]); x >= 0; x = s.parent(x)) {
        score[x] += under ? against : w;
        if (!under && w > 0) {
          text[x] += w;
        }
        if (furniture[x] != 0) {
          under = true;
        }
      }
    }
    // the article is neither furniture nor inside furniture (a comment, a sidebar widget)
    boolean[] underFurniture = new boolean[elements];
    for (int e = 0; e < elements; e++) {
      int p = s.parent(e);
      underFurniture[e] = furniture[e] != 0 || (p >= 0 && underFurniture[p]);
    }
    int best = -1;
    for (int e = 0; e < elements; e++) {
      if (!underFurniture[e] && blocksIn[e] >= MIN_ARTICLE_BLOCKS
          && (s.flags(e) & LEAF_ROLES) == 0
          && (best < 0 || score[e] > score[best])) {
        best = e;
      }
    }
    if (best < 0 || score[best] <= 0) {
      // no element where running text outweighs the rest (a gallery, a table, a list, a page
      // of link lists): the text rules decide, except for the short or link-heavy blocks of the
      // elements HTML itself names furniture (<nav>, <aside>, <footer>). Class and id words are
      // too loose alone (a live ticker's 'comment' items, a builder's 'widget' around content),
      // a <header> may hold the only headline, and a paragraph stays to the text rules.
      for (int i = 0; i < n; i++) {
        if (weight[i] > 0) {
          continue;
        }
        for (int x = s.element(blockIndex[i]); x >= 0; x = s.parent(x)) {
          int bits = furniture[x] & NO_TEXT_FURNITURE_ROLES;
          if (bits != 0) {
            set(v, i, kindOf(bits), Rule.STRUCTURE_FURNITURE, "inside " + path(s, x) + " ("
                + what(bits) + "), on a page without a main text element");
            break;
          }
        }
      }
      return v;
    }
    // An <article> or <main> element (not inside furniture) holding at least PROMOTE_SHARE of
    // the running text of the best-weighing element elsewhere on the page is the article: furniture
    // inside it (share bars, related boxes) costs it weight, while a list of teasers with
    // summaries around it weighs as text.
    int marked = -1;
    for (int e = 0; e < elements; e++) {
      if (!underFurniture[e] && blocksIn[e] >= MIN_ARTICLE_BLOCKS
          && (s.flags(e) & PageStructure.ARTICLE) != 0 && (marked < 0 || text[e] > text[marked])) {
        marked = e;
      }
    }
    boolean byRole = marked >= 0 && marked != best && text[marked] >= PROMOTE_SHARE * text[best]
        && !within(s, marked, best) && !within(s, best, marked);
    if (byRole) {
      best = marked;
    }
    int up = s.parent(best);
    if ((s.flags(best) & (PageStructure.LIST | PageStructure.TABLE)) != 0 && up >= 0
        && !underFurniture[up] && text[up] > text[best]) {
      // a list or table with running text around it is part of that text (steps, references,
      // a data table between paragraphs), not the article alone
      best = up;
    }
    // The page's own mark wins: the nearest <article> or <main> around the best-weighing element
    // is the article, however much its menus, link lists and short lines cost it (a recipe's
    // ingredients, a lead in the article's header, a fact box stay); its link-heavy blocks and
    // its furniture are removed below one by one.
    for (int a = s.parent(best); a >= 0 && !underFurniture[a]; a = s.parent(a)) {
      if ((s.flags(a) & PageStructure.ARTICLE) != 0) {
        best = a;
        break;
      }
    }
    boolean[] inArticle = new boolean[elements];
    inArticle[best] = true;
    int parent = s.parent(best);
    if (parent >= 0 && !byRole) {
      // (an article element chosen by its role is the whole article: its siblings stay out)
      long min = Math.max(SIBLING_MIN_WEIGHT, Math.round(SIBLING_SHARE * score[best]));
      for (int e = parent + 1; e < elements; e++) {
        boolean paragraph = (s.flags(e) & PageStructure.PARAGRAPH) != 0 && score[e] > 0;
        if (s.parent(e) == parent && e != best && furniture[e] == 0
            && (score[e] >= min || paragraph)) {
          inArticle[e] = true;
        }
      }
    }
    boolean[] lead = ArticleLead.find(s, blockIndex, weight, inArticle, underFurniture, best);
    boolean textSeen = false;
    for (int i = 0; i < n; i++) {
      if (lead[i]) {
        textSeen = true;
        continue;
      }
      int el = s.element(blockIndex[i]);
      int container = -1;
      int furnitureAt = -1;
      boolean figure = false;
      for (int x = el; x >= 0; x = s.parent(x)) {
        if (inArticle[x]) {
          container = x;
          break;
        }
        if (furniture[x] != 0) {
          furnitureAt = x;
        }
        if ((s.flags(x) & PageStructure.FIGURE) != 0) {
          figure = true;
        }
      }
      v.furniture[i] = furnitureAt;
      if (container < 0 && furnitureAt >= 0) {
        int bits = furniture[furnitureAt];
        set(v, i, kindOf(bits), Rule.STRUCTURE_FURNITURE, "inside " + path(s, furnitureAt) + " (" + what(bits)
            + "), outside the page's main content (" + path(s, best) + ")");
      } else if (container < 0) {
        boolean shortLine = weight[i] < 0;
        set(v, i, shortLine ? RemovalKind.NAVIGATION : RemovalKind.OTHER, Rule.STRUCTURE_OUTSIDE,
            (shortLine ? "short or link-heavy block" : "text")
                + " outside the page's main content (" + path(s, best) + ")");
      } else if (furnitureAt >= 0) {
        int bits = furniture[furnitureAt];
        set(v, i, kindOf(bits), Rule.STRUCTURE_FURNITURE, "inside " + path(s, furnitureAt) + " (" + what(bits)
            + ") within the main content");
      } else if (!textSeen && s.headingLevel(blockIndex[i]) == 1 && weight[i] < 0) {
        set(v, i, RemovalKind.OTHER, Rule.STRUCTURE_HEADLINE,
            "the article's headline (<h1> before its text; see the page's title)");
      } else if (figure) {
        set(v, i, RemovalKind.CAPTION, Rule.STRUCTURE_FIGURE, "in a figure within the main content");
      } else if (linkDensity[i] >= MAX_TEXT_LINK_DENSITY) {
        boolean item = (s.inheritedFlags(el) & PageStructure.LIST_ITEM) != 0;
        set(v, i, item ? RemovalKind.RELATED_LIST : RemovalKind.NAVIGATION, Rule.STRUCTURE_LINKS,
            Math.round(linkDensity[i] * 100) + "% of its text in links");
      }
      if (container >= 0 && weight[i] > 0) {
        textSeen = true;
      }
    }
    return v;
  }

  /** True when element {@code e} is {@code a} or inside it. */
  static boolean within(PageStructure s, int e, int a) {
    for (int x = e; x >= a; x = s.parent(x)) {
      if (x == a) {
        return true;
      }
    }
    return false;
  }

  /** Applies the verdicts to the blocks the other rules left unlabelled. */
  static void apply(BlockInfo[] info, PageStructure structure) {
    int n = info.length;
    int[] index = new int[n];
    int[] words = new int[n];
    boolean[] running = new boolean[n];
    double minStop = PageLayout.minStopShare(info);
    for (int i = 0; i < n; i++) {
      index[i] = info[i].block.index();
      words[i] = info[i].words;
      running[i] = PageLayout.runningText(info[i], minStop);
    }
    Verdicts v = judge(structure, index, words, running);
    for (int i = 0; i < n; i++) {
      info[i].furniture = v.furniture[i];
      if (info[i].kind == null && v.kind[i] != null) {
        v.rule[i].apply(info[i], v.kind[i], v.reason[i]);
      }
    }
  }

  /** The furniture bits of an element (0 when it is not furniture). */
  private static int furnitureBits(int flags, long good, long total) {
    int bits = (flags & PageStructure.W_FURNITURE) | (flags & FURNITURE_ROLES);
    if (bits == 0 || (flags & PageStructure.QUOTE) != 0) {
      // (a quotation is quoted text whatever its class says: an embedded post's blockquote is
      // named after its network, e.g. twitter-tweet)
      return 0;
    }
    boolean content = (flags & (PageStructure.W_CONTENT | PageStructure.ARTICLE)) != 0;
    double share = total == 0 ? 0 : (double) good / total;
    if ((bits & PageStructure.W_COMMENT) != 0 && !content) {
      return bits; // comments are not the article, however long
    }
    if ((flags & (FURNITURE_ROLES | PageStructure.LIST | PageStructure.LIST_ITEM)) != 0) {
      // (a list is never a wrapper around the article: a list named as related stories is one,
      // however long its summaries)
      return bits;
    }
    return share < (content ? MIXED_FURNITURE_MAX_SHARE : FURNITURE_MAX_SHARE) ? bits : 0;
  }

  private static RemovalKind kindOf(int bits) {
    if ((bits & (PageStructure.NAV | PageStructure.W_NAV)) != 0) {
      return RemovalKind.NAVIGATION;
    }
    if ((bits & PageStructure.W_RELATED) != 0) {
      return RemovalKind.RELATED_LIST;
    }
    if ((bits & (PageStructure.W_AD | PageStructure.W_PROMO)) != 0) {
      return RemovalKind.PROMO;
    }
    if ((bits & PageStructure.W_META) != 0) {
      return RemovalKind.CREDIT;
    }
    if ((bits & PageStructure.W_CAPTION) != 0) {
      return RemovalKind.CAPTION;
    }
    if ((bits & PageStructure.W_TAGS) != 0) {
      return RemovalKind.TAGS;
    }
    if ((bits & (PageStructure.W_LEGAL | PageStructure.FOOTER)) != 0) {
      return RemovalKind.LEGAL;
    }
    return RemovalKind.OTHER;
  }

  private static final int[] BITS = {
    PageStructure.NAV, PageStructure.ASIDE, PageStructure.FOOTER, PageStructure.HEADER,
    PageStructure.W_NAV, PageStructure.W_RELATED, PageStructure.W_SHARE, PageStructure.W_COMMENT,
    PageStructure.W_AD, PageStructure.W_PROMO, PageStructure.W_LEGAL, PageStructure.W_SIDEBAR,
    PageStructure.W_META, PageStructure.W_CAPTION, PageStructure.W_TAGS, PageStructure.W_HEADER};
  private static final String[] NAMES = {
    "navigation element", "aside element", "footer element", "header element",
    "named as navigation", "named as related stories", "named as share tools",
    "named as comments", "named as advertising", "named as promotion", "named as legal/footer",
    "named as sidebar", "named as byline/date", "named as caption", "named as tags",
    "named as page header"};

  private static String what(int bits) {
    for (int k = 0; k < BITS.length; k++) {
      if ((bits & BITS[k]) != 0) {
        return NAMES[k];
      }
    }
    return "furniture";
  }

  private static String path(PageStructure s, int e) {
    String l = s.label(e);
    int p = s.parent(e);
    return p < 0 ? l : s.label(p) + ">" + l;
  }

  private static void set(Verdicts v, int i, RemovalKind kind, Rule rule, String reason) {
    v.kind[i] = kind;
    v.rule[i] = rule;
    v.reason[i] = reason;
  }
}
