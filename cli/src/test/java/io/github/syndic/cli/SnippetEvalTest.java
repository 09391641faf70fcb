package io.github.syndic.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.syndic.Cleaner;
import io.github.syndic.cli.eval.EvalText;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * trafilatura's 630 snippet-judged HTML pages (../shared/eval/html/trafilatura_snippets, dev set)
 * cleaned with defaults: snippet F1 at least {@link #MIN_F1}, scored as {@code snippet_check.py}
 * scores them (a snippet is found when its tokens occur contiguously in the output's tokens; a
 * {@code with} snippet found is a true positive, a {@code without} snippet found a false
 * positive; pooled over all snippets). Skips when the set is absent.
 */
class SnippetEvalTest {
  /**
   * Floor under the F1 measured on 2026-12-07 (.931, README "HTML pages"): a change that loses
   * more than a little on the dev set fails here.
   */
  static final double MIN_F1 = 0.925;

  @Test
  void snippetF1() throws Exception {
    Path set = Path.of("..").toAbsolutePath().normalize().getParent()
        .resolve("shared/eval/html/trafilatura_snippets");
    assumeTrue(Files.isRegularFile(set.resolve("snippets.jsonl")), "no " + set);
    Cleaner cleaner = Cleaner.news();
    ObjectMapper json = new ObjectMapper();
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int pages = 0;
    for (String line : Files.readAllLines(set.resolve("snippets.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode item = json.readTree(line);
      byte[] html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(
          set.resolve("html").resolve(item.get("id").asText() + ".html.gz")))) {
        html = in.readAllBytes();
      }
      List<String> out = EvalText.tokens(cleaner.cleanHtml(html, null, "").text());
      pages++;
      for (JsonNode s : item.get("with")) {
        if (found(out, s.asText())) {
          tp++;
        } else {
          fn++;
        }
      }
      for (JsonNode s : item.get("without")) {
        if (found(out, s.asText())) {
          fp++;
        }
      }
    }
    double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    System.out.printf("snippets: pages=%d P=%.3f R=%.3f F1=%.3f%n", pages, p, r, f1);
    assertTrue(f1 >= MIN_F1, "F1 " + f1 + " < " + MIN_F1);
  }

  private static boolean found(List<String> hay, String snippet) {
    List<String> needle = EvalText.tokens(snippet);
    return !needle.isEmpty() && Collections.indexOfSubList(hay, needle) >= 0;
  }
}
