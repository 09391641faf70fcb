package io.github.syndic.index;

import io.github.syndic.CleanerConfig;
import io.github.syndic.lsh.LshParams;
import io.github.syndic.minhash.MinHashScheme;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.shingle.ShingleSpec;
import io.github.syndic.text.TextNormalizer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link NearDuplicateIndex}: signatures, banding, verification thresholds, time
 * window, cluster and canonical policy, and the cleaning done before signing. The {@code with*}
 * methods return modified copies.
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
   * Default size ratio separating a trimmed copy from a contained item: a copy keeps at least two
   * thirds of the story. Above one half, one document cannot be a "copy" of two unrelated items at
   * once; two thirds leaves room for the vocabulary that unrelated items of one language share (two
   * items that both qualify must share at least a third of the larger document), so a round-up of
   * two stories does not chain their clusters. A smaller item is reported as contained.
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
      boolean sourceTemplates) {
    this.spec = Objects.requireNonNull(spec, "spec");
    checkUnit("candidateThreshold", candidateThreshold);
    checkUnit("threshold", threshold);
    checkUnit("containmentThreshold", containmentThreshold);
    checkUnit("copyMinRatio", copyMinRatio);
    this.candidateThreshold = candidateThreshold;
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
    MinHashSpec spec =
        new MinHashSpec(
            MinHashScheme.OPH_DENSIFIED_V1,
            MinHashSpec.DEFAULT_K,
            MinHashSpec.DEFAULT_SEED,
            DEFAULT_SHINGLES,
            TextNormalizer.Options.defaults());
    return new IndexConfig(
        spec,
        DEFAULT_CANDIDATE_THRESHOLD,
        null,
        true,
        DEFAULT_THRESHOLD,
        DEFAULT_CONTAINMENT,
        DEFAULT_COPY_MIN_RATIO,
        DEFAULT_WINDOW,
        ClusterPolicy.COPIES,
        List.of(),
        true,
        CleanerConfig.news(),
        true);
  }

  /** The defaults with another duplicate threshold. */
  public static IndexConfig threshold(double t) {
    return defaults().withThreshold(t);
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

  /** A copy with another spec; the bands are chosen again unless set explicitly afterwards. */
  public IndexConfig withSpec(MinHashSpec s) {
    return new IndexConfig(s, candidateThreshold, null, verify, threshold, containmentThreshold,
        copyMinRatio, window, policy, preferredSources, clean, cleaner, sourceTemplates);
  }

  /** A copy whose bands are {@link LshParams#optimal} for {@code t} (equal weights). */
  public IndexConfig withCandidateThreshold(double t) {
    checkUnit("candidateThreshold", t);
    return new IndexConfig(spec, t, null, verify, threshold, containmentThreshold, copyMinRatio,
        window, policy, preferredSources, clean, cleaner, sourceTemplates);
  }

  /** A copy with explicit banding parameters. */
  public IndexConfig withLsh(LshParams p) {
    Objects.requireNonNull(p, "lsh");
    return new IndexConfig(spec, candidateThreshold, p, verify, threshold, containmentThreshold,
        copyMinRatio, window, policy, preferredSources, clean, cleaner, sourceTemplates);
  }

  /** A copy with verification on or off. */
  public IndexConfig withVerify(boolean on) {
    return new IndexConfig(spec, candidateThreshold, lsh, on, threshold, containmentThreshold,
        copyMinRatio, window, policy, preferredSources, clean, cleaner, sourceTemplates);
  }

  /** A copy with another duplicate threshold. */
  public IndexConfig withThreshold(double t) {
    return new IndexConfig(spec, candidateThreshold, lsh, verify, t, containmentThreshold,
        copyMinRatio, window, policy, preferredSources, clean, cleaner, sourceTemplates);
  }

  /** A copy with another containment threshold. */
  public IndexConfig withContainmentThreshold(double t) {
    return new IndexConfig(spec, candidateThreshold, lsh, verify, threshold, t, copyMinRatio,
        window, policy, preferredSources, clean, cleaner, sourceTemplates);
  }

  /** A copy with another trimmed-copy size ratio. */
  public IndexConfig withCopyMinRatio(double r) {
    return new IndexConfig(spec, candidateThreshold, lsh, verify, threshold, containmentThreshold,
        r, window, policy, preferredSources, clean, cleaner, sourceTemplates);
  }

  /** A copy with another window (null: never evict automatically). */
  public IndexConfig withWindow(Duration w) {
    return new IndexConfig(spec, candidateThreshold, lsh, verify, threshold, containmentThreshold,
        copyMinRatio, w, policy, preferredSources, clean, cleaner, sourceTemplates);
  }

  /** A copy with another cluster policy. */
  public IndexConfig withPolicy(ClusterPolicy p) {
    return new IndexConfig(spec, candidateThreshold, lsh, verify, threshold, containmentThreshold,
        copyMinRatio, window, p, preferredSources, clean, cleaner, sourceTemplates);
  }

  /** A copy with a preferred source list, best first. */
  public IndexConfig withPreferredSources(List<String> sources) {
    for (String s : sources) {
      Objects.requireNonNull(s, "preferred source");
    }
    return new IndexConfig(spec, candidateThreshold, lsh, verify, threshold, containmentThreshold,
        copyMinRatio, window, policy, sources, clean, cleaner, sourceTemplates);
  }

  /** A copy with cleaning before signing on or off. */
  public IndexConfig withClean(boolean on) {
    return new IndexConfig(spec, candidateThreshold, lsh, verify, threshold, containmentThreshold,
        copyMinRatio, window, policy, preferredSources, on, cleaner, sourceTemplates);
  }

  /** A copy with other cleaner settings. */
  public IndexConfig withCleaner(CleanerConfig c) {
    return new IndexConfig(spec, candidateThreshold, lsh, verify, threshold, containmentThreshold,
        copyMinRatio, window, policy, preferredSources, clean, c, sourceTemplates);
  }

  /** A copy with per-source template removal on or off. */
  public IndexConfig withSourceTemplates(boolean on) {
    return new IndexConfig(spec, candidateThreshold, lsh, verify, threshold, containmentThreshold,
        copyMinRatio, window, policy, preferredSources, clean, cleaner, on);
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
