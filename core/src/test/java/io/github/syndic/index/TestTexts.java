package io.github.syndic.index;

import java.util.Random;

/** Deterministic synthetic texts for index tests: paragraphs of invented words. */
final class TestTexts {
  private static final String[] VOCAB = vocabulary(3000, 7L);

  private TestTexts() {}

  private static String[] vocabulary(int n, long seed) {
    Random r = new Random(seed);
    String letters = "abcdefghijklmnopqrstuvwxyz";
    String[] v = new String[n];
    for (int i = 0; i < n; i++) {
      int len = 3 + r.nextInt(7);
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < len; j++) {
        sb.append(letters.charAt(r.nextInt(letters.length())));
      }
      v[i] = sb.toString();
    }
    return v;
  }

  /** A story of {@code paragraphs} paragraphs of about {@code words} words each. */
  static String story(long seed, int paragraphs, int words) {
    Random r = new Random(seed * 0x9E3779B97F4A7C15L + 1);
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < paragraphs; p++) {
      for (int w = 0; w < words; w++) {
        sb.append(VOCAB[r.nextInt(VOCAB.length)]);
        sb.append(w % 12 == 11 ? ". " : " ");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** A light edit of {@code text}: about one word in {@code every} replaced. */
  static String edit(String text, long seed, int every) {
    Random r = new Random(seed);
    String[] w = text.split(" ");
    for (int i = 0; i < w.length; i++) {
      if (r.nextInt(every) == 0 && !w[i].contains("\n")) {
        w[i] = VOCAB[r.nextInt(VOCAB.length)];
      }
    }
    return String.join(" ", w);
  }

  /** The first {@code share} of the lines of {@code text}. */
  /** The last {@code share} of the lines of {@code text} (a copy trimmed at the top). */
  static String tail(String text, double share) {
    String[] lines = text.split("\n");
    int from = lines.length - Math.max(1, (int) Math.round(lines.length * share));
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length)) + "\n";
  }

  static String head(String text, double share) {
    String[] lines = text.split("\n");
    int n = Math.max(1, (int) Math.round(lines.length * share));
    return String.join("\n", java.util.Arrays.copyOf(lines, n)) + "\n";
  }
}
