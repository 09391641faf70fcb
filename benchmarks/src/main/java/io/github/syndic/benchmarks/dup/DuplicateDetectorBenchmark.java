package io.github.syndic.benchmarks.dup;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.dup.DuplicateDetector;
import io.github.syndic.text.BlockSegmenter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmark of {@link DuplicateDetector#detect} on one thread: {@code articles} runs the
 * detector over every real article once per operation (MB/s = corpus MB / seconds per op, the
 * corpus size is printed at setup); {@code pathological} runs it on the 50,000-paragraph document
 * of {@link DupCorpus#pathological}.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar DuplicateDetectorBenchmark
 * </pre>
 *
 * <p>Not thread-safe (JMH state, one per thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class DuplicateDetectorBenchmark {
  private final DuplicateDetector detector = DuplicateDetector.defaults();
  private List<List<Block>> articleBlocks;
  private List<Block> pathologicalBlocks;

  /** Loads the corpus and builds the blocks (outside the measurement). */
  @Setup(Level.Trial)
  public void setup() {
    List<String> articles = DupCorpus.articles();
    System.out.printf("%n[setup] articles: %d, %.3f MB UTF-8%n", articles.size(),
        DupCorpus.utf8Bytes(articles) / 1e6);
    articleBlocks = new ArrayList<>(articles.size());
    for (String a : articles) {
      articleBlocks.add(BlockSegmenter.lines(a));
    }
    String doc = DupCorpus.pathological(articles, 50_000, 20260101L);
    System.out.printf("[setup] pathological: %.3f MB UTF-8%n",
        DupCorpus.utf8Bytes(List.of(doc)) / 1e6);
    pathologicalBlocks = BlockSegmenter.lines(doc);
  }

  /** All real articles, one detection each. */
  @Benchmark
  public int articles(Blackhole bh) {
    int removed = 0;
    for (List<Block> blocks : articleBlocks) {
      boolean[] el = new boolean[blocks.size()];
      Arrays.fill(el, true);
      List<Removal> rs = detector.detect(blocks, el);
      removed += rs.size();
      bh.consume(rs);
    }
    return removed;
  }

  /** The 10 MB pathological document. */
  @Benchmark
  public List<Removal> pathological() {
    boolean[] el = new boolean[pathologicalBlocks.size()];
    Arrays.fill(el, true);
    return detector.detect(pathologicalBlocks, el);
  }
}
