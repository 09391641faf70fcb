package io.github.syndic.cli.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The boilerplate measure of the evaluation sets: per page, precision and recall of the multiset
 * of word 4-grams of the cleaned output against the KEEP lines, macro-averaged over pages, F1 of
 * the means; plus line-level precision and recall of DROP. Identical in definition to {@code
 * score.py boiler}.
 *
 * <p>Not thread-safe: one accumulator per thread.
 */
public final class BoilerplateScore {
  /** The n of the word n-grams compared. */
  public static final int N = 4;

  private int pages;
  private double sumP;
  private double sumR;
  private long dropTp;
  private long dropFp;
  private long dropFn;

  /**
   * Adds one page.
   *
   * @param page the page text
   * @param labels the labels file text (one KEEP or DROP per line)
   * @param cleaned the cleaned output for the page
   */
  public void add(String page, String labels, String cleaned) {
    List<String> lines = EvalText.lines(page);
    List<String> labs = new ArrayList<>();
    for (String l : EvalText.lines(labels)) {
      labs.add(EvalText.strip(l));
    }
    while (labs.size() < lines.size()) {
      labs.add("");
    }
    StringBuilder gold = new StringBuilder();
    boolean first = true;
    int m = Math.min(lines.size(), labs.size());
    for (int i = 0; i < m; i++) {
      if (labs.get(i).equals("KEEP")) {
        if (!first) {
          gold.append('\n');
        }
        gold.append(lines.get(i));
        first = false;
      }
    }
    List<String> out = EvalText.lines(cleaned);
    double[] pr = precisionRecall(gold.toString(), String.join("\n", out));
    sumP += pr[0];
    sumR += pr[1];
    pages++;
    Map<String, Integer> pool = new HashMap<>();
    for (String l : out) {
      String s = EvalText.strip(l);
      if (!s.isEmpty()) {
        pool.merge(s, 1, Integer::sum);
      }
    }
    for (int i = 0; i < m; i++) {
      String s = EvalText.strip(lines.get(i));
      String lab = labs.get(i);
      if (s.isEmpty() || !(lab.equals("KEEP") || lab.equals("DROP"))) {
        continue;
      }
      int c = pool.getOrDefault(s, 0);
      boolean kept = c > 0;
      if (kept) {
        pool.put(s, c - 1);
      }
      if (!kept && lab.equals("DROP")) {
        dropTp++;
      } else if (!kept) {
        dropFp++;
      } else if (lab.equals("DROP")) {
        dropFn++;
      }
    }
  }

  /** Precision and recall of the 4-gram multiset of {@code pred} against {@code gold}. */
  static double[] precisionRecall(String gold, String pred) {
    Map<List<String>, Integer> g = grams(gold);
    Map<List<String>, Integer> p = grams(pred);
    long tp = 0;
    long ng = 0;
    long np = 0;
    for (var e : g.entrySet()) {
      ng += e.getValue();
      tp += Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
    }
    for (int v : p.values()) {
      np += v;
    }
    double prec = np > 0 ? tp / (double) np : (ng == 0 ? 1.0 : 0.0);
    double rec = ng > 0 ? tp / (double) ng : 1.0;
    return new double[] {prec, rec};
  }

  private static Map<List<String>, Integer> grams(String text) {
    List<String> t = EvalText.tokens(text);
    Map<List<String>, Integer> m = new HashMap<>();
    for (int i = 0; i + N <= t.size(); i++) {
      m.merge(List.copyOf(t.subList(i, i + N)), 1, Integer::sum);
    }
    return m;
  }

  /** Pages added. */
  public int pages() {
    return pages;
  }

  /** Macro-mean precision. */
  public double precision() {
    return pages == 0 ? 0 : sumP / pages;
  }

  /** Macro-mean recall. */
  public double recall() {
    return pages == 0 ? 0 : sumR / pages;
  }

  /** F1 of the mean precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }

  /** Line-level precision of DROP decisions. */
  public double dropPrecision() {
    return dropTp + dropFp > 0 ? dropTp / (double) (dropTp + dropFp) : 0.0;
  }

  /** Line-level recall of DROP decisions. */
  public double dropRecall() {
    return dropTp + dropFn > 0 ? dropTp / (double) (dropTp + dropFn) : 0.0;
  }

  /** The figures in {@code score.py}'s format. */
  public String describe() {
    return "pages=" + pages + " P=" + EvalText.f3(precision()) + " R=" + EvalText.f3(recall())
        + " F1=" + EvalText.f3(f1()) + " drop_P=" + EvalText.f3(dropPrecision())
        + " drop_R=" + EvalText.f3(dropRecall());
  }
}
