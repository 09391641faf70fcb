package io.github.syndic.benchmarks;

import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.Match;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.PreparedDoc;
import io.github.syndic.lsh.LshParams;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.minhash.Signature;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The feed index's LSH store ({@link NearDuplicateIndex} over signatures made by the caller, no
 * window) at 10^5 and 10^6 indexed signatures (default spec: OPH, k = 128; bands and rows from
 * {@link LshParams#forThreshold} at 0.8; the {@code LshIndex} this measured before is gone: the
 * index's band store is the one LSH store). Entry i summarizes a synthetic set of
 * {@link #SET_SIZE} random shingles drawn from a generator seeded with i. Half of the queries are
 * near-copies of indexed entries (each shingle replaced with probability 0.1, Jaccard ≈ 0.82),
 * half are new sets.
 *
 * <ul>
 *   <li>{@code insertRemove}: adds one new signature, then removes it (the index size stays
 *       N; the figure is the cost of both);
 *   <li>{@code query}: candidates verified against the stored values (the index's relations).
 * </ul>
 *
 * Run with {@code -Xmx3g} or more for 10^6. Not thread-safe: JMH gives each benchmark thread its own
 * instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LshBench {
  /** Shingles per synthetic set: about a 1-2 KB article's distinct word 3-grams. */
  static final int SET_SIZE = 200;
  /** The similarity threshold of the index and the query. */
  static final double THRESHOLD = 0.8;
  /** Number of prepared query and insert signatures cycled through. */
  static final int PREPARED = 4096;

  @Param({"100000", "1000000"})
  public int size;

  private NearDuplicateIndex index;
  private Signature[] queries;
  private Signature[] fresh;
  private int cursor;

  @Setup
  public void setup() {
    MinHashSpec spec = MinHashSpec.defaults();
    MinHasher hasher = spec.hasher();
    index = NearDuplicateIndex.create(IndexConfig.builder().spec(spec)
        .lsh(LshParams.forThreshold(THRESHOLD, spec.k())).threshold(THRESHOLD).window(null)
        .build(), size);
    long[] buf = new long[SET_SIZE];
    for (int i = 0; i < size; i++) {
      index.add(doc(i, hasher.signShingles(set(i, buf, 0.0, 0), 0, SET_SIZE)));
    }
    queries = new Signature[PREPARED];
    fresh = new Signature[PREPARED];
    SplittableRandom r = new SplittableRandom(42);
    for (int q = 0; q < PREPARED; q++) {
      int id = r.nextInt(size);
      long[] s = q % 2 == 0 ? set(id, buf, 0.1, q + 1) : set(size + q, buf, 0.0, 0);
      queries[q] = hasher.signShingles(s, 0, SET_SIZE);
      fresh[q] = hasher.signShingles(set(2 * size + q, buf, 0.0, 0), 0, SET_SIZE);
    }
    System.out.printf("%n[LSH %s, %d entries, %.0f bytes/entry]%n",
        index.config().lsh(), index.size(), index.memoryBytes() / (double) index.size());
  }

  private static PreparedDoc doc(int key, Signature sig) {
    return PreparedDoc.of(Integer.toString(key), sig, SET_SIZE, null, null);
  }

  /** The shingles of set {@code id}, each replaced by a new random one with probability p. */
  private static long[] set(int id, long[] out, double p, long salt) {
    SplittableRandom r = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
    SplittableRandom change = new SplittableRandom(salt * 31 + id);
    for (int i = 0; i < out.length; i++) {
      long v = r.nextLong();
      out[i] = change.nextDouble() < p ? change.nextLong() : v;
    }
    return out;
  }

  private int next() {
    int i = cursor++;
    if (cursor == PREPARED) {
      cursor = 0;
    }
    return i;
  }

  @Benchmark
  public boolean insertRemove() {
    int i = next();
    int key = -1 - i;
    index.add(doc(key, fresh[i]));
    return index.remove(Integer.toString(key));
  }

  @Benchmark
  public Match query() {
    return index.query(doc(-1, queries[next()]));
  }
}
