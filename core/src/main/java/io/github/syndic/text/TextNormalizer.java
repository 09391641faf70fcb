package io.github.syndic.text;

import java.io.Serializable;
import java.nio.CharBuffer;
import java.nio.LongBuffer;
import java.text.Normalizer;

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
 * <p>Rules 2-6 live in {@code FoldRules} (one named constant per code point a rule names), and
 * precomputed for the BMP in {@code FoldTable}; {@code ViewBuilder} builds the output, and the
 * token hashes follow {@code TokenRule}, as {@link Tokenizer} does.
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

  /** Soft chunk size for the NFKC stability check (chars); an implementation detail, not a rule. */
  static final int CHUNK = 4096;

  /** Options of the normalizer. Immutable and thread-safe. */
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
    ViewBuilder b = new ViewBuilder(text == null ? "" : text, true, false, teh());
    run(text, b);
    return b.build();
  }

  /**
   * The normalized characters of {@code text} without the offset mapping (cheaper: for signatures
   * and other uses that never map back). Equal to {@code normalize(text).toString()}'s chars.
   *
   * @return the normalized chars, from position 0 to the limit, over the builder's own array
   *     (handed out without a copy: {@link CharBuffer#array()} is the hot path's input); owned by
   *     the caller
   */
  public CharBuffer normalizeChars(CharSequence text) {
    ViewBuilder b = new ViewBuilder(text == null ? "" : text, false, false, teh());
    run(text, b);
    return CharBuffer.wrap(b.out, 0, b.len);
  }

  /**
   * The token hashes of {@code normalize(text)}, exactly as {@link
   * Tokenizer#tokenize(NormalizedText)} gives them, computed in the same pass as normalization
   * without materializing the normalized view (the hot path of signatures).
   *
   * @return the token hashes, from position 0 to the limit, over the builder's own array (handed
   *     out without a copy, as {@link #normalizeChars}); owned by the caller
   */
  public LongBuffer tokenHashes(CharSequence text) {
    ViewBuilder b = new ViewBuilder(text == null ? "" : text, false, true, teh());
    run(text, b);
    b.finishTokens();
    return LongBuffer.wrap(b.tokenHashes, 0, b.tokenCount);
  }

  private boolean teh() {
    return options.foldTehMarbuta();
  }

  private void run(CharSequence text, ViewBuilder b) {
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
  static int chunkEnd(CharSequence text, int from, int n) {
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

  private static void normalizeChunk(
      CharSequence text, int from, int to, boolean stable, ViewBuilder b) {
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
        if (!FoldRules.isCombining(next)) {
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
}
