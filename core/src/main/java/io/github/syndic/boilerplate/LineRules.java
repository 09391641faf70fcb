package io.github.syndic.boilerplate;

import io.github.syndic.boilerplate.Lexicon.Category;
import io.github.syndic.boilerplate.Lexicon.CueHits;
import io.github.syndic.doc.Block;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.internal.SentenceEnds;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;
import java.util.List;

/**
 * The rules that read one line alone (signals 1 and 2 of {@link BoilerplateClassifier}): cue
 * phrases of the {@link Lexicon} (whole line, prefix, anywhere), bylines, card credits, date/time
 * lines, photo captions, counters, menus and breadcrumbs, link lines; and comment author lines,
 * which need a count over the document.
 *
 * <p>Immutable and thread-safe.
 */
final class LineRules {
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

  /**
   * Longest dateline credit, in tokens: a two-word place, a dash and a byline of a verb and a
   * three-word name ('Sousse - Written by: Name Name Name'); a headline with a dash is longer or
   * holds no credit.
   */
  static final int MAX_DATELINE_TOKENS = 8;

  /**
   * Longest media item, in tokens: a label, a title of a headline's length and the running time
   * ('VIDEO: Nightly News Update — top stories from around the region (2:14)').
   */
  static final int MAX_MEDIA_TOKENS = 20;

  /**
   * Longest reading-time line, in tokens ('Reading time: 4 minutes', 'Время чтения: 5 минут',
   * 'Tiempo de lectura: 4 min'); the cue and a number need no more.
   */
  static final int MAX_READ_TIME_TOKENS = 6;

  /** A credit after a caption sentence ('... morning. Photo X / Y') is within the last 8 tokens. */
  static final int MAX_CREDIT_TAIL_TOKENS = 8;

  /**
   * Least share of the tokens of a line that are section names (whole-line navigation cues) for
   * a space-separated menu ('Home World Politics Business Sport').
   */
  static final double MENU_MIN_SECTION_SHARE = 0.75;

  /** Longest item of a menu row, in tokens ('Middle East', 'Science and Technology'). */
  static final int MAX_MENU_ITEM_TOKENS = 3;

  /**
   * Longest line read as a row of cues without separators ({@link #isCueSequence}): 8 tokens,
   * a share bar of four or five networks with its label; longer lines are left to the other rules.
   */
  static final int MAX_CUE_SEQUENCE_TOKENS = 8;

  /** Longest phrase of such a row, in tokens ('share this story', 'شارك هذا المقال'). */
  static final int MAX_CUE_PHRASE_TOKENS = 3;

  /**
   * Longest contact line, in tokens: a person or a desk, an e-mail address, perhaps a phone
   * number and a social handle ('Contact Jane Doe at jane@example.com or 555-0187.', 13-22
   * tokens on the test articles). Body sentences that give a service's address run longer (29
   * tokens on the two SaudiNewsNet articles that hold one, 2026-12-08).
   */
  static final int MAX_CONTACT_TOKENS = 24;

  /** Longest photo caption with a credit, in tokens (one or two sentences plus the credit). */
  static final int MAX_CAPTION_TOKENS = 50;

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

  private final Lexicon lexicon;
  private final TextNormalizer normalizer;

  LineRules(Lexicon lexicon, TextNormalizer normalizer) {
    this.lexicon = lexicon;
    this.normalizer = normalizer;
  }
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

  /** Labels {@code b} when a line rule fires; the first rule that fires wins. */
  void apply(BlockInfo b) {
    if (b.tokens == 0) {
      // punctuation or symbols only (a separator line, a lone bullet): not article text
      Rule.NO_LETTERS.apply(b, "no letters or digits");
      return;
    }
    CueHits h = b.hits;
    for (Category c : LINE_CUE_ORDER) {
      if (h.whole(c)) {
        Rule.WHOLE_CUE.apply(b, kindOf(c),
            "whole line is the " + c.label() + " cue '" + h.wholePhrase + "'");
        b.strongMarker = c == Category.RELATED_MARKER || c == Category.TAGS;
        return;
      }
    }
    if (b.tokens <= MAX_PREFIX_CUE_TOKENS) {
      for (Category c : LINE_CUE_ORDER) {
        if (c != Category.NAVIGATION && h.prefix(c)) {
          Rule.PREFIX_CUE.apply(b, kindOf(c),
              "starts with the " + c.label() + " cue '" + h.prefixPhrase + "'");
          b.strongMarker = c == Category.TAGS
              || (c == Category.RELATED_MARKER && b.tokens - h.prefixTokens <= 2);
          return;
        }
      }
    }
    if (isByline(b) || isDatelineCredit(b) || isReadTime(b) || isMediaItem(b)) {
      return;
    }

    if (b.tokens <= MAX_PREFIX_CUE_TOKENS && h.suffix(Category.CREDIT)) {
      Rule.SUFFIX_CUE.apply(b, RemovalKind.CREDIT,
          "ends with the credit cue '" + h.suffixPhrase + "'");
      return;
    }
    if (b.tokens <= MAX_PREFIX_CUE_TOKENS && Patterns.copyrightNotice(b.block.text())) {
      Rule.COPYRIGHT.apply(b, "a copyright notice ('\u00a9' opening the line or before a year)");
      return;
    }
    if (b.tokens <= MAX_CONTAINS_CUE_TOKENS) {
      for (Category c : new Category[] {Category.LEGAL, Category.PROMO, Category.COMMENTS}) {
        if (h.anywhere(c)) {
          Rule.ANYWHERE_CUE.apply(b, kindOf(c),
              "holds the " + c.label() + " cue '" + h.anywherePhrase + "'");
          return;
        }
      }
    }
    String text = b.block.text();
    if (b.tokens <= MAX_CAPTION_TOKENS && Patterns.hasCardCredit(text)) {
      Rule.CARD_CREDIT.apply(b, "photo credit with agency, image width and date");
      return;
    }
    if (isTimestamp(b) || isCaption(b) || isCounter(b) || isMenu(b) || isCueSequence(b)) {
      return;
    }
    if (b.tokens <= MAX_PREFIX_CUE_TOKENS && h.prefix(Category.NAVIGATION)) {
      Rule.NAVIGATION_PREFIX.apply(b, "starts with the navigation cue '" + h.prefixPhrase + "'");
      return;
    }
    if (Patterns.sortedWords(b.norm, b.tokenEnds, b.tokens)) {
      Rule.SORTED_WORDS.apply(b, b.tokens + " words in alphabetical order (a tag cloud or index)");
      return;
    }
    if (Patterns.hashtagLine(text)) {
      Rule.HASHTAGS.apply(b, "a row of hashtags");
      return;
    }
    if (!Patterns.mayHoldLink(text)) {
      return; // no URL and no e-mail address
    }
    int visible = Patterns.strippedLength(text);
    int emailChars = Patterns.emailChars(text);
    if (emailChars > 0 && b.tokens <= MAX_CONTACT_TOKENS) {
      Rule.CONTACT.apply(b, "a short line with an e-mail address (a contact or tip line)");
      return;
    }
    int linkChars = Patterns.urlChars(text) + emailChars;
    if (visible > 0 && linkChars * 2 >= visible) {
      Rule.LINKS.apply(b, "mostly URLs or e-mail addresses");
    }
  }

  /**
   * A byline: a byline cue ('By', 'Von', 'Par', 'بقلم') followed by at most {@link
   * #MAX_BYLINE_NAME_TOKENS} name tokens, none of them a lower-case word that is not a stopword
   * (names and titles are capitalized in cased scripts), and no sentence-final punctuation.
   */
  private boolean isByline(BlockInfo b) {
    if (!bylineForm(b)) {
      return false;
    }
    Rule.BYLINE.apply(b, "byline '" + b.hits.prefixPhrase + "' and a name");
    return true;
  }

  /** True when {@code b} has the form of {@link #isByline} (labels nothing). */
  private static boolean bylineForm(BlockInfo b) {
    CueHits h = b.hits;
    // a name in quotes or an agency in brackets closing a byline ('Name, correspondent «Outlet»',
    // 'By Jane Doe (Reuters)') ends no sentence
    if (!h.prefix(Category.BYLINE)
        || (b.sentenceEnd && SentenceEnds.endsWithStop(b.block.text()))) {
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
      if (Character.isLowerCase(first) && b.stop(i) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A dateline credit: a short line of two or three parts between spaced dashes (or, without a
   * dash, two parts on either side of a comma), one of them a whole-line credit cue or a byline,
   * the others a place, an outlet or a name ('Riyadh - Agencies', 'Outlet – Follow-ups', 'Sousse
   * - Written by: Name', 'EFE - Bogotá', 'Jane Doe, Staff Writer'). Arabic sites sign much of
   * their copy with such a line (SaudiNewsNet's 4,552 articles hold 412 lines of 2-8 tokens
   * around a spaced dash without a sentence end, mostly an outlet with a place or a reporter; the
   * ones without a credit cue or a byline in a part stay). The parts are read alone, so a cue in a
   * part is what it would be on a line of its own.
   */
  private boolean isDatelineCredit(BlockInfo b) {
    if (b.tokens < 2 || b.tokens > MAX_DATELINE_TOKENS
        || (b.sentenceEnd && SentenceEnds.endsWithStop(b.block.text()))) {
      return false;
    }
    List<String> parts = Patterns.dashParts(b.block.text());
    if (parts.size() == 1) {
      parts = Patterns.commaParts(b.block.text()); // 'Name Name, correspondent «Outlet»'
    }
    if (parts.size() < 2 || parts.size() > 3) {
      return false;
    }
    for (String p : parts) {
      BlockInfo part = partInfo(b, p);
      if (part.tokens == 0) {
        return false;
      }
      if (allCaptionCredit(part)) {
        Rule.PHOTO_CREDIT.apply(b, "photo credit '" + p + "' (a caption label with its source)");
        return true;
      }
      boolean credit = part.hits.whole(Category.CREDIT);
      if (credit || bylineForm(part)) {
        Rule.DATELINE_CREDIT.apply(b, "dateline with the " + (credit ? "credit '"
            + part.hits.wholePhrase : "byline '" + part.hits.prefixPhrase) + "'");
        return true;
      }
    }
    return false;
  }

  /** The features of {@code part}, a piece of {@code b}'s line, read as a line of its own. */
  private BlockInfo partInfo(BlockInfo b, String part) {
    return BlockInfo.of(new Block(b.block.index(), b.block.line(), 0, part.length(), part),
        normalizer.normalize(part), lexicon);
  }

  /** True when every token of {@code b} belongs to a caption-credit phrase ('Archive photo'). */
  private static boolean allCaptionCredit(BlockInfo b) {
    for (int i = 0; i < b.tokens; i++) {
      if ((b.hits.tokenMask(i) & Category.CAPTION_CREDIT.bit()) == 0) {
        return false;
      }
    }
    return b.tokens > 0;
  }

  /**
   * A video or audio item: a media cue ('Video', 'فيديو', 'Смотрите') and a running time (m:ss)
   * in parentheses, between bars or at the end, in a line of at most {@link #MAX_MEDIA_TOKENS}
   * tokens ('VIDEO: Nightly News Update (2:14)', 'Video: Title | 2:48 Min | ...').
   */
  private boolean isMediaItem(BlockInfo b) {
    if (b.tokens > MAX_MEDIA_TOKENS || b.digitTokens < 2 || !b.hits.anywhere(Category.MEDIA)
        || !Patterns.hasRunningTime(b.block.text())) {
      return false;
    }
    Rule.MEDIA_ITEM.apply(b, "media item '" + b.hits.anywherePhrase + "' with its running time");
    return true;
  }

  /**
   * A reading-time line ('4 min read', 'Lesezeit: 3 Min.', 'Время чтения: 5 минут'): a number,
   * a reading-time cue and at most {@link #MAX_READ_TIME_TOKENS} tokens (a full stop may close an
   * abbreviated unit: '4 мин.').
   */
  private boolean isReadTime(BlockInfo b) {
    if (b.digitTokens == 0 || b.tokens > MAX_READ_TIME_TOKENS
        || !b.hits.anywhere(Category.READ_TIME)) {
      return false;
    }
    Rule.READ_TIME.apply(b, "reading time '" + b.hits.anywherePhrase + "'");
    return true;
  }

  /** A counter: digits plus a share or comment cue ('14 comments', 'Comments (3)'). */
  private boolean isCounter(BlockInfo b) {
    if (b.digitTokens == 0 || b.tokens - b.digitTokens > 3) {
      return false;
    }
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < b.tokens; i++) {
      String t = b.token(i);
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
      Rule.COUNTER.apply(b, "counter '" + rest + "' with a number");
      return true;
    }
    return false;
  }

  /** Counts a cue's first category in {@link #LINE_CUE_ORDER} (none when {@code mask} is 0). */
  private static void vote(int[] votes, int mask) {
    for (Category c : LINE_CUE_ORDER) {
      if ((mask & c.bit()) != 0) {
        votes[c.ordinal()]++;
        return;
      }
    }
  }

  /** The category with the most votes (navigation unless another has more; ties: first listed). */
  private static Category majority(int[] votes) {
    Category best = Category.NAVIGATION;
    for (Category c : LINE_CUE_ORDER) {
      if (votes[c.ordinal()] > votes[best.ordinal()]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * A row of whole-line cues written without separators, as a flattened share bar leaves it
   * ('Share: Facebook Twitter Email', 'Twitter Facebook Print'): the line splits, left to right,
   * into at least two phrases that are each a whole-line cue (longest first, up to {@link
   * #MAX_CUE_PHRASE_TOKENS} tokens), with nothing left over. The row takes the cues' majority
   * kind, as a separated row of cues does.
   */
  private boolean isCueSequence(BlockInfo b) {
    if (b.tokens < 2 || b.tokens > MAX_CUE_SEQUENCE_TOKENS || b.sentenceEnd) {
      return false;
    }
    int[] votes = null;
    int cues = 0;
    int i = 0;
    // the normalized text separates tokens by single spaces: a run is one range of its chars
    char[] chars = b.nt != null ? b.nt.chars() : b.norm.toCharArray();
    while (i < b.tokens) {
      long longest = lexicon.longestWhole(chars, b.tokenEnds, b.tokens, i, MAX_CUE_PHRASE_TOKENS);
      int found = (int) (longest >>> 32);
      if (found == 0) {
        return false;
      }
      votes = votes == null ? new int[Category.values().length] : votes;
      vote(votes, (int) longest);
      cues++;
      i += found;
    }
    if (cues < 2) {
      return false;
    }
    Category best = majority(votes);
    Rule.CUE_ROW.apply(b, kindOf(best), cues + " " + best.label() + " cues in a row");
    return true;
  }

  /**
   * A menu, breadcrumb or widget row: at least two separators ('|', '>', '/', '•', or a run of
   * two or more spaces, as left by flattened links) between short items, or one separator symbol
   * between two items of a short line. When every item is a
   * whole-line cue the row takes the cues' kind (a row of share buttons, of legal links),
   * otherwise it is navigation.
   */
  private boolean isMenu(BlockInfo b) {
    if (b.sentenceEnd && b.tokens > 3) {
      return false;
    }
    if (b.tokens >= 4 && !b.sentenceEnd) {
      int sections = 0;
      for (int i = 0; i < b.tokens; i++) {
        if ((b.tokenWholeMask(i, lexicon) & Category.NAVIGATION.bit()) != 0) {
          sections++;
        }
      }
      if (sections >= MENU_MIN_SECTION_SHARE * b.tokens) {
        Rule.SECTION_MENU.apply(b, sections + " of " + b.tokens + " words are section names");
        return true;
      }
    }
    if (!Patterns.hasMenuSeparator(b.block.text())) {
      return false; // one item at most
    }
    List<String> items = Patterns.menuItems(b.block.text());
    // Two items make a row only with a visible separator ('Home > World'): a lone run of
    // spaces inside a short line is as often a headline's stray double space.
    if (items.size() < 3 && !(items.size() == 2 && b.tokens <= 6
        && Patterns.hasSymbolSeparator(b.block.text()))) {
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
      vote(votes, m);
    }
    if (allCues) {
      Category best = majority(votes);
      Rule.CUE_ROW.apply(b, kindOf(best), items.size() + " items, all " + best.label() + " cues");
      return true;
    }
    if (longest <= MAX_MENU_ITEM_TOKENS) {
      Rule.MENU_ROW.apply(b, items.size() + " short items between menu separators");
      return true;
    }
    return false;
  }

  /**
   * Comment author lines ('jane_doe says:'): short lines ending with a comments suffix cue, when
   * at least {@link #MIN_COMMENT_AUTHOR_LINES} lines of the document do (a single 'The minister
   * says:' introducing a quote stays).
   */
  static void commentAuthors(BlockInfo[] info) {
    int count = 0;
    for (BlockInfo b : info) {
      if (b.kind == null && b.tokens <= MAX_SUFFIX_CUE_TOKENS && b.hits.suffix(Category.COMMENTS)) {
        count++;
      }
    }
    if (count < MIN_COMMENT_AUTHOR_LINES) {
      return;
    }
    for (BlockInfo b : info) {
      if (b.kind == null && b.tokens <= MAX_SUFFIX_CUE_TOKENS && b.hits.suffix(Category.COMMENTS)) {
        Rule.COMMENT_AUTHOR.apply(b, "comment author line ending with '" + b.hits.suffixPhrase
            + "' (" + count + " in the document)");
        b.barrier = true;
      }
    }
  }

  /**
   * Date or time line: temporal evidence and at most a few other words; or a row of such lines
   * between bars ('Published 6:14 p.m. Feb. 27, 2024 | Updated 8:02 p.m. Feb. 27, 2024').
   */
  private boolean isTimestamp(BlockInfo b) {
    String why = timestampForm(b);
    if (why == null && b.tokens <= 2 * MAX_TIMESTAMP_TOKENS
        && b.block.text().indexOf('|') >= 0) {
      List<String> parts = Patterns.menuItems(b.block.text());
      int dated = 0;
      for (String p : parts) {
        BlockInfo part = partInfo(b, p);
        if (part.tokens == 0 || timestampForm(part) == null) {
          dated = -1;
          break;
        }
        dated++;
        b.day |= part.day;
      }
      why = dated >= 2 ? dated + " date/time items between bars" : null;
    }
    if (why == null) {
      return false;
    }
    Rule.TIMESTAMP.apply(b, why);
    return true;
  }

  /** The reason when {@code b} is a date or time line (its {@code day} set), else null. */
  private static String timestampForm(BlockInfo b) {
    if (b.tokens > MAX_TIMESTAMP_TOKENS) {
      return null;
    }
    String text = b.block.text();
    boolean time = Patterns.hasTime(text);
    boolean date = Patterns.hasNumericDate(text);
    int mask = Category.MONTH.bit() | Category.RELATIVE_DAY.bit();
    if (!time && !date) {
      int any = 0;
      for (int i = 0; i < b.tokens; i++) {
        any |= b.hits.tokenMask(i);
      }
      if ((any & mask) == 0) {
        return null; // no temporal evidence (the loop below would find none)
      }
    }
    int temporal = 0;
    int other = 0;
    boolean month = false;
    boolean relative = false;
    for (int i = 0; i < b.tokens; i++) {
      String tok = b.token(i);
      int m = b.hits.tokenMask(i);
      if ((m & mask) != 0) {
        temporal++;
        month |= (m & Category.MONTH.bit()) != 0;
        relative |= (m & Category.RELATIVE_DAY.bit()) != 0;
      } else if (isDigits(tok) || TIME_WORDS.contains(tok) || isClockToken(tok)) {
        temporal++;
      } else if ((m & Category.STOPWORD.bit()) == 0
          && b.stop(i) == 0) {
        other++;
      }
    }
    boolean evidence = time || date || (month && b.digitTokens > 0)
        || (relative && b.digitTokens > 0) || (relative && b.tokens <= 2);
    if (!evidence || temporal == 0) {
      return null;
    }
    char last = Patterns.lastVisible(text);
    boolean statement = last == '.' || last == '!' || last == '?' || last == '\u061F';
    int maxOther = statement || !(time || date)
        ? MAX_TIMESTAMP_OTHER_TOKENS_NO_CLOCK
        : MAX_TIMESTAMP_OTHER_TOKENS;
    if (other > maxOther) {
      return null;
    }
    b.day = date || month || relative;
    return "date/time line (" + (time ? "clock time" : date ? "numeric date" : month ? "month name"
        : "relative day") + ", " + other + " other words)";
  }

  /** True for a non-empty token of ASCII digits. */
  static boolean isDigits(String t) {
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
  private boolean isCaption(BlockInfo b) {
    if (b.tokens > MAX_CAPTION_TOKENS) {
      return false;
    }
    if ((b.hits.anywhereMask & Category.CAPTION_CREDIT.bit()) == 0) {
      String credit = Patterns.slashCredit(b.block.text());
      String after = "a slash";
      if (credit == null && b.tokens < SIGN_OFF_MIN_TOKENS) {
        // a paragraph of wire copy may end '... he said. — Reuters': a caption is shorter
        credit = Patterns.creditClosingCaption(b.block.text(), MAX_CREDIT_TAIL_TOKENS);
        after = credit != null && credit.charAt(0) == '\u00A9' ? "the copyright sign"
            : "the caption's last sentence";
      }
      if (credit != null) {
        Rule.PHOTO_CREDIT.apply(b, "photo credit '" + credit + "' (outlet or photographer after "
            + after + ")");
        return true;
      }
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
      char before = Patterns.prevVisible(text, b.nt.originalStart(s), VISIBLE_LOOK);
      char after =
          Patterns.nextVisible(text, b.nt.originalEnd(b.tokenEnds[i] - 1), VISIBLE_LOOK);
      boolean label = after == ':' || after == '\uFF1A';
      int start = b.nt.originalStart(s);
      // a hyphen inside a name ('ITAR-TASS') joins words; only a dash set apart separates
      boolean joined = before == '-' && start >= 2 && text.charAt(start - 1) == '-'
          && Character.isLetterOrDigit(text.charAt(start - 2));
      boolean credit = before == '/' || before == '|' || before == '\u00A9' || before == '('
          || (before == '-' && !joined) || before == '\u2013' || before == '\u2014'
          || after == '/' || text.indexOf('\u00A9') >= 0;
      // a credit word opening the parentheses that close the line: '(Photo by Name/Agency)'
      boolean nearEnd = runEnd >= b.tokens - 4
          || (before == '(' && Patterns.closesLine(text, start));
      // 'Caption. Photo X / Y', or a credit closing an unfinished last sentence ('... Avenue.
      // Photo by Courier-Post files'): a paragraph's last sentence ends
      boolean afterCaption = before == '.' && i >= b.tokens - MAX_CREDIT_TAIL_TOKENS
          && (text.indexOf('/') > 0 || !b.sentenceEnd);
      boolean atStart = i <= 1;
      if (label && (b.tokens <= 15 || !atStart || !b.sentenceEnd)) {
        Rule.CREDIT_LABEL.apply(b, "photo credit label '" + b.token(i) + "'");
        return true;
      }
      if (before == '(' && signOff(b, text, start)) {
        return false; // a wire paragraph signed off by its agency: '... negligence. (EFE)'
      }
      if ((before == '\u2014' || before == '\u2013') && b.tokens >= SIGN_OFF_MIN_TOKENS
          && runEnd == b.tokens - 1) {
        return false; // the same after a dash: '... were proven. — Reuters'
      }
      if (afterCaption
          || (credit && (nearEnd || b.tokens <= 12) && !(atStart && b.tokens > 12))) {
        Rule.PHOTO_CREDIT.apply(b, "photo credit '" + b.token(i) + "'");
        return true;
      }
    }
    return false;
  }

  /**
   * Fewest tokens of a paragraph that a bare agency in parentheses after its last sentence signs
   * off as wire copy ('... in 72 hours. (EFE)'): a photo caption is a sentence or two of at most
   * about 20 words; 25 is the page layout's long line ({@link PageLayout#TEXT_LONG_TOKENS}).
   */
  static final int SIGN_OFF_MIN_TOKENS = PageLayout.TEXT_LONG_TOKENS;

  /**
   * Most words of the agency that signs off a paragraph: 'EFE', 'Reuters', 'dpa', 'د ب أ'; a
   * photo credit names the photographer ('AP Photo/Jane Doe') or a label ('Photo: Reuters').
   */
  static final int SIGN_OFF_MAX_TOKENS = 3;

  /**
   * True when the credit whose '(' stands before {@code start} closes a long paragraph: at least
   * {@link #SIGN_OFF_MIN_TOKENS} tokens, a sentence end right before the parenthesis, nothing
   * after its closing one, and only an agency's name inside (no '/' or ':', at most {@link
   * #SIGN_OFF_MAX_TOKENS} words). Issue 15 item 7: a paragraph ending with an agency attribution is
   * article text, not a photo credit.
   */
  private static boolean signOff(BlockInfo b, String text, int start) {
    if (b.tokens < SIGN_OFF_MIN_TOKENS) {
      return false;
    }
    int open = text.lastIndexOf('(', start);
    int close = text.indexOf(')', start);
    if (open < 0 || close < 0 || !text.substring(close + 1).isBlank()) {
      return false;
    }
    String inside = text.substring(open + 1, close);
    if (inside.indexOf('/') >= 0 || inside.indexOf(':') >= 0
        || inside.strip().split("\\s+").length > SIGN_OFF_MAX_TOKENS) {
      return false; // a photo credit: '(AP Photo/Jane Doe)', '(Photo: Reuters)'
    }
    return Patterns.isSentenceEnd(Patterns.prevVisible(text, open, VISIBLE_LOOK));
  }

  /** How far a credit word's neighbouring separator is looked for: 3 chars ('Photo : X'). */
  private static final int VISIBLE_LOOK = 3;
}
