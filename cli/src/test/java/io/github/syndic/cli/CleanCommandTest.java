package io.github.syndic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanCommandTest {
  @TempDir Path tmp;

  private static final String ARTICLE =
      "Title of the story about the harbour\n"
          + "Title of the story about the harbour\n"
          + "The harbour authority said on Monday that the new quay would open in the spring after"
          + " two years of work and a long dispute over its cost.\n"
          + "Officials expect the quay to double the number of container ships the port can handle"
          + " each week, according to the published plan.\n";

  private Path write(String rel, String content) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** The acceptance check of the README: cleaning the seeds writes exactly their keep lines. */
  @Test
  void seedsCleanToExactlyTheirKeepLines() throws IOException {
    Path seeds = EvalCommandTest.repo().resolve("testdata/seeds");
    Path out = tmp.resolve("cleaned");
    CliRun r = CliRun.run("clean", "-q", "--out", out.toString(), seeds.toString());
    assertEquals(0, r.code(), r.err());
    for (String id : new String[] {"000_51d7c5bbc429c469", "001_459de25692059187"}) {
      List<String> lines = List.of(Files.readString(seeds.resolve(id + ".txt")).split("\n", -1));
      StringBuilder keep = new StringBuilder();
      for (String row : Files.readAllLines(seeds.resolve(id + ".labels.tsv"))) {
        String[] f = row.split("\t");
        if (row.startsWith("#") || row.startsWith("line\t") || f.length < 2) {
          continue;
        }
        if (f[1].equals("keep")) {
          keep.append(lines.get(Integer.parseInt(f[0]) - 1)).append('\n');
        }
      }
      assertEquals(keep.toString(), Files.readString(out.resolve(id + ".txt")), id);
    }
  }

  @Test
  void helpOnEveryCommandExitsZero() {
    CliRun r = CliRun.run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("clean"));
    CliRun c = CliRun.run("clean", "--help");
    assertEquals(0, c.code());
    assertTrue(c.out().contains("--in-place"));
    for (String cmd : new String[] {"dedup", "learn", "eval"}) {
      CliRun h = CliRun.run(cmd, "--help");
      assertEquals(0, h.code(), cmd);
      assertTrue(h.out().contains("Usage: syndic " + cmd), cmd);
    }
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, CliRun.run().code());
    assertEquals(2, CliRun.run("clean").code());
    assertEquals(2, CliRun.run("clean", "--bogus", "x").code());
  }

  @Test
  void cleansToStdoutKeepingLinesUnchanged() throws IOException {
    Path f = write("a.txt", ARTICLE);
    CliRun r = CliRun.run("clean", "-q", f.toString());
    assertEquals(0, r.code(), r.err());
    for (String line : r.out().split("\n")) {
      assertTrue(ARTICLE.contains(line + "\n"), "invented line: " + line);
    }
    assertEquals("", r.err());
  }

  @Test
  void outWritesOneFilePerInputWithSameRelativePath() throws IOException {
    write("in/a.txt", ARTICLE);
    write("in/sub/b.txt", ARTICLE);
    write("in/skip.md", ARTICLE);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run("clean", "--out", out.toString(), tmp.resolve("in").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("a.txt")));
    assertTrue(Files.exists(out.resolve("sub/b.txt")));
    assertFalse(Files.exists(out.resolve("skip.md")), "default include is *.txt");
    assertTrue(r.err().contains("2 files"), r.err());
    try (Stream<Path> s = Files.list(out)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void includeAndExcludeGlobs() throws IOException {
    write("in/a.txt", ARTICLE);
    write("in/b.text", ARTICLE);
    write("in/c.txt", ARTICLE);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run("clean", "-q", "--include", "*.text", "--include", "*.txt",
        "--exclude", "c.*", "--out", out.toString(), tmp.resolve("in").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("a.txt")));
    assertTrue(Files.exists(out.resolve("b.text")));
    assertFalse(Files.exists(out.resolve("c.txt")));
  }

  @Test
  void inputsAreNeverModifiedWithoutInPlace() throws IOException {
    Path f = write("a.txt", ARTICLE);
    byte[] before = Files.readAllBytes(f);
    CliRun.run("clean", "-q", f.toString());
    assertArrayEquals(before, Files.readAllBytes(f));
  }

  @Test
  void inPlaceReplacesTheFileWithItsCleanedText() throws IOException {
    Path f = write("a.txt", ARTICLE);
    String expected = CliRun.run("clean", "-q", f.toString()).out();
    CliRun r = CliRun.run("clean", "-q", "--in-place", f.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(expected, Files.readString(f));
  }

  @Test
  void inPlaceWithOutOrNonTextFormatIsRefused() throws IOException {
    Path f = write("a.txt", ARTICLE);
    assertEquals(2, CliRun.run("clean", "--in-place", "--out", tmp.resolve("o").toString(),
        f.toString()).code());
    assertEquals(2, CliRun.run("clean", "--in-place", "--format", "jsonl", f.toString()).code());
  }

  @Test
  void outInsideAnInputDirectoryIsRefusedBeforeWriting() throws IOException {
    write("in/a.txt", ARTICLE);
    Path out = tmp.resolve("in/cleaned");
    CliRun r = CliRun.run("clean", "--out", out.toString(), tmp.resolve("in").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("inside input directory"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void outputOverAnInputIsRefused() throws IOException {
    Path f = write("a.txt", ARTICLE);
    byte[] before = Files.readAllBytes(f);
    CliRun r = CliRun.run("clean", "--out", tmp.toString(), f.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("would overwrite input"), r.err());
    assertArrayEquals(before, Files.readAllBytes(f));
  }

  @Test
  void binaryAndInvalidUtf8FailOneLineEachAndOthersGoOn() throws IOException {
    write("in/a.txt", ARTICLE);
    Files.write(tmp.resolve("in/bin.txt"), new byte[] {'a', 0, 'b'});
    Files.write(tmp.resolve("in/bad.txt"), new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28});
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run("clean", "--out", out.toString(), tmp.resolve("in").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("bin.txt: binary file (NUL byte at offset 1)"), r.err());
    assertTrue(r.err().contains("bad.txt: not valid UTF-8"), r.err());
    assertTrue(Files.exists(out.resolve("a.txt")));
    assertFalse(Files.exists(out.resolve("bin.txt")));
    assertFalse(Files.exists(out.resolve("bad.txt")));
  }

  @Test
  void charsetOptionDecodesOtherEncodings() throws IOException {
    Path f = tmp.resolve("latin.txt");
    Files.write(f, "Caf\u00e9 au lait avec du pain pour le petit d\u00e9jeuner.\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(1, CliRun.run("clean", "-q", f.toString()).code());
    CliRun r = CliRun.run("clean", "-q", "--charset", "ISO-8859-1", f.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Caf\u00e9"));
    assertEquals(2, CliRun.run("clean", "--charset", "NOPE-1", f.toString()).code());
  }

  @Test
  void bomIsRemoved() throws IOException {
    Path f = tmp.resolve("bom.txt");
    byte[] body = "Hello world, this is the only line of the article.\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[body.length + 3];
    all[0] = (byte) 0xEF;
    all[1] = (byte) 0xBB;
    all[2] = (byte) 0xBF;
    System.arraycopy(body, 0, all, 3, body.length);
    Files.write(f, all);
    CliRun r = CliRun.run("clean", "-q", f.toString());
    assertEquals(0, r.code());
    assertFalse(r.out().startsWith("\uFEFF"));
    assertTrue(r.out().startsWith("Hello"));
  }

  @Test
  void missingInputFailsWithItsName() {
    CliRun r = CliRun.run("clean", tmp.resolve("nope.txt").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("nope.txt: no such file"), r.err());
  }

  @Test
  void emptyDirectoryAndWhitespaceOnlyFile() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    CliRun r = CliRun.run("clean", tmp.resolve("empty").toString());
    assertEquals(0, r.code());
    assertTrue(r.err().contains("no input files"));
    Path ws = write("ws.txt", "   \n\t\n \u00A0 \n");
    CliRun w = CliRun.run("clean", "-q", ws.toString());
    assertEquals(0, w.code());
    assertEquals("", w.out());
  }

  @Test
  void stdinIsRead() {
    CliRun r = CliRun.runWithStdin(ARTICLE, "clean", "-q", "-");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("harbour authority"));
    assertEquals(2, CliRun.run("clean", "--out", tmp.toString(), "-").code());
  }

  @Test
  void jsonlHasOneObjectPerInputWithRemovalsAndMetadata() throws IOException {
    write("in/a.txt", ARTICLE);
    write("in/b.txt", ARTICLE);
    CliRun r = CliRun.run("clean", "-q", "--format", "jsonl", tmp.resolve("in").toString());
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(2, lines.length);
    ObjectMapper m = new ObjectMapper();
    JsonNode o = m.readTree(lines[0]);
    assertEquals("a.txt", o.get("id").asText());
    assertTrue(o.get("text").isTextual());
    assertTrue(o.get("removed").isArray());
    assertTrue(o.get("metadata").get("credits").isArray());
    assertTrue(o.get("metadata").get("tags").isArray());
    assertEquals(o.get("blocks").asInt() - o.get("removed").size(), o.get("kept").asInt());
    assertEquals("article", o.get("layout").asText());
  }

  /** A page of menus around a few paragraphs: the layout chosen, shown and counted. */
  @Test
  void layoutIsChosenPerFileShownAndCounted() throws IOException {
    StringBuilder page = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      page.append("Menu item ").append(i).append('\n');
    }
    page.append(ARTICLE);
    write("in/a.txt", ARTICLE);
    write("in/p.txt", page.toString());
    String dir = tmp.resolve("in").toString();
    CliRun r = CliRun.run("clean", "--format", "jsonl", dir);
    assertEquals(0, r.code(), r.err());
    ObjectMapper m = new ObjectMapper();
    String[] lines = r.out().split("\n");
    assertEquals("article", m.readTree(lines[0]).get("layout").asText());
    assertEquals("page", m.readTree(lines[1]).get("layout").asText());
    assertTrue(r.err().contains("layout: 1 article, 1 page"), r.err());
    CliRun forced = CliRun.run("clean", "--layout", "article", "--format", "annotated", dir);
    assertEquals(0, forced.code(), forced.err());
    assertEquals(2, forced.out().split("layout article\\)", -1).length - 1, forced.out());
    assertTrue(forced.err().contains("layout: 2 article, 0 page"), forced.err());
    CliRun bad = CliRun.run("clean", "--layout", "website", dir);
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("website"), bad.err());
  }

  @Test
  void annotatedShowsEveryBlock() throws IOException {
    Path f = write("a.txt", ARTICLE);
    CliRun r = CliRun.run("clean", "-q", "--format", "annotated", f.toString());
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("== "));
    assertFalse(r.out().contains("\u001b["), "no colours when not on a terminal");
    for (String line : ARTICLE.split("\n")) {
      assertTrue(r.out().contains(line));
    }
  }

  @Test
  void progressBarOnRequestAndSilentWhenPiped() throws IOException {
    int n = 20;
    for (int i = 0; i < n; i++) {
      write("in/f" + i + ".txt", ARTICLE);
    }
    String dir = tmp.resolve("in").toString();
    CliRun auto = CliRun.run("clean", dir);
    assertFalse(auto.err().contains("files\r") || auto.err().contains("["), auto.err());
    CliRun always = CliRun.run("clean", "--progress", "always", dir);
    assertTrue(always.err().contains("] " + n + "/" + n + " files"), always.err());
    assertEquals(2, CliRun.run("clean", "--progress", "sometimes", dir).code());
  }

  @Test
  void outputDoesNotDependOnJobs() throws IOException {
    for (int i = 0; i < 30; i++) {
      write("in/f" + i + ".txt", ARTICLE.replace("harbour", "harbour " + i));
    }
    List<String> outs = new java.util.ArrayList<>();
    for (String j : new String[] {"1", "4"}) {
      CliRun r = CliRun.run("clean", "-q", "--jobs", j, "--format", "jsonl",
          tmp.resolve("in").toString());
      assertEquals(0, r.code());
      outs.add(r.out());
    }
    assertEquals(outs.get(0), outs.get(1));
    assertEquals(2, CliRun.run("clean", "--jobs", "0", tmp.toString()).code());
  }
}
