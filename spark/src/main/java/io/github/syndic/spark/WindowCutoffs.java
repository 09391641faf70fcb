package io.github.syndic.spark;

import io.github.syndic.index.CanonicalOrder;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import static org.apache.spark.sql.functions.col;

/**
 * The library's time window along the batch order. The batch adds documents in (time, id) order to
 * an index that, on each timestamped add, evicts the documents older than that time minus the
 * window, but only when the cutoff has moved by at least a sixteenth of the window since the last
 * eviction. So whether an earlier document is still there when a later one is added depends on the
 * times where the cutoff moved: a short chain computed on the driver from the distinct times
 * (streamed in order, never held whole), then broadcast.
 *
 * <p>Immutable and thread-safe.
 */
final class WindowCutoffs implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The library's eviction step: a scan runs when the cutoff moved by window / this. */
  private static final int EVICTION_STEPS = 16;

  private final long window;
  private final long[] moves;

  private WindowCutoffs(long window, long[] moves) {
    this.window = window;
    this.moves = moves;
  }

  /** Cutoffs for {@code window} (null: none) over the ranked documents' times. */
  static WindowCutoffs of(Duration window, Dataset<Row> ranked) {
    if (window == null) {
      return new WindowCutoffs(-1, new long[0]);
    }
    long w = window.toMillis();
    long step = Math.max(1, w / EVICTION_STEPS);
    Iterator<Row> times = ranked.filter(col("millis").notEqual(CanonicalOrder.NO_TIME))
        .select(col("millis")).distinct().sort("millis").toLocalIterator();
    long[] moves = new long[16];
    int n = 0;
    long last = Long.MIN_VALUE;
    while (times.hasNext()) {
      long t = times.next().getLong(0);
      if (n > 0 && t < moves[n - 1]) {
        throw new IllegalStateException("times out of order: " + t + " after " + moves[n - 1]);
      }
      long cutoff = t - w;
      if (last == Long.MIN_VALUE || cutoff - last >= step) {
        last = cutoff;
        if (n == moves.length) {
          moves = Arrays.copyOf(moves, n * 2);
        }
        moves[n++] = t;
      }
    }
    return new WindowCutoffs(w, Arrays.copyOf(moves, n));
  }

  /**
   * Whether a document at {@code earlier} (epoch ms, {@link CanonicalOrder#NO_TIME} when unknown)
   * is still indexed when one at {@code later} is added after it in the batch order.
   */
  boolean present(long later, long earlier) {
    if (window < 0 || earlier == CanonicalOrder.NO_TIME || moves.length == 0) {
      return true;
    }
    long at;
    if (later == CanonicalOrder.NO_TIME) {
      at = moves[moves.length - 1];
    } else {
      int i = Arrays.binarySearch(moves, later);
      at = moves[i >= 0 ? i : -i - 2];
    }
    return earlier >= at - window;
  }

  /** Number of times the cutoff moved. */
  int moves() {
    return moves.length;
  }
}
