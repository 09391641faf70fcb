package io.github.syndic.spark;

import io.github.syndic.minhash.MinHashSpec;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-source templates of a batch, as the executors receive them (a broadcast): for each
 * source key, the sorted fingerprints of its template lines. Fingerprints depend on the
 * normalizer, so the spec they were made with travels with them and {@link #check} refuses any
 * other.
 *
 * <p>Immutable and thread-safe.
 */
final class Templates implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long specFingerprint;
  private final String specName;
  private final Map<String, long[]> bySource;

  Templates(MinHashSpec spec, Map<String, long[]> bySource) {
    this.specFingerprint = spec.fingerprint();
    this.specName = spec.describe();
    this.bySource = new HashMap<>();
    for (Map.Entry<String, long[]> e : bySource.entrySet()) {
      long[] fps = e.getValue().clone();
      Arrays.sort(fps);
      this.bySource.put(e.getKey(), fps);
    }
  }

  /** Throws unless these templates were made with {@code spec}. */
  Templates check(MinHashSpec spec) {
    if (spec.fingerprint() != specFingerprint) {
      throw new IllegalStateException("templates were learned with spec " + specName
          + " but this run uses " + spec.describe());
    }
    return this;
  }

  /** True when the line with fingerprint {@code fp} is template for {@code sourceKey}. */
  boolean isTemplate(String sourceKey, long fp) {
    long[] fps = bySource.get(sourceKey);
    return fp != 0 && fps != null && Arrays.binarySearch(fps, fp) >= 0;
  }

  /** Number of template lines over all sources. */
  long lines() {
    long n = 0;
    for (long[] f : bySource.values()) {
      n += f.length;
    }
    return n;
  }
}
