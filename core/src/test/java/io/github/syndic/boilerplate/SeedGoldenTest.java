package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.syndic.testing.LineLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden test on the two seed articles: every line labelled with a boilerplate kind is removed
 * with exactly that kind; keep lines and duplicate-labelled lines (the duplicate detector's job)
 * come out as content.
 */
class SeedGoldenTest {
  @ParameterizedTest
  @ValueSource(strings = {"000_51d7c5bbc429c469", "001_459de25692059187"})
  void seedLinesGetTheirLabelledKind(String id) throws IOException {
    Path page = LineLabels.testdata().resolve("seeds").resolve(id + ".txt");
    List<LabelledPages.Outcome> out =
        LabelledPages.compare(page, BoilerplateClassifier.defaults());
    String wrong = out.stream().filter(o -> !o.agrees())
        .map(o -> "line " + o.line() + ": expected " + o.expected() + ", got " + o.actual()
            + " [" + o.reason() + "] " + o.text())
        .collect(Collectors.joining("\n"));
    assertEquals("", wrong, "seed " + id + " disagreements");
  }
}
