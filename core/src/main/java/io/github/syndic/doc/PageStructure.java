package io.github.syndic.doc;

import java.util.Arrays;

/**
 * The structure of an HTML page behind its blocks: the block-level elements (a tree, each with
 * its tag, its role and the words of its class and id) and, per block, the element that holds
 * it, its link density, heading level and its range in the HTML source.
 *
 * <p>Elements are numbered in document order from 0 (the root, usually {@code <body>}); {@link
 * #parent(int)} of the root is -1. Blocks are numbered as the document's {@link Block}s.
 *
 * <p>Immutable and thread-safe (built once through {@link Builder}, which is not thread-safe).
 */
public final class PageStructure {
  // element role bits: from the tag (and the ARIA role)
  /** {@code <nav>} or role=navigation. */
  public static final int NAV = 1;
  /** {@code <aside>} or role=complementary. */
  public static final int ASIDE = 1 << 1;
  /** {@code <footer>} or role=contentinfo. */
  public static final int FOOTER = 1 << 2;
  /** {@code <header>} or role=banner. */
  public static final int HEADER = 1 << 3;
  /** {@code <form>}. */
  public static final int FORM = 1 << 4;
  /** {@code <article>}, {@code <main>}, role=main/article or itemprop=articleBody. */
  public static final int ARTICLE = 1 << 5;
  /** A list item ({@code <li>}, {@code <dd>}, {@code <dt>}). */
  public static final int LIST_ITEM = 1 << 6;
  /** A table cell ({@code <td>}, {@code <th>}). */
  public static final int TABLE_CELL = 1 << 7;
  /** {@code <figure>}, {@code <figcaption>} or a table {@code <caption>}. */
  public static final int FIGURE = 1 << 8;
  /** {@code <h1>}..{@code <h6>}. */
  public static final int HEADING = 1 << 9;
  /** {@code <blockquote>}. */
  public static final int QUOTE = 1 << 10;
  /** {@code <pre>}. */
  public static final int PRE = 1 << 11;
  /** {@code <p>}. */
  public static final int PARAGRAPH = 1 << 12;
  /** {@code <address>}. */
  public static final int ADDRESS = 1 << 13;
  /** {@code <ul>}, {@code <ol>}, {@code <dl>}, {@code <menu>}. */
  public static final int LIST = 1 << 14;
  /** {@code <table>}. */
  public static final int TABLE = 1 << 15;

  // class/id word bits (see html.ClassWords)
  /** Class or id words of navigation: nav, menu, breadcrumb, pagination... */
  public static final int W_NAV = 1 << 16;
  /** Related or recommended stories, teasers, 'more', popular. */
  public static final int W_RELATED = 1 << 17;
  /** Share buttons, social links, tools. */
  public static final int W_SHARE = 1 << 18;
  /** Comments, replies, discussion. */
  public static final int W_COMMENT = 1 << 19;
  /** Advertising, sponsored content. */
  public static final int W_AD = 1 << 20;
  /** Promotions: newsletter, subscribe, sign-up, apps. */
  public static final int W_PROMO = 1 << 21;
  /** Page footer, copyright, cookie and legal notices. */
  public static final int W_LEGAL = 1 << 22;
  /** Sidebars, widgets, side columns. */
  public static final int W_SIDEBAR = 1 << 23;
  /** Bylines, authors, dates, article meta lines. */
  public static final int W_META = 1 << 24;
  /** Captions, photo credits. */
  public static final int W_CAPTION = 1 << 25;
  /** Tags, keywords, topics, categories. */
  public static final int W_TAGS = 1 << 26;
  /** Page header, masthead, top bar. */
  public static final int W_HEADER = 1 << 27;
  /** Content words: article, content, entry, post, story, body, text... */
  public static final int W_CONTENT = 1 << 28;

  /** The class/id word bits that mark an element as furniture. */
  public static final int W_FURNITURE = W_NAV | W_RELATED | W_SHARE | W_COMMENT | W_AD | W_PROMO
      | W_LEGAL | W_SIDEBAR | W_META | W_CAPTION | W_TAGS | W_HEADER;

  private final int[] parent;
  private final int[] flags;
  private final String[] labels;
  private final int[] blockElement;
  private final int[] blockLinkChars;
  private final int[] blockVisibleChars;
  private final byte[] blockHeading;
  private final int[] blockSourceStart;
  private final int[] blockSourceEnd;

  private PageStructure(Builder b) {
    this.parent = Arrays.copyOf(b.parent, b.elements);
    this.flags = Arrays.copyOf(b.flags, b.elements);
    this.labels = Arrays.copyOf(b.labels, b.elements);
    this.blockElement = Arrays.copyOf(b.blockElement, b.blocks);
    this.blockLinkChars = Arrays.copyOf(b.blockLinkChars, b.blocks);
    this.blockVisibleChars = Arrays.copyOf(b.blockVisibleChars, b.blocks);
    this.blockHeading = Arrays.copyOf(b.blockHeading, b.blocks);
    this.blockSourceStart = Arrays.copyOf(b.blockSourceStart, b.blocks);
    this.blockSourceEnd = Arrays.copyOf(b.blockSourceEnd, b.blocks);
  }

  /** Number of elements. */
  public int elements() {
    return parent.length;
  }

  /** Number of blocks. */
  public int blocks() {
    return blockElement.length;
  }

  /** The parent of element {@code e}, or -1 for the root. Always smaller than {@code e}. */
  public int parent(int e) {
    return parent[e];
  }

  /** The role and class/id word bits of element {@code e} (the constants of this class). */
  public int flags(int e) {
    return flags[e];
  }

  /** A short label of element {@code e}: tag, {@code #id} and first class, e.g. {@code div#main.story}. */
  public String label(int e) {
    return labels[e];
  }

  /** The innermost block-level element holding block {@code b}. */
  public int element(int b) {
    return blockElement[b];
  }

  /** Visible (non-space) chars of block {@code b} inside links. */
  public int linkChars(int b) {
    return blockLinkChars[b];
  }

  /** Visible (non-space) chars of block {@code b}. */
  public int visibleChars(int b) {
    return blockVisibleChars[b];
  }

  /** Share of the visible chars of block {@code b} inside links, 0 for an empty block. */
  public double linkDensity(int b) {
    int v = blockVisibleChars[b];
    return v == 0 ? 0 : (double) blockLinkChars[b] / v;
  }

  /** Heading level (1-6) of block {@code b}, 0 when it is not in a heading. */
  public int headingLevel(int b) {
    return blockHeading[b];
  }

  /** Offset in the HTML source of the first char of block {@code b}'s text, or -1 when unknown. */
  public int sourceStart(int b) {
    return blockSourceStart[b];
  }

  /** Offset in the HTML source just past block {@code b}'s text, or -1 when unknown. */
  public int sourceEnd(int b) {
    return blockSourceEnd[b];
  }

  /** The OR of the flags of element {@code e} and all its ancestors. */
  public int inheritedFlags(int e) {
    int f = 0;
    for (int x = e; x >= 0; x = parent[x]) {
      f |= flags[x];
    }
    return f;
  }

  /** The tag path of block {@code b} from the root, e.g. {@code body>div#main>article>p}. */
  public String tagPath(int b) {
    int e = blockElement[b];
    int depth = 0;
    for (int x = e; x >= 0; x = parent[x]) {
      depth++;
    }
    String[] parts = new String[depth];
    for (int x = e, i = depth - 1; x >= 0; x = parent[x], i--) {
      parts[i] = labels[x];
    }
    return String.join(">", parts);
  }

  /** Collects elements and blocks in document order. Not thread-safe. */
  public static final class Builder {
    private int[] parent = new int[64];
    private int[] flags = new int[64];
    private String[] labels = new String[64];
    private int elements;
    private int[] blockElement = new int[64];
    private int[] blockLinkChars = new int[64];
    private int[] blockVisibleChars = new int[64];
    private byte[] blockHeading = new byte[64];
    private int[] blockSourceStart = new int[64];
    private int[] blockSourceEnd = new int[64];
    private int blocks;

    /**
     * Adds an element and returns its number.
     *
     * @param parentElement an element added before, or -1 for the root
     */
    public int element(int parentElement, int elementFlags, String label) {
      if (parentElement < -1 || parentElement >= elements) {
        throw new IllegalArgumentException("no element " + parentElement);
      }
      if (elements == parent.length) {
        int n = elements * 2;
        parent = Arrays.copyOf(parent, n);
        flags = Arrays.copyOf(flags, n);
        labels = Arrays.copyOf(labels, n);
      }
      parent[elements] = parentElement;
      flags[elements] = elementFlags;
      labels[elements] = label;
      return elements++;
    }

    /** Adds the next block (its number is the count of blocks added before). */
    public void block(int element, int linkChars, int visibleChars, int headingLevel,
        int sourceStart, int sourceEnd) {
      if (element < 0 || element >= elements) {
        throw new IllegalArgumentException("no element " + element);
      }
      if (blocks == blockElement.length) {
        int n = blocks * 2;
        blockElement = Arrays.copyOf(blockElement, n);
        blockLinkChars = Arrays.copyOf(blockLinkChars, n);
        blockVisibleChars = Arrays.copyOf(blockVisibleChars, n);
        blockHeading = Arrays.copyOf(blockHeading, n);
        blockSourceStart = Arrays.copyOf(blockSourceStart, n);
        blockSourceEnd = Arrays.copyOf(blockSourceEnd, n);
      }
      blockElement[blocks] = element;
      blockLinkChars[blocks] = linkChars;
      blockVisibleChars[blocks] = visibleChars;
      blockHeading[blocks] = (byte) headingLevel;
      blockSourceStart[blocks] = sourceStart;
      blockSourceEnd[blocks] = sourceEnd;
      blocks++;
    }

    /** The structure collected so far. */
    public PageStructure build() {
      return new PageStructure(this);
    }
  }
}
