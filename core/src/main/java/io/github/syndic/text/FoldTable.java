package io.github.syndic.text;

import java.text.Normalizer;

/**
 * {@link TextNormalizer}'s rules 1-6 precomputed for every BMP char whose NFKC form does not
 * depend on its neighbours: chars NFKC leaves unchanged that are no combining mark and never
 * compose, compatibility chars whose expansion holds no mark, and dropped Arabic marks that never
 * compose (their canonical reordering cannot change the output, since they are dropped). {@link #SLOW} marks every other
 * char; a chunk holding one takes the general path. Built once from the same rule functions, so
 * both paths give identical output (a test compares them).
 *
 * <p>Immutable once built (the arrays are never written after class initialization); thread-safe.
 */
final class FoldTable {
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
   * teh marbuta folds to heh instead. Built on first use.
   */
  static char[] tehTable() {
    return TehHolder.TEH_TABLE;
  }

  private static final class TehHolder {
    static final char[] TEH_TABLE = tehVariant(TABLE);

    private static char[] tehVariant(char[] table) {
      char[] t = table.clone();
      for (int c = 0; c < t.length; c++) {
        if (t[c] == FoldRules.TEH_MARBUTA) {
          t[c] = FoldRules.HEH;
        }
      }
      return t;
    }
  }

  private static char[] build(String[] expansions) {
    char[] t = new char[0x10000];
    for (int c = 0; c < 0x10000; c++) {
      t[c] = entry(c, expansions);
    }
    return t;
  }

  private static char entry(int c, String[] expansions) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      return SLOW;
    }
    if (c < 0x80) {
      return classify(c);
    }
    if (FoldRules.isConjoiningJamo(c)) {
      return SLOW; // conjoining jamo compose with their neighbours
    }
    if (FoldRules.isCombining(c)) {
      // A dropped mark is dropped wherever canonical reordering moves it, unless it composes
      // with a base letter (U+0653-U+0655: madda, hamza above and below), or NFKC changes it.
      boolean composes = FoldRules.composesWithBase(c);
      String s = String.valueOf((char) c);
      if (FoldRules.isDropped(c) && !composes
          && Normalizer.normalize(s, Normalizer.Form.NFKC).equals(s)) {
        return DROP;
      }
      return SLOW;
    }
    if (isKnownNfkcStable(c)) {
      return classify(c); // skips a Normalizer call for about 40,000 chars at start-up
    }
    String s = String.valueOf((char) c);
    String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
    if (nfkc.equals(s)) {
      return classify(c);
    }
    // A compatibility character: context-free when its expansion holds no char that can
    // combine or reorder with a neighbour (marks, conjoining jamo).
    for (int i = 0; i < nfkc.length(); i++) {
      char x = nfkc.charAt(i);
      if (FoldRules.isCombining(x) || Character.isSurrogate(x) || FoldRules.isConjoiningJamo(x)) {
        return SLOW;
      }
    }
    if (nfkc.length() == 1) {
      return classify(nfkc.charAt(0));
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
  private static char classify(int c) {
    if (FoldRules.isDropped(c)) {
      return DROP;
    }
    int f = FoldRules.fold(c, false);
    if (!FoldRules.isTokenChar(f)) {
      return SEPARATOR;
    }
    if (f > 0xFFFF || f == SLOW || f == SEPARATOR || f == DROP || f == EXPAND) {
      return SLOW;
    }
    return (char) f;
  }
}
