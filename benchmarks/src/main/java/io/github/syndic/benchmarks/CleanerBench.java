package io.github.syndic.benchmarks;

import io.github.syndic.doc.Block;
import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.text.BlockSegmenter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link Cleaner#clean} per document, one thread, the documents of an input cycled. Sample-time
 * mode: the p0.50 line of each result is the median µs per document; the mean UTF-8 size of the
 * input's documents is printed at setup, so MB/s = mean bytes / mean µs.
 *
 * <ul>
 *   <li>{@code segment}: the baseline, cutting the document into blocks (what every cleaning
 *       pays, and what a cleaner that removed nothing would cost at the least);
 *   <li>{@code cleanNews}: the news preset (layout chosen per document), as {@code syndic clean}
 *       runs;
 *   <li>{@code cleanPage}: the page layout forced (whole scraped pages).
 * </ul>
 *
 * Inputs: {@code ar-corpus} (the 4,552 SaudiNewsNet articles of {@code ../shared/eval}, or the
 * seeds and {@code testdata/} texts without it), {@code en-pages} (the AEB English pages, or
 * {@code testdata/bench}), {@code one-char-lines} (100,000 lines of one character each, the
 * hostile input of {@code testdata/hostile/README.md} at a tenth of its size).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar CleanerBench
 * </pre>
 *
 * <p>Not thread-safe: JMH gives each benchmark thread its own instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CleanerBench {
  /** Lines of the {@code one-char-lines} input. */
  static final int ONE_CHAR_LINES = 100_000;

  @Param({"ar-corpus", "en-pages", "one-char-lines"})
  public String input;

  private String[] docs;
  private int cursor;
  private Cleaner news;
  private Cleaner page;

  @Setup
  public void setup() {
    docs = switch (input) {
      case "ar-corpus" -> BenchData.corpus();
      case "en-pages" -> BenchData.english().toArray(new String[0]);
      case "one-char-lines" -> new String[] {oneCharLines(ONE_CHAR_LINES)};
      default -> throw new IllegalArgumentException("unknown input " + input);
    };
    long bytes = 0;
    for (String d : docs) {
      bytes += BenchData.utf8(d);
    }
    System.out.printf(Locale.ROOT, "%n[input %s: %d docs, mean %d UTF-8 bytes]%n",
        input, docs.length, bytes / docs.length);
    news = Cleaner.create(CleanerConfig.news());
    page = Cleaner.create(CleanerConfig.pages());
  }

  private String next() {
    String d = docs[cursor++];
    if (cursor == docs.length) {
      cursor = 0;
    }
    return d;
  }

  @Benchmark
  public List<Block> segment() {
    return BlockSegmenter.lines(next());
  }

  @Benchmark
  public CleanResult cleanNews() {
    return news.clean(next());
  }

  @Benchmark
  public CleanResult cleanPage() {
    return page.clean(next());
  }

  /** {@code n} lines of one character each, cycling letters, digits, punctuation and scripts. */
  static String oneCharLines(int n) {
    String alphabet = "ab1.\u0639\u0661\u044f\u4e2d-x";
    StringBuilder sb = new StringBuilder(2 * n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(i % alphabet.length())).append('\n');
    }
    return sb.toString();
  }
}
