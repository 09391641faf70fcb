package io.github.syndic.boilerplate;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.text.BlockSegmenter;
import io.github.syndic.testing.LineLabels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Development aid: prints each line of the given files with the classifier's decision and, when a labels file sits beside it, the expected one. */
public final class ClassifyTool {
  private ClassifyTool() {}

  public static void main(String[] args) throws Exception {
    boolean page = false;
    for (String a : args) {
      if (a.equals("--page")) {
        page = true;
        continue;
      }
      Path p = Path.of(a);
      String text = Files.readString(p, StandardCharsets.UTF_8);
      List<Block> blocks = BlockSegmenter.lines(text);
      BoilerplateConfig cfg = page ? BoilerplateConfig.pages() : BoilerplateConfig.defaults();
      List<Removal> rs = BoilerplateClassifier.create(cfg).classify(blocks, null);
      Map<Integer, Removal> byLine = new HashMap<>();
      for (Removal r : rs) {
        byLine.put(r.block().line(), r);
      }
      Path lp = Path.of(a.replaceAll("\\.txt$", ".labels.tsv"));
      LineLabels labels = Files.exists(lp) ? LineLabels.read(lp) : null;
      System.out.println("== " + a);
      for (Block b : blocks) {
        Removal r = byLine.get(b.line());
        String got = r == null ? "content" : r.kind().label();
        String exp = "";
        if (labels != null && labels.get(b.line()) != null) {
          LineLabels.Label l = labels.get(b.line());
          exp = l.keep() ? "content" : l.kind();
          if (exp.endsWith("duplicate") || exp.equals("contained") || exp.equals("concatenation")) {
            exp = "content";
          }
        }
        String mark = labels == null ? "" : (exp.equals(got) ? "  " : "XX");
        String t = b.text().length() > 70 ? b.text().substring(0, 70) : b.text();
        System.out.printf("%s %3d %-16s %-16s %s   [%s]%n", mark, b.line(), got, exp, t, r == null ? "" : r.reason());
      }
    }
  }
}
