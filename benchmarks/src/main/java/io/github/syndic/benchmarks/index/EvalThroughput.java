package io.github.syndic.benchmarks.index;

import io.github.syndic.index.Doc;
import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.PreparedDoc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents per second of the whole index pipeline (template removal, cleaning, signing, adding)
 * on the SaudiNewsNet neardup articles, single-threaded, best of five passes after two warm-up
 * passes; also signing alone and adding alone. The figure to compare with datasketch's MinHash +
 * MinHashLSH on the same articles (character 5-grams, k = 128).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.syndic.benchmarks.index.EvalThroughput \
 *     ../shared/eval/neardup/saudinewsnet_ar
 * </pre>
 */
public final class EvalThroughput {
  private EvalThroughput() {}

  /** Runs the measurement; the argument is the eval folder (with docs.tsv and docs/). */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/eval/neardup/saudinewsnet_ar");
    List<Doc> docs = new ArrayList<>();
    List<String> rows = Files.readAllLines(dir.resolve("docs.tsv"), StandardCharsets.UTF_8);
    for (String r : rows.subList(1, rows.size())) {
      String[] f = r.split("\t", -1);
      docs.add(new Doc(f[0], Files.readString(dir.resolve("docs").resolve(f[0] + ".txt")), null, f[1]));
    }
    // "raw": no cleaning and no templates, the setting that compares with datasketch's
    // MinHash + MinHashLSH over the same char 5-grams.
    boolean raw = args.length > 1 && args[1].equals("raw");
    IndexConfig cfg = raw
        ? IndexConfig.builder().clean(false).sourceTemplates(false).build()
        : IndexConfig.defaults();
    double bestAll = 0;
    double bestPrepare = 0;
    double bestAdd = 0;
    for (int pass = 0; pass < 7; pass++) {
      NearDuplicateIndex ix = NearDuplicateIndex.create(cfg);
      long t0 = System.nanoTime();
      for (Doc d : docs) {
        ix.add(d);
      }
      long t1 = System.nanoTime();
      NearDuplicateIndex ix2 = NearDuplicateIndex.create(cfg);
      PreparedDoc[] ps = new PreparedDoc[docs.size()];
      long t2 = System.nanoTime();
      for (int i = 0; i < ps.length; i++) {
        ps[i] = ix2.prepare(docs.get(i));
      }
      long t3 = System.nanoTime();
      for (PreparedDoc p : ps) {
        ix2.add(p);
      }
      long t4 = System.nanoTime();
      if (pass >= 2) {
        bestAll = Math.max(bestAll, docs.size() / ((t1 - t0) / 1e9));
        bestPrepare = Math.max(bestPrepare, docs.size() / ((t3 - t2) / 1e9));
        bestAdd = Math.max(bestAdd, docs.size() / ((t4 - t3) / 1e9));
      }
    }
    System.out.printf((raw ? "raw (no cleaning) " : "") + "%d docs: whole pipeline %.0f docs/s; prepare (templates, clean, sign) %.0f docs/s;"
        + " add of prepared %.0f docs/s%n", docs.size(), bestAll, bestPrepare, bestAdd);
  }
}
