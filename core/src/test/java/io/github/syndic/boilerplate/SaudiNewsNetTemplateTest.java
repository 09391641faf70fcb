package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.testing.LineLabels;
import io.github.syndic.text.BlockSegmenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Learns one template model per source from the SaudiNewsNet articles of ../shared/eval and
 * checks that it does not remove body text of the wire copies. Prints what each model learned.
 */
class SaudiNewsNetTemplateTest {

  @Test
  void perSourceModelsKeepWireCopyBodies() throws IOException {
    Path eval = LineLabels.sharedEval();
    Assumptions.assumeTrue(eval != null, "../shared/eval absent: skipping SaudiNewsNet template test");
    Path root = eval.resolve("neardup/saudinewsnet_ar");
    Path wire = eval.resolve("arabic/saudinewsnet_spa_wire_copies");
    Assumptions.assumeTrue(Files.isDirectory(root) && Files.isDirectory(wire),
        "SaudiNewsNet folders absent: skipping");

    Map<String, TemplateModel.Builder> builders = new TreeMap<>();
    Map<String, Map<Long, String>> examples = new HashMap<>();
    List<String> rows = Files.readAllLines(root.resolve("docs.tsv"), StandardCharsets.UTF_8);
    int docs = 0;
    long t0 = System.nanoTime();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split("\t", -1);
      Path doc = root.resolve("docs").resolve(f[0] + ".txt");
      if (f.length < 2 || !Files.exists(doc)) {
        continue;
      }
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      List<Block> blocks = BlockSegmenter.lines(text);
      builders.computeIfAbsent(f[1], s -> TemplateModel.builder()).addBlocks(blocks);
      Map<Long, String> ex = examples.computeIfAbsent(f[1], s -> new HashMap<>());
      for (Block b : blocks) {
        ex.putIfAbsent(TemplateModel.fingerprint(b.text()), b.text());
      }
      docs++;
    }
    assertEquals(4552, docs, "documents listed in docs.tsv and present");
    Map<String, TemplateModel> models = new TreeMap<>();
    builders.forEach((s, b) -> models.put(s, b.build()));
    System.out.printf("learned %d source models from %d documents in %d ms (reading files included)%n",
        models.size(), docs, (System.nanoTime() - t0) / 1_000_000);
    for (var e : models.entrySet()) {
      TemplateModel m = e.getValue();
      long[][] top = m.templateEntries();
      System.out.printf("source %-13s docs=%4d fingerprints=%6d template=%d%n",
          e.getKey(), m.documents(), m.size(), top.length);
      for (int i = 0; i < Math.min(5, top.length); i++) {
        String t = examples.get(e.getKey()).get(top[i][0]);
        System.out.printf("    %4d x  %s%n", top[i][1], t.length() > 90 ? t.substring(0, 90) : t);
      }
    }

    BoilerplateClassifier c = BoilerplateClassifier.defaults();
    int bodyLines = 0;
    int removedByTemplate = 0;
    int bodyRemoved = 0;
    try (Stream<Path> s = Files.list(wire)) {
      for (Path p : s.filter(x -> x.getFileName().toString().contains("__")).sorted().toList()) {
        String source = p.getFileName().toString().split("__")[1];
        TemplateModel m = models.get(source);
        List<Block> blocks = BlockSegmenter.lines(Files.readString(p, StandardCharsets.UTF_8));
        for (Removal r : c.classify(blocks, m)) {
          if (r.reason().startsWith("recurs in")) {
            removedByTemplate++;
            if (isParagraph(r.block())) {
              bodyRemoved++;
            }
            System.out.println("template removed in " + p.getFileName() + ": " + r.block());
          }
        }
        bodyLines += (int) blocks.stream().filter(SaudiNewsNetTemplateTest::isParagraph).count();
      }
    }
    System.out.println("wire copies: " + bodyLines + " body paragraphs; template removed "
        + removedByTemplate + " short lines (sign-offs, datelines) and " + bodyRemoved
        + " body paragraphs");
    assertTrue(bodyLines > 30, "wire copies read");
    assertEquals(0, bodyRemoved, "template must not remove wire-copy body paragraphs");
  }

  /** A body paragraph: at least 15 tokens (datelines, sign-offs and bylines are shorter). */
  private static boolean isParagraph(Block b) {
    String n = io.github.syndic.text.TextNormalizer.defaults().normalize(b.text()).toString();
    return !n.isEmpty() && n.split(" ").length >= 15;
  }
}
