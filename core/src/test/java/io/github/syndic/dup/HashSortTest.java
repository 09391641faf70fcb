package io.github.syndic.dup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link HashSort} gives what sorting and dropping repeats gives, on any values; its distinct
 * values come in the order of their first occurrence.
 */
class HashSortTest {
  private static long[] reference(long[] x, int len) {
    return Arrays.stream(Arrays.copyOf(x, len)).sorted().distinct().toArray();
  }

  private static long[] firstOccurrences(long[] x, int len) {
    return new java.util.LinkedHashSet<>(Arrays.stream(Arrays.copyOf(x, len)).boxed().toList())
        .stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void equalsSortAndDistinctOnMixedSkewedAndRepeatedValues() {
    SplittableRandom r = new SplittableRandom(14);
    HashSort sort = new HashSort();
    for (int trial = 0; trial < 400; trial++) {
      int len = r.nextInt(2000);
      long[] x = new long[len + r.nextInt(5)];
      int mode = trial % 4;
      for (int i = 0; i < x.length; i++) {
        x[i] = switch (mode) {
          case 0 -> r.nextLong(); // mixed hashes, both signs
          case 1 -> r.nextLong(40); // few distinct values: many repeats
          case 2 -> r.nextLong() >>> 20; // crowded in a few top-bit buckets (large buckets)
          default -> (r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) - r.nextInt(3);
        };
      }
      long[] want = reference(x, len);
      long[] distinct = sort.distinct(x.clone(), len);
      assertArrayEquals(firstOccurrences(x, len), distinct, "distinct, trial " + trial);
      sort.sortInPlace(distinct);
      assertArrayEquals(want, distinct, "distinct then sortInPlace, trial " + trial);
      assertArrayEquals(reference(x, x.length), sort.sortedDistinct(x.clone()),
          "sortedDistinct, trial " + trial);
    }
  }
}
