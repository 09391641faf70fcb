package io.github.syndic.boilerplate;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.testing.LineLabels;
import io.github.syndic.text.BlockSegmenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares the classifier's decisions with a {@code *.labels.tsv} file; test helper. */
final class LabelledPages {
  private LabelledPages() {}

  /** One disagreement or agreement per labelled line. */
  record Outcome(int line, String expected, String actual, String text, String reason) {
    boolean agrees() {
      return expected.equals(actual);
    }

    boolean keepDropAgrees() {
      return expected.equals("content") == actual.equals("content");
    }
  }

  /**
   * Classifies {@code page} and returns, for every labelled line, the expected decision (content
   * for keep and for the duplicate kinds, which are the duplicate detector's) and the actual one.
   */
  static List<Outcome> compare(Path page, BoilerplateClassifier c) throws IOException {
    Path labelsFile = Path.of(page.toString().replaceAll("\\.txt$", ".labels.tsv"));
    LineLabels labels = LineLabels.read(labelsFile);
    List<Block> blocks = BlockSegmenter.lines(Files.readString(page, StandardCharsets.UTF_8));
    Map<Integer, Removal> byLine = new HashMap<>();
    for (Removal r : c.classify(blocks, null)) {
      byLine.put(r.block().line(), r);
    }
    List<Outcome> out = new ArrayList<>();
    for (Block b : blocks) {
      LineLabels.Label l = labels.get(b.line());
      if (l == null) {
        throw new IllegalStateException(page + ": line " + b.line() + " has no label");
      }
      String exp = l.keep() || RemovalKind.ofLabel(l.kind()).isDuplicate() ? "content" : l.kind();
      Removal r = byLine.get(b.line());
      out.add(new Outcome(b.line(), exp, r == null ? "content" : r.kind().label(), b.text(),
          r == null ? "" : r.reason()));
    }
    return out;
  }
}
