package io.github.syndic.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.Match;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.Neighbor;
import io.github.syndic.index.PreparedDoc;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.minhash.Signature;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The feed index's band store under hostile load: the same story indexed many times puts every
 * entry in the same bucket of every band; eviction removes the oldest first. Adds, queries and
 * removals must stay exact (the LshIndex this replaced had a quadratic removal; its test size,
 * 50,000 copies, is out of reach of an index that reports every copy as a neighbor).
 */
class IndexHostileTest {
  private static final IndexConfig CONFIG = IndexConfig.builder().window(null).build();
  private static final MinHasher HASHER = CONFIG.spec().hasher();

  /**
   * Entries sharing one bucket. Each add reports every earlier copy as a neighbor (the API lists
   * every related document), so N copies cost N^2 / 2 verifications by design; and removal shifts
   * the band tables' probe run that N identical entries form. 1,000 keeps this a correctness test (3,000 took over 60 s on 2026-12-07: the band tables are quadratic in a hot bucket).
   */
  static final int SAME = Integer.getInteger("syndic.hostile.same", 1_000);

  @Test
  void evictingManyIdenticalEntriesOldestFirst() {
    Signature s = HASHER.sign("the same wire story republished by every outlet of the feed");
    NearDuplicateIndex index = NearDuplicateIndex.create(CONFIG);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < SAME; i++) {
        index.add(PreparedDoc.of("d" + i, s, 10, null, null));
      }
      for (int i = 0; i < SAME - 3; i++) {
        assertTrue(index.remove("d" + i));
      }
    });
    Match m = index.query(PreparedDoc.of("q", s, 10, null, null));
    TreeSet<String> got = new TreeSet<>();
    for (Neighbor n : m.neighbors()) {
      got.add(n.id());
    }
    assertEquals(new TreeSet<>(java.util.List.of("d" + (SAME - 3), "d" + (SAME - 2),
        "d" + (SAME - 1))), got);
    assertEquals(3, index.size());
  }

  @Test
  void randomAddsAndRemovalsMatchAReferenceSet() {
    long seed = Long.getLong("syndic.seed", 0x5EED_2026L);
    SplittableRandom r = new SplittableRandom(seed);
    Signature[] sigs = new Signature[4];
    for (int i = 0; i < sigs.length; i++) {
      StringBuilder sb = new StringBuilder();
      SplittableRandom w = new SplittableRandom(i);
      for (int j = 0; j < 60; j++) {
        sb.append(Long.toString(w.nextLong(), 36)).append(' ');
      }
      sigs[i] = HASHER.sign(sb.toString()); // four unrelated texts
    }
    NearDuplicateIndex index = NearDuplicateIndex.create(CONFIG);
    @SuppressWarnings("unchecked")
    TreeSet<String>[] ref = new TreeSet[sigs.length];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = new TreeSet<>();
    }
    int[] group = new int[400];
    for (int step = 0; step < 4_000; step++) {
      int key = r.nextInt(group.length);
      String id = "k" + key;
      if (index.contains(id)) {
        assertTrue(index.remove(id), "seed " + seed);
        ref[group[key]].remove(id);
      } else {
        group[key] = r.nextInt(sigs.length);
        index.add(PreparedDoc.of(id, sigs[group[key]], 10, null, null));
        ref[group[key]].add(id);
      }
    }
    for (int g = 0; g < sigs.length; g++) {
      TreeSet<String> got = new TreeSet<>();
      for (Neighbor n : index.query(PreparedDoc.of("query", sigs[g], 10, null, null)).neighbors()) {
        got.add(n.id());
      }
      assertEquals(ref[g], got, "seed " + seed);
    }
    assertFalse(index.remove("absent"));
  }
}
