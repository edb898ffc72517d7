package org.ewb.logic.meta.bias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.logic.meta.TauMethod;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of trim and fill beyond the metafor golden cases (which check k0, se(k0), side, the
 * filled studies and the refit on five datasets).
 */
class TrimAndFillTest {

  private static final TrimAndFill EE = TrimAndFill.of(RandomEffectsModel.of(TauMethod.EE));

  @Test
  void symmetricFunnelNeedsNoFilling() {
    double[] yi = {-0.4, -0.2, 0.0, 0.2, 0.4, -0.1, 0.1};
    double[] vi = {0.04, 0.02, 0.01, 0.02, 0.04, 0.015, 0.015};
    TrimAndFill.Result r = EE.run(yi, vi);
    assertEquals(0, r.k0());
    assertTrue(r.filled().isEmpty());
    assertEquals(yi.length, r.kTotal());
    assertEquals(0.0, r.fit().estimate(), 1e-12);
  }

  @Test
  void filledStudiesMirrorTheMostExtremeStudiesAboutTheTrimmedEstimate() {
    // small studies only on the right: studies are missing on the left
    double[] yi = {0.0, 0.05, -0.05, 0.5, 0.7, 0.9, 0.6};
    double[] vi = {0.001, 0.002, 0.002, 0.05, 0.08, 0.1, 0.06};
    TrimAndFill.Result r = EE.run(yi, vi, TrimAndFill.Side.LEFT);
    assertTrue(r.k0() > 0, "k0 = " + r.k0());
    assertEquals(yi.length + r.k0(), r.kTotal());
    assertEquals(r.kTotal(), r.fit().k());
    double observed = RandomEffectsModel.of(TauMethod.EE).fit(yi, vi).estimate();
    assertTrue(r.fit().estimate() < observed, "filling on the left lowers the estimate");
    for (TrimAndFill.FilledStudy f : r.filled()) {
      assertTrue(f.yi() < 0.0, "filled on the left: " + f);
    }
  }

  @Test
  void rightSideIsTheMirrorImageOfLeftSide() {
    double[] yi = {0.0, 0.05, -0.05, 0.5, 0.7, 0.9, 0.6};
    double[] vi = {0.001, 0.002, 0.002, 0.05, 0.08, 0.1, 0.06};
    double[] neg = new double[yi.length];
    for (int i = 0; i < yi.length; i++) {
      neg[i] = -yi[i];
    }
    TrimAndFill.Result left = EE.run(yi, vi, TrimAndFill.Side.LEFT);
    TrimAndFill.Result right = EE.run(neg, vi, TrimAndFill.Side.RIGHT);
    assertEquals(left.k0(), right.k0());
    assertEquals(left.seK0(), right.seK0(), 1e-12);
    assertEquals(-left.fit().estimate(), right.fit().estimate(), 1e-12);
  }

  @Test
  void ranksBreakTiesByPosition() {
    assertArrayEquals(new int[] {2, 1, 3, 4}, TrimAndFill.ranksFirst(new double[] {-1, 0.5, 1, 2}));
  }

  @Test
  void tooFewStudiesAreRejected() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class, () -> EE.run(new double[] {1, 2}, new double[] {1, 1}));
    assertTrue(e.getMessage().contains("trimfill"), e.getMessage());
  }

  @Test
  void nonPositiveVarianceNamesTheStudy() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class, () -> EE.run(new double[] {1, 2, 3}, new double[] {1, 0, 1}));
    assertTrue(e.getMessage().contains("study 2"), e.getMessage());
  }
}
