package io.github.syndic.text;

/**
 * The per-code-point rules of {@link TextNormalizer} (rules 2-6 of its list), applied after NFKC.
 * Every code point a rule names is a constant named after its Unicode character name.
 *
 * <p>Stateless and thread-safe.
 */
final class FoldRules {
  // ------------------------------------------------------------ rule 4: Arabic and Persian letters

  /** U+0627 ARABIC LETTER ALEF: what the alef variants fold to. */
  static final char ALEF = '\u0627';
  /** U+0622 ARABIC LETTER ALEF WITH MADDA ABOVE (آ). */
  static final char ALEF_MADDA = '\u0622';
  /** U+0623 ARABIC LETTER ALEF WITH HAMZA ABOVE (أ). */
  static final char ALEF_HAMZA_ABOVE = '\u0623';
  /** U+0625 ARABIC LETTER ALEF WITH HAMZA BELOW (إ). */
  static final char ALEF_HAMZA_BELOW = '\u0625';
  /** U+0671 ARABIC LETTER ALEF WASLA (ٱ). */
  static final char ALEF_WASLA = '\u0671';
  /** U+064A ARABIC LETTER YEH: what alef maksura and Persian yeh fold to. */
  static final char YEH = '\u064A';
  /** U+0649 ARABIC LETTER ALEF MAKSURA (ى). */
  static final char ALEF_MAKSURA = '\u0649';
  /** U+06CC ARABIC LETTER FARSI YEH (ی). */
  static final char FARSI_YEH = '\u06CC';
  /** U+0643 ARABIC LETTER KAF: what keheh folds to. */
  static final char KAF = '\u0643';
  /** U+06A9 ARABIC LETTER KEHEH (ک), the Persian kaf. */
  static final char KEHEH = '\u06A9';
  /** U+0647 ARABIC LETTER HEH: what the heh variants (and, as an option, teh marbuta) fold to. */
  static final char HEH = '\u0647';
  /** U+06C0 ARABIC LETTER HEH WITH YEH ABOVE (ۀ). */
  static final char HEH_YEH = '\u06C0';
  /** U+06C1 ARABIC LETTER HEH GOAL (ہ). */
  static final char HEH_GOAL = '\u06C1';
  /** U+0629 ARABIC LETTER TEH MARBUTA (ة): folded to heh only with {@code foldTehMarbuta}. */
  static final char TEH_MARBUTA = '\u0629';

  // ------------------------------------------------------------ rule 2: dropped code points

  /** U+064B ARABIC FATHATAN: the first harakat of the dropped block U+064B-U+065F. */
  static final char FATHATAN = '\u064B';
  /** U+065F ARABIC WAVY HAMZA BELOW: the last harakat of the dropped block. */
  static final char WAVY_HAMZA_BELOW = '\u065F';
  /** U+0653 ARABIC MADDAH ABOVE: a harakat that composes with alef (NFC: آ). */
  static final char MADDAH_ABOVE = '\u0653';
  /** U+0655 ARABIC HAMZA BELOW: a harakat that composes with alef (NFC: إ). */
  static final char HAMZA_BELOW = '\u0655';
  /** U+0670 ARABIC LETTER SUPERSCRIPT ALEF (dropped). */
  static final char SUPERSCRIPT_ALEF = '\u0670';
  /** U+0640 ARABIC TATWEEL (dropped). */
  static final char TATWEEL = '\u0640';
  /** U+06D6: the first Quranic annotation mark of the dropped block U+06D6-U+06ED. */
  static final char SMALL_HIGH_LIGATURE_SAD_WITH_LAM_WITH_ALEF_MAKSURA = '\u06D6';
  /** U+06ED ARABIC SMALL LOW MEEM: the last Quranic annotation mark of the dropped block. */
  static final char SMALL_LOW_MEEM = '\u06ED';
  /** U+06DD ARABIC END OF AYAH: a sign inside the Quranic block that is kept. */
  static final char END_OF_AYAH = '\u06DD';
  /** U+06DE ARABIC START OF RUB EL HIZB: kept. */
  static final char START_OF_RUB_EL_HIZB = '\u06DE';
  /** U+06E5 ARABIC SMALL WAW: a letter inside the Quranic block; kept. */
  static final char SMALL_WAW = '\u06E5';
  /** U+06E6 ARABIC SMALL YEH: kept. */
  static final char SMALL_YEH = '\u06E6';
  /** U+06E9 ARABIC PLACE OF SAJDAH: kept. */
  static final char PLACE_OF_SAJDAH = '\u06E9';

  // ------------------------------------------------------------ NFKC units (rule 1)

  /** U+1100 HANGUL CHOSEONG KIYEOK: the first conjoining jamo (they compose with neighbours). */
  static final char HANGUL_CHOSEONG_KIYEOK = '\u1100';
  /** U+1160 HANGUL JUNGSEONG FILLER: the first medial vowel (a jamo that joins the one before). */
  static final char HANGUL_JUNGSEONG_FILLER = '\u1160';
  /** U+11FF HANGUL JONGSEONG SSANGNIEUN: the last conjoining jamo of the block. */
  static final char HANGUL_JONGSEONG_SSANGNIEUN = '\u11FF';

  private FoldRules() {}

  /**
   * True for the code points that combine with the one before them in an NFKC unit: combining
   * marks, and Hangul medial vowels and final consonants.
   */
  static boolean isCombining(int cp) {
    if (cp >= HANGUL_JUNGSEONG_FILLER && cp <= HANGUL_JONGSEONG_SSANGNIEUN) {
      return true; // Hangul medial vowels and final consonants compose with the preceding jamo
    }
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  /** True for conjoining Hangul jamo (U+1100-U+11FF), which NFKC composes with neighbours. */
  static boolean isConjoiningJamo(int cp) {
    return cp >= HANGUL_CHOSEONG_KIYEOK && cp <= HANGUL_JONGSEONG_SSANGNIEUN;
  }

  /** True for code points the normalizer removes outright (rule 2). */
  static boolean isDropped(int cp) {
    if (cp >= FATHATAN && cp <= WAVY_HAMZA_BELOW) {
      return true; // harakat
    }
    if (cp == SUPERSCRIPT_ALEF || cp == TATWEEL) {
      return true;
    }
    if (cp >= SMALL_HIGH_LIGATURE_SAD_WITH_LAM_WITH_ALEF_MAKSURA && cp <= SMALL_LOW_MEEM
        && cp != END_OF_AYAH && cp != START_OF_RUB_EL_HIZB && cp != SMALL_WAW
        && cp != SMALL_YEH && cp != PLACE_OF_SAJDAH) {
      return true; // Quranic annotation marks (not the letters and signs in that range)
    }
    return Character.getType(cp) == Character.FORMAT;
  }

  /** True for the harakat that compose with a base letter under NFC (madda, hamza above/below). */
  static boolean composesWithBase(int cp) {
    return cp >= MADDAH_ABOVE && cp <= HAMZA_BELOW;
  }

  /**
   * Folds one code point after NFKC (rules 3-5); returns the code point to emit.
   *
   * @param tehMarbuta whether teh marbuta folds to heh ({@link TextNormalizer.Options})
   */
  static int fold(int cp, boolean tehMarbuta) {
    switch (cp) {
      case ALEF_MADDA:
      case ALEF_HAMZA_ABOVE:
      case ALEF_HAMZA_BELOW:
      case ALEF_WASLA:
        return ALEF;
      case ALEF_MAKSURA:
      case FARSI_YEH:
        return YEH;
      case KEHEH:
        return KAF;
      case HEH_YEH:
      case HEH_GOAL:
        return HEH;
      case TEH_MARBUTA:
        return tehMarbuta ? HEH : cp;
      default:
        break;
    }
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') {
        return cp + ('a' - 'A');
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

  /** True when {@code cp} (already folded) belongs to a token: a letter, digit or mark (rule 6). */
  static boolean isTokenChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    }
    switch (Character.getType(cp)) {
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
}
