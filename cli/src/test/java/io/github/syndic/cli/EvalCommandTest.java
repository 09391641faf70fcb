package io.github.syndic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syndic eval} agrees with the reference scorer score.py: samples are built from the
 * labelled pages in testdata/pages (labels converted to KEEP/DROP) and from seeded random
 * cluster data, and both scorers run on them. Skips when python3 or ../shared/eval/score.py is
 * absent.
 */
class EvalCommandTest {
  @TempDir Path tmp;

  static Path repo() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("testdata/seeds"))) {
      p = p.getParent();
    }
    return p;
  }

  static Path scorePy() {
    Path s = repo().getParent().resolve("shared/eval/score.py");
    return Files.exists(s) ? s : null;
  }

  static String python(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("python3"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out.trim();
  }

  static boolean hasPython() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Builds pages/ and labels/ (KEEP/DROP per line) from testdata/pages. */
  private Path boilerplateSample() throws IOException {
    Path dir = tmp.resolve("aeb");
    Files.createDirectories(dir.resolve("pages"));
    Files.createDirectories(dir.resolve("labels"));
    List<Path> pages;
    try (Stream<Path> s = Files.walk(repo().resolve("testdata/pages"))) {
      pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path page : pages) {
      String id = page.getParent().getFileName() + "_" + page.getFileName().toString()
          .replace(".txt", "");
      String text = Files.readString(page);
      int lines = text.split("\n", -1).length;
      String[] lab = new String[lines];
      java.util.Arrays.fill(lab, "");
      Path labels = page.resolveSibling(page.getFileName().toString().replace(".txt", ".labels.tsv"));
      for (String row : Files.readAllLines(labels)) {
        if (row.startsWith("#") || row.startsWith("line\t") || row.isBlank()) {
          continue;
        }
        String[] f = row.split("\t");
        lab[Integer.parseInt(f[0]) - 1] = f[1].equals("keep") ? "KEEP" : "DROP";
      }
      Files.writeString(dir.resolve("pages/" + id + ".txt"), text);
      Files.writeString(dir.resolve("labels/" + id + ".labels"), String.join("\n", lab));
    }
    return dir;
  }

  @Test
  void boilerplateFiguresAgreeWithScorePy() throws Exception {
    assumeTrue(scorePy() != null && hasPython(), "python3 or ../shared/eval/score.py absent");
    Path dir = boilerplateSample();
    Path cleaned = tmp.resolve("cleaned");
    CliRun r = CliRun.run("eval", "boilerplate", "--write", cleaned.toString(), dir.toString());
    assertEquals(0, r.code(), r.err());
    String ours = r.out().lines().findFirst().orElseThrow();
    String ref = python(scorePy().toString(), "boiler", "--pages", dir.resolve("pages").toString(),
        "--labels", dir.resolve("labels").toString(), "--cleaned", cleaned.toString());
    assertEquals(ref, ours);
    // The same with a degenerate output: every page cleaned to its first half of lines.
    Path half = tmp.resolve("half");
    Files.createDirectories(half);
    try (Stream<Path> s = Files.list(dir.resolve("pages"))) {
      for (Path p : s.toList()) {
        List<String> l = Files.readAllLines(p);
        Files.write(half.resolve(p.getFileName()), l.subList(0, l.size() / 2));
      }
    }
    CliRun h = CliRun.run("eval", "boilerplate", "--cleaned", half.toString(), dir.toString());
    String refHalf = python(scorePy().toString(), "boiler", "--pages",
        dir.resolve("pages").toString(), "--labels", dir.resolve("labels").toString(),
        "--cleaned", half.toString());
    assertEquals(refHalf, h.out().trim());
  }

  @Test
  void neardupFiguresAgreeWithScorePy() throws Exception {
    assumeTrue(scorePy() != null && hasPython(), "python3 or ../shared/eval/score.py absent");
    Random rnd = new Random(42);
    Path dir = tmp.resolve("nd");
    Files.createDirectories(dir);
    int n = 60;
    StringBuilder docs = new StringBuilder("doc_id\tsource\n");
    for (int i = 0; i < n; i++) {
      docs.append("d").append(i).append("\tsrc\n");
    }
    Files.writeString(dir.resolve("docs.tsv"), docs);
    String[] labels = {"DUPLICATE", "CONTAINED", "PARTIAL", "UNCLEAR", "NEGATIVE_HARD"};
    StringBuilder pairs = new StringBuilder("doc_a\tdoc_b\tlabel\n");
    for (int k = 0; k < 300; k++) {
      int a = rnd.nextInt(n);
      int b = rnd.nextInt(n);
      if (a != b) {
        pairs.append("d").append(a).append("\td").append(b).append('\t')
            .append(labels[rnd.nextInt(labels.length)]).append('\n');
      }
    }
    Files.writeString(dir.resolve("pairs.tsv"), pairs);
    StringBuilder clusters = new StringBuilder("doc_id\tcluster_id\n");
    for (int i = 0; i < n; i++) {
      clusters.append("d").append(i).append(i % 3 == 0 ? ".txt" : "").append("\tc")
          .append(rnd.nextInt(12)).append('\n');
    }
    Files.writeString(dir.resolve("pred.tsv"), clusters);
    CliRun r = CliRun.run("eval", "neardup", "--pred", dir.resolve("pred.tsv").toString(),
        dir.toString());
    assertEquals(0, r.code(), r.err());
    String ref = python(scorePy().toString(), "neardup", "--gold", dir.toString(), "--pred",
        dir.resolve("pred.tsv").toString());
    assertEquals(ref, r.out().trim());
  }

  @Test
  void missingFoldersAreUsageErrors() {
    assertEquals(2, CliRun.run("eval", "boilerplate", tmp.toString()).code());
    assertEquals(2, CliRun.run("eval", "neardup", tmp.toString()).code());
    assertEquals(2, CliRun.run("eval").code());
  }
}
