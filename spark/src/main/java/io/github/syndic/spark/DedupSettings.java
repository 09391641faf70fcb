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
    return builder().build();
  }

  /** A builder holding the defaults of {@code syndic dedup}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.threshold = threshold;
    b.window = window;
    b.preferredSources = preferredSources;
    b.clean = clean;
    b.sourceTemplates = sourceTemplates;
    b.bandGroups = bandGroups;
    return b;
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

  /**
   * Builds {@link DedupSettings}; {@link #build} checks the values (as the record's constructor
   * does). Not thread-safe.
   */
  public static final class Builder {
    private double threshold = IndexConfig.DEFAULT_THRESHOLD;
    private Duration window = IndexConfig.DEFAULT_WINDOW;
    private List<String> preferredSources = List.of();
    private boolean clean = true;
    private boolean sourceTemplates = true;
    private int bandGroups = 1;

    private Builder() {}

    /** Least share of each document the other must cover to be a duplicate. */
    public Builder threshold(double t) {
      threshold = t;
      return this;
    }

    /** The time window of the batch order (null: none). */
    public Builder window(Duration w) {
      window = w;
      return this;
    }

    /** Sources preferred as canonical member, best first. */
    public Builder preferredSources(List<String> p) {
      preferredSources = List.copyOf(Objects.requireNonNull(p, "preferredSources"));
      return this;
    }

    /** Whether texts are cleaned before signing. */
    public Builder clean(boolean on) {
      clean = on;
      return this;
    }

    /** Whether per-source templates are learned and removed. */
    public Builder sourceTemplates(boolean on) {
      sourceTemplates = on;
      return this;
    }

    /** Number of shuffles the LSH bands are joined in (at least 1). */
    public Builder bandGroups(int n) {
      bandGroups = n;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException if a value is out of range (bandGroups &lt; 1, or a value
     *     the library refuses)
     */
    public DedupSettings build() {
      return new DedupSettings(threshold, window, preferredSources, clean, sourceTemplates,
          bandGroups);
    }
  }
}
