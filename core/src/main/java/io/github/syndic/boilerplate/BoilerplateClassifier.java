package io.github.syndic.boilerplate;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.boilerplate.Lexicon.Category;
import io.github.syndic.boilerplate.Lexicon.CueHits;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Labels the blocks of a document that are site furniture rather than article.
 *
 * <p>Signals, in the order they are applied (each removal's reason names the one that fired):
 *
 * <ol>
 *   <li>cue phrases of the {@link Lexicon} (whole line, line prefix, anywhere), matched on the
 *       normalized view, so spelling variants match; bylines (a byline cue and a name);
 *   <li>patterns: related-card photo credits ('... - Agency, 1920, 21.12.2025'), date/time lines
 *       (numeric dates, clock times, month names, relative days, digits of any script), photo
 *       credits, menus and breadcrumbs, rows of share or legal links, counters ('14 comments'),
 *       URL and e-mail lines, all-caps menus;
 *   <li>the source's {@link TemplateModel}: blocks the source repeats in many documents;
 *   <li>context: a short block between a caption and a timestamp (or between two boilerplate
 *       blocks, once the article has started) is a related card's headline; after a strong tail
 *       marker (tags, a standalone 'read also', 'similar articles') come the headline, the body
 *       of another story and lists of headlines; a paragraph ends the tail when it follows the
 *       marker directly or a list of several headlines, or, after one headline, when it shares
 *       much more vocabulary with the article than with the tail;
 *   <li>with {@link BoilerplateConfig#pageLayout()} (whole scraped pages): the region with the
 *       most running text (long lines with sentence punctuation and stopwords, not repeated on
 *       the page) is the article; short lines outside it are navigation and long ones other
 *       boilerplate.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class BoilerplateClassifier {
  /**
   * Longest block (tokens) that a prefix cue ('Source:', 'Read also:', 'Tags:') may label: a
   * credit with several names and an inline 'read more: headline' stay under 30 tokens, body
   * sentences that happen to start with such words are usually longer.
   */
  static final int MAX_PREFIX_CUE_TOKENS = 30;

  /**
   * Longest block (tokens) that an anywhere-cue of legal/promo/comment text labels: cookie and
   * copyright notices run to a paragraph of 100-150 words; article paragraphs that quote such a
   * phrase are rarer than the notices themselves.
   */
  static final int MAX_CONTAINS_CUE_TOKENS = 150;

  /** Longest timestamp line in tokens ('Updated: Monday 21 December 2025, 13:21 GMT+3'). */
  static final int MAX_TIMESTAMP_TOKENS = 16;

  /**
   * Most tokens of a timestamp line with a clock time or numeric date that are neither temporal
   * nor stopwords: room for 'published', 'updated', an agency ('Reuters November 18, 2019 11:03
   * PM', 'Publié le 21 décembre 2025 à 13h21, mis à jour à 15h02').
   */
  static final int MAX_TIMESTAMP_OTHER_TOKENS = 4;

  /**
   * The same for a line dated only by a month name or relative day ('Updated December 21,
   * 2025'): one word, since headlines often carry a date ('Gold prices today, 21 December').
   */
  static final int MAX_TIMESTAMP_OTHER_TOKENS_NO_CLOCK = 1;

  /**
   * Longest block (tokens) a suffix cue labels: a comment author line ('jane_doe99 says:') is a
   * name and a verb; six tokens leave room for 'Jane Doe from Ottawa says:'.
   */
  static final int MAX_SUFFIX_CUE_TOKENS = 6;

  /** Least number of comment author lines in a document before they are removed. */
  static final int MIN_COMMENT_AUTHOR_LINES = 2;

  /** Most name tokens after a byline cue ('By Jane Doe and John Roe, Chief Correspondent'). */
  static final int MAX_BYLINE_NAME_TOKENS = 8;

  /** A credit after a caption sentence ('... morning. Photo X / Y') is within the last 8 tokens. */
  static final int MAX_CREDIT_TAIL_TOKENS = 8;

  /**
   * Least share of the tokens of a line that are section names (whole-line navigation cues) for
   * a space-separated menu ('Home World Politics Business Sport').
   */
  static final double MENU_MIN_SECTION_SHARE = 0.75;

  /** Longest item of a menu row, in tokens ('Middle East', 'Science and Technology'). */
  static final int MAX_MENU_ITEM_TOKENS = 3;

  /** Longest photo caption with a credit, in tokens (one or two sentences plus the credit). */
  static final int MAX_CAPTION_TOKENS = 50;

  /**
   * Longest headline-like block in tokens: news headlines run 6-20 words in the languages
   * covered; 25 leaves room for long ones.
   */
  static final int MAX_HEADLINE_TOKENS = 25;

  /**
   * A paragraph after a tail marker continues the article only when at least this share of its
   * content words occurs in the article before the marker...
   */
  static final double CONTINUE_MIN_ARTICLE_SHARE = 0.4;

  /** ...and that share is at least this many times its share with the tail so far. */
  static final double CONTINUE_ARTICLE_OVER_TAIL = 2.0;

  /**
   * Page layout: least tokens of a line that counts as running text (the naive rule of the
   * boilerplate literature, jusText's 'long' blocks and the 10-word rule of score.py baselines).
   */
  static final int TEXT_MIN_TOKENS = 10;

  /**
   * A tail marker only starts a tail after this many tokens of running text: a 'Most read' or
   * 'Tags' link in a page's header is not the end of the article. 30 tokens is one or two
   * sentences, less than any lead paragraph.
   */
  static final int TAIL_MIN_ARTICLE_TOKENS = 30;

  /**
   * The document's language is the lexicon language with the most stopword hits, provided they
   * are at least this share of all tokens (running text in a language has 30-50% stopwords; below
   * 10% the language is not in the lexicon and stopword shares are not used).
   */
  static final double DOC_LANGUAGE_MIN_STOPWORD_SHARE = 0.1;

  /**
   * Page layout: a line of this many tokens is running text even without sentence-final
   * punctuation (score.py's second baseline uses 20 words; headlines stay below 25).
   */
  static final int TEXT_LONG_TOKENS = 25;

  /**
   * Page layout: weight a tail marker or legal line subtracts: what follows 'Comments', 'Related
   * stories' or a copyright line is rarely the same article, so a region rarely spans one.
   */
  static final int PAGE_MARKER_PENALTY = 40;

  /** Page layout: running text has at least this share of stopwords (jusText uses 0.30). */
  static final double TEXT_MIN_STOPWORD_SHARE = 0.2;

  /**
   * Page layout: weight (in tokens) a non-text line subtracts from a candidate region: as much as
   * the shortest running-text line adds ({@link #TEXT_MIN_TOKENS}), so a block of link lines
   * outweighs the same number of short sentences. On the AEB development half (even pages)
   * 3/6/10/15/20 gave F1 .881/.863/.905/.910/.886; 10 was kept (tied to the text threshold, and
   * 15 did worse on the held-out odd half: .893 against .904).
   */
  static final int PAGE_LINE_PENALTY = TEXT_MIN_TOKENS;

  /**
   * Time-zone, meridiem and unit tokens that count as temporal in a timestamp line (abbreviations
   * shared across languages: GMT, am/pm, Arabic ص/م, Persian ق.ظ/ب.ظ, Russian ч/мин/г).
   */
  private static final ObjectOpenHashSet<String> TIME_WORDS =
      new ObjectOpenHashSet<>(
          new String[] {
            "gmt", "utc", "cet", "cest", "eet", "eest", "msk", "est", "edt", "cst", "cdt", "pst",
            "pdt", "mst", "mdt", "bst", "ist", "jst", "ast", "am", "pm", "a", "m", "p", "h", "hrs",
            "min", "mins", "ص", "م", "هـ", "ه", "ق", "ظ", "ب", "ч", "мин", "г", "года"
          });

  private final BoilerplateConfig config;
  private final Lexicon lexicon;
  private final TextNormalizer normalizer = TextNormalizer.defaults();

  private BoilerplateClassifier(BoilerplateConfig config) {
    this.config = config;
    this.lexicon = config.lexicon();
  }

  /** A classifier with the given settings. */
  public static BoilerplateClassifier create(BoilerplateConfig config) {
    if (config == null) {
      throw new NullPointerException("config");
    }
    return new BoilerplateClassifier(config);
  }

  /** A classifier with {@link BoilerplateConfig#defaults()}. */
  public static BoilerplateClassifier defaults() {
    return create(BoilerplateConfig.defaults());
  }

  /** The settings. */
  public BoilerplateConfig config() {
    return config;
  }

  /**
   * Classifies the blocks of one document.
   *
   * @param blocks the document's blocks, in order (or an in-order subset of them: the rules read
   *     neighbours by position in this list)
   * @param model what the document's source repeats, or null
   * @return one removal per boilerplate block, in block order
   */
  public List<Removal> classify(List<Block> blocks, TemplateModel model) {
    return classify(blocks, model, null);
  }

  /**
   * {@link #classify(List, TemplateModel)} that reuses, through {@code memo}, the per-block
   * features an earlier call on the same document computed: a cleaner that runs the rules again
   * on the blocks still kept pays for the context rules only. The result is the same as without
   * a memo.
   *
   * @param memo from {@link #newMemo()} of this classifier, used for one document only; or null
   * @throws IllegalArgumentException if the memo belongs to another classifier
   */
  public List<Removal> classify(List<Block> blocks, TemplateModel model, Memo memo) {
    Objects.requireNonNull(blocks, "blocks");
    if (memo != null && memo.owner != this) {
      throw new IllegalArgumentException("memo " + memo + " belongs to another classifier");
    }
    int n = blocks.size();
    Info[] info = new Info[n];
    for (int i = 0; i < n; i++) {
      Block block = blocks.get(i);
      Info b = memo == null ? null : memo.get(block, model != null);
      if (b != null) {
        // a block the local rules kept: only the context state is recomputed
        b.resetContext();
        info[i] = b;
        continue;
      }
      b = features(block);
      info[i] = b;
      // the local rules read the block alone; after them the normalized view (offsets and all)
      // is dropped, so that it dies young on documents of very many lines
      local(b);
      if (model != null && !b.norm.isEmpty()) {
        b.fingerprint = TemplateModel.fingerprint(b.nt);
        b.hasFingerprint = true;
      }
      b.nt = null;
      if (memo != null && b.kind == null) {
        memo.put(b);
      }
    }
    markRepeats(info);
    int lang = documentLanguage(info);
    for (Info b : info) {
      b.stopShare = stopShare(b, lang);
    }
    commentAuthors(info);
    if (model != null) {
      for (Info b : info) {
        if (b.kind == null && !b.norm.isEmpty()) {
          long fp = b.fingerprint;
          if (model.isTemplate(fp)) {
            set(b, RemovalKind.OTHER, 0.9,
                "recurs in " + model.count(fp) + " of " + model.documents()
                    + " documents of the source");
          }
        }
      }
    }
    int[] region = {0, n - 1};
    if (config.contextRules()) {
      capsMenus(info);
      cards(info);
    }
    if (config.pageLayout()) {
      region = mainRegion(info);
    }
    if (config.contextRules()) {
      tail(info, lang, region[0]);
    }
    if (config.pageLayout()) {
      dropOutside(info, region);
    }
    List<Removal> out = new ArrayList<>();
    for (Info b : info) {
      if (b.kind != null) {
        out.add(Removal.boilerplate(b.block, b.kind, b.score, b.reason));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- features

  /**
   * Per-block features that a classify call on the same document may reuse through a {@link
   * Memo}, for the blocks its local rules keep. Not thread-safe: one document, one thread.
   */
  public static final class Memo {
    private final BoilerplateClassifier owner;
    /** By {@link Block#index()}; an entry is used only for the very same Block object. */
    private Info[] byIndex = new Info[0];

    private Memo(BoilerplateClassifier owner) {
      this.owner = owner;
    }

    private Info get(Block block, boolean needFingerprint) {
      int i = block.index();
      Info b = i < byIndex.length ? byIndex[i] : null;
      boolean fingerprinted = b != null && (b.hasFingerprint || b.norm.isEmpty());
      return b != null && b.block == block && (fingerprinted || !needFingerprint) ? b : null;
    }

    private void put(Info b) {
      int i = b.block.index();
      if (i >= byIndex.length) {
        byIndex = java.util.Arrays.copyOf(byIndex, Math.max(i + 1, byIndex.length * 2));
      }
      byIndex[i] = b;
    }
  }

  /** A memo for {@link #classify(List, TemplateModel, Memo)} calls on one document. */
  public Memo newMemo() {
    return new Memo(this);
  }

  /** Per-block features; mutable, confined to one document (one call, or one memo's calls). */
  private static final class Info {
    Block block;
    /** The normalized view; null once the local rules have run. */
    NormalizedText nt;
    /** {@link TemplateModel#fingerprint(NormalizedText)}, when a model is given. */
    long fingerprint;
    boolean hasFingerprint;
    String norm;
    int tokens;
    /** Tokens as the {@link io.github.syndic.text.Tokenizer} counts them (a CJK char is one). */
    int words;
    int[] tokenEnds;
    /**
     * {@link Lexicon#stopwordLanguages} of each token, looked up once per block; null when no
     * token is a stopword.
     */
    long[] stop;
    CueHits hits;
    boolean sentenceEnd;
    boolean bullet;
    int digitTokens;
    double stopShare;
    RemovalKind kind;
    double score;
    String reason;
    boolean strongMarker;
    /** A line a page's article region should not span (comment author lines). */
    boolean barrier;
    /** The same normalized text occurs in another block of the document. */
    boolean repeated;

    /**
     * Back to the state the local rules leave on a block they keep (no kind, no marker): clears
     * every field that a context rule writes.
     */
    void resetContext() {
      stopShare = 0;
      kind = null;
      score = 0;
      reason = null;
      strongMarker = false;
      barrier = false;
      repeated = false;
    }
  }

  /** {@code tokenEnds} of one-token lines of length i, shared (never written). */
  private static final int[][] ONE_TOKEN_ENDS = new int[32][];

  static {
    for (int i = 0; i < ONE_TOKEN_ENDS.length; i++) {
      ONE_TOKEN_ENDS[i] = new int[] {i};
    }
  }

  private Info features(Block block) {
    Info b = new Info();
    b.block = block;
    b.nt = normalizer.normalize(block.text());
    // a line that normalization leaves as it is (a number, a lower-case word) shares its String
    b.norm = b.nt.contentEquals(block.text()) ? block.text() : b.nt.toString();
    int count = b.norm.isEmpty() ? 0 : 1;
    for (int i = 0; i < b.norm.length(); i++) {
      if (b.norm.charAt(i) == ' ') {
        count++;
      }
    }
    b.tokens = count;
    if (count == 1 && b.norm.length() < ONE_TOKEN_ENDS.length) {
      b.tokenEnds = ONE_TOKEN_ENDS[b.norm.length()];
    } else {
      b.tokenEnds = new int[count];
      int t = 0;
      for (int i = 0; i < b.norm.length(); i++) {
        if (b.norm.charAt(i) == ' ') {
          b.tokenEnds[t++] = i;
        }
      }
      if (count > 0) {
        b.tokenEnds[t] = b.norm.length();
      }
    }
    for (int i = 0, s = 0; i < count; i++) {
      boolean digit = true;
      for (int j = s; j < b.tokenEnds[i]; j++) {
        char c = b.norm.charAt(j);
        if (c < '0' || c > '9') {
          digit = false;
          break;
        }
      }
      if (digit) {
        b.digitTokens++;
      }
      s = b.tokenEnds[i] + 1;
    }
    b.hits = lexicon.match(b.nt, b.norm, b.tokenEnds, count);
    for (int i = 0; i < count; i++) {
      long m = lexicon.stopwordLanguages(token(b, i));
      if (m != 0) {
        if (b.stop == null) {
          b.stop = new long[count];
        }
        b.stop[i] = m;
      }
    }
    b.words = io.github.syndic.text.Tokenizer.count(b.nt);
    b.sentenceEnd = Patterns.isSentenceEnd(Patterns.lastVisible(block.text()));
    b.bullet = Patterns.isBulleted(block.text());
    return b;
  }

  /** The stopword languages of token {@code i} of {@code b}. */
  private static long stop(Info b, int i) {
    return b.stop == null ? 0 : b.stop[i];
  }

  private String token(Info b, int i) {
    int s = i == 0 ? 0 : b.tokenEnds[i - 1] + 1;
    return b.norm.substring(s, b.tokenEnds[i]);
  }

  private static void markRepeats(Info[] info) {
    it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String> seen =
        new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<>();
    for (Info b : info) {
      seen.addTo(b.norm, 1);
    }
    for (Info b : info) {
      b.repeated = !b.norm.isEmpty() && seen.getInt(b.norm) > 1;
    }
  }

  /** The language (bit index in the lexicon) with the most stopword hits, or -1. */
  private int documentLanguage(Info[] info) {
    int langs = lexicon.languages().size();
    long[] hits = new long[langs];
    for (Info b : info) {
      for (int i = 0; i < b.tokens; i++) {
        long m = stop(b, i);
        for (int l = 0; m != 0 && l < langs; l++) {
          if ((m & (1L << l)) != 0) {
            hits[l]++;
          }
        }
      }
    }
    int best = -1;
    for (int l = 0; l < langs; l++) {
      if (hits[l] > 0 && (best < 0 || hits[l] > hits[best])) {
        best = l;
      }
    }
    long tokens = 0;
    for (Info b : info) {
      tokens += b.tokens;
    }
    return best >= 0 && hits[best] >= DOC_LANGUAGE_MIN_STOPWORD_SHARE * tokens ? best : -1;
  }

  private double stopShare(Info b, int lang) {
    if (lang < 0 || b.tokens == 0) {
      return Double.NaN;
    }
    int s = 0;
    for (int i = 0; i < b.tokens; i++) {
      if ((stop(b, i) & (1L << lang)) != 0) {
        s++;
      }
    }
    return (double) s / b.tokens;
  }

  private static void set(Info b, RemovalKind kind, double score, String reason) {
    b.kind = kind;
    b.score = score;
    b.reason = reason;
  }

  // ---------------------------------------------------------------- local rules

  private static final Category[] LINE_CUE_ORDER = {
    Category.RELATED_MARKER, Category.TAGS, Category.CREDIT, Category.PROMO, Category.LEGAL,
    Category.COMMENTS, Category.SHARE, Category.NAVIGATION
  };

  private static RemovalKind kindOf(Category c) {
    return switch (c) {
      case RELATED_MARKER -> RemovalKind.RELATED_MARKER;
      case TAGS -> RemovalKind.TAGS;
      case CREDIT -> RemovalKind.CREDIT;
      case PROMO -> RemovalKind.PROMO;
      case LEGAL -> RemovalKind.LEGAL;
      case NAVIGATION -> RemovalKind.NAVIGATION;
      default -> RemovalKind.OTHER;
    };
  }

  private void local(Info b) {
    if (b.tokens == 0) {
      // punctuation or symbols only (a separator line, a lone bullet): not article text
      set(b, RemovalKind.OTHER, 0.6, "no letters or digits");
      return;
    }
    CueHits h = b.hits;
    for (Category c : LINE_CUE_ORDER) {
      if (h.whole(c)) {
        set(b, kindOf(c), 0.95, "whole line is the " + c.label() + " cue '" + h.wholePhrase + "'");
        b.strongMarker = c == Category.RELATED_MARKER || c == Category.TAGS;
        return;
      }
    }
    if (b.tokens <= MAX_PREFIX_CUE_TOKENS) {
      for (Category c : LINE_CUE_ORDER) {
        if (c != Category.NAVIGATION && h.prefix(c)) {
          set(b, kindOf(c), 0.9, "starts with the " + c.label() + " cue '" + h.prefixPhrase + "'");
          b.strongMarker = c == Category.TAGS
              || (c == Category.RELATED_MARKER && b.tokens - h.prefixTokens <= 2);
          return;
        }
      }
    }
    if (isByline(b)) {
      return;
    }

    if (b.tokens <= MAX_CONTAINS_CUE_TOKENS) {
      for (Category c : new Category[] {Category.LEGAL, Category.PROMO, Category.COMMENTS}) {
        if (h.anywhere(c)) {
          set(b, kindOf(c), 0.8, "holds the " + c.label() + " cue '" + h.anywherePhrase + "'");
          return;
        }
      }
    }
    String text = b.block.text();
    if (b.tokens <= MAX_CAPTION_TOKENS && Patterns.hasCardCredit(text)) {
      set(b, RemovalKind.CAPTION, 0.95, "photo credit with agency, image width and date");
      return;
    }
    if (isTimestamp(b) || isCaption(b) || isCounter(b) || isMenu(b)) {
      return;
    }
    if (b.tokens <= MAX_PREFIX_CUE_TOKENS && h.prefix(Category.NAVIGATION)) {
      set(b, RemovalKind.NAVIGATION, 0.8, "starts with the navigation cue '" + h.prefixPhrase + "'");
      return;
    }
    int visible = text.strip().length();
    int linkChars = Patterns.urlChars(text) + Patterns.emailChars(text);
    if (visible > 0 && linkChars * 2 >= visible) {
      set(b, RemovalKind.OTHER, 0.8, "mostly URLs or e-mail addresses");
    }
  }

  /**
   * A byline: a byline cue ('By', 'Von', 'Par', 'بقلم') followed by at most {@link
   * #MAX_BYLINE_NAME_TOKENS} name tokens, none of them a lower-case word that is not a stopword
   * (names and titles are capitalized in cased scripts), and no sentence-final punctuation.
   */
  private boolean isByline(Info b) {
    CueHits h = b.hits;
    if (!h.prefix(Category.BYLINE) || b.sentenceEnd) {
      return false;
    }
    int rest = b.tokens - h.prefixTokens;
    if (rest < 1 || rest > MAX_BYLINE_NAME_TOKENS) {
      return false;
    }
    String text = b.block.text();
    for (int i = h.prefixTokens; i < b.tokens; i++) {
      int s = i == 0 ? 0 : b.tokenEnds[i - 1] + 1;
      char first = text.charAt(b.nt.originalStart(s));
      if (Character.isLowerCase(first) && stop(b, i) == 0) {
        return false;
      }
    }
    set(b, RemovalKind.CREDIT, 0.85, "byline '" + h.prefixPhrase + "' and a name");
    return true;
  }

  /** A counter: digits plus a share or comment cue ('14 comments', 'Comments (3)'). */
  private boolean isCounter(Info b) {
    if (b.digitTokens == 0 || b.tokens - b.digitTokens > 3) {
      return false;
    }
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < b.tokens; i++) {
      String t = token(b, i);
      if (!isDigits(t)) {
        if (rest.length() > 0) {
          rest.append(' ');
        }
        rest.append(t);
      }
    }
    int m = lexicon.wholeMask(rest.toString());
    int counted = Category.SHARE.bit() | Category.COMMENTS.bit() | Category.PROMO.bit();
    if ((m & counted) != 0) {
      set(b, RemovalKind.OTHER, 0.8, "counter '" + rest + "' with a number");
      return true;
    }
    return false;
  }

  /**
   * A menu, breadcrumb or widget row: at least two separators ('|', '>', '/', '•', or a run of
   * two or more spaces, as left by flattened links) between short items. When every item is a
   * whole-line cue the row takes the cues' kind (a row of share buttons, of legal links),
   * otherwise it is navigation.
   */
  private boolean isMenu(Info b) {
    if (b.sentenceEnd && b.tokens > 3) {
      return false;
    }
    if (b.tokens >= 4 && !b.sentenceEnd) {
      int sections = 0;
      for (int i = 0; i < b.tokens; i++) {
        if ((lexicon.wholeMask(token(b, i)) & Category.NAVIGATION.bit()) != 0) {
          sections++;
        }
      }
      if (sections >= MENU_MIN_SECTION_SHARE * b.tokens) {
        set(b, RemovalKind.NAVIGATION, 0.85, sections + " of " + b.tokens + " words are section names");
        return true;
      }
    }
    List<String> items = Patterns.menuItems(b.block.text());
    if (items.size() < 3 && !(items.size() == 2 && b.tokens <= 6)) {
      return false;
    }
    int[] votes = new int[Category.values().length];
    boolean allCues = true;
    int longest = 0;
    for (String item : items) {
      NormalizedText nt = normalizer.normalize(item);
      String s = nt.toString();
      int toks = s.isEmpty() ? 0 : s.split(" ").length;
      longest = Math.max(longest, toks);
      int m = lexicon.wholeMask(s);
      if (m == 0) {
        allCues = false;
      }
      for (Category c : LINE_CUE_ORDER) {
        if ((m & c.bit()) != 0) {
          votes[c.ordinal()]++;
          break;
        }
      }
    }
    if (allCues) {
      Category best = Category.NAVIGATION;
      for (Category c : LINE_CUE_ORDER) {
        if (votes[c.ordinal()] > votes[best.ordinal()]) {
          best = c;
        }
      }
      set(b, kindOf(best), 0.9, items.size() + " items, all " + best.label() + " cues");
      return true;
    }
    if (longest <= MAX_MENU_ITEM_TOKENS) {
      set(b, RemovalKind.NAVIGATION, 0.8, items.size() + " short items between menu separators");
      return true;
    }
    return false;
  }

  /**
   * Comment author lines ('jane_doe says:'): short lines ending with a comments suffix cue, when
   * at least {@link #MIN_COMMENT_AUTHOR_LINES} lines of the document do (a single 'The minister
   * says:' introducing a quote stays).
   */
  private void commentAuthors(Info[] info) {
    int count = 0;
    for (Info b : info) {
      if (b.kind == null && b.tokens <= MAX_SUFFIX_CUE_TOKENS && b.hits.suffix(Category.COMMENTS)) {
        count++;
      }
    }
    if (count < MIN_COMMENT_AUTHOR_LINES) {
      return;
    }
    for (Info b : info) {
      if (b.kind == null && b.tokens <= MAX_SUFFIX_CUE_TOKENS && b.hits.suffix(Category.COMMENTS)) {
        set(b, RemovalKind.OTHER, 0.8, "comment author line ending with '" + b.hits.suffixPhrase
            + "' (" + count + " in the document)");
        b.barrier = true;
      }
    }
  }

  /** Date or time line: temporal evidence and at most a few other words. */
  private boolean isTimestamp(Info b) {
    if (b.tokens > MAX_TIMESTAMP_TOKENS) {
      return false;
    }
    String text = b.block.text();
    boolean time = Patterns.hasTime(text);
    boolean date = Patterns.hasNumericDate(text);
    int temporal = 0;
    int other = 0;
    boolean month = false;
    boolean relative = false;
    int mask = Category.MONTH.bit() | Category.RELATIVE_DAY.bit();
    for (int i = 0; i < b.tokens; i++) {
      String tok = token(b, i);
      int m = b.hits.tokenMask(i);
      if ((m & mask) != 0) {
        temporal++;
        month |= (m & Category.MONTH.bit()) != 0;
        relative |= (m & Category.RELATIVE_DAY.bit()) != 0;
      } else if (isDigits(tok) || TIME_WORDS.contains(tok) || isClockToken(tok)) {
        temporal++;
      } else if ((m & Category.STOPWORD.bit()) == 0
          && stop(b, i) == 0) {
        other++;
      }
    }
    boolean evidence = time || date || (month && b.digitTokens > 0)
        || (relative && b.digitTokens > 0) || (relative && b.tokens <= 2);
    if (!evidence || temporal == 0) {
      return false;
    }
    char last = Patterns.lastVisible(text);
    boolean statement = last == '.' || last == '!' || last == '?' || last == '\u061F';
    int maxOther = statement || !(time || date)
        ? MAX_TIMESTAMP_OTHER_TOKENS_NO_CLOCK
        : MAX_TIMESTAMP_OTHER_TOKENS;
    if (other > maxOther) {
      return false;
    }
    set(b, RemovalKind.TIMESTAMP, 0.9,
        "date/time line (" + (time ? "clock time" : date ? "numeric date" : month ? "month name"
            : "relative day") + ", " + other + " other words)");
    return true;
  }

  private static boolean isDigits(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !t.isEmpty();
  }

  /** '13h21', '21st', '5pm': digits with a short alphabetic suffix or infix. */
  private static boolean isClockToken(String t) {
    int digits = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits > 0 && t.length() - digits <= 2;
  }

  /**
   * Photo caption with a credit: a caption-credit cue ('Photo', an agency) used as a credit — at
   * the end of the line after a separator ('/', '|', '©', '(', '-', ':'), or as a label followed
   * by a colon — in a line of at most {@link #MAX_CAPTION_TOKENS} tokens. A wire dateline that
   * opens a long paragraph ('(Reuters) - The ...') is not a caption.
   */
  private boolean isCaption(Info b) {
    if (b.tokens > MAX_CAPTION_TOKENS || (b.hits.anywhereMask & Category.CAPTION_CREDIT.bit()) == 0) {
      return false;
    }
    String text = b.block.text();
    int[] mask = b.hits.tokenMask;
    int bit = Category.CAPTION_CREDIT.bit();
    int runEnd = -1;
    for (int i = 0; i < b.tokens; i++) {
      if ((mask[i] & bit) == 0) {
        continue;
      }
      if (i > runEnd) {
        runEnd = i;
        while (runEnd + 1 < b.tokens && (mask[runEnd + 1] & bit) != 0) {
          runEnd++;
        }
      }
      int s = i == 0 ? 0 : b.tokenEnds[i - 1] + 1;
      char before = prevVisible(text, b.nt.originalStart(s));
      char after = nextVisible(text, b.nt.originalEnd(b.tokenEnds[i] - 1));
      boolean label = after == ':' || after == '\uFF1A';
      boolean credit = before == '/' || before == '|' || before == '\u00A9' || before == '('
          || before == '-' || before == '\u2013' || before == '\u2014'
          || after == '/' || text.indexOf('\u00A9') >= 0;
      boolean afterCaption =
          before == '.' && i >= b.tokens - MAX_CREDIT_TAIL_TOKENS && text.indexOf('/') > 0;
      boolean atStart = i <= 1;
      boolean nearEnd = runEnd >= b.tokens - 4;
      if (label && (b.tokens <= 15 || !atStart || !b.sentenceEnd)) {
        set(b, RemovalKind.CAPTION, 0.85, "photo credit label '" + token(b, i) + "'");
        return true;
      }
      if (afterCaption
          || (credit && (nearEnd || b.tokens <= 12) && !(atStart && b.tokens > 12))) {
        set(b, RemovalKind.CAPTION, 0.85, "photo credit '" + token(b, i) + "'");
        return true;
      }
    }
    return false;
  }

  private static char prevVisible(String s, int i) {
    for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
      char c = s.charAt(k);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        return c;
      }
    }
    return 0;
  }

  private static char nextVisible(String s, int i) {
    for (int k = i; k < s.length() && k < i + 3; k++) {
      char c = s.charAt(k);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        return c;
      }
    }
    return 0;
  }

  // ---------------------------------------------------------------- context rules

  /**
   * True for a short line written in capitals (at least 3 letters, all cased letters upper case,
   * at most {@link #MAX_MENU_ITEM_TOKENS} + 1 tokens, no digits): a menu entry or a section label.
   */
  private static boolean allCaps(Info b) {
    if (b.kind != null || b.tokens == 0 || b.tokens > MAX_MENU_ITEM_TOKENS + 1 || b.digitTokens > 0) {
      return false;
    }
    String t = b.block.text();
    int cased = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        cased++;
      }
    }
    return cased >= 3;
  }

  /**
   * All-caps menus: a run of two or more all-caps short lines, or one next to a navigation line,
   * is navigation (a single all-caps line between paragraphs is a sub-heading and stays).
   */
  private void capsMenus(Info[] info) {
    int n = info.length;
    boolean[] caps = new boolean[n];
    for (int i = 0; i < n; i++) {
      caps[i] = allCaps(info[i]);
    }
    for (int i = 0; i < n; i++) {
      if (!caps[i]) {
        continue;
      }
      boolean run = (i > 0 && caps[i - 1]) || (i + 1 < n && caps[i + 1]);
      boolean nav = (i > 0 && info[i - 1].kind == RemovalKind.NAVIGATION)
          || (i + 1 < n && info[i + 1].kind == RemovalKind.NAVIGATION);
      if (run || nav) {
        set(info[i], RemovalKind.NAVIGATION, 0.75,
            run ? "all-caps menu entry among others" : "all-caps menu entry next to navigation");
      }
    }
  }

  /** Short and not ending like a statement ('.', ';', ':'); headlines may end in '?' or '!'. */
  private static boolean headlineLike(Info b) {
    if (b.kind != null || b.tokens == 0 || b.tokens > MAX_HEADLINE_TOKENS) {
      return false;
    }
    char c = Patterns.lastVisible(b.block.text());
    return c != '.' && c != ';' && c != ':' && c != '\u3002' && c != '\u06D4' && c != ','
        && c != '\u060C';
  }

  private static boolean isText(Info b) {
    return b.tokens >= TEXT_MIN_TOKENS;
  }

  /**
   * Related cards inside the body: a short headline-like block right after a caption, or right
   * before a timestamp that is followed by the article, or between two boilerplate blocks, once
   * the article has started.
   */
  private void cards(Info[] info) {
    int firstText = -1;
    for (int i = 0; i < info.length; i++) {
      if (info[i].kind == null && isText(info[i])) {
        firstText = i;
        break;
      }
    }
    if (firstText < 0) {
      return;
    }
    for (int i = firstText + 1; i < info.length; i++) {
      Info b = info[i];
      if (!headlineLike(b)) {
        continue;
      }
      Info prev = info[i - 1];
      Info next = i + 1 < info.length ? info[i + 1] : null;
      boolean prevCaption = prev.kind == RemovalKind.CAPTION;
      boolean nextTime = next != null && next.kind == RemovalKind.TIMESTAMP;
      if ((prevCaption && nextTime) || (prevCaption && next != null && next.kind != null)
          || (nextTime && prev.kind != null)) {
        set(b, RemovalKind.RELATED_HEADLINE, 0.85,
            "short block between " + prev.kind.label() + " and "
                + (next == null || next.kind == null ? "text" : next.kind.label())
                + " (related-article card)");
      } else if (nextTime && prev.kind == null && i + 2 < info.length
          && info[i + 2].kind == null && !info[i - 1].block.text().isEmpty()) {
        // headline + time without a caption, inside the body
        set(b, RemovalKind.RELATED_HEADLINE, 0.7,
            "short block right before a timestamp inside the body (related-article card)");
      } else if (prev.kind != null && next != null && next.kind != null
          && prev.kind != RemovalKind.CREDIT && next.kind != RemovalKind.CREDIT) {
        boolean card = prev.kind == RemovalKind.CAPTION || prev.kind == RemovalKind.RELATED_MARKER;
        set(b, card ? RemovalKind.RELATED_HEADLINE : prev.kind, 0.7,
            "short block between " + prev.kind.label() + " and " + next.kind.label());
      }
    }
  }

  /**
   * The tail after a strong marker: a headline (short block followed by a paragraph), the body of
   * another story, lists of headlines. A paragraph ends the tail (the article goes on) when it
   * comes right after the marker or after a list of several headlines, or, after a single
   * headline, when it shares much more vocabulary with the article than with the tail.
   */
  private void tail(Info[] info, int lang, int from) {
    int n = info.length;
    int textTokens = 0;
    boolean inTail = false;
    boolean bodySeen = false;
    int shortSinceMarker = 0;
    ObjectOpenHashSet<String> article = new ObjectOpenHashSet<>();
    ObjectOpenHashSet<String> tailWords = new ObjectOpenHashSet<>();
    for (int i = 0; i < n; i++) {
      Info b = info[i];
      if (b.kind != null) {
        if (b.strongMarker && textTokens >= TAIL_MIN_ARTICLE_TOKENS && i > from) {
          inTail = true;
          bodySeen = false;
          shortSinceMarker = 0;
          addWords(b, lang, tailWords, true);
        } else if (inTail && (b.kind == RemovalKind.RELATED_HEADLINE
            || b.kind == RemovalKind.RELATED_LIST)) {
          shortSinceMarker++;
          addWords(b, lang, tailWords, false);
        }
        continue;
      }
      if (!inTail) {
        if (isText(b) && i >= from) {
          textTokens += b.tokens;
        }
        addWords(b, lang, article, false);
        continue;
      }
      Info next = nextUnlabelled(info, i);
      Info prevAny = info[i - 1];
      if (b.bullet) {
        set(b, RemovalKind.RELATED_LIST, 0.85, "bulleted item after a tail marker");
      } else if (headlineLike(b)) {
        boolean afterMarker = prevLabelledIsMarker(info, i);
        boolean nextIsText = next != null && isText(next) && !headlineLike(next);
        boolean inRun = (prevAny.kind == RemovalKind.RELATED_LIST)
            || (next != null && headlineLike(next) && !nextIsText);
        if (afterMarker && nextIsText && !inRun) {
          set(b, RemovalKind.RELATED_HEADLINE, 0.85, "headline after a tail marker");
        } else if (inRun) {
          set(b, RemovalKind.RELATED_LIST, 0.8, "short line in a list after a tail marker");
        } else {
          set(b, RemovalKind.RELATED_HEADLINE, 0.75, "headline-like line after a tail marker");
        }
        addWords(b, lang, tailWords, false);
        shortSinceMarker++;
      } else {
        double[] shares = overlap(b, lang, article, tailWords);
        // Another story's body follows 'read also' and exactly one headline; after a list of
        // headlines, or right after the marker, a paragraph is the article going on.
        boolean continues = !bodySeen
            && (shortSinceMarker != 1
                || (shares[0] >= CONTINUE_MIN_ARTICLE_SHARE
                    && shares[0] >= CONTINUE_ARTICLE_OVER_TAIL * shares[1]));
        if (continues) {
          inTail = false; // the article goes on
          addWords(b, lang, article, false);
          continue;
        }
        set(b, RemovalKind.RELATED_BODY, 0.8,
            String.format(Locale.ROOT,
                "paragraph after a tail marker (shares %.2f of its words with the article, %.2f"
                    + " with the tail)", shares[0], shares[1]));
        bodySeen = true;
        addWords(b, lang, tailWords, false);
      }
    }
  }

  private static Info nextUnlabelled(Info[] info, int i) {
    for (int j = i + 1; j < info.length; j++) {
      if (info[j].kind == null) {
        return info[j];
      }
    }
    return null;
  }

  private static boolean prevLabelledIsMarker(Info[] info, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (info[j].kind == null) {
        return false;
      }
      if (info[j].kind == RemovalKind.RELATED_MARKER) {
        return true;
      }
    }
    return false;
  }

  /** Adds the content words (not stopwords, 3+ chars, not digits) of {@code b}. */
  private void addWords(Info b, int lang, ObjectOpenHashSet<String> into, boolean skipCue) {
    for (int i = 0; i < b.tokens; i++) {
      String t = token(b, i);
      if (isContentWord(t, stop(b, i), lang) && !(skipCue && i < b.hits.prefixTokens)) {
        into.add(t);
      }
    }
  }

  /** Whether token {@code t}, a stopword in the languages {@code m}, is a content word. */
  private static boolean isContentWord(String t, long m, int lang) {
    if (t.length() < 3 || isDigits(t)) {
      return false;
    }
    return lang < 0 ? m == 0 : (m & (1L << lang)) == 0;
  }

  /** Shares of the content words of {@code b} found in {@code a} and in {@code t}. */
  private double[] overlap(Info b, int lang, ObjectOpenHashSet<String> a, ObjectOpenHashSet<String> t) {
    int words = 0;
    int inA = 0;
    int inT = 0;
    for (int i = 0; i < b.tokens; i++) {
      String w = token(b, i);
      if (!isContentWord(w, stop(b, i), lang)) {
        continue;
      }
      words++;
      if (a.contains(w)) {
        inA++;
      }
      if (t.contains(w)) {
        inT++;
      }
    }
    return words == 0 ? new double[] {0, 0} : new double[] {(double) inA / words, (double) inT / words};
  }

  // ---------------------------------------------------------------- page layout

  private static boolean runningText(Info b, double minStopShare) {
    return b.kind == null
        && !b.repeated
        && (b.words >= TEXT_LONG_TOKENS || (b.words >= TEXT_MIN_TOKENS && b.sentenceEnd))
        && (Double.isNaN(b.stopShare) || b.stopShare >= minStopShare);
  }

  /**
   * The stopword share a line needs to count as running text: {@link #TEXT_MIN_STOPWORD_SHARE},
   * or half the median share of the document's long lines when that is lower (languages whose
   * function words are mostly clitics, like Arabic, show lower shares).
   */
  private static double minStopShare(Info[] info) {
    double[] shares = new double[info.length];
    int k = 0;
    for (Info b : info) {
      if (b.kind == null && b.tokens >= TEXT_MIN_TOKENS && !Double.isNaN(b.stopShare)) {
        shares[k++] = b.stopShare;
      }
    }
    if (k == 0) {
      return TEXT_MIN_STOPWORD_SHARE;
    }
    java.util.Arrays.sort(shares, 0, k);
    return Math.min(TEXT_MIN_STOPWORD_SHARE, shares[k / 2] / 2);
  }

  /**
   * Whole pages: the region with the largest sum of weights (tokens of running-text lines, minus
   * {@link #PAGE_LINE_PENALTY} per other line) is the article; everything outside it is dropped.
   */
  private int[] mainRegion(Info[] info) {
    int n = info.length;
    double minStop = minStopShare(info);
    long best = 0;
    int bestFrom = 0;
    int bestTo = -1;
    long cur = 0;
    int from = 0;
    for (int i = 0; i < n; i++) {
      Info b = info[i];
      long w = runningText(b, minStop) ? b.words
          : b.strongMarker || b.barrier || b.kind == RemovalKind.LEGAL ? -PAGE_MARKER_PENALTY
          : -PAGE_LINE_PENALTY;
      if (cur <= 0) {
        cur = 0;
        from = i;
      }
      cur += w;
      if (cur > best) {
        best = cur;
        bestFrom = from;
        bestTo = i;
      }
    }
    return new int[] {bestFrom, bestTo};
  }

  private void dropOutside(Info[] info, int[] region) {
    for (int i = 0; i < info.length; i++) {
      Info b = info[i];
      if (b.kind != null) {
        continue;
      }
      if (i >= region[0] && i <= region[1]) {
        if (b.repeated && b.words < TEXT_MIN_TOKENS) {
          set(b, RemovalKind.OTHER, 0.6, "short line repeated elsewhere on the page");
        }
        continue;
      }
      if (b.words < TEXT_MIN_TOKENS) {
        set(b, RemovalKind.NAVIGATION, 0.6, "short line outside the main text region");
      } else {
        set(b, RemovalKind.OTHER, 0.6, "text outside the main text region");
      }
    }
  }
}
