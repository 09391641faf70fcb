package io.github.syndic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Safety of {@code syndic clean}: every hostile corpus file gives its documented exit status and a
 * one-line error naming the file; output does not depend on --jobs or input order; an unwritable
 * or full output location, an input that disappears mid-run and an interrupt or kill during
 * --in-place never damage an input nor leave a partial output (see docs/HARDENING.md).
 */
class SafetyTest {
  @TempDir Path tmp;

  /** Time bound per input: 1 s per MB required; 20x that plus 20 s on the shared machine. */
  static Duration timeBound(long bytes) {
    return Duration.ofMillis(20_000 + (long) (bytes / 1e6 * 20_000));
  }

  static Path testdata() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("testdata").resolve("hostile"))) {
        return p.resolve("testdata");
      }
      p = p.getParent();
    }
    throw new IllegalStateException("testdata/hostile not found");
  }

  /** The CLI column of testdata/hostile/README.md, by file name. */
  static Map<String, String> cliExpectations() throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String row : Files.readAllLines(testdata().resolve("hostile/README.md"))) {
      if (row.startsWith("| `")) {
        String[] f = row.split("\\|");
        m.put(f[1].trim().replace("`", ""), f[4].trim());
      }
    }
    return m;
  }

  static Stream<String> hostileFiles() throws IOException {
    return cliExpectations().keySet().stream().filter(f -> !f.startsWith("gen:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void hostileFileGivesItsDocumentedResult(String name) throws IOException {
    Path file = testdata().resolve("hostile").resolve(name);
    String expected = cliExpectations().get(name);
    CliRun r = assertTimeoutPreemptively(timeBound(Files.size(file)),
        () -> CliRun.run("clean", "-q", file.toString()), name);
    checkDocumented(file, expected, r);
  }

  static void checkDocumented(Path file, String expected, CliRun r) throws IOException {
    if (expected.startsWith("exit 1: ")) {
      assertEquals(1, r.code(), r.err());
      assertEquals("", r.out());
      String[] lines = r.err().split("\n");
      assertEquals(1, lines.length, "one error line expected: " + r.err());
      String msg = expected.substring("exit 1: ".length());
      assertTrue(lines[0].startsWith("syndic: " + file + ": " + msg), r.err());
    } else if (expected.startsWith("exit 0")) {
      assertEquals(0, r.code(), r.err());
      assertEquals("", r.err());
      if (expected.contains("empty output")) {
        assertEquals("", r.out());
      }
      checkLinesSubsequence(readAsTheCliDoes(file), r.out());
    } else {
      fail("unknown CLI expectation '" + expected + "' for " + file);
    }
  }

  /** The file's text: UTF-16 when it starts with a UTF-16 byte order mark, else UTF-8. */
  static String readAsTheCliDoes(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Every output line is an input line, unchanged, in input order (BOM of the file ignored). */
  static void checkLinesSubsequence(String input, String output) {
    if (input.startsWith("\uFEFF")) {
      input = input.substring(1);
    }
    List<String> in = Arrays.asList(input.split("\r\n|\r|\n", -1));
    int j = 0;
    for (String line : output.split("\n")) {
      if (line.isEmpty() && output.isEmpty()) {
        break;
      }
      while (j < in.size() && !in.get(j).equals(line)) {
        j++;
      }
      assertTrue(j < in.size(), "output line not an input line in order: " + line);
      j++;
    }
  }

  @Tag("big")
  @Test
  void hundredMegabyteLineIsKeptUnchanged() throws IOException {
    Path in = tmp.resolve("in/line.txt");
    Files.createDirectories(in.getParent());
    byte[] line = new byte[100_000_000];
    for (int i = 0; i < line.length; i++) {
      line[i] = (byte) (i % 7 == 6 ? ' ' : 'a' + (i * 31 % 26));
    }
    Files.write(in, line);
    line = null;
    Path out = tmp.resolve("out");
    CliRun r = assertTimeoutPreemptively(timeBound(Files.size(in)),
        () -> CliRun.run("clean", "-q", "--out", out.toString(), in.toString()));
    assertEquals(0, r.code(), r.err());
    Path o = out.resolve("line.txt");
    assertEquals(Files.size(in) + 1, Files.size(o), "output must be the line plus a line feed");
    assertEquals(Files.size(in), Files.mismatch(in, o));
  }

  @Tag("big")
  @Test
  void millionLinesAndRepeatedParagraphs() throws IOException {
    StringBuilder a = new StringBuilder();
    for (int i = 0; i < 1_000_000; i++) {
      a.append("ab1.ع\u0661я中-x".charAt(i % 10)).append('\n');
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      b.append("The central bank kept its main interest rate unchanged on Thursday, saying"
          + " inflation was easing. أبقى البنك المركزي سعر الفائدة دون تغيير.\n\n");
    }
    for (String s : new String[] {a.toString(), b.toString()}) {
      Path f = tmp.resolve("big" + s.length() + ".txt");
      Files.writeString(f, s);
      CliRun r = assertTimeoutPreemptively(timeBound(Files.size(f)),
          () -> CliRun.run("clean", "-q", f.toString()));
      assertEquals(0, r.code(), r.err());
      checkLinesSubsequence(s, r.out());
    }
  }

  // ---------------------------------------------------------------- determinism

  @Test
  void outputDoesNotDependOnJobsOrInputOrder() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String sub : new String[] {"seeds", "pages", "hostile"}) {
      try (Stream<Path> s = Files.walk(testdata().resolve(sub))) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
      }
    }
    Path eval = testdata().getParent().getParent().resolve("shared/eval/boilerplate/aeb/pages");
    if (Files.isDirectory(eval)) {
      try (Stream<Path> s = Files.list(eval)) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
      }
    } else {
      System.out.println("SafetyTest: ../shared/eval absent; only testdata/ checked for --jobs");
    }
    List<String> args = new ArrayList<>(List.of("clean", "-q", "--format", "jsonl"));
    files.forEach(f -> args.add(f.toString()));
    CliRun one = CliRun.run(withJobs(args, "1"));
    CliRun four = CliRun.run(withJobs(args, "4"));
    assertEquals(one.code(), four.code());
    assertEquals(one.out(), four.out(), "--jobs 1 and --jobs 4 differ");
    assertEquals(one.err(), four.err());
    assertEquals(1, one.code(), "the corpus holds invalid files: exit 1 expected");

    List<String> reversed = new ArrayList<>(args.subList(0, 4));
    for (int i = files.size() - 1; i >= 0; i--) {
      reversed.add(files.get(i).toString());
    }
    CliRun rev = CliRun.run(withJobs(reversed, "3"));
    List<String> a = new ArrayList<>(Arrays.asList(one.out().split("\n")));
    List<String> b = new ArrayList<>(Arrays.asList(rev.out().split("\n")));
    a.sort(null);
    b.sort(null);
    assertEquals(a, b, "per-file results depend on input order");
  }

  private static String[] withJobs(List<String> args, String jobs) {
    List<String> a = new ArrayList<>(args);
    a.add(1, "--jobs");
    a.add(2, jobs);
    return a.toArray(String[]::new);
  }

  // ---------------------------------------------------------------- unwritable / full output

  private static final String ARTICLE =
      "Title of the story about the harbour\n"
          + "Title of the story about the harbour\n"
          + "The harbour authority said on Monday that the new quay would open in the spring.\n";

  /** True when permission bits bind this process (false as root: chmod is no protection). */
  static boolean permissionsEnforced(Path dir) throws IOException {
    Path probe = Files.createDirectory(dir.resolve("probe"));
    Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Files.createFile(probe.resolve("x"));
      return false;
    } catch (IOException expected) {
      return true;
    } finally {
      Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void unwritableOutputDirectoryFailsCleanly() throws IOException {
    Path in = tmp.resolve("in/a.txt");
    Files.createDirectories(in.getParent());
    Files.writeString(in, ARTICLE);
    byte[] before = Files.readAllBytes(in);
    Path out;
    if (permissionsEnforced(tmp)) {
      out = Files.createDirectory(tmp.resolve("readonly"));
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
    } else {
      // Running as root: permission bits do not bind, so make --out unusable another way: its
      // parent is a regular file.
      System.out.println("SafetyTest: permissions not enforced (root); using a file as parent");
      Path file = Files.writeString(tmp.resolve("plainfile"), "x");
      out = file.resolve("out");
    }
    CliRun r = CliRun.run("clean", "-q", "--out", out.toString(), in.toString());
    assertEquals(1, r.code());
    String[] lines = r.err().split("\n");
    assertEquals(1, lines.length, r.err());
    assertTrue(lines[0].startsWith("syndic: " + in + ": cannot write "), r.err());
    assertArrayEquals(before, Files.readAllBytes(in));
    assertNoTempFiles(tmp);
  }

  @Test
  void outputPathOccupiedByADirectoryFailsWithoutLeftovers() throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("a.txt"), ARTICLE);
    Files.writeString(in.resolve("b.txt"), ARTICLE);
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("a.txt/occupied")); // a directory where a file must go
    CliRun r = CliRun.run("clean", "-q", "--out", out.toString(), in.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("syndic: " + in.resolve("a.txt") + ": cannot write "), r.err());
    assertEquals(1, r.err().split("\n").length, r.err());
    assertTrue(Files.isDirectory(out.resolve("a.txt/occupied")));
    assertTrue(Files.isRegularFile(out.resolve("b.txt")), "other inputs go on");
    assertNoTempFiles(tmp);
  }

  /**
   * A full disk, simulated with a file-size limit (RLIMIT_FSIZE, {@code ulimit -f}) on a child
   * JVM: writes past the limit fail with EFBIG ("File too large"), the same path as ENOSPC. The
   * in-place input must stay intact and no temporary file may remain.
   */
  @Test
  void fullDiskDuringInPlaceKeepsTheInput() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
    Path f = tmp.resolve("big.txt");
    Files.writeString(f, bigArticle(2_000_000));
    byte[] before = Files.readAllBytes(f);
    Process p = startCli(tmp, 512, "clean", "-q", "--in-place", f.toString()); // 512 KiB limit
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "CLI did not finish");
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), err);
    assertTrue(err.startsWith("syndic: " + f + ": cannot write "), err);
    assertArrayEquals(before, Files.readAllBytes(f));
    assertNoTempFiles(tmp);
  }

  // ---------------------------------------------------------------- disappearing inputs

  @Test
  void danglingSymlinkAsArgumentFailsWithItsName() throws IOException {
    Path link = tmp.resolve("dangling.txt");
    Files.createSymbolicLink(link, tmp.resolve("nowhere.txt"));
    Path ok = tmp.resolve("ok.txt");
    Files.writeString(ok, ARTICLE);
    CliRun r = CliRun.run("clean", "-q", link.toString(), ok.toString());
    assertEquals(1, r.code());
    assertEquals("syndic: " + link + ": no such file\n", r.err());
    assertTrue(r.out().contains("harbour authority"), "the other input is still cleaned");
  }

  @Test
  void inputsDeletedMidRunFailOneByOneAndTheRestIsWritten() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    int n = 1500;
    for (int i = 0; i < n; i++) {
      Files.writeString(in.resolve(String.format("f%05d.txt", i)), ARTICLE + "line " + i + "\n");
    }
    Path out = tmp.resolve("out");
    CliRun[] result = new CliRun[1];
    Thread t = new Thread(() -> result[0] = CliRun.run("clean", "-q", "--jobs", "1", "--out",
        out.toString(), in.toString()));
    t.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(out.resolve("f00000.txt")) && System.nanoTime() < deadline && t.isAlive()) {
      Thread.sleep(1);
    }
    List<Path> deleted = new ArrayList<>();
    for (int i = n - 1; i >= n - 500; i--) {
      Path f = in.resolve(String.format("f%05d.txt", i));
      Files.delete(f);
      deleted.add(f);
    }
    t.join(TimeUnit.SECONDS.toMillis(120));
    assertFalse(t.isAlive(), "CLI did not finish");
    CliRun r = result[0];
    int errors = 0;
    for (String line : r.err().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      errors++;
      assertTrue(line.matches("syndic: .*f\\d{5}\\.txt: no such file"), line);
      Path named = Path.of(line.substring("syndic: ".length(), line.indexOf(": no such file")));
      assertTrue(deleted.contains(named), "error for a file that was not deleted: " + line);
    }
    assertEquals(errors > 0 ? 1 : 0, r.code());
    for (int i = 0; i < n; i++) {
      Path o = out.resolve(String.format("f%05d.txt", i));
      if (i < n - 500) {
        assertTrue(Files.isRegularFile(o), "missing output " + o);
      }
      if (Files.exists(o)) {
        assertTrue(Files.readString(o).contains("line " + i + "\n"), "wrong output " + o);
      }
    }
    System.out.println("SafetyTest: " + errors + " of 500 deleted inputs were reported missing");
    assertNoTempFiles(tmp);
  }

  // ---------------------------------------------------------------- interrupt / kill

  @Test
  void sigintDuringInPlaceLeavesOriginalOrCompleteOutputAndNoTempFile() throws Exception {
    interruptDuringInPlace(false);
  }

  /**
   * SIGKILL cannot be handled: the input is still intact (original or complete output, thanks to
   * the rename), but the temporary file being written may remain (documented).
   */
  @Test
  void sigkillDuringInPlaceNeverDamagesTheInput() throws Exception {
    interruptDuringInPlace(true);
  }

  private void interruptDuringInPlace(boolean kill) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve(kill ? "kill" : "int"));
    Path f = dir.resolve("big.txt");
    String original = bigArticle(5_000_000);
    Files.writeString(f, original);
    Path copy = tmp.resolve("expected-" + dir.getFileName() + ".txt");
    Files.writeString(copy, original);
    assertEquals(0, CliRun.run("clean", "-q", "--in-place", copy.toString()).code());
    byte[] cleaned = Files.readAllBytes(copy);
    byte[] before = Files.readAllBytes(f);
    assertFalse(Arrays.equals(before, cleaned), "the test needs an input that cleaning changes");

    Process p = startCli(dir, 0, "clean", "-q", "--in-place", f.toString());
    // Signal the moment the temporary output appears: the most dangerous instant.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean sawTemp = false;
    while (p.isAlive() && System.nanoTime() < deadline) {
      if (!tempFiles(dir).isEmpty()) {
        sawTemp = true;
        break;
      }
      Thread.onSpinWait();
    }
    if (kill) {
      p.destroyForcibly();
    } else {
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "CLI did not stop");
    byte[] after = Files.readAllBytes(f);
    assertTrue(Arrays.equals(after, before) || Arrays.equals(after, cleaned),
        "input damaged: " + after.length + " bytes, original " + before.length + ", cleaned "
            + cleaned.length);
    List<Path> left = tempFiles(dir);
    System.out.println("SafetyTest: " + (kill ? "SIGKILL" : "SIGINT") + " (temp file seen: "
        + sawTemp + "): input " + (Arrays.equals(after, before) ? "original" : "cleaned")
        + ", temp files left: " + left);
    if (!kill) {
      assertTrue(left.isEmpty(), "temporary files left after SIGINT: " + left);
    }
  }

  /** A long article whose duplicated paragraphs cleaning removes. */
  static String bigArticle(int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 200);
    int i = 0;
    while (sb.length() < bytes) {
      String p = "Paragraph " + i + " of the long report on the harbour, which the authority"
          + " published on Monday after two years of work on the new quay.\n";
      sb.append(p).append(p).append('\n');
      i++;
    }
    return sb.toString();
  }

  /** Starts the CLI in a child JVM; {@code fileSizeKiB > 0} sets {@code ulimit -f}. */
  static Process startCli(Path dir, int fileSizeKiB, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>();
    if (fileSizeKiB > 0) {
      cmd.addAll(List.of("/bin/bash", "-c", "ulimit -f " + fileSizeKiB + " && exec \"$0\" \"$@\""));
    }
    cmd.addAll(List.of(java, "-Xmx1g", "-cp", cp, "io.github.syndic.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  static List<Path> tempFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    } catch (IOException e) {
      if (e instanceof java.nio.file.NoSuchFileException) {
        return List.of();
      }
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException e) {
      return List.of(); // a file vanished during the walk (it was renamed): look again later
    }
  }

  static void assertNoTempFiles(Path dir) {
    assertEquals(List.of(), tempFiles(dir), "temporary files left behind");
  }
}
