package org.ewb.logic.meta.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.logic.meta.TauMethod;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;

/**
 * Egger's regressions on studies whose standard errors are all equal have no slope to estimate:
 * they are refused with the reason instead of returning numbers (a slope SE of 8.6e6).
 */
class DegenerateBiasInputsTest {

  static final double[] YI = {0.1, 0.1, 0.1, 0.1, 0.1};
  static final double[] VI = {0.04, 0.04, 0.04, 0.04, 0.04};

  static void assertRefused(Runnable r, String method) {
    WorkbenchException e = assertThrows(WorkbenchException.class, r::run);
    assertEquals(WorkbenchException.Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains("standard errors"), e.getMessage());
  }

  @Test
  void eggerLmOnIdenticalStudiesIsRefused() {
    assertRefused(() -> EggerRegressionTest.withDefaults().test(YI, VI), "regtest (lm)");
  }

  @Test
  void eggerRmaOnEqualStandardErrorsIsRefused() {
    double[] yi = {0.1, 0.3, -0.2, 0.5, 0.0};
    assertRefused(
        () -> EggerRmaTest.of(RandomEffectsModel.of(TauMethod.REML)).test(yi, VI), "regtest (rma)");
  }

  @Test
  void trimAndFillCannotChooseASideWithoutASlope() {
    assertRefused(
        () -> TrimAndFill.of(RandomEffectsModel.of(TauMethod.DL)).run(YI, VI), "trimfill");
  }

  @Test
  void beggsTestOnIdenticalStudiesIsRefusedNotNaN() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class, () -> RankCorrelationTest.withDefaults().test(YI, VI));
    assertTrue(e.getMessage().contains("all the same"), e.getMessage());
  }

  @Test
  void standardErrorsThatVaryAreFitted() {
    double[] vi = {0.04, 0.05, 0.06, 0.07, 0.08};
    EggerRegressionTest.Result r = EggerRegressionTest.withDefaults().test(YI, vi);
    assertEquals(0, r.slope(), 1e-9);
  }
}
