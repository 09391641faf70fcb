package io.github.syndic.benchmarks.index;

import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.NearDuplicateIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to save and load a snapshot of 10^6 documents ({@link Mode#SingleShotTime}, each run a
 * whole save or load, to a temporary file on the local disk). The index holds synthetic documents
 * ({@link SyntheticFeed#synthetic(long)}).
 *
 * <pre>
 * java -Xmx8g -jar benchmarks/target/benchmarks.jar 'index.SnapshotBenchmark'
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class SnapshotBenchmark {
  /** Indexed documents. */
  @Param({"1000000"})
  public int docs;

  private NearDuplicateIndex index;
  private Path dir;
  private Path file;

  /** Builds the index and writes one snapshot for the load benchmark. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    index = new SyntheticFeed().syntheticIndex(docs, docs);
    dir = Files.createTempDirectory("syndic-snap");
    file = dir.resolve("index.snap");
    index.save(file);
    System.out.printf("%nsnapshot of %d docs: %d bytes%n", docs, Files.size(file));
  }

  /** Removes the files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  /** Saves the whole index (atomic replacement of the previous snapshot). */
  @Benchmark
  public void save() {
    index.save(file);
  }

  /** Loads the whole index. */
  @Benchmark
  public NearDuplicateIndex load() {
    return NearDuplicateIndex.load(file, IndexConfig.builder().window(null).build());
  }
}
