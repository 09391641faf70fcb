package io.github.syndic.lsh;

import java.io.Serializable;

/**
 * Banding parameters of an LSH index: {@code bands} bands of {@code rows} signature values each.
 * Two sets of Jaccard similarity s share at least one band with probability {@code 1 - (1 -
 * s^rows)^bands} (the S-curve).
 *
 * <p>Immutable and thread-safe.
 *
 * @param bands number of bands, at least 1
 * @param rows values per band, at least 1
 */
public record LshParams(int bands, int rows) implements Serializable {
  /** Intervals of the composite Simpson rule used for the S-curve integrals (error ~ 1e-9). */
  static final int INTEGRATION_STEPS = 256;

  /** Checks the arguments. */
  public LshParams {
    if (bands < 1) {
      throw new IllegalArgumentException("bands must be >= 1, got " + bands);
    }
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1, got " + rows);
    }
  }

  /** Probability that two sets of Jaccard similarity {@code s} share a band. */
  public double probability(double s) {
    return 1.0 - Math.pow(1.0 - Math.pow(s, rows), bands);
  }

  /** The similarity where the S-curve is steepest, about {@code (1/bands)^(1/rows)}. */
  public double knee() {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }

  /**
   * The (bands, rows) with {@code bands * rows <= k} that minimize {@code fpWeight * FP +
   * fnWeight * FN}, where FP is the area under the S-curve below {@code threshold} and FN the area
   * above the S-curve from {@code threshold} to 1 (the criterion of datasketch's MinHashLSH). Ties
   * go to fewer bands.
   *
   * @throws IllegalArgumentException if threshold is not in (0, 1), k &lt; 1, or a weight is
   *     negative or both are 0
   */
  public static LshParams optimal(double threshold, int k, double fpWeight, double fnWeight) {
    if (!(threshold > 0.0 && threshold < 1.0)) {
      throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (!(fpWeight >= 0) || !(fnWeight >= 0) || fpWeight + fnWeight == 0) {
      throw new IllegalArgumentException(
          "weights must be >= 0 and not both 0, got fp=" + fpWeight + " fn=" + fnWeight);
    }
    double best = Double.POSITIVE_INFINITY;
    LshParams opt = null;
    for (int b = 1; b <= k; b++) {
      for (int r = 1; r <= k / b; r++) {
        LshParams p = new LshParams(b, r);
        double err = fpWeight * p.falsePositiveArea(threshold) + fnWeight * p.falseNegativeArea(threshold);
        if (err < best - 1e-15) {
          best = err;
          opt = p;
        }
      }
    }
    return opt;
  }

  /** {@link #optimal} with equal weights. */
  public static LshParams forThreshold(double threshold, int k) {
    return optimal(threshold, k, 0.5, 0.5);
  }

  /** Area under the S-curve on [0, threshold]: the weight of false positives. */
  public double falsePositiveArea(double threshold) {
    return simpson(0.0, threshold, false);
  }

  /** Area above the S-curve on [threshold, 1]: the weight of false negatives. */
  public double falseNegativeArea(double threshold) {
    return simpson(threshold, 1.0, true);
  }

  private double simpson(double a, double b, boolean complement) {
    int n = INTEGRATION_STEPS;
    double h = (b - a) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double x = a + i * h;
      double y = complement ? 1.0 - probability(x) : probability(x);
      double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += w * y;
    }
    return sum * h / 3.0;
  }
}
