package io.github.syndic.index;

import java.util.Arrays;

/**
 * A growable long array stored in pages of {@link #PAGE} entries (256 KB); see {@link IntPages}.
 *
 * <p>Not thread-safe: {@link NearDuplicateIndex} guards it with its lock.
 */
final class LongPages {
  static final int SHIFT = 15;
  static final int PAGE = 1 << SHIFT;
  static final int MASK = PAGE - 1;

  /** Bytes of an array header (12-byte object header plus 4-byte length, compressed oops). */
  static final int ARRAY_HEADER = 16;

  private long[][] pages = new long[0][];
  private int capacity;

  LongPages(int initial) {
    ensure(initial);
  }

  /** Makes room for indexes {@code [0, n)}; new entries are 0. */
  void ensure(int n) {
    while (capacity < n) {
      int last = pages.length - 1;
      if (last < 0) {
        int len = Math.min(PAGE, Math.max(16, n));
        pages = new long[][] {new long[len]};
        capacity = len;
      } else if (pages[last].length < PAGE) { // the lone first page
        int len = (int) Math.min(PAGE, Math.max((long) n, 2L * pages[last].length));
        pages[last] = Arrays.copyOf(pages[last], len);
        capacity = len;
      } else {
        pages = Arrays.copyOf(pages, pages.length + 1);
        pages[last + 1] = new long[PAGE];
        capacity += PAGE;
      }
    }
  }

  long get(int i) {
    return pages[i >>> SHIFT][i & MASK];
  }

  void set(int i, long v) {
    pages[i >>> SHIFT][i & MASK] = v;
  }

  /** Bytes held (array headers included). */
  long memoryBytes() {
    long b = arrayBytes(pages.length, 4);
    for (long[] p : pages) {
      b += arrayBytes(p.length, 8);
    }
    return b;
  }

  /** Heap bytes of an array of {@code n} elements of {@code width} bytes, 8-byte aligned. */
  static long arrayBytes(long n, int width) {
    return (ARRAY_HEADER + n * width + 7) & ~7L;
  }

  static long intArraysBytes(int[][] pages) {
    long b = 0;
    for (int[] p : pages) {
      b += arrayBytes(p.length, 4);
    }
    return b;
  }
}
