package io.github.syndic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code syndic clean} on HTML: found in directories, detected by name and content. */
class HtmlCleanCommandTest {
  @TempDir Path tmp;

  static final String PARA = "The council voted on Tuesday to expand the bus network, adding three"
      + " new lines that will connect the northern suburbs with the central station next spring.";

  static String page() {
    return "<!DOCTYPE html><html lang=en><head><title>Buses</title>"
        + "<meta name=author content='Ann Lee'></head><body>"
        + "<nav><ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul></nav>"
        + "<article><p>" + PARA + "</p><p>" + PARA.replace("Tuesday", "Monday") + "</p>"
        + "</article><footer><p>Copyright 2024 Daily. All rights reserved.</p></footer>"
        + "</body></html>";
  }

  @Test
  void directoriesIncludeHtmlAndOutputsAreTextFiles() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.html"), page());
    Files.writeString(in.resolve("b.txt"), PARA + "\n");
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run("clean", "-q", "--out", out.toString(), in.toString());
    assertEquals(0, r.code(), r.err());
    String a = Files.readString(out.resolve("a.txt"));
    assertTrue(a.startsWith(PARA), a);
    assertFalse(a.contains("Home") || a.contains("Copyright") || a.contains("<"), a);
    assertEquals(PARA + "\n", Files.readString(out.resolve("b.txt")));
  }

  @Test
  void jsonlCarriesPageMetadataAndAnnotatedShowsTagPaths() throws Exception {
    Path f = tmp.resolve("page.htm");
    Files.writeString(f, page());
    CliRun j = CliRun.run("clean", "-q", "--format", "jsonl", f.toString());
    assertEquals(0, j.code(), j.err());
    assertTrue(j.out().contains("\"title\":\"Buses\""), j.out());
    assertTrue(j.out().contains("\"author\":\"Ann Lee\""), j.out());
    assertTrue(j.out().contains("\"lang\":\"en\""), j.out());
    CliRun a = CliRun.run("clean", "-q", "--format", "annotated", f.toString());
    assertTrue(a.out().contains("<body>article>p>"), a.out());
    assertTrue(a.out().contains("<body>nav>ul>li>"), a.out());
  }

  @Test
  void contentDetectionAndInputFormat() throws Exception {
    CliRun auto = CliRun.runWithStdin(page(), "clean", "-q", "-");
    assertEquals(0, auto.code(), auto.err());
    assertTrue(auto.out().startsWith(PARA), auto.out());
    Path f = tmp.resolve("page.html");
    Files.writeString(f, page().replace("<p>", "\n<p>"));
    CliRun text = CliRun.run("clean", "-q", "--input-format", "text", f.toString());
    assertTrue(text.out().contains("<p>" + PARA + "</p>"), text.out());
    CliRun bad = CliRun.run("clean", "-q", "--input-format", "xml", f.toString());
    assertEquals(2, bad.code());
    Path bin = tmp.resolve("bin.html");
    Files.write(bin, new byte[] {0x1f, (byte) 0x8b, 0, 0, 1, 2});
    CliRun b = CliRun.run("clean", "-q", bin.toString());
    assertEquals(1, b.code());
    assertTrue(b.err().contains("binary"), b.err());
  }

  @Test
  void dedupReadsHtmlFilesAndHtmlFields() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(in.resolve("x.html"), page());
    Files.writeString(in.resolve("y.html"), page().replace("Buses", "Bus news"));
    Path clusters = tmp.resolve("c.tsv");
    CliRun r = CliRun.run("dedup", "--clusters", clusters.toString(), in.toString());
    assertEquals(0, r.code(), r.err());
    String c = Files.readString(clusters);
    assertTrue(c.contains("x\tx") && c.contains("y\tx"), c);
    Path jl = tmp.resolve("feed.jsonl");
    String esc = page().replace("\"", "\\\"");
    Files.writeString(jl, "{\"id\":\"p\",\"html\":\"" + esc + "\"}\n{\"id\":\"q\",\"html\":\""
        + esc + "\"}\n");
    CliRun r2 = CliRun.run("dedup", "--clusters", clusters.toString(), jl.toString());
    assertEquals(0, r2.code(), r2.err());
    assertTrue(Files.readString(clusters).contains("q\tp"), Files.readString(clusters));
  }
}
