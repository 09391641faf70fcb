package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.POSTING_CAP;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Shingle → chain of blocks (in block order, at most {@link DuplicateDetector#POSTING_CAP}), the
 * inverted index of {@link CandidateSearch}. Not thread-safe: one detection.
 */
final class Postings {
  final Long2IntOpenHashMap posting;
  final IntArrayList postFirst;
  final IntArrayList postLast;
  final IntArrayList postSize;
  final IntArrayList entryBlock;
  final IntArrayList entryNext;

  Postings(int expected) {
    posting = new Long2IntOpenHashMap(Math.max(16, expected / 2));
    posting.defaultReturnValue(-1);
    postFirst = new IntArrayList(expected / 2);
    postLast = new IntArrayList(expected / 2);
    postSize = new IntArrayList(expected / 2);
    entryBlock = new IntArrayList(expected);
    entryNext = new IntArrayList(expected);
  }

  /** True when no block is listed. */
  boolean isEmpty() {
    return posting.isEmpty();
  }

  /** Adds one to {@code count[b]} for every block b listed under {@code h}. */
  void count(long h, int[] count, IntArrayList touched) {
    countPosting(posting.get(h), count, touched);
  }

  /** Adds one to {@code count[b]} for every block b of posting {@code p} (none when p < 0). */
  private void countPosting(int p, int[] count, IntArrayList touched) {
    if (p < 0) {
      return;
    }
    for (int e = postFirst.getInt(p); e >= 0; e = entryNext.getInt(e)) {
      int b = entryBlock.getInt(e);
      if (count[b]++ == 0) {
        touched.add(b);
      }
    }
  }

  /** Lists block {@code a} under {@code h} (unless the posting holds {@link #POSTING_CAP}). */
  void add(long h, int a) {
    append(posting.putIfAbsent(h, postFirst.size()), a);
  }

  /** {@link #count} then {@link #add}, with one look-up of {@code h}. */
  void countAndAdd(long h, int a, int[] count, IntArrayList touched) {
    int p = posting.putIfAbsent(h, postFirst.size());
    countPosting(p, count, touched);
    append(p, a);
  }

  /** Appends {@code a} to posting {@code p}, or starts the posting just keyed when p < 0. */
  private void append(int p, int a) {
    int e = entryBlock.size();
    if (p < 0) {
      postFirst.add(e);
      postLast.add(e);
      postSize.add(1);
    } else {
      int sz = postSize.getInt(p);
      if (sz >= POSTING_CAP) {
        return;
      }
      postSize.set(p, sz + 1);
      entryNext.set(postLast.getInt(p), e);
      postLast.set(p, e);
    }
    entryBlock.add(a);
    entryNext.add(-1);
  }
}
