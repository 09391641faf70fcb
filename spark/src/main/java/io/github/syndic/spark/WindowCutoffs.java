package io.github.syndic.spark;

import static org.apache.spark.sql.functions.col;

import io.github.syndic.index.CanonicalOrder;
import io.github.syndic.index.WindowClock;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The library's time window along the batch order. The batch adds documents in (time, id) order to
 * an index whose {@link WindowClock} decides when it evicts; an earlier document is still compared
 * when a later one is added iff its time is unknown or not before the clock's cutoff after that
 * add. The cutoff only moves at a few times (when it moved by a sixteenth of the window): the
 * driver runs the library's clock over the distinct times (streamed in order, never held whole)
 * and keeps where the cutoff moved, a short list that is broadcast.
 *
 * <p>Immutable and thread-safe.
 */
final class WindowCutoffs implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Times (epoch ms, ascending) at which the cutoff moved, and the cutoff from then on. */
  private final long[] moves;
  private final long[] cutoffs;

  private WindowCutoffs(long[] moves, long[] cutoffs) {
    this.moves = moves;
    this.cutoffs = cutoffs;
  }

  /** No window: nothing is evicted. */
  static WindowCutoffs none() {
    return new WindowCutoffs(new long[0], new long[0]);
  }

  /** Cutoffs for {@code window} (null: none) over the ranked documents' times ({@code millis}). */
  static WindowCutoffs of(Duration window, Dataset<Row> ranked) {
    if (window == null) {
      return none();
    }
    Iterator<Row> times = ranked.filter(col("millis").notEqual(CanonicalOrder.NO_TIME))
        .select(col("millis")).distinct().sort("millis").toLocalIterator();
    return of(window, times);
  }

  /** Cutoffs for {@code window} (not null) over distinct ascending times (rows of one long). */
  static WindowCutoffs of(Duration window, Iterator<Row> times) {
    WindowClock clock = new WindowClock(window);
    long[] moves = new long[16];
    long[] cutoffs = new long[16];
    int n = 0;
    while (times.hasNext()) {
      long t = times.next().getLong(0);
      if (n > 0 && t < moves[n - 1]) {
        throw new IllegalStateException("times out of order: " + t + " after " + moves[n - 1]);
      }
      long scan = clock.advance(t);
      if (scan != WindowClock.NO_SCAN) {
        if (n == moves.length) {
          moves = Arrays.copyOf(moves, n * 2);
          cutoffs = Arrays.copyOf(cutoffs, n * 2);
        }
        moves[n] = t;
        cutoffs[n++] = scan;
      }
    }
    return new WindowCutoffs(Arrays.copyOf(moves, n), Arrays.copyOf(cutoffs, n));
  }

  /**
   * The earliest time (epoch ms) an earlier document may have to be still indexed when one at
   * {@code later} ({@link CanonicalOrder#NO_TIME} when unknown) is added after it in the batch
   * order; {@link Long#MIN_VALUE} when nothing has been evicted. Documents of unknown time are
   * never evicted. Never decreases as {@code later} grows.
   */
  long cutoff(long later) {
    if (moves.length == 0) {
      return Long.MIN_VALUE;
    }
    if (later == CanonicalOrder.NO_TIME) {
      return cutoffs[cutoffs.length - 1];
    }
    int i = Arrays.binarySearch(moves, later);
    int at = i >= 0 ? i : -i - 2;
    return at < 0 ? Long.MIN_VALUE : cutoffs[at];
  }

  /**
   * Whether a document at {@code earlier} (epoch ms, {@link CanonicalOrder#NO_TIME} when unknown)
   * is still indexed when one at {@code later} is added after it in the batch order.
   */
  boolean present(long later, long earlier) {
    return earlier == CanonicalOrder.NO_TIME || earlier >= cutoff(later);
  }

  /** Number of times the cutoff moved. */
  int moves() {
    return moves.length;
  }
}
