package io.github.syndic.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr: done/total, rate and time left (or, with no known total, the
 * count and rate), drawn at most every 200 ms and only once the run has lasted a second, so
 * short runs print nothing. Not thread-safe.
 */
final class Progress {
  private static final long INTERVAL_NANOS = 200_000_000L;
  /** Runs shorter than this draw no bar (unless forced): a flash of output only distracts. */
  private static final long DELAY_NANOS = 1_000_000_000L;
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private final int total;
  private final String unit;
  private final long start = System.nanoTime();
  private final boolean immediately;
  private int done;
  private long last;
  private int drawnWidth;

  /** A bar for {@code total} items ({@code total < 0}: unknown) named {@code unit}. */
  Progress(PrintWriter err, boolean enabled, int total, String unit, boolean immediately) {
    this.err = err;
    this.enabled = enabled;
    this.total = total;
    this.unit = unit;
    this.immediately = immediately;
  }

  Progress(PrintWriter err, boolean enabled, int total) {
    this(err, enabled, total, "files", false);
  }

  void step() {
    done++;
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (!immediately && now - start < DELAY_NANOS) {
      return;
    }
    if (done == total || now - last >= INTERVAL_NANOS) {
      last = now;
      double secs = Math.max(1e-9, (now - start) / 1e9);
      double rate = done / secs;
      String line;
      if (total >= 0) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        long left = rate > 0 ? Math.round((total - done) / rate) : 0;
        line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
            + " " + unit + String.format(Locale.ROOT, "  %.1f/s  ETA %s", rate, duration(left));
      } else {
        line = done + " " + unit + String.format(Locale.ROOT, "  %.1f/s", rate);
      }
      int pad = Math.max(0, drawnWidth - line.length());
      err.print("\r" + line + " ".repeat(pad));
      err.flush();
      drawnWidth = line.length();
    }
  }

  static String duration(long s) {
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
  }

  void clear() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  void finish() {
    clear();
  }
}
