package io.github.syndic.cli;

import java.io.PrintWriter;

/** A one-line progress bar on stderr, drawn at most every 200 ms. Not thread-safe. */
final class Progress {
  private static final long INTERVAL_NANOS = 200_000_000L;
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private final int total;
  private int done;
  private long last;
  private boolean drawn;

  Progress(PrintWriter err, boolean enabled, int total) {
    this.err = err;
    this.enabled = enabled;
    this.total = total;
  }

  void step() {
    done++;
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (done == total || now - last >= INTERVAL_NANOS) {
      last = now;
      int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
          + " files");
      err.flush();
      drawn = true;
    }
  }

  void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
      err.flush();
      drawn = false;
    }
  }

  void finish() {
    clear();
  }
}
