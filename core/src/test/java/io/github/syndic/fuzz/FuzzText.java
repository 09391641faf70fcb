package io.github.syndic.fuzz;

/**
 * Turns fuzzer bytes into a Java String that can hold anything a String can: every byte pair is
 * one UTF-16 code unit (so lone surrogates, NULs, controls and any BMP char are reachable), except
 * that a leading byte 0 selects a denser mode where each byte maps into a small alphabet of
 * characters that matter to the library (line ends, spaces, Arabic letters and marks, tatweel,
 * format characters, combining marks, a surrogate pair, punctuation, digits). Stateless.
 */
final class FuzzText {
  private FuzzText() {}

  /** The small alphabet of the dense mode. */
  static final String ALPHABET =
      "\n\r \t\u00A0\u200B\u200C\u200D\u200E\u202E\u2066\uFEFF\u0640\u064E\u0651\u0670"
          + "\u0627\u0623\u0644\u0645\u064A\u06CC\u0629\u0647\u0301\u0308\u1E9B\u00C5\uFB01"
          + "aAbz09\u0660\u06F5.,:;!?-/|()\u00A9\u060C\u061F\u3000\u4E2D\u0E01\uD83D\uDE00"
          + "\uDB40\uDC01\u0085\u2028\u0000\u0001\u007F\u00AD\u0307\u0130\u03A3\u03C2";

  static String decode(byte[] data) {
    if (data.length > 0 && data[0] == 0) {
      StringBuilder sb = new StringBuilder(data.length);
      for (int i = 1; i < data.length; i++) {
        sb.append(ALPHABET.charAt((data[i] & 0xFF) % ALPHABET.length()));
      }
      return sb.toString();
    }
    char[] c = new char[data.length / 2];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) (((data[2 * i] & 0xFF) << 8) | (data[2 * i + 1] & 0xFF));
    }
    return new String(c);
  }
}
