package io.github.syndic.benchmarks.dup;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of {@link Cleaner#clean} (news preset) on one huge document of ordinary
 * paragraphs ({@link OrdinaryText}, the synthetic word model: no evaluation data needed) of
 * {@code mb} MB, one document per operation: the cost per MB should not grow with the size
 * (issue 18, item 16). Divide the score (ms per operation) by the size printed at setup.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar HugeDocumentBenchmark -p mb=4,16,64
 * </pre>
 *
 * <p>Not thread-safe (JMH state, one per thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "-Xss8m"})
@Threads(1)
public class HugeDocumentBenchmark {
  /** Size of the document in MB (UTF-8). */
  @Param({"4", "16", "64"})
  public int mb;

  private final Cleaner cleaner = Cleaner.news();
  private String text;

  /** Generates the document (outside the measurement). */
  @Setup(Level.Trial)
  public void setup() {
    StringWriter w = new StringWriter();
    try {
      OrdinaryText.create("synthetic", 20261207L).write(w, mb * 1_000_000L);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    text = w.toString();
    System.out.printf("%n[setup] ordinary document: %.3f MB UTF-8, %d chars%n",
        text.getBytes(StandardCharsets.UTF_8).length / 1e6, text.length());
  }

  /** Cleans the whole document once. */
  @Benchmark
  public CleanResult clean() {
    return cleaner.clean(text);
  }
}
