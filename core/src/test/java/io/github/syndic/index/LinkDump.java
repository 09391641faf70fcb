package io.github.syndic.index;

import io.github.syndic.testing.LineLabels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Diagnostic: writes every reported relation of the eval set to target/neardup-links.tsv. */
class LinkDump {
  @Test
  void dump() throws Exception {
    Assumptions.assumeTrue(System.getProperty("syndic.dumpLinks") != null, "diagnostic only");
    Path dir = LineLabels.sharedEval().resolve("neardup").resolve("saudinewsnet_ar");
    NearDupEval eval = NearDupEval.read(dir);
    IndexConfig config = IndexConfig.defaults();
    List<Doc> docs = new ArrayList<>(eval.docs);
    docs.sort(Comparator.comparing(Doc::timestamp).thenComparing(Doc::id));
    NearDuplicateIndex index = NearDuplicateIndex.create(config);
    SourceTemplates model = index.newTemplates();
    for (Doc d : docs) {
      model.learn(d.source(), model.fingerprints(d.text()));
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of("target/neardup-links.tsv")))) {
      for (Doc d : docs) {
        PreparedDoc p = index.prepare(d, model);
        Match m = index.add(p, false);
        for (Neighbor n : m.neighbors()) {
          w.printf("%s\t%s\t%s\t%.4f\t%.4f\t%.4f\t%d%n", d.id(), n.id(), n.relation(), n.jaccard(),
              n.containmentOfQuery(), n.containmentOfIndexed(), p.signature().setSize());
        }
      }
    }
  }
}
