package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.testing.LineLabels;
import io.github.syndic.text.BlockSegmenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The realistic labelled pages of testdata/pages/LANG: every keep line stays, every drop line is
 * removed, and the kinds agree on nearly all lines.
 */
class RealisticPagesTest {
  /**
   * Kind agreement required over all removed lines: the labels were written independently of the
   * lexicon, and a few lines are ambiguous between kinds (a 'news id' line is navigation to the
   * lexicon and 'other' to its label); keep/drop must agree exactly.
   */
  private static final double MIN_KIND_AGREEMENT = 0.95;

  private static List<Path> pages() throws IOException {
    Path root = LineLabels.testdata().resolve("pages");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().equals("README.txt"))
          .filter(p -> Files.exists(Path.of(p.toString().replaceAll("\\.txt$", ".labels.tsv"))))
          .sorted().toList();
    }
  }

  @Test
  void pagesInAtLeastSixLanguages() throws IOException {
    TreeSet<String> langs = new TreeSet<>();
    for (Path p : pages()) {
      langs.add(p.getParent().getFileName().toString());
    }
    assertTrue(langs.size() >= 6, "languages with labelled pages: " + langs);
  }

  @Test
  void keepAndDropAgreeOnEveryLineAndKindsNearlyAlways() throws IOException {
    BoilerplateClassifier c = BoilerplateClassifier.defaults();
    List<String> wrong = new ArrayList<>();
    int dropped = 0;
    int kindAgree = 0;
    for (Path p : pages()) {
      for (LabelledPages.Outcome o : LabelledPages.compare(p, c)) {
        if (!o.keepDropAgrees()) {
          wrong.add(p.getParent().getFileName() + "/" + p.getFileName() + ":" + o.line()
              + " expected " + o.expected() + ", got " + o.actual() + " [" + o.reason() + "] "
              + o.text());
        }
        if (!o.expected().equals("content")) {
          dropped++;
          if (o.agrees()) {
            kindAgree++;
          }
        }
      }
    }
    assertEquals("", String.join("\n", wrong));
    double share = (double) kindAgree / dropped;
    System.out.printf("realistic pages: %d drop lines, kind agreement %.3f%n", dropped, share);
    assertTrue(share >= MIN_KIND_AGREEMENT, "kind agreement " + share);
  }

  /** Articles whose body uses the cue words in ordinary sentences keep every line. */
  @Test
  void bodySentencesWithCueWordsStay() {
    String[] bodies = {
      "Sources close to the negotiations said the talks would resume on Monday.\n"
          + "Related charges were filed against two other executives last year, prosecutors said.\n"
          + "The source of the leak has not been identified, according to the ministry.\n"
          + "Read more carefully, the contract allows either side to walk away without penalty.\n"
          + "Share prices fell 4 percent after the announcement, the biggest drop since March.\n",
      "وقال مصدر أمني إن التحقيقات ما زالت جارية في الحادث الذي وقع مساء أمس.\n"
          + "وأضاف المصدر أن الشرطة اعتقلت ثلاثة أشخاص على صلة بالقضية ذات الصلة بالتهريب.\n",
      "Источник в правительстве сообщил, что решение будет принято до конца месяца.\n"
          + "По данным источника, связанные с этим расходы вырастут на 10 процентов.\n",
      "Selon une source proche du dossier, les discussions reprendront lundi à Paris.\n",
    };
    BoilerplateClassifier c = BoilerplateClassifier.defaults();
    for (String body : bodies) {
      List<Block> blocks = BlockSegmenter.lines(body);
      List<Removal> rs = c.classify(blocks, null);
      assertEquals(List.of(), rs.stream().map(r -> r.block() + " " + r.reason())
          .collect(Collectors.toList()), "body lines must stay");
    }
  }
}
