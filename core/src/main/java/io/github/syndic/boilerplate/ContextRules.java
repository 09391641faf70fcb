package io.github.syndic.boilerplate;

import io.github.syndic.doc.RemovalKind;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Locale;

/**
 * The rules that read a block's neighbours (signal 4 of {@link BoilerplateClassifier}): all-caps
 * menus, related-article cards inside the body, and the tail after a strong marker (another
 * story's headline and body, lists of headlines) up to where the article goes on.
 *
 * <p>Stateless; thread-safe.
 */
final class ContextRules {
  /**
   * Longest headline-like block in tokens: news headlines run 6-20 words in the languages
   * covered; 25 leaves room for long ones.
   */
  static final int MAX_HEADLINE_TOKENS = 25;

  /**
   * Longest headline right after a tail marker, in tokens. The marker announces a headline, and
   * the linked story's headline may carry a section label or be a wire agency's (whose headlines
   * restate the lead: 25-35 words), so a line without a sentence end that follows the marker is
   * read as that headline up to 40 tokens, when it shares little of the article's vocabulary.
   */
  static final int MAX_TAIL_HEADLINE_TOKENS = 40;

  /**
   * A paragraph after a tail marker continues the article only when at least this share of its
   * content words occurs in the article before the marker...
   */
  static final double CONTINUE_MIN_ARTICLE_SHARE = 0.4;

  /** ...and that share is at least this many times its share with the tail so far. */
  static final double CONTINUE_ARTICLE_OVER_TAIL = 2.0;

  /**
   * Least share of a card headline's content words that the paragraph right after it holds for
   * it to be the linked story's lead, whatever it shares with the article: 0.25. A lead restates
   * its headline (the subject, the place, the figure); a related story is often on the article's
   * own topic, so its lead shares the article's words too, and the article going on after a card
   * rarely repeats the card's headline.
   */
  static final double CARD_LEAD_MIN_HEADLINE_SHARE = 0.25;

  /**
   * A tail marker only starts a tail after this many tokens of running text: a 'Most read' or
   * 'Tags' link in a page's header is not the end of the article. 30 tokens is one or two
   * sentences, less than any lead paragraph.
   */
  static final int TAIL_MIN_ARTICLE_TOKENS = 30;

  /**
   * Longest byline or source line under a tail's headline, in tokens: 'Staff – Riyadh', 'Jane Doe
   * | Reuters', a writer's name and the outlet run 2-5 words; headlines of a list are longer.
   */
  static final int MAX_BYLINE_TOKENS = 6;

  private ContextRules() {}

  /**
   * Longest line under a tail's headline that is a byline without any separator: a writer's
   * name (two or three words); the headlines of a list are longer.
   */
  static final int MAX_NAME_TOKENS = 3;

  /**
   * Longest dateline under a tail's headline, in tokens: place, day, month, year and agency run
   * 4-7 words ('BERLIN, Aug. 10 (Reuters)'); written in two calendars, as Arab agencies date
   * their wires (Hijri, then Gregorian), 10-13.
   */
  static final int MAX_DATELINE_TOKENS = 14;

  /**
   * A byline-like line: short ({@link #MAX_BYLINE_TOKENS}), not ending a sentence, and either a
   * bare name or label ({@link #MAX_NAME_TOKENS}) or made of parts set apart by a dash, a bar, a
   * slash or an underscore ('Name – Outlet', 'Outlet | City'): the credit a story carries under
   * its headline, or the section label above it, which a list of headlines does not.
   */
  private static boolean bylineLike(BlockInfo b) {
    if (b.kind != null || b.tokens == 0 || b.tokens > MAX_DATELINE_TOKENS) {
      return false;
    }
    String t = b.block.text().strip();
    if (b.digitTokens > 0 && (b.hits.anywhere(Lexicon.Category.MONTH) || Patterns.hasNumericDate(t))
        && (!b.sentenceEnd || Patterns.lastVisible(t) == ')')) {
      return true; // a dateline: 'BERLIN, Aug. 10 (Reuters)'
    }
    if (b.sentenceEnd || b.tokens > MAX_BYLINE_TOKENS) {
      return false;
    }
    if (b.tokens <= MAX_NAME_TOKENS) {
      return true;
    }
    for (int i = 1; i < t.length() - 1; i++) {
      char c = t.charAt(i);
      boolean spaced = Character.isWhitespace(t.charAt(i - 1)) || Character.isWhitespace(t.charAt(i + 1));
      if (c == '\u2013' || c == '\u2014' || c == '|'
          || (spaced && (c == '-' || c == '/' || c == '_'))) {
        return true;
      }
    }
    return false;
  }
  /**
   * True for a short line written in capitals (at least 3 letters, all cased letters upper case,
   * at most {@link LineRules#MAX_MENU_ITEM_TOKENS} + 1 tokens, no digits): a menu entry or a
   * section label.
   */
  private static boolean allCaps(BlockInfo b) {
    if (b.kind != null || b.tokens == 0 || b.tokens > LineRules.MAX_MENU_ITEM_TOKENS + 1
        || b.digitTokens > 0) {
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
  static void capsMenus(BlockInfo[] info) {
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
        Rule.CAPS_MENU.apply(info[i],
            run ? "all-caps menu entry among others" : "all-caps menu entry next to navigation");
      }
    }
  }

  /** Short and not ending like a statement ('.', ';', ':'); headlines may end in '?' or '!'. */
  private static boolean headlineLike(BlockInfo b) {
    if (b.kind != null || b.tokens == 0 || b.tokens > MAX_HEADLINE_TOKENS) {
      return false;
    }
    char c = Patterns.lastVisible(b.block.text());
    return c != '.' && c != ';' && c != ':' && c != '\u3002' && c != '\u06D4' && c != ','
        && c != '\u060C';
  }

  private static boolean isText(BlockInfo b) {
    return b.tokens >= PageLayout.TEXT_MIN_TOKENS;
  }

  /**
   * Related cards inside the body: a short headline-like block right after a caption, or right
   * before a timestamp that is followed by the article, or between two boilerplate blocks, once
   * the article has started.
   */
  static void cards(BlockInfo[] info) {
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
      BlockInfo b = info[i];
      if (!headlineLike(b)) {
        continue;
      }
      BlockInfo prev = info[i - 1];
      BlockInfo next = i + 1 < info.length ? info[i + 1] : null;
      boolean prevCaption = prev.kind == RemovalKind.CAPTION;
      boolean nextTime = next != null && next.kind == RemovalKind.TIMESTAMP;
      if ((prevCaption && nextTime) || (prevCaption && next != null && next.kind != null)
          || (nextTime && prev.kind != null)) {
        Rule.CARD_HEADLINE.apply(b,
            "short block between " + prev.kind.label() + " and "
                + (next == null || next.kind == null ? "text" : next.kind.label())
                + " (related-article card)");
      } else if (nextTime && prev.kind == null && i + 2 < info.length
          && info[i + 2].kind == null && !info[i - 1].block.text().isEmpty()) {
        // headline + time without a caption, inside the body
        Rule.CARD_BEFORE_TIME.apply(b,
            "short block right before a timestamp inside the body (related-article card)");
      } else if (prev.kind != null && next != null && next.kind != null
          && prev.kind != RemovalKind.CREDIT && next.kind != RemovalKind.CREDIT) {
        boolean card = prev.kind == RemovalKind.CAPTION || prev.kind == RemovalKind.RELATED_MARKER;
        Rule.BETWEEN_LABELLED.apply(b, card ? RemovalKind.RELATED_HEADLINE : prev.kind,
            "short block between " + prev.kind.label() + " and " + next.kind.label());
      }
    }
  }

  /**
   * The tail after a strong marker, read as a segment: the marker, a head (one headline, possibly
   * with its byline or date, or a list of headlines), then the body of another story, until the
   * next marker or the end. A paragraph ends the tail (the article goes on) when it comes right
   * after the marker or after a list of several headlines, or, after a single headline (and its
   * byline), when it shares much more vocabulary with the article than with the tail.
   */
  static void tail(BlockInfo[] info, int lang, int from) {
    int n = info.length;
    boolean[] card = cardMarkers(info);
    int textTokens = 0;
    boolean inTail = false;
    boolean bodySeen = false;
    int shortSinceMarker = 0;
    int markerBox = -1; // HTML: the furniture element around the tail's marker
    // the article's content words, collected only when a tail needs them (most documents have
    // no tail marker after their text, and hashing every word of every block cost ~6% of cleaning)
    ArticleWords article = new ArticleWords(info, lang);
    LongOpenHashSet tailWords = new LongOpenHashSet();
    for (int i = 0; i < n; i++) {
      BlockInfo b = info[i];
      if (b.kind != null) {
        if (b.strongMarker && textTokens >= TAIL_MIN_ARTICLE_TOKENS && i > from && card[i]) {
          cardHead(info, i, lang, article.set());
        } else if (b.strongMarker && textTokens >= TAIL_MIN_ARTICLE_TOKENS && i > from) {
          inTail = true;
          bodySeen = false;
          shortSinceMarker = 0;
          markerBox = b.furniture;
          addWords(b, lang, tailWords, true);
        } else if (inTail && (b.kind == RemovalKind.RELATED_HEADLINE
            || b.kind == RemovalKind.RELATED_LIST)) {
          shortSinceMarker++;
          addWords(b, lang, tailWords, false);
        }
        continue;
      }
      if (inTail && markerBox >= 0 && b.furniture != markerBox) {
        // HTML: the marker heads a box (a related card inside the article); the tail ends with
        // the box, and the article goes on after it
        inTail = false;
      }
      if (!inTail) {
        if (isText(b) && i >= from) {
          textTokens += b.tokens;
        }
        article.add(i);
        continue;
      }
      int ni = nextUnlabelled(info, i);
      if (ni >= 0 && bylineLike(info[ni])) {
        ni = nextUnlabelled(info, ni); // a story's head: its byline, then its body
      }
      BlockInfo next = ni < 0 ? null : info[ni];
      BlockInfo prevAny = info[i - 1];
      int after = nextUnlabelled(info, i);
      boolean labelAboveHeadline = prevAny.kind == RemovalKind.RELATED_MARKER && after >= 0
          && headlineLike(info[after]) && !bylineLike(info[after]);
      if (shortSinceMarker <= 1 && !bodySeen && bylineLike(b)
          && (prevAny.rule == Rule.TAIL_HEADLINE || labelAboveHeadline)) {
        Rule.TAIL_BYLINE.apply(b, "byline or label in the head of a tail");
        addWords(b, lang, tailWords, false);
      } else if (b.bullet) {
        Rule.TAIL_BULLET.apply(b, "bulleted item after a tail marker");
      } else if (headlineLike(b)) {
        boolean afterMarker = prevLabelledIsMarker(info, i);
        boolean nextIsText = next != null && isText(next) && !headlineLike(next);
        boolean inRun = (prevAny.kind == RemovalKind.RELATED_LIST)
            || (next != null && headlineLike(next) && !nextIsText);
        if (afterMarker && nextIsText && !inRun) {
          Rule.TAIL_HEADLINE.apply(b, "headline after a tail marker");
        } else if (inRun) {
          Rule.TAIL_LIST.apply(b, "short line in a list after a tail marker");
        } else {
          Rule.TAIL_HEADLINE_LIKE.apply(b, "headline-like line after a tail marker");
        }
        addWords(b, lang, tailWords, false);
        shortSinceMarker++;
      } else if (shortSinceMarker == 0 && !bodySeen
          && longTailHeadline(b, next, lang, article.set(), tailWords)) {
        Rule.TAIL_HEADLINE.apply(b, "long headline after a tail marker");
        addWords(b, lang, tailWords, false);
        shortSinceMarker++;
      } else {
        double[] shares = overlap(b, lang, article.set(), tailWords);
        // Another story's body follows 'read also' and exactly one headline; after a list of
        // headlines, or right after the marker, a paragraph is the article going on.
        boolean continues = !bodySeen
            && (shortSinceMarker != 1
                || (shares[0] >= CONTINUE_MIN_ARTICLE_SHARE
                    && shares[0] >= CONTINUE_ARTICLE_OVER_TAIL * shares[1]));
        if (continues) {
          inTail = false; // the article goes on
          article.add(i);
          continue;
        }
        Rule.TAIL_BODY.apply(b,
            String.format(Locale.ROOT,
                "paragraph after a tail marker (shares %.2f of its words with the article, %.2f"
                    + " with the tail)", shares[0], shares[1]));
        bodySeen = true;
        addWords(b, lang, tailWords, false);
      }
    }
  }

  /**
   * Related-article markers that open a card inside the body, not a tail: between the marker and
   * the next strong marker (or the end) come paragraphs and then the article's own end, a credit
   * or a line of tags (with its tags: a bare 'Topics' heads a list of other pages). A tail
   * follows the article's credit and tags (the seeds, the test pages, the crawled-feed sites), so
   * paragraphs before them are still the article's: 'Related coverage', one headline, and the
   * story going on.
   */
  private static boolean[] cardMarkers(BlockInfo[] info) {
    int n = info.length;
    boolean[] card = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (!info[i].strongMarker || info[i].kind != RemovalKind.RELATED_MARKER) {
        continue;
      }
      int paragraphs = 0;
      for (int j = i + 1; j < n; j++) {
        BlockInfo b = info[j];
        if (b.kind == RemovalKind.CREDIT
            || (b.kind == RemovalKind.TAGS && b.rule != Rule.WHOLE_CUE)) {
          card[i] = paragraphs > 0;
          break;
        }
        if (b.strongMarker) {
          break;
        }
        if (b.kind == null && isText(b) && !headlineLike(b)) {
          paragraphs++;
        }
      }
    }
    return card;
  }

  /**
   * Labels the card that marker {@code m} opens inside the body: the headline-like or byline-like
   * lines up to the first paragraph ({@link PageLayout#TAIL_HEAD_MAX_LINES} at most), then the
   * linked story's paragraphs, as long as each shares more of its content words with the card so
   * far than with the article before the marker ({@code article}); the first paragraph that does
   * not is the article going on.
   */
  private static void cardHead(BlockInfo[] info, int m, int lang, LongOpenHashSet article) {
    LongOpenHashSet cardWords = new LongOpenHashSet();
    addWords(info[m], lang, cardWords, true);
    LongOpenHashSet headline = new LongOpenHashSet();
    int seen = 0;
    int j = m + 1;
    for (; j < info.length && seen < PageLayout.TAIL_HEAD_MAX_LINES; j++) {
      BlockInfo b = info[j];
      if (b.kind != null) {
        continue;
      }
      if (!headlineLike(b) && !bylineLike(b)) {
        break;
      }
      Rule.CARD_AFTER_MARKER.apply(b,
          "headline of a related card inside the body (the article goes on after it)");
      addWords(b, lang, cardWords, false);
      addWords(b, lang, headline, false);
      seen++;
    }
    if (seen == 0) {
      return;
    }
    boolean first = true;
    for (; j < info.length; j++) {
      BlockInfo b = info[j];
      if (b.strongMarker) {
        return;
      }
      if (b.kind != null) {
        continue;
      }
      if (!isText(b) || headlineLike(b)) {
        return;
      }
      double[] shares = overlap(b, lang, article, cardWords);
      double restated = first ? recall(headline, b, lang) : 0;
      first = false;
      if (shares[1] <= shares[0] && restated < CARD_LEAD_MIN_HEADLINE_SHARE) {
        return; // the article goes on
      }
      Rule.CARD_BODY.apply(b, String.format(Locale.ROOT,
          "paragraph of a related card inside the body (shares %.2f of its words with the card,"
              + " %.2f with the article; holds %.2f of the card headline's words)", shares[1],
          shares[0], restated));
      // a lead taken for restating the headline may share the article's topic words: only its
      // other words join the card's, or the article's next paragraph would look like more of it
      for (int i = 0; i < b.tokens; i++) {
        if (isContentWord(b, i, lang)
            && (shares[1] > shares[0] || !article.contains(b.tokenHash(i)))) {
          cardWords.add(b.tokenHash(i));
        }
      }
    }
  }

  /**
   * A block right after a tail marker that reads as the linked story's long headline: at most
   * {@link #MAX_TAIL_HEADLINE_TOKENS}, no sentence end, running text after it, and less of the
   * article's vocabulary than a continuing paragraph has.
   */
  private static boolean longTailHeadline(BlockInfo b, BlockInfo next, int lang,
      LongOpenHashSet article, LongOpenHashSet tailWords) {
    if (b.tokens > MAX_TAIL_HEADLINE_TOKENS || b.sentenceEnd || next == null || !isText(next)) {
      return false;
    }
    char c = Patterns.lastVisible(b.block.text());
    if (c == ':' || c == ',' || c == '\u060C' || c == ';') {
      return false;
    }
    return overlap(b, lang, article, tailWords)[0] < CONTINUE_MIN_ARTICLE_SHARE;
  }

  /** The position of the first unlabelled block after {@code i}, or -1. */
  private static int nextUnlabelled(BlockInfo[] info, int i) {
    for (int j = i + 1; j < info.length; j++) {
      if (info[j].kind == null) {
        return j;
      }
    }
    return -1;
  }

  private static boolean prevLabelledIsMarker(BlockInfo[] info, int i) {
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

  /**
   * Adds the content words (not stopwords, 3+ chars, not digits) of {@code b}, as hashes of their
   * normalized chars ({@link BlockInfo#tokenHash}).
   */
  private static void addWords(BlockInfo b, int lang, LongOpenHashSet into, boolean skipCue) {
    for (int i = 0; i < b.tokens; i++) {
      if (isContentWord(b, i, lang) && !(skipCue && i < b.hits.prefixTokens)) {
        into.add(b.tokenHash(i));
      }
    }
  }

  /** Content words of blocks, hashed into the set when it is first read. Not thread-safe. */
  private static final class ArticleWords {
    private final BlockInfo[] info;
    private final int lang;
    private final IntArrayList pending = new IntArrayList();
    private final LongOpenHashSet words = new LongOpenHashSet();

    ArticleWords(BlockInfo[] info, int lang) {
      this.info = info;
      this.lang = lang;
    }

    void add(int block) {
      pending.add(block);
    }

    LongOpenHashSet set() {
      for (int k = 0; k < pending.size(); k++) {
        addWords(info[pending.getInt(k)], lang, words, false);
      }
      pending.clear();
      return words;
    }
  }

  /** Whether token {@code i} of {@code b} is a content word. */
  private static boolean isContentWord(BlockInfo b, int i, int lang) {
    if (b.tokenLength(i) < 3 || b.tokenIsDigits(i)) {
      return false;
    }
    long m = b.stop(i);
    return lang < 0 ? m == 0 : (m & (1L << lang)) == 0;
  }

  /** The share of the words of {@code words} that occur among the content words of {@code b}. */
  private static double recall(LongOpenHashSet words, BlockInfo b, int lang) {
    if (words.isEmpty()) {
      return 0;
    }
    LongOpenHashSet found = new LongOpenHashSet();
    for (int i = 0; i < b.tokens; i++) {
      if (isContentWord(b, i, lang) && words.contains(b.tokenHash(i))) {
        found.add(b.tokenHash(i));
      }
    }
    return found.size() / (double) words.size();
  }

  /** Shares of the content words of {@code b} found in {@code a} and in {@code t}. */
  private static double[] overlap(BlockInfo b, int lang, LongOpenHashSet a, LongOpenHashSet t) {
    int words = 0;
    int inA = 0;
    int inT = 0;
    for (int i = 0; i < b.tokens; i++) {
      if (!isContentWord(b, i, lang)) {
        continue;
      }
      words++;
      long w = b.tokenHash(i);
      if (a.contains(w)) {
        inA++;
      }
      if (t.contains(w)) {
        inT++;
      }
    }
    return words == 0 ? new double[] {0, 0} : new double[] {(double) inA / words, (double) inT / words};
  }
}
