package io.github.syndic.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.testing.LineLabels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariants of {@link Invariants#checkResult} plus determinism and idempotence, over every
 * text file of {@code testdata/} and, when present, {@code ../shared/eval} (all AEB pages, the
 * Arabic samples, and a fixed sample of {@value #SNN_SAMPLE} SaudiNewsNet articles).
 */
class InvariantTest {
  /** SaudiNewsNet articles checked: every n-th of the sorted file list, about this many. */
  static final int SNN_SAMPLE = 300;

  private static final Cleaner NEWS = Cleaner.create(CleanerConfig.news());
  private static final Cleaner DUPS_ONLY = Cleaner.create(CleanerConfig.duplicatesOnly());

  static Stream<Path> testdataFiles() {
    return textFiles(LineLabels.testdata()).stream();
  }

  static Stream<Path> evalFiles() {
    Path eval = LineLabels.sharedEval();
    if (eval == null) {
      return Stream.empty();
    }
    List<Path> out = new ArrayList<>(textFiles(eval.resolve("boilerplate")));
    out.addAll(textFiles(eval.resolve("arabic")));
    List<Path> snn = textFiles(eval.resolve("neardup"));
    int step = Math.max(1, snn.size() / SNN_SAMPLE);
    for (int i = 0; i < snn.size(); i += step) {
      out.add(snn.get(i));
    }
    return out.stream();
  }

  /** Every {@code *.txt} under {@code root} (sorted), or none when it does not exist. */
  static List<Path> textFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void sharedEvalIsThereOrSkipped() {
    Path eval = LineLabels.sharedEval();
    if (eval == null) {
      System.out.println("InvariantTest: ../shared/eval absent, eval files not checked");
    }
    Assumptions.assumeTrue(eval != null, "../shared/eval absent");
    assertFalse(evalFiles().findAny().isEmpty(), "no text files in " + eval);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("testdataFiles")
  void testdata(Path file) throws IOException {
    check(file);
  }

  // Zero invocations when ../shared/eval is absent: sharedEvalIsThereOrSkipped reports the skip.
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("evalFiles")
  void sharedEval(Path file) throws IOException {
    check(file);
  }

  static void check(Path file) throws IOException {
    String text = HostileCorpus.decodePermissive(Files.readAllBytes(file));
    for (Cleaner c : new Cleaner[] {NEWS, DUPS_ONLY}) {
      CleanResult r = c.clean(text);
      Invariants.checkResult(text, r);
      CleanResult again = c.clean(text);
      assertEquals(r.text(), again.text(), "not deterministic: " + file);
      assertEquals(r.removals(), again.removals(), "not deterministic: " + file);
      CleanResult twice = c.clean(r.text());
      Invariants.checkResult(r.text(), twice);
      assertEquals(r.text(), twice.text(), "clean(clean(x)).text() != clean(x).text(): " + file);
    }
  }
}
