package org.ewb.logic.meta.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KendallTauTest {

  @Test
  void exactPValueMatchesHollanderWolfeExample() {
    // Hollander & Wolfe (1973), p. 187, the example of R's ?cor.test: T = 26, tau = 0.4444444,
    // exact p-value = 0.1194 (R prints 0.1194; SciPy kendalltau(method="exact") gives
    // 0.11943893298059964).
    double[] x = {44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1};
    double[] y = {2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8};
    KendallTau.Result r = KendallTau.test(x, y);
    assertTrue(r.exact());
    assertEquals(4.0 / 9, r.tau(), 1e-15);
    assertEquals(0.11943893298059964, r.pval(), 1e-14);
  }

  @Test
  void tiesUseTieCorrectedNormalApproximation() {
    // Expected from SciPy 1.17 kendalltau(method="asymptotic"): tau-b and the tie-corrected
    // variance of S without continuity correction, as R's cor.test.
    double[] x = {1, 2, 2, 3, 4, 5, 5, 5, 6, 7};
    double[] y = {2, 1, 3, 3, 5, 4, 6, 8, 7, 7};
    KendallTau.Result r = KendallTau.test(x, y);
    assertFalse(r.exact());
    assertEquals(0.7383045377557884, r.tau(), 1e-14);
    assertEquals(0.004404737164206103, r.pval(), 1e-14);
  }

  @Test
  void exactDistributionSumsToOneAndIsSymmetric() {
    int n = 12;
    long total = n * (n - 1L) / 2;
    assertEquals(1.0, KendallTau.lowerTail(total, n), 1e-14);
    for (long q = 0; q < total; q++) {
      assertEquals(1 - KendallTau.lowerTail(q, n), KendallTau.lowerTail(total - q - 1, n), 1e-14);
    }
  }

  @Test
  void largeSamplesUseTheNormalApproximation() {
    int n = KendallTau.EXACT_MAX_N + 1;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = (i * 7919L) % n; // a permutation: no ties
    }
    assertFalse(KendallTau.test(x, y).exact());
  }

  /** Knight's O(n log n) count equals the pair-by-pair definition, ties of every kind included. */
  @Test
  void knightsCountEqualsThePairwiseCountWithAndWithoutTies() {
    java.util.Random r = new java.util.Random(92);
    for (int trial = 0; trial < 400; trial++) {
      int n = 2 + r.nextInt(trial < 200 ? 12 : 300);
      int levels = 1 + r.nextInt(trial % 4 == 0 ? 3 : 50); // few levels: many ties
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = trial % 3 == 0 ? r.nextGaussian() : r.nextInt(levels) - levels / 2;
        y[i] = trial % 5 == 0 ? r.nextGaussian() : r.nextInt(levels) - levels / 2;
        if (r.nextInt(20) == 0) {
          x[i] = -0.0; // tied with 0.0, as R and signum say
        }
      }
      assertEquals(
          KendallTau.concordancePairwise(x, y),
          KendallTau.concordanceKnight(x, y),
          "trial " + trial + ", n = " + n);
    }
  }

  @Test
  void aHundredThousandStudiesTakeMillisecondsNotAMinute() {
    int n = 100_000;
    double[] x = new double[n];
    double[] y = new double[n];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
      y[i] = x[i] + r.nextGaussian();
    }
    KendallTau.Result res = KendallTau.test(x, y);
    // x and y correlate with rho = 1/sqrt(2): tau = (2/pi) asin(rho) = 0.5
    assertEquals(0.5, res.tau(), 0.01);
    assertFalse(res.exact());
  }
}
