package org.ewb.logic.meta.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.logic.meta.TauMethod;
import org.junit.jupiter.api.Test;

/**
 * The classical and rma forms of Egger's test on data that lie exactly on a line: the slope and
 * intercept are recovered and the classical test's residual scale is 0-free (golden values for real
 * data are in the metafor reference test).
 */
class EggerRegressionTestTest {

  private static final double[] VI = {0.01, 0.04, 0.09, 0.16, 0.25};

  @Test
  void classicalTestRecoversAnExactLine() {
    double[] yi = new double[VI.length];
    double[] noise = {0.001, -0.002, 0.0015, -0.001, 0.0005};
    for (int i = 0; i < VI.length; i++) {
      yi[i] = 0.2 + 1.5 * Math.sqrt(VI[i]) + noise[i];
    }
    EggerRegressionTest.Result r = EggerRegressionTest.withDefaults().test(yi, VI);
    assertEquals(0.2, r.limitEstimate(), 0.01);
    assertEquals(1.5, r.slope(), 0.02);
    assertEquals(3, r.df());
  }

  @Test
  void eeFormEqualsClassicalEstimatesWithUnitScale() {
    // Both forms fit the same weighted regression; the EE form fixes the residual scale at 1, so
    // its slope SE is the classical SE divided by the residual scale.
    double[] yi = {0.1, 0.5, 0.2, 0.9, 0.4};
    EggerRegressionTest.Result lm = EggerRegressionTest.withDefaults().test(yi, VI);
    EggerRmaTest.Result ee = EggerRmaTest.of(RandomEffectsModel.of(TauMethod.EE)).test(yi, VI);
    assertEquals(lm.slope(), ee.slope(), 1e-12);
    assertEquals(lm.limitEstimate(), ee.limitEstimate(), 1e-12);
    assertEquals(lm.slopeSe() / lm.residualScale(), ee.slopeSe(), 1e-12);
    assertEquals(0.0, ee.tau2());
  }
}
