package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.POSTING_CAP;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Shingle → list of blocks (in block order, at most {@link DuplicateDetector#POSTING_CAP}), the
 * inverted index of {@link CandidateSearch}. An open-addressing table (linear probing, at most
 * half full) keyed by the shingle hashes themselves: they are mixed already, and their top bits
 * pick the slot (the low bits are 0 when a large document indexes a sample). A slot holds the
 * hash and, next to it, where its posting's blocks lie and how many there are; each posting's
 * blocks lie next to each other in one int array (a chunk of room 1, 2, 4, ... entries, moved to
 * a chunk twice the size when full). A look-up thus reads one cache line of the table and then
 * consecutive entries: on a document of many MB, where the table and the entries outgrow the
 * processor caches, per-entry links and separate per-posting arrays made every step a miss. Not
 * thread-safe: one detection.
 */
final class Postings {
  private static final int MIN_CAPACITY = 16;
  private static final int MAX_CAPACITY = 1 << 29;

  /**
   * Slot i: {@code table[2i]} = the hash, {@code table[2i + 1]} = the offset of its chunk in
   * {@link #entries} (high 32 bits) and its size (low 32 bits); 0 for an empty slot (a posting
   * lists at least one block).
   */
  private long[] table;
  private int shift;
  private int mask;
  private int postings;
  /** The chunks of the postings; a chunk holding s entries has room for the next power of two. */
  private int[] entries;
  private int used;
  /** Whether a block was ever left out of a full posting (POSTING_CAP). */
  private boolean capped;

  /** A table for about {@code expected} distinct shingles (it grows beyond). */
  Postings(int expected) {
    long want = Math.max(MIN_CAPACITY, 2L * expected);
    initTable(want >= MAX_CAPACITY ? MAX_CAPACITY : Integer.highestOneBit((int) want - 1) << 1);
    entries = new int[Math.max(MIN_CAPACITY, expected)];
  }

  private void initTable(int cap) {
    table = new long[2 * cap];
    mask = cap - 1;
    shift = 64 - Integer.numberOfTrailingZeros(cap);
  }

  /** Forgets every posting, keeping the arrays (the next segment of a bounded detection). */
  void clear() {
    Arrays.fill(table, 0L);
    postings = 0;
    used = 0;
  }

  /** True when a block was left out of a posting that held {@link DuplicateDetector#POSTING_CAP}. */
  boolean capped() {
    return capped;
  }

  /** True when no block is listed. */
  boolean isEmpty() {
    return postings == 0;
  }

  /** The slot of {@code h}: where it is, or the empty slot where it goes. */
  private int slot(long h) {
    long[] t = table;
    int i = (int) (h >>> shift);
    while (t[2 * i + 1] != 0 && t[2 * i] != h) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Adds one to {@code count[b]} for every block b listed under {@code h}. */
  void count(long h, int[] count, IntArrayList touched) {
    long m = table[2 * slot(h) + 1];
    if (m != 0) {
      countPosting(m, count, touched);
    }
  }

  /** Adds one to {@code count[b]} for every block b of the posting described by {@code m}. */
  private void countPosting(long m, int[] count, IntArrayList touched) {
    int[] e = entries;
    int from = (int) (m >>> 32);
    int to = from + (int) m;
    for (int k = from; k < to; k++) {
      int b = e[k];
      if (count[b]++ == 0) {
        touched.add(b);
      }
    }
  }

  /** Lists block {@code a} under {@code h} (unless the posting holds {@link #POSTING_CAP}). */
  void add(long h, int a) {
    int i = slot(h);
    long m = table[2 * i + 1];
    if (m == 0) {
      start(i, h, a);
    } else {
      append(i, m, a);
    }
  }

  /** {@link #count} then {@link #add}, with one look-up of {@code h}. */
  void countAndAdd(long h, int a, int[] count, IntArrayList touched) {
    int i = slot(h);
    long m = table[2 * i + 1];
    if (m == 0) {
      start(i, h, a);
    } else {
      countPosting(m, count, touched);
      append(i, m, a);
    }
  }

  /** Starts a posting for {@code h} at empty slot {@code i}, listing {@code a}. */
  private void start(int i, long h, int a) {
    postings++;
    int e = allocate(1);
    entries[e] = a;
    table[2 * i] = h;
    table[2 * i + 1] = ((long) e << 32) | 1;
    if (postings > (mask + 1) >>> 1 && mask + 1 < MAX_CAPACITY) {
      grow();
    }
  }

  /**
   * Appends {@code a} to the posting at slot {@code i} (described by {@code m}), moving it to a
   * chunk twice the size when full.
   */
  private void append(int i, long m, int a) {
    int sz = (int) m;
    if (sz >= POSTING_CAP) {
      capped = true;
      return;
    }
    int off = (int) (m >>> 32);
    if ((sz & (sz - 1)) == 0) { // the chunk (of room sz, a power of two) is full
      int moved = allocate(2 * sz);
      System.arraycopy(entries, off, entries, moved, sz);
      off = moved;
    }
    entries[off + sz] = a;
    table[2 * i + 1] = ((long) off << 32) | (sz + 1);
  }

  /** Room for {@code k} entries at the end of {@link #entries}; its offset. */
  private int allocate(int k) {
    int e = used;
    if (e + k > entries.length) {
      long cap = Math.max(e + (long) k, entries.length * 2L);
      if (cap > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("postings over " + (Integer.MAX_VALUE - 16) + " entries");
      }
      entries = Arrays.copyOf(entries, (int) cap);
    }
    used = e + k;
    return e;
  }

  /** Doubles the table. */
  private void grow() {
    long[] old = table;
    initTable(mask + 1 << 1);
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        int j = slot(old[i]);
        table[2 * j] = old[i];
        table[2 * j + 1] = old[i + 1];
      }
    }
  }
}
