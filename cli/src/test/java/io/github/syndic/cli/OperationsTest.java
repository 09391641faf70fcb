package io.github.syndic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 18 on the command line: what real operations add to one run (several inputs, re-runs,
 * records from other tools, pipes, FIFOs, symbolic links, full disks, small heaps) and the habits
 * of a good command.
 */
class OperationsTest {
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
    Files.writeString(p, content);
    return p;
  }

  // --- item 2: output collisions ---

  @Test
  void twoInputsWithTheSameOutputNameAreRefusedBeforeAnythingIsWritten() throws IOException {
    write("a/x.txt", ARTICLE);
    write("b/x.txt", ARTICLE.replace("harbour", "airport"));
    write("b/y.txt", ARTICLE);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run("clean", "-o", out.toString(), tmp.resolve("a").toString(),
        tmp.resolve("b").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(tmp.resolve("a/x.txt").toString())
        && r.err().contains(tmp.resolve("b/x.txt").toString()), r.err());
    assertFalse(Files.exists(out.resolve("x.txt")), "nothing may be written");
    assertFalse(Files.exists(out.resolve("y.txt")), "nothing may be written");
  }

  @Test
  void outputNamesFollowTheFormatAndOutMustBeADirectory() throws IOException {
    Path f = write("in/story.txt", ARTICLE);
    Path out = tmp.resolve("out");
    assertEquals(0, CliRun.run("clean", "-q", "--format", "jsonl", "-o", out.toString(),
        f.toString()).code());
    assertTrue(Files.exists(out.resolve("story.jsonl")));
    assertEquals(0, CliRun.run("clean", "-q", "--format", "annotated", "-o", out.toString(),
        f.toString()).code());
    assertTrue(Files.exists(out.resolve("story.annotated.txt")));
    // story.txt and story.md would both become story.jsonl
    Path g = write("in/story.md", ARTICLE);
    CliRun both = CliRun.run("clean", "--format", "jsonl", "-o", tmp.resolve("o2").toString(),
        f.toString(), g.toString());
    assertEquals(2, both.code(), both.err());
    CliRun file = CliRun.run("clean", "-o", f.toString(), g.toString());
    assertEquals(2, file.code());
    assertTrue(file.err().contains("not a directory"), file.err());
  }

  // --- item 5: time ---

  @Test
  void timesInEveryCommonFormAndEpochUnitsByMagnitude() {
    Instant t = Instant.parse("2023-11-14T22:13:20Z");
    Records.TimeUnit auto = Records.TimeUnit.auto;
    assertEquals(t, Records.parseTime("1700000000", auto));
    assertEquals(t, Records.parseTime("1700000000000", auto));
    assertEquals(t, Records.parseTime("1700000000", Records.TimeUnit.s));
    assertEquals(Instant.ofEpochMilli(1_700_000_000L),
        Records.parseTime("1700000000", Records.TimeUnit.ms));
    assertEquals(t, Records.parseTime("2023-11-14T22:13:20Z", auto));
    assertEquals(t, Records.parseTime("2023-11-14T22:13:20", auto)); // no zone: UTC
    assertEquals(t, Records.parseTime("2023-11-14 22:13:20", auto));
    assertEquals(t, Records.parseTime("2023-11-15T00:13:20+02:00", auto));
    assertEquals(t, Records.parseTime("2023-11-15T00:13:20+0200", auto));
    assertEquals(t, Records.parseTime("2023-11-14T23:13:20+01:00[Europe/Paris]", auto));
    assertEquals(t, Records.parseTime("Tue, 14 Nov 2023 22:13:20 GMT", auto));
    assertEquals(Instant.parse("2023-11-14T00:00:00Z"), Records.parseTime("2023-11-14", auto));
    assertNull(Records.parseTime("yesterday", auto));
    assertNull(Records.parseTime("99999999999999999999999999", auto));
    assertNull(Records.parseTime("+1000000001-01-01T00:00:00Z", auto));
    assertNull(Records.parseTime("1e30", auto));
    try {
      // an exponent beyond an int (JsonLinesFuzzTest's finding) is no time, not an exception
      assertNull(Records.parseTime(new ObjectMapper().readTree("1E660000000"), auto));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void epochSecondsStayInTheWindowAndUnreadableTimesAreCounted() throws IOException {
    long now = Instant.now().getEpochSecond();
    Path feed = write("feed.jsonl",
        "{\"id\":\"a\",\"text\":\"" + text(1) + "\",\"published\":" + (now - 3600) + "}\n"
            + "{\"id\":\"b\",\"text\":\"" + text(2) + "\",\"published\":" + now + "}\n"
            + "{\"id\":\"c\",\"text\":\"" + text(3) + "\",\"published\":\"soon\"}\n");
    Path state = tmp.resolve("state");
    CliRun r = CliRun.run("dedup", "--index", state.toString(), "--window", "2d", "--clusters",
        tmp.resolve("c.tsv").toString(), feed.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("1 with an unreadable time"), r.err());
    assertTrue(r.err().contains("the index holds 3 documents"), r.err());
    assertTrue(r.err().contains("created a new index"), r.err());
  }

  @Test
  void anIndexKeepsItsWindowAndSettingsUnlessReconfigured() throws IOException {
    long now = Instant.now().getEpochSecond();
    Path day1 = write("day1.jsonl", "{\"id\":\"a\",\"text\":\"" + text(1)
        + "\",\"published\":" + now + "}\n");
    Path day2 = write("day2.jsonl", "{\"id\":\"b\",\"text\":\"" + text(2)
        + "\",\"published\":" + now + "}\n"
        + "{\"id\":\"old\",\"text\":\"" + text(3) + "\",\"published\":\"1970-01-20T00:00:00Z\"}\n");
    String state = tmp.resolve("state").toString();
    String c = tmp.resolve("c.tsv").toString();
    assertEquals(0, CliRun.run("dedup", "-q", "--index", state, "--window", "30d", "--clusters", c,
        day1.toString()).code());
    // no --window: the index goes on with its own (30d), not the default
    CliRun r = CliRun.run("dedup", "--index", state, "--clusters", c, day2.toString());
    assertEquals(1, r.code(), r.err()); // the 1970 document is refused, the others go on
    assertTrue(r.err().contains("before 1990-01-01T00:00:00Z"), r.err());
    assertTrue(r.err().contains("the index holds 2 documents"), r.err());
    // another window is refused, naming both, unless --reconfigure
    r = CliRun.run("dedup", "--index", state, "--window", "3d", "--clusters", c, day1.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("window=PT720H") && r.err().contains("window=PT72H")
        && r.err().contains("--reconfigure"), r.err());
    r = CliRun.run("dedup", "--index", state, "--window", "3d", "--reconfigure", "--clusters", c,
        day1.toString());
    assertEquals(0, r.code(), r.err());
    // a setting that shapes the contents cannot be reconfigured
    r = CliRun.run("dedup", "--index", state, "--window", "3d", "--reconfigure", "--threshold",
        "0.9", "--clusters", c, day1.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("threshold=0.9"), r.err());
    assertEquals(2, CliRun.run("dedup", "--reconfigure", "--clusters", c, day1.toString()).code());
  }

  @Test
  void directoryWithoutTimesWarnsThatTheWindowCannotEvict() throws IOException {
    write("docs/a.txt", ARTICLE);
    CliRun r = CliRun.run("dedup", "--index", tmp.resolve("s").toString(), "--clusters",
        tmp.resolve("c.tsv").toString(), tmp.resolve("docs").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("--window cannot evict"), r.err());
  }

  /** A paragraph unique to {@code i}, long enough to be signed. */
  static String text(int i) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < 60; w++) {
      sb.append("word").append(i * 1000 + w * 7919 % 1000).append(' ');
    }
    return sb.toString().trim();
  }

  // --- item 9: per-record validation ---

  @Test
  void everyBadRecordKindLosesOnlyItsOwnLine() throws IOException {
    List<byte[]> lines = new ArrayList<>();
    lines.add(rec("\"good1\"", text(1)));
    lines.add(rec("\"\"", text(2)));                      // 2: empty id
    lines.add(rec("{\"x\":1}", text(3)));                 // 3: object id
    lines.add(rec("[1,2]", text(4)));                     // 4: array id
    lines.add(rec("\"bad\\ud800\"", text(5)));            // 5: lone surrogate
    lines.add(rec("\"tab\\there\"", text(6)));            // 6: tab in id
    lines.add(utf8("{\"id\":\"time\",\"text\":\"" + text(7)
        + "\",\"published\":1e30}"));  // 7: beyond Instant's range: kept, time unreadable
    byte[] bad = utf8("{\"id\":\"badbyte\",\"text\":\"x\u00e9y\"}");
    bad[bad.length - 4] = (byte) 0xC3;
    bad[bad.length - 3] = (byte) 0x28;                    // 8: invalid UTF-8
    lines.add(bad);
    lines.add(utf8("{\"id\":\"nul\",\"text\":\"a\u0000b\"}")); // 9: raw NUL in a string
    lines.add(utf8("{\"id\":\"two\",\"text\":\"t\"} {\"id\":\"x\",\"text\":\"y\"}")); // 10
    lines.add(rec("\"good2\"", text(11)));
    lines.add(utf8("{\"id\":\"dup\",\"id\":\"dup2\",\"text\":\"t\"}")); // 12: repeated field
    Path f = tmp.resolve("feed.jsonl");
    try (OutputStream o = Files.newOutputStream(f)) {
      for (byte[] l : lines) {
        o.write(l);
        o.write('\n');
      }
    }
    Path dir = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(dir.resolve(".txt"), ARTICLE);    // a file named .txt: empty id
    Files.writeString(dir.resolve("fine.txt"), ARTICLE);
    Path clusters = tmp.resolve("c.tsv");
    CliRun r = CliRun.run("dedup", "--clusters", clusters.toString(), f.toString(),
        dir.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(Files.exists(clusters), r.err());
    assertTrue(r.err().contains("1 with an unreadable time"), r.err());
    String ids = Files.readString(clusters);
    for (String id : new String[] {"good1", "good2", "time", "fine"}) {
      assertTrue(ids.contains(id + "\t"), id + " missing: " + ids);
    }
    assertEquals(5, ids.split("\n").length, ids); // header + 4
    for (int line : new int[] {2, 3, 4, 5, 6, 8, 9, 10, 12}) {
      assertTrue(r.err().contains(f + ":" + line + ": "), "line " + line + ": " + r.err());
    }
    assertTrue(r.err().contains(f + ":10: more than one JSON value"), r.err());
    assertTrue(r.err().contains(dir.resolve(".txt") + ": empty id"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  private static byte[] rec(String idJson, String text) {
    return utf8("{\"id\":" + idJson + ",\"text\":\"" + text + "\"}");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void overlongLinesAreSkippedOneByOne() throws IOException {
    StringBuilder in = new StringBuilder();
    in.append("{\"id\":\"a\",\"text\":\"short\"}\n");
    in.append("{\"id\":\"b\",\"text\":\"").append("x".repeat(500)).append("\"}\r\n");
    in.append("\n   \n");
    in.append("{\"id\":\"c\",\"text\":\"short\"}");  // no final newline
    List<String> seen = new ArrayList<>();
    new JsonLines(StandardCharsets.UTF_8, 100).read(
        new java.io.ByteArrayInputStream(utf8(in.toString())), new JsonLines.Handler() {
          @Override
          public void record(long line, com.fasterxml.jackson.databind.node.ObjectNode r) {
            seen.add(line + ":" + r.get("id").asText());
          }

          @Override
          public void error(long line, String reason) {
            seen.add(line + ":error:" + reason);
          }
        });
    assertEquals(3, seen.size(), seen.toString());
    assertEquals("1:a", seen.get(0));
    assertTrue(seen.get(1).startsWith("2:error:line longer than the limit of 100 bytes"),
        seen.get(1));
    assertEquals("5:c", seen.get(2));
  }

  // --- clean reads and writes records: clean | dedup ---

  @Test
  void cleanReadsRecordsAndWritesThemBackSoThatDedupChains() throws IOException {
    String feed = "{\"id\":\"r1\",\"source\":\"wire\",\"text\":\"" + text(1) + "\\n" + text(1)
        + "\"}\n{\"id\":7,\"text\":\"" + text(2) + "\"}\n{\"id\":\"\",\"text\":\"x\"}\n";
    CliRun c = CliRun.runWithStdin(feed, "clean", "--input-format", "jsonl");
    assertEquals(1, c.code(), c.err());
    assertTrue(c.err().contains("<stdin>:3: empty id"), c.err());
    String[] out = c.out().split("\n");
    assertEquals(2, out.length, c.out());
    ObjectMapper m = new ObjectMapper();
    JsonNode first = m.readTree(out[0]);
    assertEquals("r1", first.get("id").asText());
    assertEquals("wire", first.get("source").asText());
    assertEquals(text(1) + "\n", first.get("text").asText()); // the repeat is gone
    assertEquals(7, m.readTree(out[1]).get("id").asInt());
    CliRun d = CliRun.runWithStdin(c.out(), "dedup", "--clusters", "-", "-");
    assertEquals(0, d.code(), d.err());
    assertTrue(d.out().startsWith("doc_id\tcluster_id\n") && d.out().contains("\nr1\t")
        && d.out().contains("\n7\t"), d.out());
  }

  @Test
  void utf16WithAByteOrderMarkIsRead() throws IOException {
    Path f = tmp.resolve("u16.txt");
    byte[] body = ARTICLE.getBytes(StandardCharsets.UTF_16LE);
    byte[] all = new byte[body.length + 2];
    all[0] = (byte) 0xFF;
    all[1] = (byte) 0xFE;
    System.arraycopy(body, 0, all, 2, body.length);
    Files.write(f, all);
    CliRun r = CliRun.run("clean", "-q", f.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("harbour authority said"), r.out());
  }

  // --- item 12: write errors ---

  @Test
  void aFailingStandardOutputStopsTheRunWithStatusOne() throws IOException {
    for (int i = 0; i < 40; i++) {
      write("in/f" + i + ".txt", ARTICLE.replace("harbour", "harbour " + i));
    }
    int[] writes = {0};
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        writes[0]++;
        throw new IOException("No space left on device");
      }
    };
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(full));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("clean", "-j", "1", tmp.resolve("in").toString());
    assertEquals(1, code, err.toString());
    assertTrue(err.toString().contains("cannot write standard output"), err.toString());
    assertTrue(err.toString().contains("(stopped)"), err.toString());
    assertTrue(writes[0] <= 2, "the run went on after the failure: " + writes[0] + " writes");
  }

  @Test
  void devFullAndAClosedPipeGiveNonZeroStatusAndStopEarly() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (int i = 0; i < 300; i++) {
      Files.writeString(in.resolve("f" + i + ".txt"), ARTICLE.replace("harbour", "harbour " + i));
    }
    if (Files.isWritable(Path.of("/dev/full"))) {
      Process p = child(tmp, ProcessBuilder.Redirect.to(new java.io.File("/dev/full")), "clean",
          in.toString());
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(1, p.exitValue(), err);
      assertTrue(err.contains("cannot write standard output: No space left on device"), err);
    }
    Process p = child(tmp, ProcessBuilder.Redirect.PIPE, "clean", "-j", "1", in.toString());
    try (InputStream s = p.getInputStream()) {
      s.read(new byte[100]); // like '| head -c 100', then the reader goes away
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(StdOut.BROKEN_PIPE_STATUS, p.exitValue(), err);
    assertFalse(err.contains("300 files"), "the run should stop, not go on: " + err);
  }

  /** The CLI in a child JVM with stdout sent to {@code out}. */
  static Process child(Path dir, ProcessBuilder.Redirect out, String... args) throws IOException {
    return childWithHeap(dir, out, "-Xmx1g", args);
  }

  static Process childWithHeap(Path dir, ProcessBuilder.Redirect out, String heap,
      String... args)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(java, heap, "-cp", cp,
        "io.github.syndic.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
  }

  // --- item 13: paths that are not plain files ---

  @Test
  void clustersThroughASymlinkAndAFifo() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), ARTICLE);
    Path real = write("real/c.tsv", "old\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link.tsv"), real);
    CliRun r = CliRun.run("dedup", "-q", "--clusters", link.toString(), docs.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link), "the link must stay a link");
    assertTrue(Files.readString(real).startsWith("doc_id\tcluster_id\na\t"));

    Path fifo = tmp.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    String[] got = new String[1];
    Thread reader = new Thread(() -> {
      try {
        got[0] = Files.readString(fifo);
      } catch (IOException e) {
        got[0] = e.toString();
      }
    });
    reader.start();
    CliRun f = CliRun.run("dedup", "-q", "--clusters", fifo.toString(), docs.toString());
    reader.join(60_000);
    assertEquals(0, f.code(), f.err());
    assertEquals("doc_id\tcluster_id\na\ta\n", got[0]);
    assertFalse(Files.isRegularFile(fifo), "the FIFO must stay a FIFO");
  }

  @Test
  void nonRegularInputsAreRefusedAtOnce() throws Exception {
    Path fifo = tmp.resolve("in.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(30), () -> CliRun.run("clean", "-q", fifo.toString()));
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("syndic: " + fifo + ": not a regular file"), r.err());
    if (Files.exists(Path.of("/dev/zero"))) {
      CliRun z = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(30), () -> CliRun.run("clean", "-q", "/dev/zero"));
      assertEquals(1, z.code());
      assertTrue(z.err().contains("not a regular file"), z.err());
    }
  }

  // --- item 7: --in-place keeps mode and follows symlinks ---

  @Test
  void inPlaceKeepsTheModeAndCleansASymlinksTarget() throws IOException {
    Path f = write("private.txt", ARTICLE);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    assertEquals(0, CliRun.run("clean", "-q", "--in-place", f.toString()).code());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertFalse(Files.readString(f).equals(ARTICLE), "the file must be cleaned");

    Path target = write("target.txt", ARTICLE);
    Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), target);
    assertEquals(0, CliRun.run("clean", "-q", "--in-place", link.toString()).code());
    assertTrue(Files.isSymbolicLink(link), "the link must stay a link");
    assertEquals(Files.readString(f), Files.readString(target));
  }

  // --- item 15: an unreadable subdirectory ---

  @Test
  void unreadableSubdirectoryIsOneErrorAndTheRunGoesOn() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.txt"), ARTICLE);
    Path locked = Files.createDirectories(in.resolve("locked"));
    Files.writeString(locked.resolve("b.txt"), ARTICLE);
    Files.writeString(in.resolve("z.txt"), ARTICLE);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      for (String cmd : new String[] {"clean", "dedup"}) {
        List<String> args = new ArrayList<>(List.of(cmd));
        if (cmd.equals("dedup")) {
          args.addAll(List.of("--clusters", "-"));
        }
        args.add(in.toString());
        String[] out = asUnprivilegedUser(args);
        assertEquals("1", out[0], out[2]);
        assertTrue(out[2].contains(locked + ": cannot read directory: permission denied"),
            out[2]);
        assertFalse(out[2].contains("Exception"), out[2]);
        assertTrue(out[1].contains(cmd.equals("dedup") ? "\nz\t" : "harbour authority"), out[1]);
      }
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * Runs the CLI so that permission bits bind: in-process when not root, else in a child JVM as
   * user nobody (setpriv). Returns {status, stdout, stderr}.
   */
  private String[] asUnprivilegedUser(List<String> args) throws Exception {
    if (!System.getProperty("user.name").equals("root")) {
      CliRun r = CliRun.run(args.toArray(new String[0]));
      return new String[] {Integer.toString(r.code()), r.out(), r.err()};
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
        "root without setpriv: permission bits cannot bind");
    // nobody must reach the test directory and the class path (build output in the work tree)
    for (Path p = tmp; p != null; p = p.getParent()) {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> perms =
          new java.util.HashSet<>(Files.getPosixFilePermissions(p));
      perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
      if (p.equals(tmp) || p.startsWith(tmp)) {
        perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
      }
      Files.setPosixFilePermissions(p, perms);
    }
    for (Path p : List.of(tmp.resolve("in"), tmp.resolve("in/a.txt"), tmp.resolve("in/z.txt"))) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
          Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = readableClassPath();
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=65534",
        "--regid=65534", "--clear-groups", java, "-Xmx512m", "-cp", cp,
        "io.github.syndic.cli.Main"));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).directory(tmp.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String e = new String(err, StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assumptions.assumeFalse(e.contains("Could not find or load main class")
        || e.contains("Error opening zip file") || e.contains("AccessDenied"),
        "user nobody cannot read the build output here: " + e);
    return new String[] {Integer.toString(p.exitValue()), new String(out, StandardCharsets.UTF_8),
        e};
  }

  /** The CLI's class path copied under the test directory, where user nobody can read it. */
  private String readableClassPath() throws IOException {
    if (copiedClassPath != null) {
      return copiedClassPath;
    }
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    Path dir = Files.createDirectories(tmp.resolve("cp"));
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String e : cp.split(java.io.File.pathSeparator)) {
      Path src = Path.of(e);
      // everything the CLI needs (its classes, core as a directory or a jar, its libraries);
      // the test frameworks stay out
      boolean needed = !(e.contains("junit") || e.contains("jazzer") || e.contains("opentest4j")
          || e.contains("apiguardian") || e.endsWith("test-classes"));
      if (!needed || !Files.exists(src)) {
        continue;
      }
      Path dst = dir.resolve("e" + n++ + (Files.isDirectory(src) ? "" : ".jar"));
      if (Files.isDirectory(src)) {
        try (java.util.stream.Stream<Path> s = Files.walk(src)) {
          for (Path f : (Iterable<Path>) s::iterator) {
            Path t = dst.resolve(src.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(t);
            } else {
              Files.copy(f, t);
            }
          }
        }
      } else {
        Files.copy(src, dst);
      }
      out.add(dst.toString());
    }
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(
            Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    copiedClassPath = String.join(java.io.File.pathSeparator, out);
    return copiedClassPath;
  }

  private String copiedClassPath;

  // --- item 6: out of memory ---

  @Test
  void outOfMemoryNamesTheFileAndTheWayToRaiseTheHeap() throws Exception {
    Path big = tmp.resolve("big.txt");
    Files.writeString(big, SafetyTest.bigArticle(24_000_000));
    Process p = childWithHeap(tmp, ProcessBuilder.Redirect.DISCARD, "-Xmx48m", "clean",
        big.toString());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), err);
    assertTrue(err.contains("SYNDIC_JAVA_OPTS"), err);
    assertTrue(err.contains(big.toString()) || err.startsWith("syndic: out of memory"), err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }

  // --- item 14 (command side): no temporary file survives SIGTERM during clean --out ---

  @Test
  void sigtermDuringCleanOutLeavesNoTemporaryFile() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    String body = SafetyTest.bigArticle(200_000);
    for (int i = 0; i < 300; i++) {
      Files.writeString(in.resolve("f" + i + ".txt"), "Story " + i + "\n" + body);
    }
    for (int round = 0; round < 3; round++) {
      Path out = tmp.resolve("out" + round);
      Process p = child(tmp, ProcessBuilder.Redirect.DISCARD, "clean", "-q", "-o",
          out.toString(), in.toString());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (p.isAlive() && System.nanoTime() < deadline
          && (!Files.isDirectory(out) || SafetyTest.tempFiles(out).isEmpty())) {
        Thread.sleep(1);
      }
      new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "CLI did not stop");
      if (Files.isDirectory(out)) {
        SafetyTest.assertNoTempFiles(out);
      }
    }
  }

  // --- item 1 (command side): one run at a time on an index ---

  @Test
  void secondWriterFailsWithStatusThreeNamingTheHolderAndAKilledHolderReleasesTheLock()
      throws Exception {
    Path small = write("small.jsonl", "{\"id\":\"s1\",\"text\":\"" + text(7) + "\"}\n");
    Path state = tmp.resolve("state");
    // The holder reads its feed from standard input, which the test keeps open: it holds the
    // lock as long as the test wants, whatever the machine's load.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    Process holder = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, "io.github.syndic.cli.Main",
        "dedup", "-q", "--index", state.toString(), "--clusters",
        tmp.resolve("held.tsv").toString(), "-").directory(tmp.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Path lockFile = state.resolve(io.github.syndic.index.IndexLock.FILE_NAME);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String pid = Long.toString(holder.pid());
    while (holder.isAlive() && System.nanoTime() < deadline
        && !(Files.exists(lockFile) && Files.readString(lockFile).startsWith(pid + " "))) {
      Thread.sleep(5);
    }
    if (!holder.isAlive()) {
      throw new AssertionError("the holder ended: "
          + new String(holder.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    CliRun busy = CliRun.run("dedup", "--index", state.toString(), "--clusters",
        tmp.resolve("b.tsv").toString(), small.toString());
    assertEquals(DedupCommand.INDEX_BUSY, busy.code(), busy.err());
    assertTrue(busy.err().contains("locked by pid " + pid + " on host "), busy.err());
    assertEquals(1, busy.err().split("\n").length, busy.err());
    assertFalse(Files.exists(tmp.resolve("b.tsv")));

    Process waiter = child(tmp, ProcessBuilder.Redirect.DISCARD, "dedup", "-q", "--wait=120s",
        "--index", state.toString(), "--clusters", tmp.resolve("w.tsv").toString(),
        small.toString());
    Thread.sleep(500);
    assertTrue(waiter.isAlive() || waiter.exitValue() == 0);
    holder.destroyForcibly(); // SIGKILL: the kernel releases the lock
    assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
    holder.getOutputStream().close();
    assertTrue(waiter.waitFor(120, TimeUnit.SECONDS), "the waiting run never got the lock");
    String err = new String(waiter.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, waiter.exitValue(), err);
    assertEquals("doc_id\tcluster_id\ns1\ts1\n", Files.readString(tmp.resolve("w.tsv")));
  }

  // --- a new user's feed routine ---

  @Test
  void threeDailyBatchesAndARerunListEveryDocumentOnceAndLoseNone() throws IOException {
    Path state = tmp.resolve("state");
    List<String> all = new ArrayList<>();
    StringBuilder listed = new StringBuilder();
    for (int day = 1; day <= 3; day++) {
      StringBuilder feed = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        String id = "d" + day + "-" + i;
        all.add(id);
        // every day re-reports story 0 of day 1 (a syndicated copy), the rest are new stories
        String text = i == 0 ? text(100) + " copy " + day : text(day * 10 + i);
        feed.append("{\"id\":\"").append(id).append("\",\"text\":\"").append(text)
            .append("\",\"published\":\"2026-12-0").append(day).append("T0").append(i)
            .append(":00:00Z\"}\n");
      }
      Path f = write("day" + day + ".jsonl", feed.toString());
      Path c = tmp.resolve("c" + day + ".tsv");
      CliRun r = CliRun.run("dedup", "--index", state.toString(), "--window", "30d",
          "--clusters", c.toString(), f.toString());
      assertEquals(0, r.code(), r.err());
      String rows = Files.readString(c);
      listed.append(rows.substring(rows.indexOf('\n') + 1));
      if (day == 2) { // day 2 runs again: the same clusters, nothing added twice
        Path again = tmp.resolve("c2-again.tsv");
        CliRun rr = CliRun.run("dedup", "--index", state.toString(), "--window", "30d",
            "--clusters", again.toString(), f.toString());
        assertEquals(0, rr.code(), rr.err());
        assertEquals(rows, Files.readString(again));
      }
    }
    List<String> ids = new ArrayList<>();
    for (String row : listed.toString().split("\n")) {
      ids.add(row.split("\t")[0]);
    }
    assertEquals(all, ids.stream().sorted().toList(), "every document exactly once");
    CliRun last = CliRun.run("dedup", "--index", state.toString(), "--window", "30d",
        "--clusters", "-", tmp.resolve("day3.jsonl").toString());
    assertTrue(last.err().contains("the index holds 15 documents"), last.err());
    assertTrue(last.out().contains("d3-0\td1-0"), "the copy joins day 1's cluster: "
        + last.out());
  }

  // --- habits ---

  @Test
  void usageErrorsAreOneLineAndAPointerToHelp() {
    CliRun r = CliRun.run("clean", "--bogus", "x");
    assertEquals(2, r.code());
    String[] lines = r.err().split("\n");
    assertEquals(2, lines.length, r.err());
    assertTrue(lines[0].startsWith("syndic: "), r.err());
    assertEquals("see 'syndic help clean'", lines[1]);
    CliRun d = CliRun.run("dedup", "x.jsonl");
    assertEquals(2, d.code());
    assertEquals("see 'syndic help dedup'", d.err().split("\n")[1], d.err());
  }

  @Test
  void cleanWithoutInputReadsStandardInput() {
    CliRun r = CliRun.runWithStdin(ARTICLE, "clean", "-q");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("harbour authority"), r.out());
  }

  @Test
  void rerunOfADayIsIdempotent() throws IOException {
    Path feed = write("day1.jsonl",
        "{\"id\":\"a\",\"text\":\"" + text(1) + "\",\"published\":\"2026-12-01T10:00:00Z\"}\n"
            + "{\"id\":\"b\",\"text\":\"" + text(1) + " extra\",\"published\":"
            + "\"2026-12-01T11:00:00Z\"}\n"
            + "{\"id\":\"c\",\"text\":\"" + text(3) + "\",\"published\":\"2026-12-01T12:00:00Z\"}\n");
    Path state = tmp.resolve("state");
    Path c1 = tmp.resolve("c1.tsv");
    Path c2 = tmp.resolve("c2.tsv");
    CliRun first = CliRun.run("dedup", "--index", state.toString(), "--clusters", c1.toString(),
        feed.toString());
    assertEquals(0, first.code(), first.err());
    CliRun again = CliRun.run("dedup", "--index", state.toString(), "--clusters", c2.toString(),
        feed.toString());
    assertEquals(0, again.code(), again.err());
    assertEquals(Files.readString(c1), Files.readString(c2));
    assertEquals(4, Files.readString(c2).split("\n").length);
    assertTrue(again.err().contains("0 new, 3 already in the index"), again.err());
    assertEquals(1, again.err().split("\n").length, "one summary line: " + again.err());
  }

  @Test
  void aKillBetweenOutputsAndSnapshotIsCompletedByARerun() throws IOException {
    Path day1 = write("d1.jsonl",
        "{\"id\":\"a\",\"text\":\"" + text(1) + "\",\"published\":\"2026-12-01T10:00:00Z\"}\n");
    Path day2 = write("d2.jsonl",
        "{\"id\":\"b\",\"text\":\"" + text(1) + " extra\",\"published\":"
            + "\"2026-12-02T11:00:00Z\"}\n"
            + "{\"id\":\"c\",\"text\":\"" + text(3) + "\",\"published\":\"2026-12-02T12:00:00Z\"}\n");
    String state = tmp.resolve("state").toString();
    Path c = tmp.resolve("c2.tsv");
    assertEquals(0, CliRun.run("dedup", "-q", "--index", state, "--clusters",
        tmp.resolve("c1.tsv").toString(), day1.toString()).code());
    String uninterrupted;
    Path copy = tmp.resolve("copy");
    copyTree(tmp.resolve("state"), copy);
    assertEquals(0, CliRun.run("dedup", "-q", "--index", copy.toString(), "--clusters",
        c.toString(), day2.toString()).code());
    uninterrupted = Files.readString(c);
    Files.delete(c);
    DedupCommand.beforeSnapshot = () -> {
      throw new IllegalStateException("killed");
    };
    try {
      CliRun killed = CliRun.run("dedup", "-q", "--index", state, "--clusters", c.toString(),
          day2.toString());
      assertTrue(killed.code() != 0, killed.err());
    } finally {
      DedupCommand.beforeSnapshot = () -> { };
    }
    assertEquals(uninterrupted, Files.readString(c), "the outputs came first");
    CliRun again = CliRun.run("dedup", "--index", state, "--clusters", c.toString(),
        day2.toString());
    assertEquals(0, again.code(), again.err());
    assertEquals(uninterrupted, Files.readString(c));
    assertTrue(again.err().contains("2 new, 0 already in the index"), again.err());
    assertTrue(again.err().contains("the index holds 3 documents"), again.err());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (java.util.stream.Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) {
        Files.copy(p, to.resolve(p.getFileName().toString()));
      }
    }
  }

  @Test
  void launcherWorksThroughASymlinkAndKeepsItsDefaultsWithSyndicJavaOpts() throws Exception {
    Path launcher = SafetyTest.testdata().getParent().resolve("syndic");
    Path checkout = Files.createDirectories(tmp.resolve("checkout/cli/target"));
    Files.writeString(checkout.resolve("syndic.jar"), "");
    Path copy = tmp.resolve("checkout/syndic");
    Files.copy(launcher, copy);
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("syndic"), Path.of("../checkout/syndic"));
    Path fake = Files.createDirectories(tmp.resolve("fakejava"));
    Path java = fake.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", bin.resolve("syndic").toString(),
        "clean", "x.txt");
    pb.environment().put("PATH", fake + ":" + System.getenv("PATH"));
    pb.environment().put("SYNDIC_JAVA_OPTS", "-Xmx256m -Dx=y");
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    String gc = "-XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:NewRatio=4";
    assertTrue(out.startsWith("-Xss8m " + gc + " -Xmx256m -Dx=y "), out);
    assertTrue(out.contains("-jar " + tmp.toRealPath().resolve("checkout/cli/target/syndic.jar")
        + " clean x.txt"), out);
    // another collector named by the user replaces the launcher's (two would be refused)
    pb.environment().put("SYNDIC_JAVA_OPTS", "-XX:+UseG1GC -Xmx8g");
    p = pb.redirectErrorStream(true).start();
    out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.startsWith("-Xss8m -XX:+UseG1GC -Xmx8g "), out);
  }
}
