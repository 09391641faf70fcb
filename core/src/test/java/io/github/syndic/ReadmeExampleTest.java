package io.github.syndic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.testing.LineLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java example is this module's {@link ReadmeExample}, verbatim, and it runs. */
class ReadmeExampleTest {
  private static String region(String text, String start, String end) {
    int a = text.indexOf(start);
    int b = text.indexOf(end);
    assertTrue(a >= 0 && b > a, "markers " + start + " / " + end + " not found");
    return text.substring(text.indexOf('\n', a) + 1, b);
  }

  private static String dedent(String block) {
    List<String> lines = block.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    int indent = lines.stream().mapToInt(l -> l.length() - l.stripLeading().length()).min()
        .orElse(0);
    return lines.stream().map(l -> l.substring(Math.min(indent, l.length())).stripTrailing())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void readmeShowsTheCompiledExample() throws IOException {
    Path repo = LineLabels.testdata().getParent();
    String readme = Files.readString(repo.resolve("README.md"));
    String source = Files.readString(
        repo.resolve("core/src/test/java/io/github/syndic/ReadmeExample.java"));
    String code = dedent(region(source, "// README-EXAMPLE-START", "// README-EXAMPLE-END"));
    String shown = dedent(region(readme, "<!-- README-EXAMPLE-START -->", "<!-- README-EXAMPLE-END -->")
        .replace("```java", "").replace("```", ""));
    assertEquals(code, shown, "README example differs from ReadmeExample.java");
  }

  @Test
  void exampleRunsAndKeepsLinesUnchanged() throws IOException {
    Path seed = LineLabels.testdata().resolve("seeds/001_459de25692059187.txt");
    String raw = Files.readString(seed);
    List<String> log = ReadmeExample.run(raw);
    String text = log.get(0);
    for (String line : text.split("\n")) {
      assertTrue(raw.contains(line), "invented line " + line);
    }
    assertEquals("https://example.com/a", log.get(log.size() - 1), "a lone document is canonical");
  }
}
