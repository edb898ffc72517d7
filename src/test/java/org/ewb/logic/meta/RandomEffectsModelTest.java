package org.ewb.logic.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Degenerate cases and defining equations of the estimators (golden values: MetaforReferenceTest).
 */
class RandomEffectsModelTest {

  @ParameterizedTest
  @EnumSource(TauMethod.class)
  void oneStudyIsFittedAsCommonEffectWithNoHeterogeneity(TauMethod m) {
    MetaResult r =
        RandomEffectsModel.of(m)
            .withTest(TestType.KNHA)
            .fit(new double[] {0.3}, new double[] {0.04});
    assertEquals(0.3, r.estimate(), 1e-15);
    assertEquals(0.2, r.se(), 1e-15);
    assertEquals(0, r.tau2());
    assertEquals(0, r.qe());
    assertEquals(1, r.qep());
    assertEquals(0, r.i2());
    assertEquals(1, r.h2());
    assertEquals(TestType.Z, r.test());
  }

  @Test
  void pauleMandelSolvesItsEstimatingEquation() {
    double[] y = {0.1, 0.5, -0.2, 0.9, 0.4, 0.0};
    double[] v = {0.04, 0.02, 0.05, 0.03, 0.01, 0.02};
    MetaResult r = RandomEffectsModel.of(TauMethod.PM).fit(y, v);
    assertTrue(r.tau2() > 0);
    double q = RandomEffectsModel.generalizedQ(y, v, DesignMatrix.intercept(6).raw(), r.tau2());
    assertEquals(5, q, 1e-12);
    // EB has the same fixed point
    assertEquals(r.tau2(), RandomEffectsModel.of(TauMethod.EB).fit(y, v).tau2(), 1e-11);
  }

  @Test
  void remlScoreIsZeroAtTheEstimate() {
    double[] y = {0.1, 0.5, -0.2, 0.9, 0.4, 0.0};
    double[] v = {0.04, 0.02, 0.05, 0.03, 0.01, 0.02};
    MetaResult r = RandomEffectsModel.of(TauMethod.REML).fit(y, v);
    Wls f = new Wls(y, DesignMatrix.intercept(6).raw(), RandomEffectsModel.weights(v, r.tau2()));
    // the score relative to its terms' size is at rounding level
    assertEquals(0, (f.yPPy() - f.traceP()) / f.traceP(), 1e-13);
  }

  @Test
  void homogeneousStudiesGiveTau2ZeroForEveryTruncatedEstimator() {
    double[] y = {0.2, 0.2001, 0.1999, 0.2};
    double[] v = {0.1, 0.2, 0.1, 0.3};
    for (TauMethod m : TauMethod.values()) {
      if (m == TauMethod.SJ) {
        // SJ = tau0 * Q(tau0)/(k-1) with tau0 > 0 is positive by construction
        assertTrue(RandomEffectsModel.of(m).fit(y, v).tau2() > 0);
        continue;
      }
      assertEquals(0, RandomEffectsModel.of(m).fit(y, v).tau2(), 0, m.name());
    }
  }

  @Test
  void constantModeratorIsAnErrorNotANumber() {
    double[] y = {0.1, 0.5, -0.2};
    double[] v = {0.04, 0.02, 0.05};
    DesignMatrix x = DesignMatrix.interceptAnd("dose", new double[] {2, 2, 2});
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class, () -> RandomEffectsModel.of(TauMethod.REML).fit(y, v, x));
    assertEquals(WorkbenchException.Kind.DATA, e.kind());
  }

  @Test
  void nonPositiveVarianceIsRejected() {
    assertThrows(
        WorkbenchException.class,
        () -> RandomEffectsModel.of(TauMethod.DL).fit(new double[] {1, 2}, new double[] {0.1, 0}));
  }

  @Test
  void largeKFitsWithoutKbyKMatrices() {
    Random rnd = new Random(42);
    int k = 200_000;
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = 0.01 + 0.1 * rnd.nextDouble();
      y[i] = 0.3 + Math.sqrt(0.05) * rnd.nextGaussian() + Math.sqrt(v[i]) * rnd.nextGaussian();
    }
    MetaResult r = RandomEffectsModel.of(TauMethod.REML).fit(y, v);
    assertEquals(0.3, r.estimate(), 0.01);
    assertEquals(0.05, r.tau2(), 0.005);
  }

  @Test
  void effectSizesNotIncludedAreLeftOut() {
    List<EffectSize> es =
        EffectSizes.compute(
            Measure.RR,
            List.of(
                StudyData.TwoByTwo.ofCells("a", 4, 119, 11, 128),
                StudyData.TwoByTwo.ofCells("b", 0, 10, 0, 10),
                StudyData.TwoByTwo.ofCells("c", 6, 300, 29, 274)),
            new EffectSizeOptions(0.5, true));
    assertEquals(2, RandomEffectsModel.of(TauMethod.DL).fit(es).k());
  }

  @Test
  void blockwiseLogSumEqualsPlainSum() {
    Random rnd = new Random(7);
    double[] v = new double[10_001];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.exp(40 * rnd.nextDouble() - 20);
    }
    double plain = 0;
    for (double x : v) {
      plain += Math.log(x + 0.3);
    }
    assertEquals(plain, RandomEffectsModel.sumLogShifted(v, 0.3), 1e-12 * Math.abs(plain));
    assertEquals(
        Math.log(1e-310), RandomEffectsModel.sumLogShifted(new double[] {1e-310}, 0), 1e-9);
  }
}
