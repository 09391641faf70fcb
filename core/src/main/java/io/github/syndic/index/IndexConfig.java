package io.github.syndic.index;

import io.github.syndic.CleanerConfig;
import io.github.syndic.lsh.LshParams;
import io.github.syndic.minhash.MinHashScheme;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.shingle.ShingleSpec;
import io.github.syndic.text.TextNormalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link NearDuplicateIndex}: signatures, banding, verification thresholds, time
 * window, cluster and canonical policy, and the cleaning done before signing. Made by a {@link
 * Builder}:
 *
 * <pre>{@code
 * IndexConfig c = IndexConfig.builder().threshold(0.85).window(Duration.ofDays(3)).build();
 * IndexConfig d = c.toBuilder().preferredSources(List.of("wire")).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class IndexConfig {
  /**
   * Default shingles: character 5-grams of the normalized text. Character grams see through
   * clitics, affixes and light rewording (Arabic attaches articles and conjunctions to words), so
   * a lightly edited copy keeps far more of its shingles than with word 3-grams; 5 characters are
   * about one short word, long enough that two unrelated texts share few of them.
   */
  public static final ShingleSpec DEFAULT_SHINGLES = ShingleSpec.chars(5);

  /**
   * Default coverage for {@link Relation#DUPLICATE}: each document covers 80% of the other. The
   * 80% rule is the usual definition of a near-duplicate copy (the threshold of the issue and of
   * the project's architecture example).
   */
  public static final double DEFAULT_THRESHOLD = 0.8;

  /** Default coverage of the smaller document by the larger for containment (same 80% rule). */
  public static final double DEFAULT_CONTAINMENT = 0.8;

  /**
   * Default size ratio separating a trimmed copy from a contained item: a trimmed copy keeps at
   * least half of the story (its shingle set is at least half the larger one). Two unrelated items
   * that both qualify as trimmed copies of one document each fill at least half of it, so that
   * document is a round-up of two stories, which the round-up rule of {@link Verifier} detects
   * (its trimmed-copy links count as containment, so the two clusters do not chain). A smaller item
   * is reported as contained.
   */
  public static final double DEFAULT_COPY_MIN_RATIO = 0.5;

  /**
   * Default Jaccard level the LSH bands are tuned for. The lowest Jaccard of a pair the default
   * policy links is a trimmed copy at the limits (80% of a set two thirds the size of the other):
   * J = 0.533 / 1.133 = 0.47; contained items (reported, not linked) go lower, to 0.36 at half the
   * size. The bands aim about one standard error of a 128-value estimate (0.04) plus a
   * margin below that, so such pairs still become candidates; verification then decides.
   */
  public static final double DEFAULT_CANDIDATE_THRESHOLD = 0.3;

  /**
   * Default time window: documents older than the newest by more than 7 days are evicted. Wire
   * copies appear within hours to days; a week also covers weekly print editions.
   */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  private final MinHashSpec spec;
  private final double candidateThreshold;
  private final LshParams lsh;
  private final boolean verify;
  private final double threshold;
  private final double containmentThreshold;
  private final double copyMinRatio;
  private final Duration window;
  private final ClusterPolicy policy;
  private final List<String> preferredSources;
  private final boolean clean;
  private final CleanerConfig cleaner;
  private final boolean sourceTemplates;
  private final boolean explicitLsh;
  private final Clock clock;

  private IndexConfig(
      MinHashSpec spec,
      double candidateThreshold,
      LshParams lsh,
      boolean verify,
      double threshold,
      double containmentThreshold,
      double copyMinRatio,
      Duration window,
      ClusterPolicy policy,
      List<String> preferredSources,
      boolean clean,
      CleanerConfig cleaner,
      boolean sourceTemplates,
      Clock clock) {
    this.spec = Objects.requireNonNull(spec, "spec");
    checkUnit("candidateThreshold", candidateThreshold);
    checkUnit("threshold", threshold);
    checkUnit("containmentThreshold", containmentThreshold);
    checkUnit("copyMinRatio", copyMinRatio);
    this.candidateThreshold = candidateThreshold;
    this.explicitLsh = lsh != null;
    this.lsh = lsh != null ? lsh : optimal(candidateThreshold, spec.k());
    if ((long) this.lsh.bands() * this.lsh.rows() > spec.k()) {
      throw new IllegalArgumentException(
          "bands * rows of " + this.lsh + " exceeds k = " + spec.k());
    }
    this.verify = verify;
    this.threshold = threshold;
    this.containmentThreshold = containmentThreshold;
    this.copyMinRatio = copyMinRatio;
    if (window != null && (window.isNegative() || window.isZero())) {
      throw new IllegalArgumentException("window must be positive or null, got " + window);
    }
    this.window = window;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.preferredSources = List.copyOf(preferredSources);
    this.clean = clean;
    this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
    this.sourceTemplates = sourceTemplates;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The bands of the defaults, computed once (the S-curve search takes milliseconds). */
  private static final LshParams DEFAULT_LSH =
      LshParams.optimal(DEFAULT_CANDIDATE_THRESHOLD, MinHashSpec.DEFAULT_K, 0.5, 0.5);

  private static LshParams optimal(double t, int k) {
    if (t == DEFAULT_CANDIDATE_THRESHOLD && k == MinHashSpec.DEFAULT_K) {
      return DEFAULT_LSH;
    }
    return LshParams.optimal(t, k, 0.5, 0.5);
  }

  private static void checkUnit(String name, double v) {
    if (!(v > 0.0 && v < 1.0) && v != 1.0) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + v);
    }
  }

  /** The defaults (see the constants of this class). */
  public static IndexConfig defaults() {
    return DEFAULTS;
  }

  private static final IndexConfig DEFAULTS = builder().build();

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.spec = spec;
    b.candidateThreshold = candidateThreshold;
    b.lsh = explicitLsh ? lsh : null;
    b.verify = verify;
    b.threshold = threshold;
    b.containmentThreshold = containmentThreshold;
    b.copyMinRatio = copyMinRatio;
    b.window = window;
    b.policy = policy;
    b.preferredSources = preferredSources;
    b.clean = clean;
    b.cleaner = cleaner;
    b.sourceTemplates = sourceTemplates;
    b.clock = clock;
    return b;
  }

  /** The MinHash spec (shingles, k, seed, scheme, normalizer). */
  public MinHashSpec spec() {
    return spec;
  }

  /** The Jaccard level the bands were chosen for. */
  public double candidateThreshold() {
    return candidateThreshold;
  }

  /** The banding parameters. */
  public LshParams lsh() {
    return lsh;
  }

  /** Whether candidates are verified (false: every LSH candidate counts as a duplicate). */
  public boolean verify() {
    return verify;
  }

  /** Coverage each way for {@link Relation#DUPLICATE}. */
  public double threshold() {
    return threshold;
  }

  /** Coverage of the smaller document for containment and trimmed copies. */
  public double containmentThreshold() {
    return containmentThreshold;
  }

  /** Smallest size ratio (smaller / larger set) of a {@link Relation#TRIMMED_COPY}. */
  public double copyMinRatio() {
    return copyMinRatio;
  }

  /** The time window, or null for none. */
  public Duration window() {
    return window;
  }

  /** Which relations form clusters. */
  public ClusterPolicy policy() {
    return policy;
  }

  /** Sources preferred as canonical member, best first (e.g. the wire agency). */
  public List<String> preferredSources() {
    return preferredSources;
  }

  /** Whether raw texts go through the {@link io.github.syndic.Cleaner} before signing. */
  public boolean clean() {
    return clean;
  }

  /** The cleaner settings used when {@link #clean()} is on. */
  public CleanerConfig cleaner() {
    return cleaner;
  }

  /** Whether per-source templates (lines repeated across a source's pages) are removed. */
  public boolean sourceTemplates() {
    return sourceTemplates;
  }

  /**
   * The clock that bounds timestamps from above ({@link IndexLimits#MAX_AHEAD}); the
   * system UTC clock unless set.
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Builds an {@link IndexConfig}; starts from the defaults. Values are checked by {@link #build()}
   * (a value out of range gets an {@link IllegalArgumentException} naming it).
   *
   * <p>Not thread-safe: one builder per thread.
   */
  public static final class Builder {
    private MinHashSpec spec =
        new MinHashSpec(
            MinHashScheme.OPH_DENSIFIED_V1,
            MinHashSpec.DEFAULT_K,
            MinHashSpec.DEFAULT_SEED,
            DEFAULT_SHINGLES,
            TextNormalizer.Options.defaults());
    private double candidateThreshold = DEFAULT_CANDIDATE_THRESHOLD;
    private LshParams lsh;
    private boolean verify = true;
    private double threshold = DEFAULT_THRESHOLD;
    private double containmentThreshold = DEFAULT_CONTAINMENT;
    private double copyMinRatio = DEFAULT_COPY_MIN_RATIO;
    private Duration window = DEFAULT_WINDOW;
    private ClusterPolicy policy = ClusterPolicy.COPIES;
    private List<String> preferredSources = List.of();
    private boolean clean = true;
    private CleanerConfig cleaner = CleanerConfig.news();
    private boolean sourceTemplates = true;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The clock that bounds timestamps from above (tests, replays of old feeds). */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** The MinHash spec; the bands are chosen for it unless {@link #lsh} is set. */
    public Builder spec(MinHashSpec s) {
      this.spec = Objects.requireNonNull(s, "spec");
      return this;
    }

    /** Bands {@link LshParams#optimal} for Jaccard {@code t} (equal weights); clears {@link #lsh}. */
    public Builder candidateThreshold(double t) {
      this.candidateThreshold = t;
      this.lsh = null;
      return this;
    }

    /** Explicit banding parameters (null: optimal for the candidate threshold). */
    public Builder lsh(LshParams p) {
      this.lsh = p;
      return this;
    }

    /** Verification on or off (off: every LSH candidate is a duplicate). */
    public Builder verify(boolean on) {
      this.verify = on;
      return this;
    }

    /** Coverage each way for {@link Relation#DUPLICATE}. */
    public Builder threshold(double t) {
      this.threshold = t;
      return this;
    }

    /** Coverage of the smaller document for containment and trimmed copies. */
    public Builder containmentThreshold(double t) {
      this.containmentThreshold = t;
      return this;
    }

    /** Smallest size ratio of a {@link Relation#TRIMMED_COPY}. */
    public Builder copyMinRatio(double r) {
      this.copyMinRatio = r;
      return this;
    }

    /** The time window (null: never evict automatically). */
    public Builder window(Duration w) {
      this.window = w;
      return this;
    }

    /** Which relations form clusters. */
    public Builder policy(ClusterPolicy p) {
      this.policy = Objects.requireNonNull(p, "policy");
      return this;
    }

    /** Sources preferred as canonical member, best first. */
    public Builder preferredSources(List<String> sources) {
      for (String s : sources) {
        Objects.requireNonNull(s, "preferred source");
      }
      this.preferredSources = List.copyOf(sources);
      return this;
    }

    /** Cleaning before signing on or off. */
    public Builder clean(boolean on) {
      this.clean = on;
      return this;
    }

    /** The cleaner settings used when cleaning is on. */
    public Builder cleaner(CleanerConfig c) {
      this.cleaner = Objects.requireNonNull(c, "cleaner");
      return this;
    }

    /** Per-source template removal on or off. */
    public Builder sourceTemplates(boolean on) {
      this.sourceTemplates = on;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException if a threshold is outside (0, 1], the window is not
     *     positive, or bands x rows exceed k
     */
    public IndexConfig build() {
      return new IndexConfig(spec, candidateThreshold, lsh, verify, threshold,
          containmentThreshold, copyMinRatio, window, policy, preferredSources, clean, cleaner,
          sourceTemplates, clock);
    }
  }

  @Override
  public String toString() {
    return "IndexConfig[" + spec.describe() + ", lsh=" + lsh.bands() + "x" + lsh.rows()
        + " (candidate J " + candidateThreshold + "), verify=" + verify + ", threshold="
        + threshold + ", containment=" + containmentThreshold + ", copyMinRatio=" + copyMinRatio
        + ", window=" + window + ", policy=" + policy + ", preferred=" + preferredSources
        + ", clean=" + clean + ", sourceTemplates=" + sourceTemplates + "]";
  }
}
