package io.github.syndic.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random documents, in the style of Lucene's randomized tests: paragraphs of random words
 * in several scripts, with exact, near, truncated and concatenated copies, random line ends, blank
 * lines and a sprinkle of hostile characters. Each document must satisfy {@link Invariants}, be
 * cleaned identically twice, and be a fixed point of cleaning. The base seed is fixed (so CI is
 * reproducible) and can be changed with {@code -Dsyndic.seed=N}; a failure prints the seed and
 * document number that reproduce it.
 */
public class RandomDocumentsTest {
  /** Documents per run: enough variety, well under a few seconds. */
  static final int DOCS = 300;

  private static final Cleaner NEWS = Cleaner.create(CleanerConfig.news());

  private static final String[] ALPHABETS = {
    "abcdefghijklmnopqrstuvwxyz",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى",
    "абвгдежзийклмнопрстуфхцчшщыэюя",
    "αβγδεζηθικλμνξοπρστυφχψω",
    "پچژگکیابتسشمنو",
    "çğıöşüabcdefgh",
  };

  private static final String[] HOSTILE = {
    "\u200D", "\u200C", "\u200B", "\u0640", "\u064E\u0651", "\u0301\u0301\u0301", "\u202E",
    "\uFEFF", "\uD800", "\uDC00", "\u00A0", "\u3000", "\t", "\uDB40\uDC01", "\u0000", "\u0085",
  };

  @Test
  void randomDocumentsKeepTheInvariants() {
    long base = Long.getLong("syndic.seed", 0x5EED_2026L);
    for (int d = 0; d < DOCS; d++) {
      long seed = base + d;
      String doc = document(new SplittableRandom(seed));
      try {
        CleanResult r = NEWS.clean(doc);
        Invariants.checkResult(doc, r);
        CleanResult again = NEWS.clean(doc);
        assertEquals(r.text(), again.text());
        assertEquals(r.removals(), again.removals());
        assertEquals(r.text(), NEWS.clean(r.text()).text(), "not idempotent");
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("random document " + d + " failed; reproduce with -Dsyndic.seed="
            + base + " (document seed " + seed + "): " + e.getMessage()
            + "\ndocument: " + Invariants.escape(doc), e);
      }
    }
  }

  /** A random document: 1-30 paragraphs with copies, blank lines and random line ends. */
  public static String document(SplittableRandom r) {
    List<String> paras = new ArrayList<>();
    int n = 1 + r.nextInt(30);
    for (int i = 0; i < n; i++) {
      int kind = paras.isEmpty() ? 0 : r.nextInt(10);
      String prev = paras.isEmpty() ? "" : paras.get(r.nextInt(paras.size()));
      switch (kind) {
        case 1 -> paras.add(prev); // exact copy
        case 2 -> paras.add(nearCopy(prev, r));
        case 3 -> paras.add(prev.substring(0, Math.max(1, prev.length() / 2)) + "...");
        case 4 -> paras.add(prev + " " + paras.get(r.nextInt(paras.size())));
        default -> paras.add(paragraph(r));
      }
    }
    StringBuilder sb = new StringBuilder();
    String[] ends = {"\n", "\n", "\n", "\r\n", "\r", "\n\n", "\n \n"};
    for (String p : paras) {
      sb.append(p).append(ends[r.nextInt(ends.length)]);
    }
    return sb.toString();
  }

  static String paragraph(SplittableRandom r) {
    String alphabet = ALPHABETS[r.nextInt(ALPHABETS.length)];
    int words = 1 + r.nextInt(r.nextInt(5) == 0 ? 4 : 60);
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        sb.append(r.nextInt(12) == 0 ? ", " : " ");
      }
      int len = 1 + r.nextInt(9);
      for (int c = 0; c < len; c++) {
        sb.append(alphabet.charAt(r.nextInt(Math.min(alphabet.length(), 8 + r.nextInt(20)))));
      }
      if (r.nextInt(40) == 0) {
        sb.append(HOSTILE[r.nextInt(HOSTILE.length)]);
      }
      if (r.nextInt(15) == 0) {
        sb.append(r.nextInt(10_000));
      }
    }
    return sb.append(r.nextBoolean() ? "." : "").toString();
  }

  static String nearCopy(String p, SplittableRandom r) {
    String[] w = p.split(" ");
    w[r.nextInt(w.length)] = "x" + r.nextInt(100);
    return String.join(" ", w);
  }
}
