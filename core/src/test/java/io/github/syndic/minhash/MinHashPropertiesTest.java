package io.github.syndic.minhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of the estimators: over many random set pairs with a known true Jaccard
 * J, the mean absolute error of the estimate stays within {@link #TOLERANCE} times the theoretical
 * standard error sqrt(J(1-J)/k) of MinHash at k values (for an unbiased estimator with that
 * standard error the mean absolute error is about 0.8 of it, so the bound has room for noise but
 * not for a biased or degraded scheme).
 */
class MinHashPropertiesTest {
  /** The bound: mean absolute error ≤ 1.2 × theoretical standard error. */
  static final double TOLERANCE = 1.2;
  static final int K = 128;
  static final int PAIRS = 300;
  static final double[] JACCARDS = {0.1, 0.3, 0.5, 0.7, 0.9};

  /** Two random sets with |A ∪ B| = union and |A ∩ B| = round(j * union); returns [a, b]. */
  static long[][] pair(SplittableRandom r, int union, double j) {
    int inter = (int) Math.round(j * union);
    int onlyA = (union - inter) / 2;
    int onlyB = union - inter - onlyA;
    long[] a = new long[inter + onlyA];
    long[] b = new long[inter + onlyB];
    for (int i = 0; i < inter; i++) {
      a[i] = b[i] = r.nextLong();
    }
    for (int i = 0; i < onlyA; i++) {
      a[inter + i] = r.nextLong();
    }
    for (int i = 0; i < onlyB; i++) {
      b[inter + i] = r.nextLong();
    }
    return new long[][] {a, b};
  }

  static double trueJaccard(long[][] p) {
    int inter = 0;
    java.util.HashSet<Long> sa = new java.util.HashSet<>();
    for (long x : p[0]) {
      sa.add(x);
    }
    for (long x : p[1]) {
      if (sa.contains(x)) {
        inter++;
      }
    }
    return inter / (double) (p[0].length + p[1].length - inter);
  }

  /** Mean absolute Jaccard error of a scheme over PAIRS pairs at true Jaccard j. */
  static double meanAbsError(MinHashScheme scheme, double j, long seed) {
    MinHasher h = MinHashSpec.defaults().withScheme(scheme).withK(K).hasher();
    SplittableRandom r = new SplittableRandom(seed);
    double sum = 0;
    for (int i = 0; i < PAIRS; i++) {
      long[][] p = pair(r, 100 + r.nextInt(900), j);
      double truth = trueJaccard(p);
      Signature a = h.signShingles(p[0], 0, p[0].length);
      Signature b = h.signShingles(p[1], 0, p[1].length);
      sum += Math.abs(a.jaccard(b) - truth);
    }
    return sum / PAIRS;
  }

  static double standardError(double j, int k) {
    return Math.sqrt(j * (1 - j) / k);
  }

  @Test
  void classicJaccardErrorWithinTheoreticalBound() {
    for (double j : JACCARDS) {
      double mae = meanAbsError(MinHashScheme.CLASSIC_V1, j, 11);
      double bound = TOLERANCE * standardError(j, K);
      assertTrue(mae <= bound, "classic at J=" + j + ": MAE " + mae + " > " + bound);
    }
  }

  @Test
  void ophJaccardErrorWithinTheoreticalBoundAndNoWorseThanClassic() {
    for (double j : JACCARDS) {
      double oph = meanAbsError(MinHashScheme.OPH_DENSIFIED_V1, j, 11);
      double classic = meanAbsError(MinHashScheme.CLASSIC_V1, j, 11);
      double bound = TOLERANCE * standardError(j, K);
      assertTrue(oph <= bound, "OPH at J=" + j + ": MAE " + oph + " > " + bound);
      // Within noise: the MAE over 300 pairs has a relative standard error of about 4%, so allow
      // 15% (about 3.5 combined standard errors).
      assertTrue(oph <= classic * 1.15, "OPH MAE " + oph + " vs classic " + classic + " at J=" + j);
    }
  }

  @Test
  void ophOnSmallSetsStaysWithinBound() {
    // Sets smaller than k leave most bins empty: densification must still give an unbiased
    // estimate whose error is no worse than classic MinHash's.
    MinHasher oph = MinHashSpec.defaults().withK(K).hasher();
    MinHasher classic = MinHashSpec.defaults().withScheme(MinHashScheme.CLASSIC_V1).withK(K).hasher();
    SplittableRandom r = new SplittableRandom(5);
    double j = 0.5;
    double sumO = 0;
    double sumC = 0;
    double bias = 0;
    for (int i = 0; i < PAIRS; i++) {
      long[][] p = pair(r, 20 + r.nextInt(40), j);
      double truth = trueJaccard(p);
      double eo = oph.signShingles(p[0], 0, p[0].length).jaccard(oph.signShingles(p[1], 0, p[1].length));
      double ec = classic.signShingles(p[0], 0, p[0].length)
          .jaccard(classic.signShingles(p[1], 0, p[1].length));
      sumO += Math.abs(eo - truth);
      sumC += Math.abs(ec - truth);
      bias += eo - truth;
    }
    double bound = TOLERANCE * standardError(j, K);
    assertTrue(sumO / PAIRS <= bound, "OPH small-set MAE " + sumO / PAIRS + " > " + bound);
    assertTrue(sumO <= sumC * 1.15, "OPH " + sumO / PAIRS + " vs classic " + sumC / PAIRS);
    assertTrue(Math.abs(bias / PAIRS) < 0.02, "OPH small-set bias " + bias / PAIRS);
  }

  @Test
  void containmentErrorWithinPropagatedBound() {
    // A small set A mostly inside a larger B: C = |A∩B|/|A| is estimated from J and the exact set
    // sizes; its standard error is dC/dJ * sqrt(J(1-J)/k) with dC/dJ = (|A|+|B|) / (|A| (1+J)^2).
    for (MinHashScheme scheme : MinHashScheme.values()) {
      MinHasher h = MinHashSpec.defaults().withScheme(scheme).withK(K).hasher();
      for (double c : new double[] {0.3, 0.6, 0.9}) {
        SplittableRandom r = new SplittableRandom(99);
        double err = 0;
        double se = 0;
        for (int i = 0; i < PAIRS; i++) {
          int sizeA = 100 + r.nextInt(100);
          int sizeB = 2 * sizeA + r.nextInt(200);
          int inter = (int) Math.round(c * sizeA);
          long[] a = new long[sizeA];
          long[] b = new long[sizeB];
          for (int x = 0; x < inter; x++) {
            a[x] = b[x] = r.nextLong();
          }
          for (int x = inter; x < sizeA; x++) {
            a[x] = r.nextLong();
          }
          for (int x = inter; x < sizeB; x++) {
            b[x] = r.nextLong();
          }
          double truth = inter / (double) sizeA;
          double j = inter / (double) (sizeA + sizeB - inter);
          Signature sa = h.signShingles(a, 0, a.length);
          Signature sb = h.signShingles(b, 0, b.length);
          err += Math.abs(sa.containmentIn(sb) - truth);
          se += (sizeA + sizeB) / (sizeA * Math.pow(1 + j, 2)) * standardError(j, K);
        }
        double mae = err / PAIRS;
        double bound = TOLERANCE * se / PAIRS;
        assertTrue(mae <= bound, scheme + " containment at C=" + c + ": MAE " + mae + " > " + bound);
      }
    }
  }

  @Test
  void identicalSetsEstimateOneAndDisjointSetsNearZero() {
    for (MinHashScheme scheme : MinHashScheme.values()) {
      MinHasher h = MinHashSpec.defaults().withScheme(scheme).hasher();
      SplittableRandom r = new SplittableRandom(3);
      long[][] same = pair(r, 300, 1.0);
      assertEquals(1.0, h.signShingles(same[0], 0, 300).jaccard(h.signShingles(same[1], 0, 300)));
      long[][] disjoint = pair(r, 600, 0.0);
      assertTrue(h.signShingles(disjoint[0], 0, 300).jaccard(h.signShingles(disjoint[1], 0, 300)) < 0.05);
    }
  }

  @Test
  void repeatsAndOrderDoNotChangeTheSignature() {
    SplittableRandom r = new SplittableRandom(8);
    long[] x = new long[200];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextLong();
    }
    long[] shuffledWithRepeats = new long[400];
    for (int i = 0; i < 400; i++) {
      shuffledWithRepeats[i] = x[(i * 7919) % 200];
    }
    for (MinHashScheme scheme : MinHashScheme.values()) {
      MinHasher h = MinHashSpec.defaults().withScheme(scheme).hasher();
      Signature a = h.signShingles(x, 0, 200);
      Signature b = h.signShingles(shuffledWithRepeats, 0, 400);
      assertEquals(a, b, scheme.name());
      assertEquals(200, b.setSize());
    }
  }

  @Test
  void seedChangesTheSignatureAndEqualSpecsAgree() {
    long[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    for (MinHashScheme scheme : MinHashScheme.values()) {
      MinHashSpec spec = MinHashSpec.defaults().withScheme(scheme);
      assertEquals(spec.hasher().signShingles(x, 0, 10), spec.hasher().signShingles(x, 0, 10));
      assertNotEquals(
          java.util.Arrays.toString(spec.hasher().signShingles(x, 0, 10).values()),
          java.util.Arrays.toString(spec.withSeed(7).hasher().signShingles(x, 0, 10).values()));
    }
  }

  @Test
  void tinySetsAndLargeKStayFast() {
    // One or two shingles with the largest k: densification must terminate quickly.
    MinHasher h = MinHashSpec.defaults().withK(MinHashSpec.MAX_K).hasher();
    Signature one = h.signShingles(new long[] {42}, 0, 1);
    Signature two = h.signShingles(new long[] {42, 43}, 0, 2);
    assertEquals(1, one.setSize());
    assertEquals(2, two.setSize());
    for (int i = 1; i < one.k(); i++) {
      assertEquals(one.value(0), one.value(i)); // one element: every bin holds its value
    }
  }
}
