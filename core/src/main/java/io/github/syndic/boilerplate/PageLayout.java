package io.github.syndic.boilerplate;

import io.github.syndic.doc.RemovalKind;
import java.util.Arrays;

/**
 * Whole scraped pages (signal 5 of {@link BoilerplateClassifier}, with {@link
 * BoilerplateConfig#pageLayout()}): the region with the most running text is the article; short
 * lines outside it are navigation and long ones other boilerplate.
 *
 * <p>Stateless; thread-safe.
 */
final class PageLayout {
  /**
   * Page layout: least tokens of a line that counts as running text (the naive rule of the
   * boilerplate literature, jusText's 'long' blocks and the 10-word rule of score.py baselines).
   */
  static final int TEXT_MIN_TOKENS = 10;

  /**
   * Page layout: a line of this many tokens is running text even without sentence-final
   * punctuation (score.py's second baseline uses 20 words; headlines stay below 25).
   */
  static final int TEXT_LONG_TOKENS = 25;

  /** Page layout: running text has at least this share of stopwords (jusText uses 0.30). */
  static final double TEXT_MIN_STOPWORD_SHARE = 0.2;

  /**
   * Page layout: weight a tail marker or legal line subtracts: what follows 'Comments', 'Related
   * stories' or a copyright line is rarely the same article, so a region rarely spans one.
   */
  static final int PAGE_MARKER_PENALTY = 40;

  /**
   * Page layout: weight (in tokens) a non-text line subtracts from a candidate region: as much as
   * the shortest running-text line adds ({@link #TEXT_MIN_TOKENS}), so a block of link lines
   * outweighs the same number of short sentences. On the AEB development half (even pages)
   * 3/6/10/15/20 gave F1 .881/.863/.905/.910/.886; 10 was kept (tied to the text threshold, and
   * 15 did worse on the held-out odd half: .893 against .904).
   */
  static final int PAGE_LINE_PENALTY = TEXT_MIN_TOKENS;

  private PageLayout() {}
  /**
   * A line of running text's length that ends a sentence, whatever its stopwords: next to running
   * text it is the article too (a lead made of names and titles, in Arabic whose function words
   * are mostly clitics, can hold almost no free-standing stopword).
   */
  private static boolean longSentence(BlockInfo b) {
    return b.kind == null && !b.repeated && b.words >= TEXT_LONG_TOKENS && b.sentenceEnd;
  }

  static boolean runningText(BlockInfo b, double minStopShare) {
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
  static double minStopShare(BlockInfo[] info) {
    double[] shares = new double[info.length];
    int k = 0;
    for (BlockInfo b : info) {
      if (b.kind == null && b.tokens >= TEXT_MIN_TOKENS && !Double.isNaN(b.stopShare)) {
        shares[k++] = b.stopShare;
      }
    }
    if (k == 0) {
      return TEXT_MIN_STOPWORD_SHARE;
    }
    Arrays.sort(shares, 0, k);
    return Math.min(TEXT_MIN_STOPWORD_SHARE, shares[k / 2] / 2);
  }

  /**
   * Most lines between a tail marker and the running text it announces: the linked story's
   * headline, byline and date, and up to three short lines of its lead (a one-line intro, a
   * numbered item's heading) that do not count as running text on their own. It was 3 (headline,
   * byline, date) until 2026-12-07; 6 changed no output on the AEB pages or the 4,624 documents
   * and let the crawled-feed test's linked stories with a short lead be found.
   */
  static final int TAIL_HEAD_MAX_LINES = 6;

  /**
   * Most lines from the end of a text region to a tail marker that closes it: the article's last
   * short lines (a sign-off, a greeting), its share line. A region that a 'read also' block
   * follows this closely is the article that block belongs to, even when it is shorter than
   * {@link #TEXT_LONG_TOKENS}; a sentence further up (a header's call to subscribe) is not. 4
   * lines: a last short paragraph line or two and a share bar. Measured 2026-12-07: with 6, an
   * AEB page's standfirst, five lines (byline, caption, labels) above a 'Read More' button before
   * its body, was taken for the article (F1 .905 -> .900); 4 changed no AEB output.
   */
  static final int CLOSING_MARKER_MAX_LINES = 4;

  /**
   * Whole pages: the region with the largest sum of weights (tokens of running-text lines, minus
   * {@link #PAGE_LINE_PENALTY} per other line) is the article; everything outside it is dropped.
   * A region that a tail marker announces ('Read also', 'Comments', with at most {@link
   * #TAIL_HEAD_MAX_LINES} lines of headline between) is another story's body or the comments,
   * not the article, when the page has a region of running text before the marker (at least a
   * long line's weight, or any running text the marker closes, see {@link
   * #CLOSING_MARKER_MAX_LINES}): that one is chosen, however much longer the announced one is (a
   * short article with a long 'read also').
   */
  static int[] mainRegion(BlockInfo[] info) {
    double minStop = minStopShare(info);
    boolean[] cards = datedCards(info, minStop);
    long[] best = bestRegion(info, info.length, minStop, false, cards);
    int marker = announcingMarker(info, (int) best[1], minStop);
    if (marker > 0) {
      // before the marker a long sentence counts on its own (a one-paragraph article)
      long[] before = bestRegion(info, marker, minStop, true, cards);
      if (before[0] >= TEXT_LONG_TOKENS
          || (before[0] >= TEXT_MIN_TOKENS && marker - before[2] <= CLOSING_MARKER_MAX_LINES)) {
        best = before;
      }
    }
    int list = listBefore(cards, (int) best[1]);
    if (list >= 0) {
      // right after a list of dated cards comes more of it (a comment longer than a card)
      long[] before = bestRegion(info, list, minStop, false, cards);
      if (before[0] >= TEXT_LONG_TOKENS) {
        best = before;
      }
    }
    int footer = footerBefore(info, (int) best[1]);
    if (footer >= 0) {
      // below the page's legal links comes the footer's own prose (a contact or about notice)
      long[] before = bestRegion(info, footer, minStop, false, cards);
      if (before[0] >= TEXT_LONG_TOKENS) {
        best = before;
      }
    }
    return new int[] {(int) best[1], (int) best[2]};
  }

  /**
   * Fewest legal lines (copyright, terms of use, privacy, imprint) within {@link #FOOTER_LINES}
   * lines that make a page's footer: one legal line also stands in a cookie banner above the
   * article or under an agency's story ('© Reuters'); a run of them is the footer's link list.
   */
  static final int FOOTER_MIN_LEGAL = 3;

  /** Most lines that hold a footer's legal links (with 'About', 'Contact', 'Jobs' between). */
  static final int FOOTER_LINES = 10;

  /**
   * The first line of the last footer (at least {@link #FOOTER_MIN_LEGAL} legal lines within
   * {@link #FOOTER_LINES} lines) that ends before {@code from}, or -1.
   */
  private static int footerBefore(BlockInfo[] info, int from) {
    int found = -1;
    for (int i = 0; i < from; i++) {
      if (info[i].kind != RemovalKind.LEGAL) {
        continue;
      }
      int count = 0;
      for (int k = i; k < from && k < i + FOOTER_LINES; k++) {
        if (info[k].kind == RemovalKind.LEGAL) {
          count++;
        }
      }
      if (count >= FOOTER_MIN_LEGAL) {
        found = i;
        i += FOOTER_LINES - 1; // one footer: its first line counts
      }
    }
    return found;
  }

  /**
   * The first line of the list of dated cards that ends at most {@link #CARD_MAX_LINES} lines
   * before {@code from}, or -1.
   */
  private static int listBefore(boolean[] cards, int from) {
    for (int k = from - 1; k >= 0 && k >= from - CARD_MAX_LINES; k--) {
      if (cards[k]) {
        while (k > 0 && cards[k - 1]) {
          k--;
        }
        return k;
      }
    }
    return -1;
  }

  /**
   * Which of {@code info[0, end)} are running text: {@link #runningText}, and, as jusText's
   * context rule has it, a 'near' line next to one (a sentence of running-text length whose
   * stopword share is below the page's bar but at least half of it: a lead paragraph dense with
   * names and figures, in a language whose function words are mostly clitics; or a long line
   * that ends a sentence, see {@link #longSentence}).
   */
  static boolean[] textLines(BlockInfo[] info, int end, double minStop) {
    boolean[] text = new boolean[end];
    for (int i = 0; i < end; i++) {
      text[i] = runningText(info[i], minStop);
    }
    boolean[] out = text.clone();
    for (int i = 0; i < end; i++) {
      if (!text[i] && (runningText(info[i], minStop / 2) || longSentence(info[i]))
          && ((i > 0 && text[i - 1]) || (i + 1 < end && text[i + 1]))) {
        out[i] = true;
      }
    }
    return out;
  }

  /**
   * The best region among {@code info[0, end)}: {weight, from, to} (to = -1: none). With {@code
   * lenient}, every {@link #longSentence} is running text, next to other text or not. Lines of
   * {@code cards} are never running text.
   */
  private static long[] bestRegion(BlockInfo[] info, int end, double minStop, boolean lenient,
      boolean[] cards) {
    boolean[] text = textLines(info, end, minStop);
    if (lenient) {
      for (int i = 0; i < end; i++) {
        text[i] |= longSentence(info[i]);
      }
    }
    long best = 0;
    int bestFrom = 0;
    int bestTo = -1;
    long cur = 0;
    int from = 0;
    for (int i = 0; i < end; i++) {
      BlockInfo b = info[i];
      long w = text[i] && !cards[i] ? b.words
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
    return new long[] {best, bestFrom, bestTo};
  }

  /**
   * Fewest dates in a list of dated cards: two dates at one distance could be an article's own
   * date lines around a short paragraph; three at one distance are a pattern that repeats.
   */
  static final int CARD_LIST_MIN_DATES = 3;

  /**
   * Fewest lines of a dated card: a date, a headline or an author's name, and a summary or a
   * comment. Date and paragraph alone (two lines) is also how a live blog's entries look, whose
   * entries are the article; a card carries at least one more line.
   */
  static final int CARD_MIN_LINES = 3;

  /**
   * Most lines of a dated card: section label, headline, byline, date, summary and a 'read
   * more' link. Longer repeating units are articles' sections more often than cards.
   */
  static final int CARD_MAX_LINES = 6;

  /** Words of the running-text lines strictly between {@code from} and {@code to}. */
  private static int textWords(BlockInfo[] info, int from, int to, double minStop) {
    int words = 0;
    for (int k = from + 1; k < to; k++) {
      if (info[k].kind == null && runningText(info[k], minStop)) {
        words += info[k].words;
      }
    }
    return words;
  }

  /** Whether {@code lines} lines between two dates make one card. */
  private static boolean card(int lines) {
    return lines >= CARD_MIN_LINES && lines <= CARD_MAX_LINES;
  }

  /**
   * Lists of dated cards (teasers of other stories with headline, author, date and summary; the
   * comments under a post with name, date and text): at least {@link #CARD_LIST_MIN_DATES}
   * timestamp lines that name a day, each {@link #CARD_MIN_LINES} to {@link #CARD_MAX_LINES}
   * lines after the one before (a time alone heads a live blog's entry, which is the article). An
   * article carries its date once or twice; a date that recurs every few lines is a list's, and
   * the summaries between, however long, are not the article's running text. The list starts at
   * the first card's lines above its date (the lines that are not running text, at most a card's
   * length) and ends with the last card; an article's own date, heading more running text than
   * the first cards after it, does not start the list. Measured 2026-12-07 (6f70878): on the 181
   * AEB pages such lists hold 1,354 lines labelled boilerplate and 4 labelled article (a card
   * heading the article's text).
   */
  static boolean[] datedCards(BlockInfo[] info, double minStop) {
    int n = info.length;
    boolean[] cards = new boolean[n];
    int[] dates = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (info[i].kind == RemovalKind.TIMESTAMP && info[i].day) {
        dates[m++] = i;
      }
    }
    for (int i = 0; i + CARD_LIST_MIN_DATES <= m; ) {
      int j = i;
      while (j + 1 < m && card(dates[j + 1] - dates[j])) {
        j++;
      }
      // an article's own date heads more running text than the first cards after it
      while (j - i + 1 >= CARD_LIST_MIN_DATES
          && textWords(info, dates[i], dates[i + 1], minStop)
              > Math.max(textWords(info, dates[i + 1], dates[i + 2], minStop),
                  textWords(info, dates[i + 2], Math.min(n, dates[i + 2] + CARD_MAX_LINES),
                      minStop))) {
        i++;
      }
      if (j - i + 1 < CARD_LIST_MIN_DATES) {
        i = j + 1;
        continue;
      }
      int period = dates[j] - dates[j - 1];
      int above = 0;
      while (above < dates[i + 1] - dates[i] - 1 && dates[i] - above - 1 >= 0
          && !runningText(info[dates[i] - above - 1], minStop)) {
        above++;
      }
      int last = Math.min(n - 1, dates[j] + Math.max(0, period - 1 - above));
      for (int k = dates[i] - above; k <= last; k++) {
        cards[k] = true;
      }
      i = j + 1;
    }
    return cards;
  }

  /**
   * The tail marker right before the region starting at {@code from} (within {@link
   * #TAIL_HEAD_MAX_LINES} lines that are not running text), or -1.
   */
  private static int announcingMarker(BlockInfo[] info, int from, double minStop) {
    // the region may start on the marker or its head lines (their weight was outweighed)
    int first = from;
    while (first < info.length && !runningText(info[first], minStop)) {
      if (info[first].strongMarker) {
        return first;
      }
      first++;
    }
    for (int i = from - 1, lines = 0; i >= 0 && lines <= TAIL_HEAD_MAX_LINES; i--, lines++) {
      if (info[i].strongMarker) {
        return i;
      }
      if (runningText(info[i], minStop)) {
        return -1;
      }
    }
    return -1;
  }

  static void dropOutside(BlockInfo[] info, int[] region) {
    for (int i = 0; i < info.length; i++) {
      BlockInfo b = info[i];
      if (b.kind != null) {
        continue;
      }
      if (i >= region[0] && i <= region[1]) {
        if (b.repeated && b.words < TEXT_MIN_TOKENS) {
          Rule.PAGE_REPEATED.apply(b, "short line repeated elsewhere on the page");
        }
        continue;
      }
      if (b.words < TEXT_MIN_TOKENS) {
        Rule.PAGE_SHORT_OUTSIDE.apply(b, "short line outside the main text region");
      } else {
        Rule.PAGE_TEXT_OUTSIDE.apply(b, "text outside the main text region");
      }
    }
  }
}
