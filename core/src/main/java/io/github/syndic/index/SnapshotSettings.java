package io.github.syndic.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The settings block of an index snapshot (format version 2): every setting besides the spec
 * that shaped the snapshot's contents, written by {@link IndexSnapshot} and compared on load.
 *
 * <p>Stateless and thread-safe.
 */
final class SnapshotSettings {
  private SnapshotSettings() {}

  /** Version 2: every setting that shapes the snapshot's contents besides the spec. */
  static void write(DataOutputStream out, IndexConfig c) throws IOException {
    out.writeDouble(c.threshold());
    out.writeDouble(c.containmentThreshold());
    out.writeDouble(c.copyMinRatio());
    out.writeBoolean(c.verify());
    out.writeByte(c.policy().ordinal());
    out.writeBoolean(c.clean());
    out.writeBoolean(c.sourceTemplates());
    out.writeLong(c.window() == null ? -1 : WindowClock.millis(c.window()));
  }

  /** The settings of {@code c} as stored, for messages: name=value, in stored order. */
  private static String[] settings(IndexConfig c) {
    return new String[] {
      "threshold=" + c.threshold(),
      "containmentThreshold=" + c.containmentThreshold(),
      "copyMinRatio=" + c.copyMinRatio(),
      "verify=" + c.verify(),
      "policy=" + c.policy(),
      "clean=" + c.clean(),
      "sourceTemplates=" + c.sourceTemplates(),
    };
  }

  private static String windowName(long ms) {
    return ms < 0 ? "none" : java.time.Duration.ofMillis(ms).toString();
  }

  /**
   * Reads version-2 settings and refuses a configuration that differs in any of them (the message
   * names both values); the window may differ when {@code reconfigureWindow}. Returns the stored
   * window in milliseconds (-1: none).
   */
  static long check(
      DataInputStream in, IndexConfig config, Path file, boolean reconfigureWindow)
      throws IOException {
    double threshold = in.readDouble();
    double containment = in.readDouble();
    double ratio = in.readDouble();
    boolean verify = in.readBoolean();
    int policy = in.readByte();
    boolean clean = in.readBoolean();
    boolean templates = in.readBoolean();
    long window = in.readLong();
    if (policy < 0 || policy >= ClusterPolicy.values().length) {
      throw new IOException("unknown cluster policy " + policy);
    }
    String[] stored = {
      "threshold=" + threshold,
      "containmentThreshold=" + containment,
      "copyMinRatio=" + ratio,
      "verify=" + verify,
      "policy=" + ClusterPolicy.values()[policy],
      "clean=" + clean,
      "sourceTemplates=" + templates,
    };
    String[] wanted = settings(config);
    StringBuilder diff = new StringBuilder();
    for (int i = 0; i < stored.length; i++) {
      if (!stored[i].equals(wanted[i])) {
        diff.append(diff.length() == 0 ? "" : ", ").append(stored[i]).append(" (configuration: ")
            .append(wanted[i]).append(')');
      }
    }
    long want = config.window() == null ? -1 : WindowClock.millis(config.window());
    if (window != want && !reconfigureWindow) {
      diff.append(diff.length() == 0 ? "" : ", ").append("window=").append(windowName(window))
          .append(" (configuration: window=").append(windowName(want))
          .append("; changing the window is allowed with NearDuplicateIndex.loadReconfigured)");
    }
    if (diff.length() > 0) {
      throw new IndexSnapshot.Mismatch("index snapshot " + file + " was made with " + diff
          + "; these settings shape its contents and must match");
    }
    return window;
  }
}
