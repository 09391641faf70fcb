package io.github.syndic.minhash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.syndic.hash.Hash64;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MinHashScheme#OPH_DENSIFIED_V1} as {@link MinHasher} computes it equals a direct, slow
 * reading of the scheme's definition (written here without any of the implementation's speed-ups:
 * boxed set for the distinct values, densification probes hashed on demand), over random sets of
 * many sizes, with repeats, for several k and seeds. The optimized implementation may change;
 * its output may not.
 */
class OphDefinitionTest {

  /** The scheme's definition, spelled out. */
  static int[] definition(long seed, int k, long[] x) {
    long ophSeed = Hash64.splitMix64(seed, -1);
    long densifySeed = Hash64.splitMix64(seed, -2);
    Set<Long> distinct = new HashSet<>();
    for (long s : x) {
      distinct.add(Hash64.fmix64(s ^ ophSeed));
    }
    long[] mins = new long[k];
    boolean[] full = new boolean[k];
    for (long v : distinct) {
      int bin = (int) (((v >>> 32) * k) >>> 32);
      long low = v & 0xFFFFFFFFL;
      if (!full[bin] || low < mins[bin]) {
        mins[bin] = low;
        full[bin] = true;
      }
    }
    int[] values = new int[k];
    for (int i = 0; i < k; i++) {
      if (distinct.isEmpty()) {
        values[i] = Signature.EMPTY_VALUE;
        continue;
      }
      if (full[i]) {
        values[i] = (int) mins[i];
        continue;
      }
      for (int attempt = 0; ; attempt++) {
        long r = Hash64.fmix64(densifySeed ^ (((long) i << 32) | attempt));
        int j = (int) (((r >>> 32) * k) >>> 32);
        if (full[j]) {
          values[i] = (int) mins[j];
          break;
        }
      }
    }
    return values;
  }

  static long distinctCount(long[] x) {
    Set<Long> s = new HashSet<>();
    for (long v : x) {
      s.add(v);
    }
    return s.size();
  }

  @Test
  void implementationEqualsTheDefinition() {
    SplittableRandom r = new SplittableRandom(2026);
    int[] ks = {1, 2, 3, 7, 64, 128, 129, 200, 1000};
    int[] sizes = {1, 2, 3, 5, 10, 30, 60, 100, 150, 300, 1000, 3000};
    for (int k : ks) {
      for (long seed : new long[] {MinHashSpec.DEFAULT_SEED, 0, -1, r.nextLong()}) {
        MinHasher h = MinHashSpec.defaults().withK(k).withSeed(seed).hasher();
        for (int size : sizes) {
          for (int rep = 0; rep < 3; rep++) {
            long[] x = randomWithRepeats(r, size);
            Signature s = h.signShingles(x, 0, x.length);
            String what = "k=" + k + " seed=" + seed + " size=" + size;
            assertArrayEquals(definition(seed, k, x), s.values(), what);
            assertEquals(distinctCount(x), s.setSize(), what);
          }
        }
      }
    }
  }

  @Test
  void largestKWithFewPrecomputedProbesEqualsTheDefinition() {
    // At k = MAX_K each bin has only a few precomputed probes: most empty bins hash the rest.
    SplittableRandom r = new SplittableRandom(4096);
    MinHasher h = MinHashSpec.defaults().withK(MinHashSpec.MAX_K).hasher();
    for (int size : new int[] {50, 500, 5000}) {
      long[] x = randomWithRepeats(r, size);
      Signature s = h.signShingles(x, 0, x.length);
      assertArrayEquals(
          definition(MinHashSpec.DEFAULT_SEED, MinHashSpec.MAX_K, x), s.values(), "size " + size);
    }
  }

  @Test
  void subrangesZeroAndExtremeValuesFollowTheDefinition() {
    MinHasher h = MinHashSpec.defaults().hasher();
    long ophSeed = Hash64.splitMix64(MinHashSpec.DEFAULT_SEED, -1);
    // x = ophSeed mixes to 0, the empty marker of open-addressing tables.
    long[] x = {ophSeed, ophSeed, 1, 0, -1, Long.MIN_VALUE, Long.MAX_VALUE, ophSeed, 1};
    for (int from = 0; from < x.length; from++) {
      for (int to = from + 1; to <= x.length; to++) {
        long[] part = java.util.Arrays.copyOfRange(x, from, to);
        Signature s = h.signShingles(x, from, to);
        assertArrayEquals(definition(MinHashSpec.DEFAULT_SEED, 128, part), s.values(), from + ".." + to);
        assertEquals(distinctCount(part), s.setSize(), from + ".." + to);
      }
    }
  }

  @Test
  void oneNonEmptyBinFillsEverySlot() {
    // One distinct value (repeated) leaves one bin non-empty at any k.
    for (int k : new int[] {1, 5, 128, 4096}) {
      MinHasher h = MinHashSpec.defaults().withK(k).hasher();
      long[] x = {42, 42, 42};
      Signature s = h.signShingles(x, 0, x.length);
      int v = s.value(0);
      for (int i = 0; i < k; i++) {
        assertEquals(v, s.value(i), "k=" + k + " slot " + i);
      }
      assertEquals(1, s.setSize());
    }
  }

  private static long[] randomWithRepeats(SplittableRandom r, int size) {
    long[] x = new long[size];
    for (int i = 0; i < size; i++) {
      // About one in five values repeats an earlier one, as shingles of real text do.
      x[i] = (i > 0 && r.nextInt(5) == 0) ? x[r.nextInt(i)] : r.nextLong();
    }
    return x;
  }
}
