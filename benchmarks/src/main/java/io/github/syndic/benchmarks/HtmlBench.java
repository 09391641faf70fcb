package io.github.syndic.benchmarks;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.html.HtmlDocument;
import io.github.syndic.html.HtmlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HTML pages per page, one thread, the AEB HTML pages ({@code ../shared/eval/boilerplate/aeb/html},
 * 181 pages, mean ~170 KB) cycled. Sample-time mode: the p0.50 line of each result is the median
 * µs per page.
 *
 * <ul>
 *   <li>{@code jsoupParse}: the baseline, jsoup's own parse ({@code Jsoup.parse}) alone;
 *   <li>{@code read}: {@link HtmlReader#read} (parse with source positions, blocks, structure,
 *       metadata);
 *   <li>{@code cleanHtml}: the whole pipeline, {@link Cleaner#cleanHtml(String, String)} with the
 *       news preset, as {@code syndic clean} runs on an HTML file (after decoding).
 * </ul>
 *
 * Without the eval folder a synthetic page (an article inside menus and lists, ~60 KB) stands in.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar HtmlBench
 * </pre>
 *
 * <p>Not thread-safe: JMH gives each benchmark thread its own instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class HtmlBench {
  private String[] pages;
  private int cursor;
  private Cleaner cleaner;

  @Setup
  public void setup() {
    pages = load();
    long bytes = 0;
    for (String p : pages) {
      bytes += BenchData.utf8(p);
    }
    System.out.printf(Locale.ROOT, "%n[%d HTML pages, mean %d UTF-8 bytes]%n", pages.length,
        bytes / pages.length);
    cleaner = Cleaner.news();
  }

  static String[] load() {
    Path eval = BenchData.eval();
    Path dir = eval == null ? null : eval.resolve("boilerplate/aeb/html");
    if (dir == null || !Files.isDirectory(dir)) {
      return new String[] {synthetic()};
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toArray(new String[0]);
  }

  static String synthetic() {
    StringBuilder sb = new StringBuilder("<html><head><title>Page</title></head><body><nav><ul>");
    for (int i = 0; i < 200; i++) {
      sb.append("<li><a href=/s").append(i).append(">Section ").append(i).append("</a></li>");
    }
    sb.append("</ul></nav><article>");
    for (int i = 0; i < 60; i++) {
      sb.append("<p>Paragraph ").append(i).append(" of the story says what happened on the day,"
          + " who was there and why it matters to the readers of this page.</p>");
    }
    sb.append("</article><footer><p>Copyright</p></footer></body></html>");
    return sb.toString();
  }

  private String next() {
    String p = pages[cursor];
    cursor = cursor + 1 == pages.length ? 0 : cursor + 1;
    return p;
  }

  @Benchmark
  public Document jsoupParse() {
    return Jsoup.parse(next());
  }

  @Benchmark
  public HtmlDocument read() {
    return HtmlReader.read(next(), "");
  }

  @Benchmark
  public CleanResult cleanHtml() {
    return cleaner.cleanHtml(next(), "");
  }
}
