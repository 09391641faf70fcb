package io.github.syndic;

import io.github.syndic.doc.Removal;

import io.github.syndic.doc.Block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.testing.LineLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first acceptance test: each seed article cleans line-exactly. The kept lines are exactly
 * the lines labelled {@code keep}; every other labelled line is removed with its labelled kind
 * and, for duplicates, its labelled twin.
 */
class SeedGoldenTest {
  static Stream<Path> seeds() throws IOException {
    return Files.list(LineLabels.testdata().resolve("seeds"))
        .filter(p -> p.toString().endsWith(".txt"))
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void seedCleansLineExactly(Path seed) throws IOException {
    String text = Files.readString(seed);
    LineLabels labels =
        LineLabels.read(seed.resolveSibling(seed.getFileName().toString().replace(".txt", ".labels.tsv")));
    CleanResult r = Cleaner.create(CleanerConfig.news()).clean(text);
    List<String> problems = new ArrayList<>();
    StringBuilder expectedText = new StringBuilder();
    for (Block b : r.blocks()) {
      LineLabels.Label l = labels.get(b.line());
      assertTrue(l != null, "line " + b.line() + " has no label");
      Removal x = r.removalOf(b);
      if (l.keep()) {
        expectedText.append(b.text()).append('\n');
        if (x != null) {
          problems.add("line " + b.line() + " must be kept, removed as " + x.kind().label()
              + " (" + x.reason() + ")");
        }
        continue;
      }
      if (x == null) {
        problems.add("line " + b.line() + " must be removed as " + l.kind() + ", kept");
        continue;
      }
      if (!x.kind().label().equals(l.kind())) {
        problems.add("line " + b.line() + " must be " + l.kind() + ", removed as "
            + x.kind().label() + " (" + x.reason() + ")");
      }
      if (l.twin() != null && (x.twin() == null || x.twin().line() != l.twin())) {
        problems.add("line " + b.line() + " twin must be line " + l.twin() + ", got "
            + (x.twin() == null ? "none" : x.twin().line()));
      }
    }
    assertEquals(List.of(), problems, seed.getFileName().toString());
    assertEquals(expectedText.toString(), r.text());
  }
}
