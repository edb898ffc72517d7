package org.ewb.logic.meta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.logic.meta.TauMethod;
import org.junit.jupiter.api.Test;

/** Leave-one-out and cumulative analyses refit the model to the right subsets. */
class SensitivityTest {

  private static final double[] YI = {0.1, 0.3, -0.2, 0.5};
  private static final double[] VI = {0.02, 0.03, 0.05, 0.04};
  private static final List<String> STUDIES = List.of("A", "B", "C", "D");
  private static final RandomEffectsModel REML = RandomEffectsModel.of(TauMethod.REML);

  @Test
  void leaveOneOutRowIEqualsTheFitWithoutStudyI() {
    List<SensitivityRow> rows = LeaveOneOut.run(REML, YI, VI, STUDIES);
    assertEquals(4, rows.size());
    MetaResult withoutC = REML.fit(new double[] {0.1, 0.3, 0.5}, new double[] {0.02, 0.03, 0.04});
    assertEquals("C", rows.get(2).study());
    assertEquals(3, rows.get(2).row());
    assertEquals(withoutC.estimate(), rows.get(2).fit().estimate(), 1e-15);
    assertEquals(withoutC.tau2(), rows.get(2).fit().tau2(), 1e-15);
  }

  @Test
  void cumulativeStartsWithOneStudyAndEndsWithAll() {
    List<SensitivityRow> rows = CumulativeMetaAnalysis.run(REML, YI, VI, STUDIES);
    PooledSummary first = rows.get(0).fit();
    assertEquals(0.1, first.estimate(), 1e-15);
    assertEquals(0.0, first.tau2());
    assertEquals(0.0, first.qe());
    assertEquals(0.0, first.i2());
    assertEquals(1.0, first.h2());
    assertEquals(REML.fit(YI, VI).estimate(), rows.get(3).fit().estimate(), 1e-15);
    assertFalse(rows.get(3).failed());
  }

  @Test
  void aRefitThatFailsBecomesARowWithTheReason() {
    // one iteration cannot converge on heterogeneous data
    RandomEffectsModel oneStep = REML.withMaxIterations(1);
    List<SensitivityRow> rows = LeaveOneOut.run(oneStep, YI, VI, STUDIES);
    assertTrue(rows.stream().anyMatch(SensitivityRow::failed));
    SensitivityRow failed = rows.stream().filter(SensitivityRow::failed).findFirst().orElseThrow();
    assertTrue(failed.failure().contains("REML"), failed.failure());
  }

  @Test
  void rowsHaveEitherAFitOrAFailure() {
    assertThrows(IllegalArgumentException.class, () -> new SensitivityRow(1, "A", null, ""));
  }
}
