package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.testing.LineLabels;
import io.github.syndic.text.BlockSegmenter;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The boilerplate classifier (page layout) on the real pages of ../shared/eval: the AEB English
 * pages scored with the measure of score.py (word 4-gram P/R macro-averaged over pages), and the
 * arabic.cnn.com page. Skips when ../shared/eval is absent. The reference figures are those of
 * {@code score.py boiler}; this re-implementation agrees with it to about 0.001.
 */
class SharedEvalBoilerplateTest {
  /**
   * Floor for AEB word-4-gram F1 with defaults (issue 15 aims at .93; .905 when this test was
   * written, .930 on 2026-12-07).
   */
  private static final double AEB_MIN_F1 = 0.92;

  private static Path eval() {
    Path e = LineLabels.sharedEval();
    Assumptions.assumeTrue(e != null, "../shared/eval absent: skipping evaluation on real pages");
    return e;
  }

  private static Set<Integer> removedLines(BoilerplateClassifier c, String text) {
    List<Block> blocks = BlockSegmenter.lines(text);
    Set<Integer> out = new HashSet<>();
    for (Removal r : c.classify(blocks, null)) {
      out.add(r.block().line());
    }
    return out;
  }

  @Test
  void cnnArabicKeepsEveryKeepLineAndDropsMostDropLines() throws IOException {
    Path dir = eval().resolve("arabic/cnn_arabic_2013_with_boilerplate");
    Assumptions.assumeTrue(Files.isDirectory(dir), "cnn_arabic folder absent: skipping");
    String text = Files.readString(dir.resolve("page.txt"), StandardCharsets.UTF_8);
    List<String> labels = Files.readAllLines(dir.resolve("page.labels"), StandardCharsets.UTF_8);
    Set<Integer> removed = removedLines(BoilerplateClassifier.create(BoilerplateConfig.pages()), text);
    String[] lines = text.split("\n", -1);
    int keep = 0;
    int keptKeep = 0;
    int drop = 0;
    int droppedDrop = 0;
    for (int i = 0; i < lines.length && i < labels.size(); i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String l = labels.get(i).trim();
      if (l.equals("KEEP")) {
        keep++;
        if (!removed.contains(i + 1)) {
          keptKeep++;
        }
      } else if (l.equals("DROP")) {
        drop++;
        if (removed.contains(i + 1)) {
          droppedDrop++;
        }
      }
    }
    System.out.printf("cnn_arabic: KEEP kept %d/%d, DROP dropped %d/%d%n", keptKeep, keep,
        droppedDrop, drop);
    assertEquals(7, keep);
    assertEquals(keep, keptKeep, "every KEEP line kept");
    assertTrue(droppedDrop >= 0.9 * drop, "at least 90% of DROP lines dropped");
  }

  @Test
  void aebWordFourGramF1() throws IOException {
    Path aeb = eval().resolve("boilerplate/aeb");
    Assumptions.assumeTrue(Files.isDirectory(aeb.resolve("pages")), "AEB folder absent: skipping");
    BoilerplateClassifier c = BoilerplateClassifier.create(BoilerplateConfig.pages());
    List<Path> pages;
    try (Stream<Path> s = Files.list(aeb.resolve("pages"))) {
      pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    double[] sum = new double[4]; // P, R for even; P, R for odd
    int[] count = new int[2];
    for (int k = 0; k < pages.size(); k++) {
      Path p = pages.get(k);
      String id = p.getFileName().toString().replaceAll("\\.txt$", "");
      String text = Files.readString(p, StandardCharsets.UTF_8);
      List<String> labels = Files.readAllLines(aeb.resolve("labels/" + id + ".labels"));
      String[] lines = text.split("\n", -1);
      Set<Integer> removed = removedLines(c, text);
      List<String> gold = new ArrayList<>();
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        if (i < labels.size() && labels.get(i).trim().equals("KEEP")) {
          gold.add(lines[i]);
        }
        if (!lines[i].isBlank() && !removed.contains(i + 1)) {
          kept.add(lines[i]);
        }
      }
      double[] pr = precisionRecall(String.join("\n", gold), String.join("\n", kept));
      sum[2 * (k % 2)] += pr[0];
      sum[2 * (k % 2) + 1] += pr[1];
      count[k % 2]++;
    }
    double f1All = f1((sum[0] + sum[2]) / pages.size(), (sum[1] + sum[3]) / pages.size());
    System.out.printf(Locale.ROOT, "AEB pages=%d F1=%.3f (even half %.3f, odd half %.3f)%n",
        pages.size(), f1All, f1(sum[0] / count[0], sum[1] / count[0]),
        f1(sum[2] / count[1], sum[3] / count[1]));
    assertTrue(f1All >= AEB_MIN_F1, "AEB F1 " + f1All);
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** score.py's measure: multiset word 4-grams, tokens = NFKC lower-case letter/digit runs. */
  private static double[] precisionRecall(String gold, String pred) {
    Object2IntOpenHashMap<String> g = grams(gold);
    Object2IntOpenHashMap<String> p = grams(pred);
    long tp = 0;
    long ng = 0;
    long np = 0;
    for (var e : g.object2IntEntrySet()) {
      ng += e.getIntValue();
      tp += Math.min(e.getIntValue(), p.getInt(e.getKey()));
    }
    for (int v : p.values()) {
      np += v;
    }
    double prec = np == 0 ? (ng == 0 ? 1.0 : 0.0) : (double) tp / np;
    double rec = ng == 0 ? 1.0 : (double) tp / ng;
    return new double[] {prec, rec};
  }

  private static Object2IntOpenHashMap<String> grams(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> toks = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        cur.appendCodePoint(cp);
      } else if (cur.length() > 0) {
        toks.add(cur.toString());
        cur.setLength(0);
      }
      i += Character.charCount(cp);
    }
    if (cur.length() > 0) {
      toks.add(cur.toString());
    }
    Object2IntOpenHashMap<String> m = new Object2IntOpenHashMap<>();
    for (int i = 0; i + 4 <= toks.size(); i++) {
      m.addTo(String.join(" ", toks.subList(i, i + 4)), 1);
    }
    return m;
  }
}
