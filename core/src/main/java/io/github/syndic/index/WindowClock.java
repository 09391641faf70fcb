package io.github.syndic.index;

import java.time.Duration;

/**
 * When the time window evicts: the schedule {@link NearDuplicateIndex} follows and a batch run
 * elsewhere must follow to compare the same pairs. The window counts back from the newest
 * timestamp seen so far; an eviction scan runs when that cutoff has moved by at least {@code
 * window / }{@link #EVICTION_STEPS} since the last scan (or at the first timestamped document),
 * and removes every document with a known time before the new cutoff. So a document {@code j} is
 * still indexed (compared) when a later document arrives iff its time is not before {@link
 * #cutoff()} as it stands after {@link #advance} for the later document.
 *
 * <pre>{@code
 * WindowClock clock = new WindowClock(config.window());
 * for (Doc d : docsInInputOrder) {
 *   long scan = clock.advance(CanonicalOrder.millis(d.timestamp())); // evict before `scan` if due
 *   long cutoff = clock.cutoff(); // earlier documents with a time before this are gone
 * }
 * }</pre>
 *
 * <p>Arithmetic saturates: a window too long for milliseconds is {@link Long#MAX_VALUE} (nothing
 * is evicted), and a cutoff below {@link Long#MIN_VALUE} stays there.
 *
 * <p>Not thread-safe: one clock per index or batch.
 */
public final class WindowClock {
  /** Eviction scans run when the cutoff moved by at least window / this (each scan is linear). */
  public static final int EVICTION_STEPS = 16;

  /** {@link #advance}'s answer when no scan is due. */
  public static final long NO_SCAN = Long.MIN_VALUE;

  private final long window;
  private long newest = Long.MIN_VALUE;
  private long lastCutoff = Long.MIN_VALUE;

  /** A clock for {@code window} (null: never evicts). */
  public WindowClock(Duration window) {
    this.window = window == null ? -1 : millis(window);
  }

  /** Milliseconds of a positive duration, {@link Long#MAX_VALUE} when it does not fit. */
  static long millis(Duration d) {
    try {
      return d.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Takes the time of the next document (epoch ms, {@link CanonicalOrder#NO_TIME} when unknown)
   * and returns the cutoff to evict before when a scan is due, else {@link #NO_SCAN}.
   */
  public long advance(long time) {
    if (time == CanonicalOrder.NO_TIME || window < 0) {
      return NO_SCAN;
    }
    newest = Math.max(newest, time);
    long cutoff = minus(newest, window);
    if (lastCutoff == Long.MIN_VALUE
        || minus(cutoff, lastCutoff) >= Math.max(1, window / EVICTION_STEPS)) {
      lastCutoff = cutoff;
      return cutoff;
    }
    return NO_SCAN;
  }

  /** The cutoff of the last scan: documents with a known time before it have been evicted. */
  public long cutoff() {
    return lastCutoff;
  }

  long newest() {
    return newest;
  }

  /** Restores the state of a snapshot. */
  void restore(long newest, long lastCutoff) {
    this.newest = newest;
    this.lastCutoff = lastCutoff;
  }

  /** a - b, saturated to the long range. */
  static long minus(long a, long b) {
    long r = a - b;
    // Overflow iff a and b have different signs and r's sign differs from a's.
    if (((a ^ b) & (a ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }
}
