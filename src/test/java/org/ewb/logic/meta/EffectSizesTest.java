package org.ewb.logic.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ewb.logic.meta.StudyData.ContinuousArms;
import org.ewb.logic.meta.StudyData.TwoByTwo;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;

/** Effect sizes beyond the metafor golden cases: exact J, zero cells, bad input messages. */
class EffectSizesTest {

  @Test
  void hedgesCorrectionIsTheExactGammaRatio() {
    // Hedges (1981), Table 2: J(10) = 0.9228; exact value Gamma(5) / (sqrt(5) Gamma(4.5))
    assertEquals(0.9227456080530858, EffectSizes.hedgesJ(10), 1e-14);
    // differs from the approximation 1 - 3/(4m - 1) = 0.923077 in the 4th decimal
    assertTrue(Math.abs(EffectSizes.hedgesJ(10) - (1 - 3.0 / 39)) > 3e-4);
  }

  @Test
  void zeroCellTableGetsHalfAddedToAllCellsAndDoubleZeroIsKept() {
    List<EffectSize> es =
        EffectSizes.compute(
            Measure.OR,
            List.of(
                TwoByTwo.ofCells("single", 0, 10, 3, 7), TwoByTwo.ofCells("double", 0, 10, 0, 12)));
    assertTrue(es.get(0).ccAdded());
    assertEquals(Math.log(0.5 * 7.5 / (10.5 * 3.5)), es.get(0).yi(), 1e-15);
    assertEquals(1 / 0.5 + 1 / 10.5 + 1 / 3.5 + 1 / 7.5, es.get(0).vi(), 1e-15);
    assertTrue(es.get(1).included());
    assertTrue(es.get(1).doubleZero());
  }

  @Test
  void drop00RemovesDoubleZeroStudiesAndAddZeroLeavesInfiniteEffectsOut() {
    TwoByTwo dz = TwoByTwo.ofCells("double", 0, 10, 0, 12);
    TwoByTwo sz = TwoByTwo.ofCells("single", 0, 10, 3, 7);
    assertFalse(EffectSizes.compute(Measure.RR, dz, new EffectSizeOptions(0.5, true)).included());
    EffectSize noCc = EffectSizes.compute(Measure.RR, sz, new EffectSizeOptions(0, false));
    assertFalse(noCc.included());
    assertTrue(Double.isNaN(noCc.yi()));
    // RD stays finite without correction
    assertTrue(EffectSizes.compute(Measure.RD, sz, new EffectSizeOptions(0, false)).included());
  }

  @Test
  void eventsAboveTotalIsAnErrorNamingTheStudyAndTheValues() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> EffectSizes.compute(Measure.RR, List.of(new TwoByTwo("Hu 2013", 12, 10, 3, 10))));
    assertEquals(WorkbenchException.Kind.DATA, e.kind());
    assertEquals("Study 'Hu 2013': events_e = 12 exceeds total_e = 10", e.getMessage());
  }

  @Test
  void nonPositiveSdAndTooSmallNAreErrorsNamingStudyAndField() {
    WorkbenchException sd =
        assertThrows(
            WorkbenchException.class,
            () ->
                EffectSizes.compute(
                    Measure.SMD, List.of(new ContinuousArms("Li 2020", 5, 1, 20, 4, -1, 20))));
    assertEquals("Study 'Li 2020': sd_c = -1 must be > 0", sd.getMessage());
    WorkbenchException n =
        assertThrows(
            WorkbenchException.class,
            () ->
                EffectSizes.compute(
                    Measure.MD, List.of(new ContinuousArms("Li 2020", 5, 1, 1, 4, 1, 20))));
    assertEquals("Study 'Li 2020': n_e = 1 must be at least 2", n.getMessage());
  }

  @Test
  void negativeAndNonFiniteCountsAreErrors() {
    assertThrows(
        WorkbenchException.class,
        () -> EffectSizes.compute(Measure.OR, List.of(new TwoByTwo("A", -1, 10, 3, 10))));
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () ->
                EffectSizes.compute(Measure.OR, List.of(new TwoByTwo("A", Double.NaN, 10, 3, 10))));
    assertTrue(e.getMessage().contains("events_e"), e.getMessage());
  }

  @Test
  void measureThatDoesNotFitTheDataIsAUsageError() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> EffectSizes.compute(Measure.MD, List.of(new TwoByTwo("A", 1, 10, 3, 10))));
    assertEquals(WorkbenchException.Kind.USAGE, e.kind());
  }
}
