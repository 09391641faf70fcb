package io.github.syndic.internal;

/**
 * Where a sentence ends, for the stages that need to know whether a block is a sentence (the
 * duplicate stage pairs sentences; the boilerplate rules tell a byline from a statement).
 *
 * <p>Stateless and thread-safe.
 */
public final class SentenceEnds {
  private SentenceEnds() {}

  /**
   * True when {@code text}'s last char other than white space, closing quotes and closing
   * brackets ends a sentence: full stop, exclamation and question marks (ASCII, Arabic, CJK
   * full-width and ideographic), an ellipsis, the Urdu full stop or a Devanagari danda.
   */
  public static boolean endsWithStop(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        continue;
      }
      int t = Character.getType(c);
      if (t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
          || t == Character.END_PUNCTUATION || c == '"' || c == '\'') {
        continue; // closing quotes and brackets after the stop ('."', '.)', '.»')
      }
      switch (c) {
        case '.', '!', '?', '\u2026' /* ellipsis */, '\u061F' /* Arabic question mark */,
            '\u06D4' /* Urdu full stop */, '\u0964' /* danda */, '\u0965' /* double danda */,
            '\u3002' /* ideographic full stop */, '\uFF01', '\uFF1F', '\uFF0E' /* full-width */ -> {
          return true;
        }
        default -> {
          return false;
        }
      }
    }
    return false;
  }
}
