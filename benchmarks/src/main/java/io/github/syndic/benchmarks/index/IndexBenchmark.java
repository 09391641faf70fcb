package io.github.syndic.benchmarks.index;

import io.github.syndic.index.Match;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.PreparedDoc;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the feed index at 10^5 and 10^6 indexed documents, as distributions ({@link
 * Mode#SampleTime}: JMH prints p50 and p99). The index is filled with synthetic signatures
 * ({@link SyntheticFeed#synthetic(long)}: seeded RNG, no text, one document in five an edited copy
 * of the one before, a chosen background of chance band collisions: ~14 candidates per query at
 * 10^5 documents, ~140 at 10^6), which takes about a minute at 10^6 instead of the hours that
 * signing and adding 10^6 texts would take.
 *
 * <ul>
 *   <li>{@code query}: a prepared document (an edited copy of an indexed one, or a new one) is
 *       compared with the index.
 *   <li>{@code addThenRemove}: a new prepared document is added and removed again, so the index
 *       keeps its size during the measurement; the add alone is this minus a removal.
 * </ul>
 *
 * Signing is not measured here (it is the same for every index size).
 *
 * <pre>
 * java -Xmx8g -jar benchmarks/target/benchmarks.jar 'index.IndexBenchmark' 
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class IndexBenchmark {
  /** Indexed documents. */
  @Param({"100000", "1000000"})
  public int docs;

  private static final int PROBES = 4096;

  private NearDuplicateIndex index;
  private PreparedDoc[] probes;
  private PreparedDoc[] fresh;
  private int next;

  /** Builds the index and the probe documents. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticFeed feed = new SyntheticFeed();
    index = feed.syntheticIndex(docs, docs);
    // Probes: half are new documents, half edited copies of indexed ones (ids 5m+1 patterns).
    probes = new PreparedDoc[PROBES];
    fresh = feed.synthetic(docs + 1_000_000L, PROBES);
    PreparedDoc[] copies = new PreparedDoc[PROBES / 2];
    for (int i = 0; i < copies.length; i++) {
      long m = ((long) i * 7919) % (docs / 5);
      PreparedDoc c = feed.synthetic(5 * m + 1);
      copies[i] = PreparedDoc.of("probe-" + i, c.signature(), c.length(), c.timestamp(), c.source());
    }
    for (int i = 0; i < PROBES; i++) {
      probes[i] = i % 2 == 0 ? copies[i / 2] : fresh[i];
    }
    System.out.printf("%nindex of %d docs: %.1f bytes/doc (memoryBytes)%n", index.size(),
        index.memoryBytes() / (double) index.size());
  }

  /** One query. */
  @Benchmark
  public Match query() {
    PreparedDoc p = probes[next++ & (PROBES - 1)];
    return index.query(p);
  }

  /** One add and its removal. */
  @Benchmark
  public Match addThenRemove() {
    PreparedDoc p = fresh[next++ & (PROBES - 1)];
    Match m = index.add(p);
    index.remove(p.id());
    return m;
  }
}
