package io.github.syndic.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.index.CanonicalOrder;
import io.github.syndic.index.WindowClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link BucketPairs} and {@link WindowCutoffs} against a model of the library's index: documents
 * added in the batch order, the library's {@link WindowClock} evicting, each added document paired
 * with the earlier documents of its buckets still held.
 */
class BucketPairsTest {
  /** A document: rank in the batch order, time (ms or NO_TIME), its bucket per band. */
  private record D(long rank, long millis, int[] buckets) {}

  private static List<D> docs(SplittableRandom rnd, int n, int bands, int keys) {
    List<D> out = new ArrayList<>();
    long t = 1_700_000_000_000L;
    for (int i = 0; i < n; i++) {
      boolean known = i < n - n / 10; // the last tenth without time, as the batch order puts them
      t += rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(Duration.ofHours(20).toMillis());
      int[] b = new int[bands];
      for (int j = 0; j < bands; j++) {
        b[j] = rnd.nextInt(keys);
      }
      out.add(new D(i, known ? t : CanonicalOrder.NO_TIME, b));
    }
    return out;
  }

  /** The index's pairs: (later, earlier) for every earlier document sharing a band, not evicted. */
  private static TreeSet<String> model(List<D> docs, Duration window, int band) {
    WindowClock clock = new WindowClock(window);
    TreeSet<String> out = new TreeSet<>();
    for (int i = 0; i < docs.size(); i++) {
      D d = docs.get(i);
      clock.advance(d.millis());
      for (int j = 0; j < i; j++) {
        D e = docs.get(j);
        boolean held = e.millis() == CanonicalOrder.NO_TIME || e.millis() >= clock.cutoff();
        if (held && e.buckets()[band] == d.buckets()[band]) {
          out.add(d.rank() + " " + e.rank());
        }
      }
    }
    return out;
  }

  /** The band's rows as the job sorts them: by (band, key, rank). */
  private static List<Row> rows(List<D> docs, int band) {
    List<Row> rows = new ArrayList<>();
    for (D d : docs) {
      rows.add(RowFactory.create(band, (long) d.buckets()[band], d.rank(), d.millis()));
    }
    rows.sort(Comparator.<Row>comparingLong(r -> r.getLong(1)).thenComparingLong(r -> r.getLong(2)));
    return rows;
  }

  private static WindowCutoffs cutoffs(List<D> docs, Duration window) {
    List<Row> times = new ArrayList<>();
    docs.stream().mapToLong(D::millis).filter(m -> m != CanonicalOrder.NO_TIME).distinct()
        .sorted().forEach(m -> times.add(RowFactory.create(m)));
    return window == null ? WindowCutoffs.none()
        : WindowCutoffs.of(window, times.iterator());
  }

  @Test
  void pairsAreTheIndexsPairsWithAndWithoutWindow() {
    SplittableRandom rnd = new SplittableRandom(4);
    for (Duration window : new Duration[] {Duration.ofDays(2), Duration.ofHours(30), null}) {
      List<D> docs = docs(rnd, 400, 2, 7);
      WindowCutoffs w = cutoffs(docs, window);
      for (int band = 0; band < 2; band++) {
        TreeSet<String> got = new TreeSet<>();
        int emitted = 0;
        for (Iterator<Row> it = new BucketPairs(rows(docs, band).iterator(), w); it.hasNext(); ) {
          Row r = it.next();
          got.add(r.getLong(0) + " " + r.getLong(1));
          emitted++;
        }
        TreeSet<String> want = model(docs, window, band);
        assertEquals(want, got, "window " + window + ", band " + band);
        assertEquals(want.size(), emitted, "each pair once per band");
        if (window != null) {
          assertTrue(want.size() < model(docs, null, band).size(), "the window drops pairs");
        }
      }
    }
  }

  @Test
  void aHotBucketIsReadAndPairedLazily() {
    int m = 100_000; // 5 x 10^9 pairs: only a lazy iterator can start on them
    Iterator<Row> input = new Iterator<>() {
      int i = 0;

      @Override
      public boolean hasNext() {
        return i < m;
      }

      @Override
      public Row next() {
        return RowFactory.create(0, 42L, (long) i++, CanonicalOrder.NO_TIME);
      }
    };
    BucketPairs pairs = new BucketPairs(input, WindowCutoffs.none());
    long n = 0;
    while (n < 3_000_000 && pairs.hasNext()) {
      Row r = pairs.next();
      assertTrue(r.getLong(0) > r.getLong(1));
      n++;
    }
    assertEquals(3_000_000, n);
    assertTrue(input.hasNext(), "the input is read only as far as needed");
  }

  @Test
  void rowsOutOfRankOrderAreRefused() {
    List<Row> rows = List.of(RowFactory.create(0, 1L, 5L, 10L), RowFactory.create(0, 1L, 3L, 10L));
    Iterator<Row> it = new BucketPairs(rows.iterator(), WindowCutoffs.none());
    assertThrows(IllegalStateException.class, it::hasNext);
  }

  @Test
  void singletonsGiveNoPairs() {
    List<Row> rows = List.of(RowFactory.create(0, 1L, 1L, 10L), RowFactory.create(0, 2L, 2L, 10L),
        RowFactory.create(1, 1L, 3L, 10L));
    assertFalse(new BucketPairs(rows.iterator(), WindowCutoffs.none()).hasNext());
  }
}
