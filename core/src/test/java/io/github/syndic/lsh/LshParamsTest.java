package io.github.syndic.lsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.minhash.MinHashScheme;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.minhash.Signature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LshParamsTest {
  static final int K = 128;

  @Test
  void chosenBandsAndRowsAreSaneForCommonThresholds() {
    for (double t : new double[] {0.5, 0.8, 0.9}) {
      LshParams p = LshParams.forThreshold(t, K);
      String m = "t=" + t + " " + p;
      assertTrue(p.bands() * p.rows() <= K, m);
      assertTrue(p.bands() * p.rows() >= 0.85 * K, m + " leaves much of the signature unused");
      assertTrue(Math.abs(p.knee() - t) <= 0.05, m + " knee " + p.knee());
      assertTrue(p.probability(t - 0.2) <= 0.1, m + " lets far pairs through");
      assertTrue(p.probability(Math.min(1.0, t + 0.1)) >= 0.85, m + " misses close pairs");
    }
    // Raising the threshold never lowers the knee.
    assertTrue(LshParams.forThreshold(0.9, K).knee() >= LshParams.forThreshold(0.8, K).knee());
    assertTrue(LshParams.forThreshold(0.8, K).knee() >= LshParams.forThreshold(0.5, K).knee());
  }

  @Test
  void optimalMinimizesTheWeightedAreasAmongAllChoices() {
    // Brute force with an independent integration (midpoint rule, fine grid).
    for (double t : new double[] {0.5, 0.8}) {
      for (double fp : new double[] {0.5, 0.2}) {
        double fn = 1 - fp;
        LshParams chosen = LshParams.optimal(t, 64, fp, fn);
        double best = cost(chosen, t, fp, fn);
        for (int b = 1; b <= 64; b++) {
          for (int r = 1; b * r <= 64; r++) {
            double c = cost(new LshParams(b, r), t, fp, fn);
            assertTrue(c >= best - 1e-6, chosen + " costs " + best + " but " + b + "x" + r + " costs " + c);
          }
        }
      }
    }
  }

  private static double cost(LshParams p, double t, double fp, double fn) {
    int steps = 4000;
    double a = 0;
    for (int i = 0; i < steps; i++) {
      double x = (i + 0.5) * t / steps;
      a += p.probability(x) * t / steps;
    }
    double b = 0;
    for (int i = 0; i < steps; i++) {
      double x = t + (i + 0.5) * (1 - t) / steps;
      b += (1 - p.probability(x)) * (1 - t) / steps;
    }
    return fp * a + fn * b;
  }

  @Test
  void weightsShiftTheCurve() {
    LshParams fnHeavy = LshParams.optimal(0.8, K, 0.1, 0.9);
    LshParams fpHeavy = LshParams.optimal(0.8, K, 0.9, 0.1);
    assertTrue(fnHeavy.knee() < fpHeavy.knee(), fnHeavy + " vs " + fpHeavy);
  }

  /**
   * The S-curve against simulation: over random set pairs of known Jaccard s, the share of pairs
   * whose signatures agree on at least one whole band matches probability(s) within four binomial
   * standard errors plus 0.02 (OPH's bins are not exactly independent).
   */
  @Test
  void sCurveMatchesSimulatedBandCollisions() {
    LshParams p = LshParams.forThreshold(0.8, K);
    int pairs = 400;
    for (MinHashScheme scheme : MinHashScheme.values()) {
      MinHasher h = MinHashSpec.defaults().withScheme(scheme).hasher();
      SplittableRandom r = new SplittableRandom(2024);
      for (double s : new double[] {0.5, 0.7, 0.8, 0.85, 0.9}) {
        int hits = 0;
        for (int i = 0; i < pairs; i++) {
          int union = 600;
          int inter = (int) Math.round(s * union);
          long[] a = new long[inter + (union - inter) / 2];
          long[] b = new long[inter + (union - inter) - (union - inter) / 2];
          for (int x = 0; x < inter; x++) {
            a[x] = b[x] = r.nextLong();
          }
          for (int x = inter; x < a.length; x++) {
            a[x] = r.nextLong();
          }
          for (int x = inter; x < b.length; x++) {
            b[x] = r.nextLong();
          }
          if (shareBand(h.signShingles(a, 0, a.length), h.signShingles(b, 0, b.length), p)) {
            hits++;
          }
        }
        double expected = p.probability(s);
        double rate = hits / (double) pairs;
        double tol = 4 * Math.sqrt(expected * (1 - expected) / pairs) + 0.02;
        assertEquals(expected, rate, tol, scheme + " s=" + s);
      }
    }
  }

  private static boolean shareBand(Signature a, Signature b, LshParams p) {
    for (int band = 0; band < p.bands(); band++) {
      boolean all = true;
      for (int i = band * p.rows(); i < (band + 1) * p.rows() && all; i++) {
        all = a.value(i) == b.value(i);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  @Test
  void badParametersNameTheValue() {
    for (double t : new double[] {0.0, 1.0, -0.5, 1.5, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> LshParams.forThreshold(t, K));
      assertTrue(e.getMessage().contains(String.valueOf(t)), e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LshParams.forThreshold(0.5, 0));
    assertTrue(e.getMessage().contains("0"));
    assertThrows(IllegalArgumentException.class, () -> LshParams.optimal(0.5, K, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> LshParams.optimal(0.5, K, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new LshParams(0, 4));
    assertThrows(IllegalArgumentException.class, () -> new LshParams(4, -2));
  }
}
