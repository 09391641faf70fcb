package io.github.syndic.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code syndic-spark dedup} writes the very files of {@code syndic dedup} (clusters and pairs,
 * byte for byte) on the same inputs and flags.
 */
class CommandIdentityTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SAUDI = ROOT.resolveSibling("shared/eval/neardup/saudinewsnet_ar");

  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = SparkSessions.local();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Runs both commands with {@code flags} on {@code inputs}; asserts equal files and status. */
  private void same(List<String> flags, String... inputs) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "run");
    List<String> cli = new ArrayList<>(List.of("dedup", "--clusters", dir.resolve("c1.tsv")
        .toString(), "--pairs", dir.resolve("p1.jsonl").toString(), "-q"));
    cli.addAll(flags);
    cli.addAll(Arrays.asList(inputs));
    StringWriter cliErr = new StringWriter();
    CommandLine c = io.github.syndic.cli.Main.newCommandLine();
    c.setErr(new PrintWriter(cliErr));
    int cliStatus = c.execute(cli.toArray(String[]::new));

    List<String> sp = new ArrayList<>(List.of("dedup", "--clusters", dir.resolve("c2.tsv")
        .toString(), "--pairs", dir.resolve("p2.jsonl").toString(), "-q"));
    sp.addAll(flags);
    sp.addAll(Arrays.asList(inputs));
    ByteArrayOutputStream sparkErr = new ByteArrayOutputStream();
    int sparkStatus = Main.run(sp.toArray(String[]::new),
        new PrintStream(sparkErr, true, StandardCharsets.UTF_8), spark);

    assertEquals(cliStatus, sparkStatus, cliErr + "\n---\n" + sparkErr);
    String clusters = Files.readString(dir.resolve("c1.tsv"));
    assertTrue(clusters.lines().count() > 1, "documents were read");
    assertEquals(clusters, Files.readString(dir.resolve("c2.tsv")));
    assertEquals(Files.readString(dir.resolve("p1.jsonl")),
        Files.readString(dir.resolve("p2.jsonl")));
  }

  @Test
  void seedsArticlesAndAGeneratedFeedWithOtherFlags() throws Exception {
    Path feed = tmp.resolve("feed.jsonl");
    Corpus.main(new String[] {feed.toString(), "300", "23"});
    same(List.of("--window", "2d", "--prefer-source", "site3,site1", "--threshold", "0.75"),
        ROOT.resolve("testdata/seeds").toString(),
        ROOT.resolve("testdata/index/articles").toString(), feed.toString());
  }

  @Test
  void saudiNewsNetWithItsMetadata() throws Exception {
    assumeTrue(Files.isDirectory(SAUDI.resolve("docs")), "evaluation data absent");
    same(List.of("--meta", SAUDI.resolve("docs.tsv").toString()),
        SAUDI.resolve("docs").toString());
  }
}
