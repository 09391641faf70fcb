package io.github.syndic.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.lsh.LshIndex;
import io.github.syndic.lsh.LshParams;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.minhash.Signature;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * LshIndex under hostile load: the same story indexed many times puts every entry in the same
 * bucket of every band. Removal (time-window eviction removes the oldest first) must stay O(bands)
 * per entry; with singly linked chains it was O(bucket size), quadratic overall.
 */
class LshIndexHostileTest {
  private static final MinHashSpec SPEC = MinHashSpec.defaults();
  private static final MinHasher HASHER = SPEC.hasher();

  /** Entries sharing one bucket: ~3 s quadratic work per 10k with singly linked chains. */
  static final int SAME = 50_000;

  @Test
  void evictingManyIdenticalEntriesOldestFirstIsLinear() {
    Signature s = HASHER.sign("the same wire story republished by every outlet of the feed");
    LshIndex index = new LshIndex(SPEC, LshParams.forThreshold(0.8, SPEC.k()));
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int i = 0; i < SAME; i++) {
        index.insert(i, s);
      }
      for (int i = 0; i < SAME - 3; i++) {
        assertTrue(index.remove(i));
      }
    });
    assertArrayEquals(new int[] {SAME - 3, SAME - 2, SAME - 1}, index.candidates(s));
    assertEquals(3, index.size());
  }

  @Test
  void randomInsertsAndRemovalsMatchAReferenceSet() {
    long seed = Long.getLong("syndic.seed", 0x5EED_2026L);
    SplittableRandom r = new SplittableRandom(seed);
    Signature[] sigs = new Signature[4];
    for (int i = 0; i < sigs.length; i++) {
      sigs[i] = HASHER.sign("story number " + i + " about a different subject entirely " + i);
    }
    LshIndex index = new LshIndex(SPEC, LshParams.forThreshold(0.8, SPEC.k()));
    @SuppressWarnings("unchecked")
    TreeSet<Integer>[] ref = new TreeSet[sigs.length];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = new TreeSet<>();
    }
    int[] group = new int[2000];
    for (int step = 0; step < 20_000; step++) {
      int key = r.nextInt(group.length);
      if (index.contains(key)) {
        assertTrue(index.remove(key), "seed " + seed);
        ref[group[key]].remove(key);
      } else {
        group[key] = r.nextInt(sigs.length);
        index.insert(key, sigs[group[key]]);
        ref[group[key]].add(key);
      }
    }
    for (int g = 0; g < sigs.length; g++) {
      int[] got = index.candidates(sigs[g]);
      for (int key : ref[g]) {
        assertTrue(java.util.Arrays.binarySearch(got, key) >= 0, "seed " + seed + ": lost " + key);
      }
      for (int key : got) {
        assertTrue(index.contains(key), "seed " + seed + ": removed key returned " + key);
      }
    }
    assertFalse(index.remove(-5));
  }
}
