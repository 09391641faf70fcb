package io.github.syndic.lsh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.minhash.Signature;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LshIndexTest {
  static final MinHashSpec SPEC = MinHashSpec.defaults();
  static final MinHasher H = SPEC.hasher();
  static final LshParams P = LshParams.forThreshold(0.8, SPEC.k());

  private static long[] set(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] x = new long[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextLong();
    }
    return x;
  }

  private static Signature sig(long[] x) {
    return H.signShingles(x, 0, x.length);
  }

  /** A copy of x with the first {@code changed} elements replaced. */
  private static long[] mutate(long[] x, int changed, long seed) {
    long[] y = x.clone();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < changed; i++) {
      y[i] = r.nextLong();
    }
    return y;
  }

  @Test
  void insertQueryAndCandidates() {
    LshIndex index = new LshIndex(SPEC, P);
    for (int i = 0; i < 300; i++) {
      index.insert(i, sig(set(i, 300)));
    }
    assertEquals(300, index.size());
    long[] near = mutate(set(42, 300), 15, 7); // Jaccard 285/315 = 0.905
    List<LshIndex.Candidate> found = index.query(sig(near), 0.8);
    assertEquals(1, found.size());
    assertEquals(42, found.get(0).key());
    assertEquals(sig(near).jaccard(sig(set(42, 300))), found.get(0).jaccard(), 0.01);
    assertEquals(300, found.get(0).setSize());
    assertArrayEquals(new int[] {42}, index.candidates(sig(near)));
    assertEquals(0, index.query(sig(set(9999, 300)), 0.5).size());
    assertTrue(index.contains(42));
    assertEquals(300, index.setSize(42));
    assertEquals(-1, index.setSize(9999));
    assertTrue(Double.isNaN(index.jaccard(sig(near), 9999)));
  }

  @Test
  void queryResultsAreBestFirstAndFilteredByMinJaccard() {
    LshIndex index = new LshIndex(SPEC, P);
    long[] base = set(1, 400);
    index.insert(10, sig(mutate(base, 40, 2))); // J ≈ 0.82
    index.insert(11, sig(mutate(base, 4, 3))); // J ≈ 0.98
    index.insert(12, sig(base)); // J = 1
    List<LshIndex.Candidate> all = index.query(sig(base), 0.0);
    assertEquals(List.of(12, 11, 10), all.stream().map(LshIndex.Candidate::key).toList());
    List<LshIndex.Candidate> strict = index.query(sig(base), 0.95);
    assertEquals(List.of(12, 11), strict.stream().map(LshIndex.Candidate::key).toList());
  }

  @Test
  void removeChainedEntriesHeadMiddleAndTail() {
    LshIndex index = new LshIndex(SPEC, P);
    Signature s = sig(set(5, 200));
    // Identical signatures share every band bucket: one chain per band, newest at the head.
    for (int key = 1; key <= 4; key++) {
      index.insert(key, s);
    }
    assertArrayEquals(new int[] {1, 2, 3, 4}, index.candidates(s));
    assertTrue(index.remove(2)); // middle
    assertArrayEquals(new int[] {1, 3, 4}, index.candidates(s));
    assertTrue(index.remove(4)); // head
    assertArrayEquals(new int[] {1, 3}, index.candidates(s));
    assertTrue(index.remove(1)); // tail
    assertArrayEquals(new int[] {3}, index.candidates(s));
    assertFalse(index.remove(1));
    assertTrue(index.remove(3));
    assertArrayEquals(new int[0], index.candidates(s));
    assertEquals(0, index.size());
  }

  @Test
  void freedSlotsAreReused() {
    LshIndex index = new LshIndex(SPEC, P);
    for (int i = 0; i < 100; i++) {
      index.insert(i, sig(set(i, 100)));
    }
    long full = index.memoryBytes();
    for (int i = 0; i < 50; i++) {
      assertTrue(index.remove(i));
    }
    for (int i = 100; i < 150; i++) {
      index.insert(i, sig(set(i, 100)));
    }
    assertEquals(100, index.size());
    assertEquals(full, index.memoryBytes());
    for (int i = 100; i < 150; i++) {
      assertArrayEquals(new int[] {i}, index.candidates(sig(set(i, 100))));
    }
    for (int i = 50; i < 100; i++) {
      assertArrayEquals(new int[] {i}, index.candidates(sig(set(i, 100))));
    }
  }

  @Test
  void memoryPerEntryIsWithinTheDocumentedEstimate() {
    LshIndex index = new LshIndex(SPEC, P);
    int n = 5000;
    for (int i = 0; i < n; i++) {
      index.insert(i, sig(set(i, 50)));
    }
    double perEntry = index.memoryBytes() / (double) n;
    // Documented: 2k value bytes + 4b link bytes + 12 bytes + band and key maps (~11 b + 11).
    double floor = 2.0 * SPEC.k() + 4.0 * P.bands();
    double ceiling = 2 * (floor + 12 + 11.0 * P.bands() + 11);
    assertTrue(perEntry >= floor && perEntry <= ceiling, "bytes per entry " + perEntry);
  }

  @Test
  void emptySignaturesAreNeverCandidates() {
    LshIndex index = new LshIndex(SPEC, P);
    Signature empty = H.sign("   ");
    index.insert(1, empty);
    index.insert(2, empty);
    index.insert(3, sig(set(3, 100)));
    assertArrayEquals(new int[0], index.candidates(empty));
    assertEquals(0, index.query(empty, 0.0).size());
    assertArrayEquals(new int[] {3}, index.candidates(sig(set(3, 100))));
    assertEquals(0.0, index.jaccard(empty, 2));
    assertTrue(index.remove(1));
    assertEquals(2, index.size());
  }

  @Test
  void badInputIsRejected() {
    LshIndex index = new LshIndex(SPEC, P);
    index.insert(7, sig(set(7, 10)));
    IllegalArgumentException dup =
        assertThrows(IllegalArgumentException.class, () -> index.insert(7, sig(set(8, 10))));
    assertTrue(dup.getMessage().contains("7"));
    Signature other = SPEC.withSeed(3).hasher().signShingles(set(1, 10), 0, 10);
    IllegalArgumentException spec =
        assertThrows(IllegalArgumentException.class, () -> index.query(other, 0.5));
    assertTrue(spec.getMessage().contains(other.spec().describe()));
    assertThrows(IllegalArgumentException.class, () -> index.insert(9, other));
    assertThrows(IllegalArgumentException.class, () -> new LshIndex(SPEC, new LshParams(20, 7)));
  }
}
