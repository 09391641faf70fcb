package io.github.syndic.spark;

import io.github.syndic.index.IndexConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a Spark dedup run: the flags of {@code syndic dedup} that shape clusters. They
 * travel to the executors in this small serializable form; each side rebuilds the same {@link
 * IndexConfig} from them ({@link #config()}), so every executor uses the library's defaults for
 * everything else (spec, bands, cleaner).
 *
 * <p>Immutable and thread-safe.
 *
 * @param threshold least share of each document the other must cover to be a duplicate
 * @param window the time window of the batch order (documents older than the newest by more than
 *     this are no longer compared), or null for none; {@code syndic dedup} defaults to 7 days
 * @param preferredSources sources preferred as canonical member, best first
 * @param clean whether texts are cleaned before signing
 * @param sourceTemplates whether per-source templates are learned and removed
 * @param bandGroups the LSH bands are joined in this many groups, one shuffle each (1: all bands in
 *     one shuffle); more groups bound the size of each shuffle, not the result
 */
public record DedupSettings(
    double threshold,
    Duration window,
    List<String> preferredSources,
    boolean clean,
    boolean sourceTemplates,
    int bandGroups)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Checks the arguments (and that the library accepts them). */
  public DedupSettings {
    preferredSources = List.copyOf(Objects.requireNonNull(preferredSources, "preferredSources"));
    if (bandGroups < 1) {
      throw new IllegalArgumentException("bandGroups must be >= 1, got " + bandGroups);
    }
    build(threshold, window, preferredSources, clean, sourceTemplates); // validates
  }

  /** The defaults of {@code syndic dedup} (threshold 0.8, window 7 days, cleaning, templates). */
  public static DedupSettings defaults() {
    return new DedupSettings(IndexConfig.DEFAULT_THRESHOLD, IndexConfig.DEFAULT_WINDOW, List.of(),
        true, true, 1);
  }

  /** The library configuration these settings stand for (the same on every JVM). */
  public IndexConfig config() {
    return build(threshold, window, preferredSources, clean, sourceTemplates);
  }

  private static IndexConfig build(double threshold, Duration window, List<String> preferred,
      boolean clean, boolean templates) {
    return IndexConfig.builder()
        .threshold(threshold)
        .preferredSources(preferred)
        .clean(clean)
        .sourceTemplates(templates)
        .window(window)
        .build();
  }

  /** A copy with another threshold. */
  public DedupSettings withThreshold(double t) {
    return new DedupSettings(t, window, preferredSources, clean, sourceTemplates, bandGroups);
  }

  /** A copy with another window (null: none). */
  public DedupSettings withWindow(Duration w) {
    return new DedupSettings(threshold, w, preferredSources, clean, sourceTemplates, bandGroups);
  }

  /** A copy with preferred sources. */
  public DedupSettings withPreferredSources(List<String> p) {
    return new DedupSettings(threshold, window, p, clean, sourceTemplates, bandGroups);
  }

  /** A copy with cleaning on or off. */
  public DedupSettings withClean(boolean on) {
    return new DedupSettings(threshold, window, preferredSources, on, sourceTemplates, bandGroups);
  }

  /** A copy with source templates on or off. */
  public DedupSettings withSourceTemplates(boolean on) {
    return new DedupSettings(threshold, window, preferredSources, clean, on, bandGroups);
  }

  /** A copy with another number of band groups. */
  public DedupSettings withBandGroups(int n) {
    return new DedupSettings(threshold, window, preferredSources, clean, sourceTemplates, n);
  }
}
