package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.POSTING_CAP;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Shingle → chain of blocks (in block order, at most {@link DuplicateDetector#POSTING_CAP}), the
 * inverted index of {@link CandidateSearch}. An open-addressing table (linear probing, at most
 * half full) keyed by the shingle hashes themselves: they are mixed already, and their top bits
 * pick the slot (the low bits are 0 when a large document indexes a sample). Postings and their
 * entries live in flat int arrays. Not thread-safe: one detection.
 */
final class Postings {
  private static final int MIN_CAPACITY = 16;
  private static final int MAX_CAPACITY = 1 << 30;

  private long[] keys;
  /** Posting number + 1 of each slot; 0 for an empty slot. */
  private int[] ids;
  private int shift;
  private int mask;
  private int postings;
  private int[] first;
  private int[] last;
  private int[] size;
  private int entries;
  private int[] entryBlock;
  private int[] entryNext;

  /** A table for about {@code expected} distinct shingles (it grows beyond). */
  Postings(int expected) {
    long want = Math.max(MIN_CAPACITY, 2L * expected);
    initTable(want >= MAX_CAPACITY ? MAX_CAPACITY : Integer.highestOneBit((int) want - 1) << 1);
    int p = Math.max(MIN_CAPACITY, expected / 2);
    first = new int[p];
    last = new int[p];
    size = new int[p];
    entryBlock = new int[2 * p];
    entryNext = new int[2 * p];
  }

  private void initTable(int cap) {
    keys = new long[cap];
    ids = new int[cap];
    mask = cap - 1;
    shift = 64 - Integer.numberOfTrailingZeros(cap);
  }

  /** True when no block is listed. */
  boolean isEmpty() {
    return postings == 0;
  }

  /** The slot of {@code h}: where it is, or the empty slot where it goes. */
  private int slot(long h) {
    int i = (int) (h >>> shift);
    while (ids[i] != 0 && keys[i] != h) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Adds one to {@code count[b]} for every block b listed under {@code h}. */
  void count(long h, int[] count, IntArrayList touched) {
    int id = ids[slot(h)];
    if (id != 0) {
      countPosting(id - 1, count, touched);
    }
  }

  /** Adds one to {@code count[b]} for every block b of posting {@code p}. */
  private void countPosting(int p, int[] count, IntArrayList touched) {
    int[] block = entryBlock;
    int[] next = entryNext;
    for (int e = first[p]; e >= 0; e = next[e]) {
      int b = block[e];
      if (count[b]++ == 0) {
        touched.add(b);
      }
    }
  }

  /** Lists block {@code a} under {@code h} (unless the posting holds {@link #POSTING_CAP}). */
  void add(long h, int a) {
    int i = slot(h);
    int id = ids[i];
    if (id == 0) {
      start(i, h, a);
    } else {
      append(id - 1, a);
    }
  }

  /** {@link #count} then {@link #add}, with one look-up of {@code h}. */
  void countAndAdd(long h, int a, int[] count, IntArrayList touched) {
    int i = slot(h);
    int id = ids[i];
    if (id == 0) {
      start(i, h, a);
    } else {
      countPosting(id - 1, count, touched);
      append(id - 1, a);
    }
  }

  /** Starts a posting for {@code h} at empty slot {@code i}, listing {@code a}. */
  private void start(int i, long h, int a) {
    int p = postings++;
    keys[i] = h;
    ids[i] = p + 1;
    if (p == first.length) {
      int cap = first.length * 2;
      first = Arrays.copyOf(first, cap);
      last = Arrays.copyOf(last, cap);
      size = Arrays.copyOf(size, cap);
    }
    int e = newEntry(a);
    first[p] = e;
    last[p] = e;
    size[p] = 1;
    if (postings > (mask + 1) >>> 1 && mask + 1 < MAX_CAPACITY) {
      grow();
    }
  }

  /** Appends {@code a} to posting {@code p}. */
  private void append(int p, int a) {
    int sz = size[p];
    if (sz >= POSTING_CAP) {
      return;
    }
    size[p] = sz + 1;
    int e = newEntry(a);
    entryNext[last[p]] = e;
    last[p] = e;
  }

  private int newEntry(int a) {
    int e = entries++;
    if (e == entryBlock.length) {
      int cap = entryBlock.length * 2;
      entryBlock = Arrays.copyOf(entryBlock, cap);
      entryNext = Arrays.copyOf(entryNext, cap);
    }
    entryBlock[e] = a;
    entryNext[e] = -1;
    return e;
  }

  /** Doubles the table. */
  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    initTable(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldIds[i] != 0) {
        int j = slot(oldKeys[i]);
        keys[j] = oldKeys[i];
        ids[j] = oldIds[i];
      }
    }
  }
}
