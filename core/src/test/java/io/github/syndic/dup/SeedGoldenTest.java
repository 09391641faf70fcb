package io.github.syndic.dup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test on the seed articles: the boilerplate stage is simulated from the labels (lines
 * labelled with a boilerplate kind are not eligible), every duplicate-labelled line must be removed
 * with its kind and twin, and no keep line may be removed.
 */
class SeedGoldenTest {
  static Stream<Path> seeds() throws IOException {
    Path dir = LineLabels.testdata().resolve("seeds");
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(".labels.tsv")).sorted().forEach(out::add);
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void duplicatesMatchLabels(Path labelsFile) throws IOException {
    check(labelsFile, false);
  }

  /**
   * Without any boilerplate stage (every line eligible), the labelled duplicates are still found
   * with their twins and no keep line goes; boilerplate lines may only go as copies of each other.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void duplicatesMatchLabelsWithEveryLineEligible(Path labelsFile) throws IOException {
    check(labelsFile, true);
  }

  private void check(Path labelsFile, boolean allEligible) throws IOException {
    String name = labelsFile.getFileName().toString().replace(".labels.tsv", ".txt");
    String text = Files.readString(labelsFile.resolveSibling(name), StandardCharsets.UTF_8);
    LineLabels labels = LineLabels.read(labelsFile);
    List<Block> blocks = BlockSegmenter.lines(text);
    boolean[] eligible = new boolean[blocks.size()];
    int duplicateLabels = 0;
    for (Block b : blocks) {
      LineLabels.Label l = labels.get(b.line());
      assertNotNull(l, name + ": no label for line " + b.line());
      eligible[b.index()] =
          allEligible || l.keep() || RemovalKind.ofLabel(l.kind()).isDuplicate();
      if (!l.keep() && RemovalKind.ofLabel(l.kind()).isDuplicate()) {
        duplicateLabels++;
      }
    }
    assertTrue(duplicateLabels > 0, name + " has duplicate labels");
    List<Removal> removals = DuplicateDetector.defaults().detect(blocks, eligible);
    Removal[] byBlock = new Removal[blocks.size()];
    for (Removal r : removals) {
      byBlock[r.block().index()] = r;
    }
    for (Block b : blocks) {
      LineLabels.Label l = labels.get(b.line());
      Removal r = byBlock[b.index()];
      if (l.keep()) {
        assertNull(r, name + " line " + b.line() + " is labelled keep but removed: " + r);
        continue;
      }
      RemovalKind kind = RemovalKind.ofLabel(l.kind());
      if (!kind.isDuplicate()) {
        if (allEligible && r != null) {
          LineLabels.Label twin = labels.get(r.twin().line());
          assertTrue(!twin.keep(), name + " boilerplate line " + b.line()
              + " removed as a copy of body line " + r.twin().line() + ": " + r);
        } else {
          assertNull(r, name + " line " + b.line() + " is not eligible but removed: " + r);
        }
        continue;
      }
      assertNotNull(r, name + " line " + b.line() + " should be removed as " + kind);
      assertEquals(kind, r.kind(), name + " line " + b.line() + ": " + r.reason());
      if (l.twin() != null) {
        assertEquals((int) l.twin(), r.twin().line(), name + " line " + b.line() + ": " + r.reason());
      }
      if (kind == RemovalKind.CONCATENATION) {
        assertTrue(r.covering().size() >= 2, r.toString());
        assertEquals(r.covering().get(0), r.twin());
      }
      System.out.println(name + " line " + b.line() + " " + r.kind().label() + " "
          + String.format("%.3f", r.score()) + ": " + r.reason());
    }
    // every twin and covering block is eligible and kept
    for (Removal r : removals) {
      assertTrue(eligible[r.twin().index()]);
      assertNull(byBlock[r.twin().index()], "twin removed: " + r);
      for (Block c : r.covering()) {
        assertTrue(eligible[c.index()]);
        assertNull(byBlock[c.index()], "covering block removed: " + r);
      }
    }
  }
}
