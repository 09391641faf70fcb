package io.github.syndic.cli.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text handling that mirrors the reference scorer {@code score.py} of the evaluation sets, so
 * that syndic's own figures agree with it: Python's universal newlines, {@code str.strip()},
 * the token pattern {@code [^\W_]+} over NFKC-lower-cased text, and {@code %.3f} formatting.
 *
 * <p>Stateless and thread-safe.
 */
public final class EvalText {
  private EvalText() {}

  /** Lines as Python's {@code open(...).read().split("\n")} gives them (CRLF and CR become LF). */
  public static List<String> lines(String text) {
    String t = text.replace("\r\n", "\n").replace('\r', '\n');
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == '\n') {
        out.add(t.substring(start, i));
        start = i + 1;
      }
    }
    out.add(t.substring(start));
    return out;
  }

  /** Python's {@code str.strip()}: removes leading and trailing Unicode white space. */
  public static String strip(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isPySpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isPySpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  static boolean isPySpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u0085'
        || (c >= 0x1C && c <= 0x1F);
  }

  /** Tokens: runs of letters and numbers (Python's {@code [^\W_]+}) of NFKC, lower-cased text. */
  public static List<String> tokens(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = t.length();
    while (i < n) {
      int cp = t.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n) {
        int c = t.codePointAt(i);
        if (!isWordChar(c)) {
          break;
        }
        i += Character.charCount(c);
      }
      out.add(t.substring(start, i));
    }
    return out;
  }

  /** Python's {@code str.isalnum()} for one code point: letters and numbers of any kind. */
  static boolean isWordChar(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  /** {@code %.3f} of the exact binary value, ties to even, as Python formats it. */
  public static String f3(double v) {
    return new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
  }
}
