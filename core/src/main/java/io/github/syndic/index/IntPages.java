package io.github.syndic.index;

import java.util.Arrays;

/**
 * A growable int array stored in pages of {@link #PAGE} entries (256 KB), so that growing never
 * copies more than one page, leaves no slack beyond the last page, and no array is large enough to
 * be a humongous object for the G1 collector (which rounds those up to whole heap regions). Only
 * a lone first page may be shorter: it starts small and doubles up to a full page, so small
 * indexes stay small.
 *
 * <p>Not thread-safe: {@link NearDuplicateIndex} guards it with its lock.
 */
final class IntPages {
  static final int SHIFT = 16;
  static final int PAGE = 1 << SHIFT;
  static final int MASK = PAGE - 1;

  /**
   * A fixed table of {@code cap} zeroed ints in full pages plus a shorter last one (for the
   * open-addressing tables, indexed {@code t[i >>> SHIFT][i & MASK]}).
   */
  static int[][] table(int cap) {
    int n = (cap + MASK) >>> SHIFT;
    int[][] t = new int[n][];
    for (int i = 0; i < n; i++) {
      t[i] = new int[i < n - 1 ? PAGE : cap - (i << SHIFT)];
    }
    return t;
  }

  private int[][] pages = new int[0][];
  private int capacity;

  IntPages(int initial) {
    ensure(initial);
  }

  /** Makes room for indexes {@code [0, n)}; new entries are 0. */
  void ensure(int n) {
    while (capacity < n) {
      int last = pages.length - 1;
      if (last < 0) {
        int len = Math.min(PAGE, Math.max(16, n));
        pages = new int[][] {new int[len]};
        capacity = len;
      } else if (pages[last].length < PAGE) { // the lone first page
        int len = (int) Math.min(PAGE, Math.max((long) n, 2L * pages[last].length));
        pages[last] = Arrays.copyOf(pages[last], len);
        capacity = len;
      } else {
        pages = Arrays.copyOf(pages, pages.length + 1);
        pages[last + 1] = new int[PAGE];
        capacity += PAGE;
      }
    }
  }

  int get(int i) {
    return pages[i >>> SHIFT][i & MASK];
  }

  void set(int i, int v) {
    pages[i >>> SHIFT][i & MASK] = v;
  }

  /** Entries allocated. */
  int capacity() {
    return capacity;
  }

  /** Bytes held (array headers included). */
  long memoryBytes() {
    return LongPages.arrayBytes(pages.length, 4) + LongPages.intArraysBytes(pages);
  }
}
