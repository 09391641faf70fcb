package io.github.syndic.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the neardup eval set (docs.tsv, docs/, pairs.tsv) and scores predicted clusters with the
 * measure of {@code score.py neardup}: predicted positive pairs are pairs in one cluster; strict
 * positives DUPLICATE, lenient DUPLICATE or CONTAINED; PARTIAL and UNCLEAR (and CONTAINED when
 * strict) count neither way; every other pair is a negative.
 */
final class NearDupEval {
  final List<Doc> docs;
  final Map<String, String> labels; // "a\tb" with a < b -> label

  private NearDupEval(List<Doc> docs, Map<String, String> labels) {
    this.docs = docs;
    this.labels = labels;
  }

  static NearDupEval read(Path dir) {
    try {
      List<Doc> docs = new ArrayList<>();
      List<String> rows = Files.readAllLines(dir.resolve("docs.tsv"), StandardCharsets.UTF_8);
      String[] head = rows.get(0).split("\t");
      int idI = indexOf(head, "doc_id");
      int srcI = indexOf(head, "source");
      int timeI = indexOf(head, "date_extracted");
      for (String r : rows.subList(1, rows.size())) {
        String[] f = r.split("\t", -1);
        String id = f[idI];
        String text = Files.readString(dir.resolve("docs").resolve(id + ".txt"), StandardCharsets.UTF_8);
        var ts = LocalDateTime.parse(f[timeI].replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        docs.add(new Doc(id, text, ts, f[srcI]));
      }
      Map<String, String> labels = new HashMap<>();
      List<String> prow = Files.readAllLines(dir.resolve("pairs.tsv"), StandardCharsets.UTF_8);
      for (String r : prow.subList(1, prow.size())) {
        String[] f = r.split("\t", -1);
        labels.put(key(f[0], f[1]), f[2]);
      }
      return new NearDupEval(docs, labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(String[] head, String name) {
    for (int i = 0; i < head.length; i++) {
      if (head[i].trim().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + name);
  }

  static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a;
  }

  /** Pair precision, recall, F1. */
  record Score(double p, double r, double f1, int tp, int fp, int fn) {
    @Override
    public String toString() {
      return String.format("P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", p, r, f1, tp, fp, fn);
    }
  }

  /** Scores clusters over the documents accepted by {@code in} (pairs with both docs in it). */
  Score score(Clusters c, boolean strict, Predicate<String> in) {
    Set<String> pos = strict ? Set.of("DUPLICATE") : Set.of("DUPLICATE", "CONTAINED");
    Set<String> ignore = new HashSet<>(Set.of("PARTIAL", "UNCLEAR"));
    if (strict) {
      ignore.add("CONTAINED");
    }
    Set<String> predicted = new HashSet<>();
    for (Clusters.Cluster cl : c.clusters()) {
      List<String> m = cl.members().stream().filter(in).sorted().toList();
      for (int i = 0; i < m.size(); i++) {
        for (int j = i + 1; j < m.size(); j++) {
          predicted.add(key(m.get(i), m.get(j)));
        }
      }
    }
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (String p : predicted) {
      String l = labels.get(p);
      if (l != null && pos.contains(l)) {
        tp++;
      } else if (l == null || !ignore.contains(l)) {
        fp++;
      }
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String[] ab = e.getKey().split("\t");
      if (pos.contains(e.getValue()) && in.test(ab[0]) && in.test(ab[1])
          && !predicted.contains(e.getKey())) {
        fn++;
      }
    }
    double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new Score(p, r, f, tp, fp, fn);
  }
}
