package io.github.syndic.cli.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The near-duplicate measure of the evaluation sets: predicted positive pairs are pairs in one
 * predicted cluster; strict positives are DUPLICATE pairs, lenient ones DUPLICATE or CONTAINED;
 * negatives are NEGATIVE_HARD and unlisted pairs; PARTIAL and UNCLEAR (and CONTAINED in strict)
 * count neither way. Identical in definition to {@code score.py neardup}.
 *
 * <p>Immutable once computed; thread-safe.
 */
public final class NearDupScore {
  /** Precision, recall and F1 of one variant. */
  public record Prf(double precision, double recall, double f1) {
    String describe() {
      return "P=" + EvalText.f3(precision) + " R=" + EvalText.f3(recall) + " F1="
          + EvalText.f3(f1);
    }
  }

  private final int docs;
  private final int listed;
  private final long predictedPairs;
  private final Prf strict;
  private final Prf lenient;

  private NearDupScore(int docs, int listed, long predictedPairs, Prf strict, Prf lenient) {
    this.docs = docs;
    this.listed = listed;
    this.predictedPairs = predictedPairs;
    this.strict = strict;
    this.lenient = lenient;
  }

  /**
   * Scores predicted clusters.
   *
   * @param docIds the gold documents (docs.tsv)
   * @param labels pair labels keyed by {@link #pairKey}
   * @param clusters predicted (doc id, cluster id) rows in file order; ids may end in {@code .txt};
   *     ids not in {@code docIds} and repeats are ignored
   */
  public static NearDupScore score(
      Set<String> docIds, Map<String, String> labels, List<String[]> clusters) {
    Map<String, List<String>> members = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (String[] row : clusters) {
      String d = row[0].endsWith(".txt") ? row[0].substring(0, row[0].length() - 4) : row[0];
      if (docIds.contains(d) && seen.add(d)) {
        members.computeIfAbsent(row[1], k -> new ArrayList<>()).add(d);
      }
    }
    Set<String> predicted = new HashSet<>();
    for (List<String> m : members.values()) {
      for (int i = 0; i < m.size(); i++) {
        for (int j = i + 1; j < m.size(); j++) {
          predicted.add(pairKey(m.get(i), m.get(j)));
        }
      }
    }
    Prf strict = prf(predicted, labels, Set.of("DUPLICATE"), Set.of("PARTIAL", "UNCLEAR", "CONTAINED"));
    Prf lenient = prf(predicted, labels, Set.of("DUPLICATE", "CONTAINED"), Set.of("PARTIAL", "UNCLEAR"));
    return new NearDupScore(docIds.size(), seen.size(), predicted.size(), strict, lenient);
  }

  private static Prf prf(Set<String> predicted, Map<String, String> labels, Set<String> pos,
      Set<String> ignore) {
    Set<String> gold = new HashSet<>();
    for (var e : labels.entrySet()) {
      if (pos.contains(e.getValue())) {
        gold.add(e.getKey());
      }
    }
    long tp = 0;
    long fp = 0;
    for (String p : predicted) {
      if (gold.contains(p)) {
        tp++;
      } else {
        String label = labels.get(p);
        if (label == null || !ignore.contains(label)) {
          fp++;
        }
      }
    }
    long fn = gold.size() - tp;
    double prec = tp + fp > 0 ? tp / (double) (tp + fp) : 0.0;
    double rec = tp + fn > 0 ? tp / (double) (tp + fn) : 0.0;
    double f = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0;
    return new Prf(prec, rec, f);
  }

  /** An order-independent key for a pair of document ids. */
  public static String pairKey(String a, String b) {
    return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

  /** Strict figures (DUPLICATE pairs). */
  public Prf strict() {
    return strict;
  }

  /** Lenient figures (DUPLICATE or CONTAINED pairs). */
  public Prf lenient() {
    return lenient;
  }

  /** Number of pairs the clusters predict. */
  public long predictedPairs() {
    return predictedPairs;
  }

  /** The figures in {@code score.py}'s format. */
  public String describe() {
    return "docs=" + docs + " listed=" + listed + " predicted_pairs=" + predictedPairs
        + " strict " + strict.describe() + " lenient " + lenient.describe();
  }

  /** Reads pair labels from the rows of pairs.tsv (doc_a, doc_b, label, ...); later rows win. */
  public static Map<String, String> labels(List<String[]> pairRows) {
    Map<String, String> m = new HashMap<>();
    for (String[] r : pairRows) {
      m.put(pairKey(r[0], r[1]), r[2]);
    }
    return m;
  }
}
