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

  /**
   * Runs both commands with {@code flags} on {@code inputs}; asserts equal files and status;
   * returns the clusters file and the status.
   */
  private String same(List<String> flags, String... inputs) throws Exception {
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
    assertEquals(Files.getPosixFilePermissions(dir.resolve("c1.tsv")),
        Files.getPosixFilePermissions(dir.resolve("c2.tsv")), "the same file mode");
    assertEquals(Files.readString(dir.resolve("p1.jsonl")),
        Files.readString(dir.resolve("p2.jsonl")));
    return clusters + "status " + cliStatus;
  }

  /**
   * The seeds, the articles (times from a metadata TSV in several forms, one unreadable), a
   * generated feed, and records in every time form and id kind syndic dedup reads (epoch seconds
   * and milliseconds, RFC 1123, offsets, an unreadable time kept without time, an integer id, an
   * HTML page, bad records), with non-default flags.
   */
  @Test
  void seedsArticlesAndAGeneratedFeedWithOtherFlags() throws Exception {
    Path feed = tmp.resolve("feed.jsonl");
    Corpus.main(new String[] {feed.toString(), "300", "23"});
    List<String> texts = new ArrayList<>();
    for (var d : Corpus.generate(41, 6)) {
      texts.add(d.text().replace("\\", "").replace("\"", "").replace("\n", "\\n"));
    }
    Path odd = tmp.resolve("odd.jsonl");
    Files.writeString(odd, String.join("\n",
        "{\"id\":\"e1\",\"text\":\"" + texts.get(0) + "\",\"published\":1736000000}",
        "{\"id\":\"e2\",\"text\":\"" + texts.get(0) + "\",\"published\":1736090000000}",
        "{\"id\":\"e3\",\"text\":\"" + texts.get(0)
            + "\",\"published\":\"Sun, 5 Jan 2025 10:00:00 GMT\"}",
        "{\"id\":\"e4\",\"text\":\"" + texts.get(0)
            + "\",\"published\":\"2025-01-20T10:00:00+0200\"}",
        "{\"id\":\"e5\",\"text\":\"" + texts.get(0) + "\",\"published\":\"soon\"}",
        "{\"id\":77,\"text\":\"" + texts.get(1) + "\",\"published\":\"1736000000\"}",
        "{\"id\":\"h1\",\"html\":\"<html><body><article><p>" + texts.get(1)
            + "</p></article></body></html>\",\"published\":\"2025-01-04\"}",
        "{\"id\":\"a\\tb\",\"text\":\"tab in the id\"}",
        "{\"id\":[1],\"text\":\"array id\"}",
        "{\"id\":\"t1\",\"text\":\"x\",\"title\":{\"a\":1}}", ""));
    Path meta = tmp.resolve("meta.tsv");
    Files.writeString(meta, "doc_id\tsource\tpublished\n"
        + "en_bridge\twire\t1736000000000\n"
        + "en_harvest\tx\tSun, 5 Jan 2025 10:00:00 GMT\n"
        + "en_library\twire\tnot a time\n"
        + "ar_school\tx\t2025-01-05 10:00:00\n");
    String clusters = same(List.of("--window", "2d", "--prefer-source", "site3,site1",
            "--threshold", "0.75", "--meta", meta.toString()),
        ROOT.resolve("testdata/seeds").toString(),
        ROOT.resolve("testdata/index/articles").toString(), feed.toString(), odd.toString());
    for (String id : List.of("e1", "e5", "77", "h1", "en_library")) { // read, bad time or not
      assertTrue(clusters.contains("\n" + id + "\t"), id + " in\n" + clusters);
    }
    assertTrue(clusters.endsWith("status 1"), "the bad records fail the run");
  }

  /**
   * A directory as a crawler leaves it: text files, HTML pages named {@code .html} and
   * {@code .htm}, a page saved as {@code .txt} (read as HTML by its content), a file of another
   * kind (not a document), and a UTF-16 text file with its byte order mark.
   */
  @Test
  void aDirectoryOfTextAndHtmlFilesGivesTheSameDocuments() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("crawl/sub"));
    List<String> bodies = new ArrayList<>();
    for (var d : Corpus.generate(7, 6)) {
      bodies.add(d.text());
    }
    String story = bodies.get(0);
    String page = "<!DOCTYPE html><html><head><title>t</title></head><body><nav><a href=/>Home</a>"
        + " <a href=/w>World</a></nav><article><p>" + story.replace("\n", "</p><p>")
        + "</p></article><footer>All rights reserved</footer></body></html>";
    Files.writeString(dir.resolve("plain.txt"), story);
    Files.writeString(dir.resolve("page.html"), page);
    Files.writeString(dir.resolve("old.htm"), page.replace("<nav>", "<nav>Menu "));
    Files.writeString(dir.resolve("saved-page.txt"), page);
    Files.writeString(dir.resolve("notes.md"), story);
    Files.write(dir.resolve("wide.txt"), ("\uFEFF" + bodies.get(1))
        .getBytes(StandardCharsets.UTF_16LE));
    Files.writeString(dir.resolve("other.txt"), bodies.get(2));
    String clusters = same(List.of(), tmp.resolve("crawl").toString());
    for (String id : List.of("plain", "page", "old", "saved-page", "wide", "other")) {
      assertTrue(clusters.contains("\n" + id + "\t"), id + " in\n" + clusters);
    }
    assertTrue(!clusters.contains("notes"), clusters);
  }

  @Test
  void saudiNewsNetWithItsMetadata() throws Exception {
    assumeTrue(Files.isDirectory(SAUDI.resolve("docs")), "evaluation data absent");
    same(List.of("--meta", SAUDI.resolve("docs.tsv").toString()),
        SAUDI.resolve("docs").toString());
  }
}
