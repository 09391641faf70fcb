package io.github.syndic.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The candidate pairs of band buckets, emitted lazily. Input: rows (band, key, rank, millis)
 * sorted by (band, key, rank), so that each bucket (documents sharing a band key) is a run of rows
 * in the batch order. Output: rows (a, b), a the later document's rank, b an earlier one's, for
 * every earlier document of the same bucket that the library's index still holds when the later
 * one is added ({@link WindowCutoffs}): in the batch order the times never decrease (unknown times
 * come last and are never evicted), and the cutoff never decreases, so those earlier documents are
 * the bucket's last ones, and the ones before them are dropped for good.
 *
 * <p>Memory: the documents of one bucket still inside the window (two longs each), never a list
 * of pairs: a bucket of m documents gives its m(m-1)/2 pairs one at a time, and the input is read
 * only as far as the pairs asked for need.
 *
 * <p>Not thread-safe (one per task).
 */
final class BucketPairs implements Iterator<Row> {
  private final Iterator<Row> rows;
  private final WindowCutoffs window;

  /** The current bucket's documents still in the window: [start, size) of ranks and times. */
  private long[] ranks = new long[16];
  private long[] times = new long[16];
  private int start;
  private int size;
  private int band = -1;
  private long key;

  /** The later document whose pairs are being emitted, and the next earlier one to pair it with. */
  private long later;
  private int next;
  private int end;

  BucketPairs(Iterator<Row> rows, WindowCutoffs window) {
    this.rows = rows;
    this.window = window;
  }

  @Override
  public boolean hasNext() {
    while (next >= end) {
      if (!rows.hasNext()) {
        return false;
      }
      take(rows.next());
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return RowFactory.create(later, ranks[next++]);
  }

  /** Adds the next input row: its pairs are the bucket's documents from the window's start. */
  private void take(Row r) {
    int b = r.getInt(0);
    long k = r.getLong(1);
    long rank = r.getLong(2);
    long millis = r.getLong(3);
    if (b != band || k != key) {
      band = b;
      key = k;
      start = 0;
      size = 0;
    } else if (size > 0 && rank <= ranks[size - 1]) {
      throw new IllegalStateException("bucket rows out of rank order: " + rank + " after "
          + ranks[size - 1]);
    }
    long cutoff = window.cutoff(millis);
    while (start < size && times[start] < cutoff) {
      start++;
    }
    later = rank;
    next = start;
    end = size;
    if (start > 0 && start >= size / 2) { // drop the evicted ones (the pairs above use next/end)
      System.arraycopy(ranks, start, ranks, 0, size - start);
      System.arraycopy(times, start, times, 0, size - start);
      size -= start;
      next -= start;
      end -= start;
      start = 0;
    }
    if (size == ranks.length) {
      ranks = Arrays.copyOf(ranks, size * 2);
      times = Arrays.copyOf(times, size * 2);
    }
    ranks[size] = rank;
    times[size++] = millis;
  }
}
