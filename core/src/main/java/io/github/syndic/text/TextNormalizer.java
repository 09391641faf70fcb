package io.github.syndic.text;

import io.github.syndic.hash.Hash64;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Builds the matching view of a text ({@link NormalizedText}): the original is never changed, the
 * view folds away differences that do not matter for matching and maps every normalized character
 * back to the original range it came from.
 *
 * <p>Rules, applied in this order to every code point:
 *
 * <ol>
 *   <li>Unicode NFKC ({@link java.text.Normalizer}). The text is processed in chunks that end at
 *       a line feed (or an ASCII space after 4,096 chars). A chunk whose every char has an NFKC
 *       form independent of its neighbours (the common case: ASCII, Arabic letters and harakat,
 *       most punctuation, presentation forms, NBSP) goes through a precomputed table, one lookup
 *       per char. Otherwise each base character with its following combining marks (at most
 *       {@link #MAX_SEGMENT} chars; Hangul conjoining jamo count as marks) is normalized as a unit
 *       and all its output maps to the unit's original range. Both paths give the output of NFKC
 *       of the whole text (a randomized test checks it).
 *   <li>Dropped: Arabic harakat U+064B–U+065F, superscript alef U+0670, Quranic annotation marks
 *       U+06D6–U+06ED, tatweel U+0640, and every format character (Unicode category Cf: bidi
 *       controls, zero-width joiners and spaces, BOM, soft hyphen).
 *   <li>Case folding: {@code toLowerCase(toUpperCase(cp))} per code point (simple case folding,
 *       also folds final sigma and dotless/dotted i variants).
 *   <li>Arabic/Persian letter folding, after Lucene's {@code ArabicNormalizer} and {@code
 *       PersianNormalizer}: alef variants آ أ إ ٱ → ا; alef maksura ى and Persian yeh ی → ي;
 *       Persian keheh ک → ك; heh with yeh above ۀ and heh goal ہ → ه; optionally teh marbuta ة → ه
 *       ({@link Options#foldTehMarbuta()}).
 *   <li>Decimal digits of every script (Arabic-Indic, Persian, Devanagari, full-width, ...) →
 *       ASCII digits.
 *   <li>Letters, digits and combining marks are kept; everything else (punctuation of any script,
 *       symbols, white space, controls) is a separator. Runs of separators become one ASCII space;
 *       leading and trailing separators are dropped.
 * </ol>
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class TextNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Longest run of a base character plus combining marks that is NFKC-normalized as one unit; a
   * longer run (e.g. 1,000 stacked marks) is cut into units of this size so normalization stays
   * linear. 32 is far above any real grapheme (Unicode's stream-safe format allows 30 marks).
   */
  public static final int MAX_SEGMENT = 32;

  /** Version of the rule set; bumped whenever any rule changes the output for some input. */
  public static final int RULES_VERSION = 1;

  /**
   * Folded chars in [1, PLAIN_END) are letters or digits of scripts written with spaces (the
   * first script without them, Thai, starts at U+0E00): the token loop's fast class.
   */
  private static final char PLAIN_END = 0x0E00;

  /** Soft chunk size for the NFKC stability check (chars); an implementation detail, not a rule. */
  private static final int CHUNK = 4096;

  /** Options of the normalizer; immutable. */
  public record Options(boolean foldTehMarbuta) implements Serializable {
    /** The defaults: teh marbuta is kept distinct from heh. */
    public static Options defaults() {
      return new Options(false);
    }

    /** A stable, human-readable description used in spec fingerprints. */
    public String describe() {
      return "norm/v" + RULES_VERSION + (foldTehMarbuta ? "+teh" : "");
    }
  }

  private static final TextNormalizer DEFAULT = new TextNormalizer(Options.defaults());

  private final Options options;

  private TextNormalizer(Options options) {
    this.options = options;
  }

  /** The normalizer with default options. */
  public static TextNormalizer defaults() {
    return DEFAULT;
  }

  /** A normalizer with the given options. */
  public static TextNormalizer of(Options options) {
    if (options == null) {
      throw new NullPointerException("options");
    }
    return options.equals(Options.defaults()) ? DEFAULT : new TextNormalizer(options);
  }

  /** This normalizer's options. */
  public Options options() {
    return options;
  }

  /**
   * Normalizes {@code text}. A null or empty text gives an empty view.
   *
   * @return the matching view; its {@link NormalizedText#original()} is {@code text}
   */
  public NormalizedText normalize(CharSequence text) {
    Builder b = new Builder(text == null ? "" : text, true);
    run(text, b);
    return b.build();
  }

  /**
   * The normalized characters of {@code text} without the offset mapping (cheaper: for signatures
   * and other uses that never map back). Equal to {@code normalize(text).toString()}'s chars.
   *
   * @return a buffer whose first {@code size()} chars are the normalized view; owned by the caller
   */
  public it.unimi.dsi.fastutil.chars.CharArrayList normalizeChars(CharSequence text) {
    Builder b = new Builder(text == null ? "" : text, false);
    run(text, b);
    return it.unimi.dsi.fastutil.chars.CharArrayList.wrap(b.out, b.len);
  }

  /**
   * The token hashes of {@code normalize(text)}, exactly as {@link
   * Tokenizer#tokenize(NormalizedText)} gives them, computed in the same pass as normalization
   * without materializing the normalized view (the hot path of signatures).
   *
   * @return a buffer whose first {@code size()} values are the token hashes; owned by the caller
   */
  public LongArrayList tokenHashes(CharSequence text) {
    Builder b = new Builder(text == null ? "" : text, false, true);
    run(text, b);
    b.finishTokens();
    return LongArrayList.wrap(b.tokenHashes, b.tokenCount);
  }

  private void run(CharSequence text, Builder b) {
    if (text == null) {
      return;
    }
    int n = text.length();
    char[] src = new char[n];
    if (text instanceof String str) {
      str.getChars(0, n, src, 0);
    } else {
      for (int i = 0; i < n; i++) {
        src[i] = text.charAt(i);
      }
    }
    char[] table = FoldTable.TABLE;
    boolean teh = options.foldTehMarbuta();
    char[] tokenTable = teh ? FoldTable.tehTable() : table;
    int chunkStart = 0;
    while (chunkStart < n) {
      if (b.tokens) {
        // Token mode runs chunk after chunk in one call; it stops only at a chunk that needs the
        // general path, with every chunk before it done.
        int end = b.foldTableChunksTokens(tokenTable, src, chunkStart, n);
        if (end >= 0) {
          return; // end == n
        }
        chunkStart = -1 - end;
      } else {
        int end = b.foldTableChunk(table, src, chunkStart, n, teh);
        if (end >= 0) {
          chunkStart = end;
          continue;
        }
      }
      // The chunk holds a char whose NFKC form depends on its context: the general path.
      int chunkEnd = chunkEnd(text, chunkStart, n);
      CharSequence chunk = text.subSequence(chunkStart, chunkEnd);
      boolean stable = Normalizer.isNormalized(chunk, Normalizer.Form.NFKC);
      normalizeChunk(text, chunkStart, chunkEnd, stable, b);
      chunkStart = chunkEnd;
    }
  }

  /**
   * End of the chunk that starts at {@code from}: just after the next line feed, or after the next
   * ASCII space once the chunk holds {@link #CHUNK} chars, or at {@code 2 * CHUNK} chars. ASCII
   * white space never composes with its neighbours, so NFKC per chunk equals NFKC of the whole.
   */
  private static int chunkEnd(CharSequence text, int from, int n) {
    int hard = (int) Math.min(n, (long) from + 2 * CHUNK);
    for (int i = from; i < hard; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == ' ' && i - from >= CHUNK)) {
        return i + 1;
      }
    }
    if (hard < n && hard - from > 1 && Character.isHighSurrogate(text.charAt(hard - 1))) {
      hard--; // never split a surrogate pair
    }
    return hard;
  }

  private void normalizeChunk(CharSequence text, int from, int to, boolean stable, Builder b) {
    int i = from;
    while (i < to) {
      int cp = Character.codePointAt(text, i);
      int end = Math.min(to, i + Character.charCount(cp));
      if (stable) {
        b.fold(cp, i, end);
        i = end;
        continue;
      }
      // A unit: one base code point and its following combining marks.
      while (end < to && end - i < MAX_SEGMENT) {
        int next = Character.codePointAt(text, end);
        if (!isCombining(next)) {
          break;
        }
        end += Character.charCount(next);
      }
      if (end - i == 1 && cp < 0xA0) {
        b.fold(cp, i, end); // ASCII and C1 controls are NFKC-stable
      } else {
        String unit = Normalizer.normalize(text.subSequence(i, end), Normalizer.Form.NFKC);
        for (int j = 0; j < unit.length(); ) {
          int u = unit.codePointAt(j);
          b.fold(u, i, end);
          j += Character.charCount(u);
        }
      }
      i = end;
    }
  }

  private static boolean isCombining(int cp) {
    if (cp >= 0x1160 && cp <= 0x11FF) {
      return true; // Hangul medial vowels and final consonants compose with the preceding jamo
    }
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  /** True for code points the normalizer removes outright (rule 2). */
  static boolean isDropped(int cp) {
    if (cp >= 0x064B && cp <= 0x065F) {
      return true; // harakat
    }
    if (cp == 0x0670 || cp == 0x0640) {
      return true; // superscript alef, tatweel
    }
    if (cp >= 0x06D6 && cp <= 0x06ED && cp != 0x06DD && cp != 0x06DE && cp != 0x06E5
        && cp != 0x06E6 && cp != 0x06E9) {
      return true; // Quranic annotation marks (not the letters and signs in that range)
    }
    return Character.getType(cp) == Character.FORMAT;
  }

  /** Folds one code point after NFKC (rules 3-5); returns the code point to emit. */
  int foldCodePoint(int cp) {
    switch (cp) {
      case 0x0622: // آ
      case 0x0623: // أ
      case 0x0625: // إ
      case 0x0671: // ٱ
        return 0x0627;
      case 0x0649: // ى
      case 0x06CC: // ی
        return 0x064A;
      case 0x06A9: // ک
        return 0x0643;
      case 0x06C0: // ۀ
      case 0x06C1: // ہ
        return 0x0647;
      case 0x0629: // ة
        return options.foldTehMarbuta() ? 0x0647 : cp;
      default:
        break;
    }
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') {
        return cp + 32;
      }
      return cp;
    }
    if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
      int d = Character.digit(cp, 10);
      if (d >= 0) {
        return '0' + d;
      }
    }
    return Character.toLowerCase(Character.toUpperCase(cp));
  }

  /** True when {@code cp} (already folded) belongs to a token: a letter, digit or mark. */
  static boolean isTokenChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    }
    int t = Character.getType(cp);
    switch (t) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
      case Character.NON_SPACING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.ENCLOSING_MARK:
        return true;
      default:
        return false;
    }
  }

  /**
   * Rules 1-6 precomputed for every BMP char whose NFKC form does not depend on its neighbours:
   * chars NFKC leaves unchanged that are no combining mark and never compose, compatibility chars
   * whose expansion holds no mark, and dropped Arabic marks that never compose (their canonical
   * reordering cannot change the output, since they are dropped). {@link #SLOW} marks every other
   * char; a chunk holding one takes the general path. Built once from the same rule functions, so
   * both paths give identical output (a test compares them).
   */
  static final class FoldTable {
    /** The char is dropped (rule 2). */
    static final char DROP = 0;
    /** The char is a separator (rule 6). */
    static final char SEPARATOR = 0xFFFF;
    /** The char needs the general path (not NFKC-stable in every context, or a surrogate). */
    static final char SLOW = 0xFFFE;

    /** The char's NFKC form has several chars, kept in {@link #EXPANSIONS}; fold each. */
    static final char EXPAND = 0xFFFD;

    static final String[] EXPANSIONS = new String[0x10000];
    static final char[] TABLE = build(EXPANSIONS);

    private FoldTable() {}

    /**
     * {@link #TABLE} with teh marbuta folded to heh (rule 4's option): every entry that folds to
     * U+0629 folds to U+0647 instead. Built on first use.
     */
    static char[] tehTable() {
      return TehHolder.TEH_TABLE;
    }

    private static final class TehHolder {
      static final char[] TEH_TABLE = tehVariant(TABLE);

      private static char[] tehVariant(char[] table) {
        char[] t = table.clone();
        for (int c = 0; c < t.length; c++) {
          if (t[c] == 0x0629) {
            t[c] = 0x0647;
          }
        }
        return t;
      }
    }

    private static char[] build(String[] expansions) {
      TextNormalizer rules = new TextNormalizer(Options.defaults());
      char[] t = new char[0x10000];
      for (int c = 0; c < 0x10000; c++) {
        t[c] = entry(rules, c, expansions);
      }
      return t;
    }

    private static char entry(TextNormalizer rules, int c, String[] expansions) {
      if (c >= 0xD800 && c <= 0xDFFF) {
        return SLOW;
      }
      if (c < 0x80) {
        return classify(rules, c);
      }
      if (c >= 0x1100 && c <= 0x11FF) {
        return SLOW; // conjoining jamo compose with their neighbours
      }
      if (isCombining(c)) {
        // A dropped mark is dropped wherever canonical reordering moves it, unless it composes
        // with a base letter (U+0653-U+0655: madda, hamza above and below), or NFKC changes it.
        boolean composes = c >= 0x0653 && c <= 0x0655;
        String s = String.valueOf((char) c);
        if (isDropped(c) && !composes && Normalizer.normalize(s, Normalizer.Form.NFKC).equals(s)) {
          return DROP;
        }
        return SLOW;
      }
      if (isKnownNfkcStable(c)) {
        return classify(rules, c); // skips a Normalizer call for about 40,000 chars at start-up
      }
      String s = String.valueOf((char) c);
      String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
      if (nfkc.equals(s)) {
        return classify(rules, c);
      }
      // A compatibility character: context-free when its expansion holds no char that can
      // combine or reorder with a neighbour (marks, conjoining jamo).
      for (int i = 0; i < nfkc.length(); i++) {
        char x = nfkc.charAt(i);
        if (isCombining(x) || Character.isSurrogate(x) || (x >= 0x1100 && x <= 0x11FF)) {
          return SLOW;
        }
      }
      if (nfkc.length() == 1) {
        return classify(rules, nfkc.charAt(0));
      }
      expansions[c] = nfkc;
      return EXPAND;
    }

    /**
     * Ranges that have no decomposition and never compose with a following starter (a following
     * combining mark or jamo is SLOW and sends the chunk to the general path): CJK unified
     * ideographs, Hangul syllables, private use, and unassigned code points. A test checks them
     * against {@link Normalizer}.
     */
    static boolean isKnownNfkcStable(int c) {
      return (c >= 0x4E00 && c <= 0x9FFF)
          || (c >= 0xAC00 && c <= 0xD7A3)
          || (c >= 0xE000 && c <= 0xF8FF)
          || Character.getType(c) == Character.UNASSIGNED;
    }

    /** Rules 2-6 for a code point NFKC leaves unchanged. */
    private static char classify(TextNormalizer rules, int c) {
      if (isDropped(c)) {
        return DROP;
      }
      int f = rules.foldCodePoint(c);
      if (!isTokenChar(f)) {
        return SEPARATOR;
      }
      if (f > 0xFFFF || f == SLOW || f == SEPARATOR || f == DROP || f == EXPAND) {
        return SLOW;
      }
      return (char) f;
    }
  }

  private final class Builder {
    private final CharSequence original;
    private char[] out;
    private int[] starts;
    private int[] ends;
    private int len;
    private boolean pendingSpace;
    private int spaceStart;
    private int spaceEnd;

    private final boolean offsets;
    // Token mode: chars are not stored but fed to a tokenizer (the same rules as Tokenizer).
    private final boolean tokens;
    long[] tokenHashes;
    int tokenCount;
    private boolean inToken;
    private boolean needLow;
    private long h;
    // Token mode: the tokenizer state at the start of the current chunk (see foldTableChunksTokens).
    private int chunkCount;
    private boolean chunkIn;
    private long chunkH;

    Builder(CharSequence original, boolean offsets) {
      this(original, offsets, false);
    }

    Builder(CharSequence original, boolean offsets, boolean tokens) {
      this.original = original;
      this.offsets = offsets;
      this.tokens = tokens;
      int cap = Math.max(16, original.length());
      if (tokens) {
        tokenHashes = new long[Math.max(4, (cap >> 2) + 4)];
        return;
      }
      out = new char[cap];
      if (offsets) {
        starts = new int[cap];
        ends = new int[cap];
      }
    }

    /**
     * Folds the chunk that starts at {@code from} (its end as {@link #chunkEnd} defines it)
     * through the table, in one pass; returns the chunk end, or -1, with this builder unchanged,
     * when the chunk holds a {@link FoldTable#SLOW} char.
     */
    int foldTableChunk(char[] table, char[] src, int from, int n, boolean teh) {
      int len0 = len;
      int tokenCount0 = tokenCount;
      boolean inToken0 = inToken;
      boolean needLow0 = needLow;
      long h0 = h;
      boolean pending0 = pendingSpace;
      int spaceStart0 = spaceStart;
      int spaceEnd0 = spaceEnd;
      int hard = (int) Math.min(n, (long) from + 2 * CHUNK);
      for (int i = from; i < hard; i++) {
        char c = src[i];
        char f = table[c];
        if (f >= FoldTable.EXPAND) {
          if (f == FoldTable.SEPARATOR) {
            separator(i, i + 1);
          } else if (f == FoldTable.EXPAND) {
            String x = FoldTable.EXPANSIONS[c];
            for (int j = 0; j < x.length(); j++) {
              fold(x.charAt(j), i, i + 1);
            }
          } else {
            len = len0;
            tokenCount = tokenCount0;
            inToken = inToken0;
            needLow = needLow0;
            h = h0;
            pendingSpace = pending0;
            spaceStart = spaceStart0;
            spaceEnd = spaceEnd0;
            return -1;
          }
        } else if (f != FoldTable.DROP) {
          tokenChar(teh && f == 0x0629 ? (char) 0x0647 : f, i, i + 1);
        }
        if (c == '\n' || (c == ' ' && i - from >= CHUNK)) {
          return i + 1;
        }
      }
      return hard; // a high surrogate at hard - 1 is SLOW, so no pair is split here
    }

    /**
     * {@link #foldTableChunk} in token mode over consecutive chunks (as {@link #chunkEnd} cuts
     * them) from {@code from}, with the tokenizer state in locals: the hot loop of signatures.
     * Returns {@code n} when every chunk went through the table; else {@code -1 - s}, where
     * {@code s} is the start of the first chunk holding a {@link FoldTable#SLOW} char, with this
     * builder holding exactly the state after the chunks before it. {@code table} is {@link
     * FoldTable#TABLE}, or {@link FoldTable#tehTable()} when teh marbuta is folded.
     *
     * <p>Chars that fold to a letter or digit below U+0E00 (no script there is written without
     * spaces) take a tight inner loop that only extends the current token's FNV-1a hash; every
     * other class (separator, dropped, expansion, unspaced script, slow) is dispatched per char.
     * The chunk-end test runs on separators only: {@code '\n'} and {@code ' '} are separators.
     * Crossing a chunk end only records the state there (short lines, as in scraped navigation,
     * would otherwise pay a call per line).
     */
    int foldTableChunksTokens(char[] table, char[] src, int from, int n) {
      long[] hs = tokenHashes;
      int cnt = tokenCount;
      boolean in = inToken;
      long hh = h;
      // The state at the start of the current chunk, restored if the chunk holds a SLOW char. It
      // lives in fields, written only at chunk starts, to leave registers to the hot loop.
      chunkCount = cnt;
      chunkIn = in;
      chunkH = hh;
      int hard = (int) Math.min(n, (long) from + 2 * CHUNK);
      int i = from;
      scan:
      while (true) {
        if (i == hard) {
          if (i == n) {
            break;
          }
          // A chunk cut at 2 * CHUNK chars (no space or line feed in it): the next starts here.
          from = i;
          hard = (int) Math.min(n, (long) from + 2 * CHUNK);
          chunkCount = cnt;
          chunkIn = in;
          chunkH = hh;
        }
        char c = src[i];
        char f = table[c];
        if ((char) (f - 1) < PLAIN_END - 1) { // f in [1, PLAIN_END): a plain token char
          if (!in) {
            in = true;
            hh = Hash64.FNV_OFFSET;
          }
          while (true) {
            hh = (hh ^ f) * Hash64.FNV_PRIME;
            if (++i == hard) {
              continue scan;
            }
            c = src[i];
            f = table[c];
            if ((char) (f - 1) >= PLAIN_END - 1) {
              break;
            }
          }
        }
        i++;
        if (f == FoldTable.SEPARATOR) {
          if (in) {
            in = false;
            hs = push(hs, cnt++, hh);
          }
          if (c == '\n' || (c == ' ' && i - 1 - from >= CHUNK)) {
            // A chunk end: the next chunk starts at i, outside any token.
            from = i;
            hard = (int) Math.min(n, (long) from + 2 * CHUNK);
            chunkCount = cnt;
            chunkIn = false;
            chunkH = hh;
          }
        } else if (f == FoldTable.DROP) {
          continue;
        } else if (f < FoldTable.EXPAND) {
          // A token char at or above PLAIN_END: maybe a script written without spaces.
          if (Tokenizer.isUnspacedScript(f)) {
            if (in) {
              in = false;
              hs = push(hs, cnt++, hh);
            }
            hs = push(hs, cnt++, (Hash64.FNV_OFFSET ^ f) * Hash64.FNV_PRIME);
          } else {
            if (!in) {
              in = true;
              hh = Hash64.FNV_OFFSET;
            }
            hh = (hh ^ f) * Hash64.FNV_PRIME;
          }
        } else if (f == FoldTable.EXPAND) {
          String x = FoldTable.EXPANSIONS[c];
          for (int j = 0; j < x.length(); j++) {
            char e = x.charAt(j);
            if (isDropped(e)) {
              continue;
            }
            int g = foldCodePoint(e);
            if (!isTokenChar(g)) {
              if (in) {
                in = false;
                hs = push(hs, cnt++, hh);
              }
            } else if (g > 0xFFFF || Tokenizer.isUnspacedScript((char) g)) {
              return slow(hs, from); // rare: leave it to the general path
            } else {
              if (!in) {
                in = true;
                hh = Hash64.FNV_OFFSET;
              }
              hh = (hh ^ g) * Hash64.FNV_PRIME;
            }
          }
        } else {
          return slow(hs, from); // SLOW: the current chunk is undone
        }
      }
      tokenHashes = hs;
      tokenCount = cnt;
      inToken = in;
      h = hh;
      return n;
    }

    /** Keeps the state at the start of the chunk at {@code from}; returns {@code -1 - from}. */
    private int slow(long[] hs, int from) {
      tokenHashes = hs;
      tokenCount = chunkCount;
      inToken = chunkIn;
      h = chunkH;
      return -1 - from;
    }

    private static long[] push(long[] hs, int index, long fnv) {
      if (index == hs.length) {
        hs = Arrays.copyOf(hs, index + (index >> 1) + 8);
      }
      hs[index] = Hash64.fmix64(fnv);
      return hs;
    }

    void separator(int start, int end) {
      if (tokens) {
        // Token mode: a separator ends the current token at once (no space is materialized).
        if (inToken) {
          inToken = false;
          emit(h);
        }
        return;
      }
      if (!pendingSpace) {
        pendingSpace = true;
        spaceStart = start;
        spaceEnd = end;
      }
    }

    void tokenChar(char c, int start, int end) {
      if (pendingSpace) {
        pendingSpace = false;
        if (len > 0) {
          put(' ', spaceStart, spaceEnd);
        }
      }
      put(c, start, end);
    }

    void fold(int cp, int start, int end) {
      if (isDropped(cp)) {
        return;
      }
      int f = foldCodePoint(cp);
      if (!isTokenChar(f)) {
        separator(start, end);
        return;
      }
      if (pendingSpace) {
        pendingSpace = false;
        if (len > 0) {
          put(' ', spaceStart, spaceEnd);
        }
      }
      if (f < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        put((char) f, start, end);
      } else {
        put(Character.highSurrogate(f), start, end);
        put(Character.lowSurrogate(f), start, end);
      }
    }

    /** Feeds one normalized char to the tokenizer: {@link Tokenizer#tokenize} over a stream. */
    private void feed(char c) {
      if (needLow) {
        // An unspaced-script high surrogate takes the next char into its token.
        needLow = false;
        emit((h ^ c) * Hash64.FNV_PRIME);
        return;
      }
      if (c == ' ') {
        if (inToken) {
          inToken = false;
          emit(h);
        }
        return;
      }
      if (Tokenizer.isUnspacedScript(c)) {
        if (inToken) {
          inToken = false;
          emit(h);
        }
        long g = (Hash64.FNV_OFFSET ^ c) * Hash64.FNV_PRIME;
        if (Character.isHighSurrogate(c)) {
          h = g;
          needLow = true;
        } else {
          emit(g);
        }
        return;
      }
      if (!inToken) {
        inToken = true;
        h = Hash64.FNV_OFFSET;
      }
      h = (h ^ c) * Hash64.FNV_PRIME;
    }

    private void emit(long fnv) {
      if (tokenCount == tokenHashes.length) {
        tokenHashes = Arrays.copyOf(tokenHashes, tokenCount + (tokenCount >> 1) + 8);
      }
      tokenHashes[tokenCount++] = Hash64.fmix64(fnv);
    }

    void finishTokens() {
      if (inToken || needLow) {
        inToken = false;
        needLow = false;
        emit(h);
      }
    }

    private void put(char c, int start, int end) {
      if (tokens) {
        len++;
        feed(c);
        return;
      }
      if (len == out.length) {
        int cap = out.length + (out.length >> 1) + 16;
        out = Arrays.copyOf(out, cap);
        if (offsets) {
          starts = Arrays.copyOf(starts, cap);
          ends = Arrays.copyOf(ends, cap);
        }
      }
      out[len] = c;
      if (offsets) {
        starts[len] = start;
        ends[len] = end;
      }
      len++;
    }

    NormalizedText build() {
      return new NormalizedText(original, out, len, starts, ends);
    }
  }
}
