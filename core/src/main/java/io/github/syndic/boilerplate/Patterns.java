package io.github.syndic.boilerplate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surface patterns of site furniture, on the original text of a block: times, numeric dates, the
 * tail of a photo credit ('- Agency, 1920, 21.12.2025'), URLs, e-mail addresses, bullets, menus.
 *
 * <p>Linear-time safety: every regular expression here has only bounded quantifiers or a
 * possessive unbounded one, and every match must start at a digit, a dash or a fixed literal, so a
 * {@code find()} over a line of n chars does O(n) work in total (tested on 100k-char adversarial
 * lines). E-mail addresses are found by a hand-written scan around each '@'.
 *
 * <p>Stateless and thread-safe.
 */
final class Patterns {
  private Patterns() {}

  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

  /** A clock time: 13:21, 9.30 is not used (ambiguous with decimals), 13h21 (French). */
  static final Pattern TIME = Pattern.compile("(?<!\\d)\\d{1,2}(?::|h|ч)\\d{2}(?!\\d)", FLAGS);

  /** A numeric date: 21.12.2025, 2025-12-21, 12/21/25, ۲۱/۱۲/۱۴۰۴. */
  static final Pattern NUMERIC_DATE =
      Pattern.compile("(?<!\\d)\\d{1,4}[./\\-]\\d{1,2}[./\\-]\\d{2,4}(?!\\d)", FLAGS);

  /**
   * The tail of a related-card photo caption: a dash or bar, a credit of at most 80 chars without
   * commas, an image width of 3-4 digits, and a numeric date, at the end of the line.
   */
  static final Pattern CARD_CREDIT =
      Pattern.compile(
          "[-\u2013\u2014|]\\s{0,3}[^,\\n]{1,80},\\s{0,3}\\d{3,4},\\s{0,3}"
              + "\\d{1,4}[./\\-]\\d{1,2}[./\\-]\\d{2,4}\\s{0,3}$",
          FLAGS);

  /** Most words of a photographer's or outlet's name in a credit after a slash. */
  static final int SLASH_CREDIT_MAX_WORDS = 4;

  /**
   * The credit that ends a photo caption after a slash, or null: '(Outlet/ Jane Doe)' or '(AP
   * Photo/Jane Doe)' closing the line (two to {@link #SLASH_CREDIT_MAX_WORDS} + 1 words, with two
   * or more on one side, no digit: '(km/h)' is a unit, '($4.99/mo)' a price), or ' / Jane Doe'
   * after the caption's last sentence (one to {@link #SLASH_CREDIT_MAX_WORDS} capitalized words,
   * no sentence end after them).
   */
  static String slashCredit(String text) {
    String t = text.strip();
    int n = t.length();
    if (n > 2 && t.charAt(n - 1) == ')') {
      int open = t.lastIndexOf('(');
      int slash = t.lastIndexOf('/');
      if (open < 0 || slash < open) {
        return null;
      }
      int left = words(t.substring(open + 1, slash));
      int right = words(t.substring(slash + 1, n - 1));
      boolean credit = left >= 1 && right >= 1 && Math.max(left, right) >= 2
          && left + right <= SLASH_CREDIT_MAX_WORDS + 1 && t.indexOf('/', slash + 1) < 0
          && t.substring(open + 1, slash).indexOf('/') < 0
          && t.substring(open).chars().noneMatch(Character::isDigit);
      return credit ? t.substring(open, n) : null;
    }
    int slash = t.lastIndexOf(" / ");
    if (slash <= 0 || isSentenceEnd(t.charAt(n - 1))) {
      return null;
    }
    if (!isSentenceEnd(t.charAt(slash - 1))) {
      return null;
    }
    String name = t.substring(slash + 3).strip();
    int w = words(name);
    if (w < 1 || w > SLASH_CREDIT_MAX_WORDS) {
      return null;
    }
    for (String part : name.split("\\s+")) {
      if (!Character.isUpperCase(part.codePointAt(0))) {
        return null;
      }
    }
    return name;
  }

  /** Space-separated parts of {@code s} holding a letter. */
  private static int words(String s) {
    int w = 0;
    for (String part : s.strip().split("\\s+")) {
      if (part.codePoints().anyMatch(Character::isLetter)) {
        w++;
      }
    }
    return w;
  }

  /** Fewest hashtags of a line made of hashtags only, for {@link #hashtagLine}. */
  static final int HASHTAG_MIN = 2;

  /**
   * Whether {@code text} is a row of hashtags and nothing else ('#economy #budget'): at least
   * {@link #HASHTAG_MIN} space-separated items, each a number sign (ASCII or full-width) followed
   * by letters or digits. A sentence may hold a hashtag; a line of them only is the topic links
   * under an article.
   */
  static boolean hashtagLine(String text) {
    int items = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i == n) {
        break;
      }
      char c = text.charAt(i);
      if (c != '#' && c != '\uFF03') {
        return false;
      }
      i++;
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i == start || !Character.isLetterOrDigit(text.codePointAt(start))) {
        return false;
      }
      items++;
    }
    return items >= HASHTAG_MIN;
  }

  /**
   * Fewest words of a line whose alphabetical order marks it as a tag cloud or an A-Z index:
   * adjacent words of running text are in order about half the time, so among 20 words 90% in
   * order does not happen by chance (below 10^-3 even for 20 words drawn in random order).
   */
  static final int SORTED_MIN_WORDS = 20;

  /** Least share of adjacent word pairs in alphabetical order, for {@link #sortedWords}. */
  static final double SORTED_MIN_SHARE = 0.9;

  /**
   * Whether the space-separated tokens of {@code norm} (token i ends at {@code ends[i]}) are a
   * list in alphabetical order: at least {@link #SORTED_MIN_WORDS} tokens, and at least {@link
   * #SORTED_MIN_SHARE} of adjacent pairs in strictly increasing order (char by char on the
   * normalized view; a word repeated is no list of tags).
   */
  static boolean sortedWords(String norm, int[] ends, int count) {
    if (count < SORTED_MIN_WORDS) {
      return false;
    }
    int inOrder = 0;
    for (int i = 1, s0 = 0; i < count; s0 = ends[i - 1] + 1, i++) {
      int s1 = ends[i - 1] + 1;
      if (compare(norm, s0, ends[i - 1], s1, ends[i]) < 0) {
        inOrder++;
      }
    }
    return inOrder >= SORTED_MIN_SHARE * (count - 1);
  }

  private static int compare(String s, int from0, int to0, int from1, int to1) {
    int n = Math.min(to0 - from0, to1 - from1);
    for (int k = 0; k < n; k++) {
      int d = s.charAt(from0 + k) - s.charAt(from1 + k);
      if (d != 0) {
        return d;
      }
    }
    return (to0 - from0) - (to1 - from1);
  }

  /** A URL: scheme or www. followed by non-space chars (possessive). */
  static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S++", FLAGS | Pattern.CASE_INSENSITIVE);

  /**
   * True when {@code s} holds at least {@code least} decimal digits (of any script): a cheap
   * test that spares the regular expressions on the many lines that cannot match them.
   */
  static boolean digits(CharSequence s, int least) {
    int n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if ((DIGITS[c >>> 6] & (1L << c)) != 0 && ++n >= least) {
        return true;
      }
    }
    return false;
  }

  /** Bit c: {@code Character.isDigit(c)}, for every char (a table instead of a call per char). */
  private static final long[] DIGITS = new long[1 << 10];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (Character.isDigit((char) c)) {
        DIGITS[c >>> 6] |= 1L << c;
      }
    }
  }

  /** True when {@code s} holds "://" or "www." (any case): a URL is possible. */
  static boolean mayHoldUrl(CharSequence s) {
    if (s instanceof String str) {
      // the same test through String.indexOf (vectorized) on the chars that can start a match,
      // which most lines lack: ':' for "://", 'w' or 'W' for "www." (starting before length - 3)
      int limit = str.length() - 3;
      for (int i = str.indexOf(':'); i >= 0 && i < limit; i = str.indexOf(':', i + 1)) {
        if (str.charAt(i + 1) == '/' && str.charAt(i + 2) == '/') {
          return true;
        }
      }
      for (char w : new char[] {'w', 'W'}) {
        for (int i = str.indexOf(w); i >= 0 && i < limit; i = str.indexOf(w, i + 1)) {
          if ((str.charAt(i + 1) | 0x20) == 'w' && (str.charAt(i + 2) | 0x20) == 'w'
              && str.charAt(i + 3) == '.') {
            return true;
          }
        }
      }
      return false;
    }
    for (int i = 0, len = s.length() - 3; i < len; i++) {
      char c = s.charAt(i);
      if (c == ':' && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
        return true;
      }
      if ((c == 'w' || c == 'W') && (s.charAt(i + 1) | 0x20) == 'w'
          && (s.charAt(i + 2) | 0x20) == 'w' && s.charAt(i + 3) == '.') {
        return true;
      }
    }
    return false;
  }

  /**
   * False when {@code s} can hold neither a URL nor an e-mail address: it has no '@', no "//" and
   * no two w's in a row (any case), which "://", "www." and every address need. One pass, for the
   * many lines without links ({@link #urlChars} and {@link #emailChars} are 0 on them).
   */
  static boolean mayHoldLink(String s) {
    int n = s.length();
    char prev = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '@' || (c == '/' && prev == '/') || ((c | 0x20) == 'w' && (prev | 0x20) == 'w')) {
        return true;
      }
      prev = c;
    }
    return false;
  }

  /** {@code s.strip().length()}, without the copy. */
  static int strippedLength(String s) {
    int end = s.length();
    int start = 0;
    while (start < end && Character.isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return end - start;
  }

  /** True when {@code s} holds a clock time. */
  static boolean hasTime(CharSequence s) {
    return digits(s, 3) && between(s, ':', 'h', '\u0447') && TIME.matcher(s).find();
  }

  /** True when {@code s} holds a numeric date. */
  static boolean hasNumericDate(CharSequence s) {
    return digits(s, 4) && between(s, '.', '/', '-') && NUMERIC_DATE.matcher(s).find();
  }

  /**
   * True when one of the chars {@code a}, {@code b}, {@code c} stands between two digits (or
   * surrogates, which may be halves of a digit), as in every match of {@link #TIME} (':', 'h',
   * 'ч') and of {@link #NUMERIC_DATE} ('.', '/', '-'): a cheap test before the expression.
   */
  private static boolean between(CharSequence s, char a, char b, char c) {
    for (int i = 1, last = s.length() - 1; i < last; i++) {
      char x = s.charAt(i);
      if ((x == a || x == b || x == c) && digitOrSurrogate(s.charAt(i - 1))
          && digitOrSurrogate(s.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean digitOrSurrogate(char c) {
    return (DIGITS[c >>> 6] & (1L << c)) != 0 || Character.isSurrogate(c);
  }

  /** True when {@code s} ends like a related-card photo caption. */
  static boolean hasCardCredit(CharSequence s) {
    return digits(s, 7) && twoCommas(s) && CARD_CREDIT.matcher(s).find();
  }

  /** True when {@code s} holds two ',' (as {@link #CARD_CREDIT} needs). */
  private static boolean twoCommas(CharSequence s) {
    int found = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) == ',' && ++found == 2) {
        return true;
      }
    }
    return false;
  }

  /** Total chars of {@code s} covered by URLs. */
  static int urlChars(CharSequence s) {
    if (!mayHoldUrl(s)) {
      return 0;
    }
    Matcher m = URL.matcher(s);
    int n = 0;
    while (m.find()) {
      n += m.end() - m.start();
    }
    return n;
  }

  /** Total chars of {@code s} covered by e-mail addresses (a scan around each '@'). */
  static int emailChars(CharSequence s) {
    int n = 0;
    int len = s.length();
    int from = 0;
    for (int at = indexOf(s, '@', from); at >= 0; at = indexOf(s, '@', from)) {
      int l = at;
      while (l > from && isEmailChar(s.charAt(l - 1))) {
        l--;
      }
      int r = at + 1;
      boolean dot = false;
      while (r < len && (isEmailChar(s.charAt(r)))) {
        if (s.charAt(r) == '.') {
          dot = true;
        }
        r++;
      }
      if (l < at && r > at + 1 && dot) {
        n += r - l;
      }
      from = r; // every char is scanned at most twice
    }
    return n;
  }

  private static int indexOf(CharSequence s, char c, int from) {
    if (s instanceof String str) {
      return str.indexOf(c, from);
    }
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isEmailChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-'
        || c == '+';
  }

  /** True when the first visible char of {@code s} is a bullet followed by a space. */
  static boolean isBulleted(CharSequence s) {
    int i = 0;
    int n = s.length();
    while (i < n && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i)))) {
      i++;
    }
    if (i >= n) {
      return false;
    }
    char c = s.charAt(i);
    boolean bullet =
        switch (c) {
          case '\u2022', '\u00B7', '\u25AA', '\u25E6', '\u2023', '\u25CF', '\u25CB', '\u25A0',
              '\u25A1', '\u25BA', '\u25B6', '\u27A4', '\u2043', '\u2219', '*', '-', '\u2013',
              '\u2014', '\u00BB', '>' -> true;
          default -> false;
        };
    return bullet
        && i + 1 < n
        && (Character.isWhitespace(s.charAt(i + 1)) || Character.isSpaceChar(s.charAt(i + 1)));
  }

  /**
   * The parts of {@code s} between dashes standing between spaces ('-', '–', '—', '―'), trimmed;
   * a single part when there is none. A dash inside a word ('Al-Ahram', 'Baden-Württemberg') or
   * a number range ('2-3') does not split.
   */
  static List<String> dashParts(String s) {
    List<String> parts = null; // made at the first dash: most lines have none
    int n = s.length();
    int from = 0;
    for (int i = 1; i + 1 < n; i++) {
      char c = s.charAt(i);
      if ((c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2015')
          && isSpace(s.charAt(i - 1)) && isSpace(s.charAt(i + 1))) {
        if (parts == null) {
          parts = new ArrayList<>(3);
        }
        parts.add(s.substring(from, i).trim());
        from = i + 1;
      }
    }
    if (parts == null) {
      return List.of(s);
    }
    parts.add(s.substring(from).trim());
    return parts;
  }

  /** The two parts of {@code s} around its only comma (Latin or Arabic), trimmed; else one part. */
  static List<String> commaParts(String s) {
    int c = -1;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ',' || ch == '\u060C') {
        if (c >= 0) {
          return List.of(s);
        }
        c = i;
      }
    }
    if (c < 0) {
      return List.of(s);
    }
    return List.of(s.substring(0, c).trim(), s.substring(c + 1).trim());
  }

  /**
   * True when {@code s} holds a running time: m:ss or h:mm:ss in parentheses, after a bar or at
   * the end of the line ('(2:14)', '| 2:48 Min |', '... 02:36').
   */
  static boolean hasRunningTime(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) != ':' || i == 0 || !isAsciiDigit(s.charAt(i - 1))) {
        continue;
      }
      int a = i - 1;
      while (a > 0 && isAsciiDigit(s.charAt(a - 1))) {
        a--;
      }
      int e = i + 1;
      while (e < n && isAsciiDigit(s.charAt(e))) {
        e++;
      }
      if (i - a > 2 || e - i - 1 != 2) {
        continue;
      }
      if (e < n && s.charAt(e) == ':') { // h:mm:ss
        int f = e + 1;
        while (f < n && isAsciiDigit(s.charAt(f))) {
          f++;
        }
        if (f - e - 1 != 2) {
          continue;
        }
        e = f;
      }
      char before = prevVisible(s, a, n);
      char after = nextVisible(s, e, n);
      if (before == '(' || before == '|' || after == ')' || after == '|' || after == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The last char before {@code i} that is not white space, looking back at most {@code look}
   * chars; 0 when there is none.
   */
  static char prevVisible(String s, int i, int look) {
    for (int k = i - 1; k >= 0 && k >= i - look; k--) {
      if (!isSpace(s.charAt(k))) {
        return s.charAt(k);
      }
    }
    return 0;
  }

  /**
   * The first char from {@code i} on that is not white space, looking at most {@code look} chars
   * ahead; 0 when there is none.
   */
  static char nextVisible(String s, int i, int look) {
    for (int k = i; k < s.length() && k < i + look; k++) {
      if (!isSpace(s.charAt(k))) {
        return s.charAt(k);
      }
    }
    return 0;
  }

  /** True when {@code s} holds a separator symbol of {@link #menuItems} (not only space runs). */
  static boolean hasSymbolSeparator(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (isMenuSymbol(s.charAt(i)) && (i == 0 || isSpace(s.charAt(i - 1)))
          && (i + 1 == n || isSpace(s.charAt(i + 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code s} holds a separator of {@link #menuItems} (so that it can give more than
   * one item): a run of two spaces, or a separator symbol standing between spaces.
   */
  static boolean hasMenuSeparator(String s) {
    int n = s.length();
    boolean prevSpace = true; // the start of the line counts as a space before a symbol
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean space = isSpace(c);
      if (space && i > 0 && prevSpace) {
        return true; // s[i - 1], s[i]: a run of two spaces
      }
      if (!space && isMenuSymbol(c) && prevSpace && (i + 1 == n || isSpace(s.charAt(i + 1)))) {
        return true;
      }
      prevSpace = space;
    }
    return false;
  }

  private static boolean isMenuSymbol(char c) {
    return c == '|' || c == '>' || c == '\u00BB' || c == '\u203A' || c == '\u00B7'
        || c == '\u2022' || c == '/' || c == '\u00A6'
        || c == '\u2192' /* rightwards arrow */ || c == '\u276F' /* heavy right angle bracket */;
  }

  /**
   * A photo credit closing a caption after its last sentence: the copyright sign ('View of the
   * bay. © Name Name / Outlet'), a dash ('... last week. — Courier photo') or a name and an outlet
   * around a slash ('... at dismissal. Jane Roe / North Range Media'), followed by at most {@code
   * maxTokens} words and no sentence end. Returns the credit, or null.
   */
  static String creditClosingCaption(String s, int maxTokens) {
    int c = s.lastIndexOf('\u00A9');
    if (c <= 0) {
      c = creditAfterSentence(s);
      if (c <= 0) {
        return null;
      }
    }
    int p = c - 1;
    while (p >= 0 && isSpace(s.charAt(p))) {
      p--;
    }
    if (p < 0 || !isSentenceEnd(s.charAt(p))) {
      return null;
    }
    String credit = s.substring(c).strip();
    int words = 0;
    boolean in = false;
    for (int i = 1; i < credit.length(); i++) {
      char ch = credit.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        if (!in) {
          words++;
        }
        in = true;
      } else {
        in = false;
        if (isSentenceEnd(ch) && i + 1 < credit.length()) {
          return null;
        }
      }
    }
    char last = credit.charAt(credit.length() - 1);
    return words >= 1 && words <= maxTokens && !isSentenceEnd(last) ? credit : null;
  }

  /**
   * The start of a 'Name Name / Outlet' credit after a caption's last sentence ('Students leave
   * the school. Jane Roe / North Range Media'): the text after the last sentence end holds a slash
   * between spaces and starts with a capital; -1 when there is none.
   */
  private static int creditAfterSentence(String s) {
    int dash = dashAfterSentence(s);
    if (dash > 0) {
      return dash;
    }
    int slash = s.lastIndexOf(" / ");
    if (slash <= 0) {
      return -1;
    }
    for (int i = slash - 1; i > 0; i--) {
      if (isSentenceEnd(s.charAt(i)) && isSpace(s.charAt(i + 1))) {
        int j = i + 1;
        while (j < slash && isSpace(s.charAt(j))) {
          j++;
        }
        return j < slash && Character.isUpperCase(s.charAt(j)) ? j : -1;
      }
    }
    return -1;
  }

  /**
   * The start of a credit set off by a dash right after a caption's last sentence ('... last
   * week. — Courier photo by Jane Roe', '... rush hour. — Filepic'): the index of the dash, or -1.
   */
  private static int dashAfterSentence(String s) {
    for (int i = s.length() - 1; i > 1; i--) {
      char c = s.charAt(i);
      if ((c == '\u2014' || c == '\u2013') && isSpace(s.charAt(i - 1))) {
        int p = i - 1;
        while (p > 0 && isSpace(s.charAt(p))) {
          p--;
        }
        return isSentenceEnd(s.charAt(p)) ? i : -1;
      }
    }
    return -1;
  }

  /**
   * True when {@code s} is a copyright notice: its first visible char is the copyright sign ('©
   * 2012 Site', '© Agency 2024. All rights reserved'), or the sign stands before a year
   * anywhere ('... member of the press regulator. © 2024 Outlet Ltd'). Such a line is a site's or
   * an agency's notice, never article text.
   */
  static boolean copyrightNotice(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        if (c == '\u00A9') {
          return true;
        }
        break;
      }
    }
    for (int i = s.indexOf('\u00A9'); i >= 0; i = s.indexOf('\u00A9', i + 1)) {
      int j = i + 1;
      while (j < n && isSpace(s.charAt(j))) {
        j++;
      }
      int d = j;
      while (d < n && s.charAt(d) >= '0' && s.charAt(d) <= '9') {
        d++;
      }
      if (d - j == 4 && (s.startsWith("19", j) || s.startsWith("20", j))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the '(' just before {@code from} is closed by the last visible char of {@code s},
   * with no other parenthesis between.
   */
  static boolean closesLine(String s, int from) {
    int e = s.length();
    while (e > 0 && isSpace(s.charAt(e - 1))) {
      e--;
    }
    if (e == 0 || s.charAt(e - 1) != ')') {
      return false;
    }
    for (int i = from; i < e - 1; i++) {
      char c = s.charAt(i);
      if (c == '(' || c == ')') {
        return false;
      }
    }
    return true;
  }

  /**
   * The items of a menu-like row: the text between separators ('|', '>', '»', '›', '/', '·',
   * '•', '¦' standing between spaces, or a run of two or more spaces). Blank items are dropped.
   */
  static List<String> menuItems(String s) {
    List<String> items = null; // made at the first separator: most lines have none
    int n = s.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int sepEnd = -1;
      if (isSpace(c) && i + 1 < n && isSpace(s.charAt(i + 1))) {
        sepEnd = i + 2;
        while (sepEnd < n && isSpace(s.charAt(sepEnd))) {
          sepEnd++;
        }
      } else if (isMenuSymbol(c)
          && (i == 0 || isSpace(s.charAt(i - 1)))
          && (i + 1 == n || isSpace(s.charAt(i + 1)))) {
        sepEnd = i + 1;
      }
      if (sepEnd < 0) {
        i++;
        continue;
      }
      if (items == null) {
        items = new ArrayList<>();
      }
      String item = s.substring(start, i).strip();
      if (!item.isEmpty()) {
        items.add(item);
      }
      start = sepEnd;
      i = sepEnd;
    }
    String item = s.substring(start).strip();
    if (items == null) {
      return item.isEmpty() ? List.of() : List.of(item);
    }
    if (!item.isEmpty()) {
      items.add(item);
    }
    return items;
  }

  private static boolean isSpace(char c) {
    return (SPACES[c >>> 6] & (1L << c)) != 0;
  }

  /**
   * Bit c: {@code Character.isWhitespace(c) || Character.isSpaceChar(c)}, for every char (a
   * table instead of two calls per char).
   */
  private static final long[] SPACES = new long[1 << 10];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (Character.isWhitespace((char) c) || Character.isSpaceChar((char) c)) {
        SPACES[c >>> 6] |= 1L << c;
      }
    }
  }

  /** The last visible char of {@code s}, or 0 when none. */
  static char lastVisible(CharSequence s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (!(Character.isWhitespace(c) || Character.isSpaceChar(c)
          || Character.getType(c) == Character.FORMAT)) {
        return c;
      }
    }
    return 0;
  }

  /** True when {@code c} ends a sentence (Latin, Arabic, CJK, closing quotes and brackets). */
  static boolean isSentenceEnd(char c) {
    return switch (c) {
      case '.', '!', '?', '\u061F', '\u3002', '\u2026', '"', '\'', '\u201D', '\u2019', '\u00BB',
          ')', '\u06D4', ';', '\uFF01', '\uFF1F' -> true;
      default -> false;
    };
  }
}
