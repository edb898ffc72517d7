package org.ewb.logic.meta.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ewb.logic.meta.conversion.Conversions.CiBasis;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conversions checked against the worked examples and tables of their sources. Where a source gives
 * no numeric example, the expected value was computed independently with SciPy 1.17 ({@code
 * scipy.stats.norm.ppf}) from the equation cited, and the test says so.
 */
class ConversionsTest {

  private static final Conversions C = Conversions.at("Study 'Test 2020', outcome X, control");

  @Test
  void sdFromSeMultipliesByRootN() {
    // Handbook 6.5.2.2: SD = SE x sqrt(N); SE 2 with N = 25 gives SD 10.
    DerivedStatistics d = C.sdFromSe(2.0, 25);
    assertEquals(10.0, d.sdValue(), 1e-12);
    assertTrue(d.mean().isEmpty());
    assertEquals("SD from SE (Cochrane Handbook 6.5.2.2)", d.method());
    assertEquals(2.0, d.inputs().get("se"));
    assertEquals(25.0, d.inputs().get("n"));
  }

  @Test
  void smallSampleCiUsesTWithHandbookDivisor() {
    // Handbook 6.5.2.2: for N = 25, t(0.975, 24) = 2.0639 and the divisor 3.92 becomes
    // 2 x 2.0639 = 4.128. A CI 4.128 wide with N = 25 therefore gives SD = 5 (to the Handbook's
    // four digits).
    DerivedStatistics d = C.sdFromCi(10.0, 14.128, 25, CiBasis.AUTO);
    assertEquals(2.0639, d.inputs().get("critical_value"), 5e-5);
    // The Handbook rounds the divisor to 4.128 (3 decimals), hence the tolerance.
    assertEquals(5.0, d.sdValue(), 5.0 * 0.0005 / 4.128);
    assertEquals("sd-from-ci-t", d.methodId());
  }

  @Test
  void largeSampleCiUsesNormalDivisor392() {
    // Handbook 6.5.2.2: with large samples the 95% CI is 3.92 SE wide: SD = sqrt(N) (U - L) / 3.92.
    DerivedStatistics d = C.sdFromCi(0.0, 3.92, 400, CiBasis.AUTO);
    assertEquals("sd-from-ci-normal", d.methodId());
    assertEquals(20.0, d.sdValue(), 20.0 * 0.005 / 3.92);
    assertEquals(1.959963984540054, d.inputs().get("critical_value"), 1e-12);
  }

  @Test
  void ciBasisCanBeForced() {
    double t = C.sdFromCi(0, 1, 400, CiBasis.T).sdValue();
    double z = C.sdFromCi(0, 1, 400, CiBasis.NORMAL).sdValue();
    assertTrue(t < z, "a t critical value is larger, so the SD is smaller");
  }

  @Test
  void changeSdReproducesHandbookCrossOverExample() {
    // Handbook 5.1, section 16.4.6.4: SD_E = 2.38, SD_C = 2.21, imputed Corr = 0.68, n = 10;
    // the Handbook gives SE = SD_diff / sqrt(10) = 0.583 (3 decimals).
    DerivedStatistics d = C.changeSdFromCorrelation(2.38, 2.21, 0.68);
    assertEquals(0.583, d.sdValue() / Math.sqrt(10), 0.0005);
    assertEquals(1.842599251058135, d.sdValue(), 1e-12); // exact value of the formula
  }

  @Test
  void correlationFromSdsInvertsTheChangeFormula() {
    // Handbook 6.5.2.8: Corr = (SD_b^2 + SD_f^2 - SD_change^2) / (2 SD_b SD_f).
    double sdChange = C.changeSdFromCorrelation(6.4, 7.1, 0.78).sdValue();
    assertEquals(0.78, C.correlationFromSds(6.4, 7.1, sdChange), 1e-12);
  }

  @Test
  void inconsistentSdsAreRejected() {
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> C.correlationFromSds(1, 1, 3));
    assertTrue(e.getMessage().contains("Test 2020"), e.getMessage());
  }

  /** Wan 2014 Table 1 (exact xi(n) = 2 E(Z_(n)) for n <= 50) against the closed form of eq. 9. */
  @ParameterizedTest
  @CsvSource({
    "2, 1.128, 0.046",
    "3, 1.693, 0.028",
    "5, 2.326, 0.015",
    "10, 3.078, 0.005",
    "20, 3.735, 0.005",
    "30, 4.086, 0.005",
    "50, 4.498, 0.005"
  })
  void xiApproximatesWanTable1(int n, double table, double relTol) {
    assertEquals(table, Conversions.xi(n), table * relTol);
  }

  /** Wan 2014 Table 2 (exact eta(n) for n = 4Q + 1) against the closed form of eq. 16. */
  @ParameterizedTest
  @CsvSource({"5, 0.990", "9, 1.144", "13, 1.206", "21, 1.260", "41, 1.303"})
  void etaApproximatesWanTable2(int n, double table) {
    assertEquals(table, Conversions.eta(n), table * 0.005);
  }

  @Test
  void medianRangeUsesLuoMeanAndWanSd() {
    // n = 30, min 2, median 5, max 12. Luo 2018 eq. 7: w = 4/(4 + 30^0.75);
    // Wan 2014 eq. 9: xi(30) = 2 qnorm(29.625/30.25) = 4.080562644020821 (SciPy).
    DerivedStatistics d = C.fromMedianRange(2, 5, 12, 30);
    assertEquals(5.475663560111467, d.meanValue(), 1e-12);
    assertEquals(2.4506424413439234, d.sdValue(), 1e-12);
  }

  @Test
  void medianIqrUsesLuoMeanAndWanSd() {
    // n = 30, q1 4, median 5, q3 7. Luo 2018 eq. 15; Wan 2014 eq. 16:
    // eta(30) = 2 qnorm(22.375/30.25) = 1.2846531678715003 (SciPy).
    DerivedStatistics d = C.fromMedianIqr(4, 5, 7, 30);
    assertEquals((0.7 + 0.39 / 30) * 5.5 + (0.3 - 0.39 / 30) * 5, d.meanValue(), 1e-12);
    assertEquals(5.3565, d.meanValue(), 1e-12);
    assertEquals(2.3352606563611262, d.sdValue(), 1e-12);
  }

  @Test
  void fiveNumberSummaryUsesLuoMeanAndWanSd() {
    // n = 30, (2, 4, 5, 7, 12). Luo 2018 eq. 11; Wan 2014 eq. 13 with eqs. 9 and 16 (SciPy).
    DerivedStatistics d = C.fromMedianIqrRange(2, 4, 5, 7, 12, 30);
    assertEquals(5.587521861253161, d.meanValue(), 1e-12);
    assertEquals(2.392951548852525, d.sdValue(), 1e-12);
  }

  @Test
  void symmetricSummariesGiveTheMedianAsMean() {
    // For symmetric summaries every Luo estimator returns the median whatever its weights.
    assertEquals(10.0, C.fromMedianRange(4, 10, 16, 17).meanValue(), 1e-12);
    assertEquals(10.0, C.fromMedianIqr(8, 10, 12, 17).meanValue(), 1e-12);
    assertEquals(10.0, C.fromMedianIqrRange(4, 8, 10, 12, 16, 17).meanValue(), 1e-12);
  }

  @Test
  void percentChangeOfTheMeanGivesMeanChange() {
    DerivedStatistics d = C.meanChangeFromPercent(80, -12.5);
    assertEquals(-10.0, d.meanValue(), 1e-12);
    assertTrue(d.sd().isEmpty());
  }

  @Test
  void badInputsNameTheProblem() {
    assertMessage(() -> C.sdFromSe(-1, 10), "must not be negative");
    assertMessage(() -> C.sdFromSe(1, 1), "n = 1");
    assertMessage(() -> C.sdFromCi(5, 4, 10, CiBasis.AUTO), "must be greater than");
    assertMessage(() -> C.fromMedianIqr(6, 5, 7, 20), "first quartile = 6.0 must not exceed");
    assertMessage(() -> C.fromMedianRange(1, 5, 3, 20), "median = 5.0 must not exceed maximum");
    assertMessage(() -> C.fromMedianIqr(5, 5, 5, 20), "no width");
    assertMessage(() -> C.changeSdFromCorrelation(1, 2, 1.5), "between -1 and 1");
    assertMessage(() -> C.changeSdFromCorrelation(0, 2, 0.5), "baseline SD = 0.0 must be > 0");
    assertMessage(() -> C.sdFromSe(Double.NaN, 10), "not a number");
  }

  private static void assertMessage(
      org.junit.jupiter.api.function.Executable call, String fragment) {
    WorkbenchException e = assertThrows(WorkbenchException.class, call);
    assertEquals(WorkbenchException.Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().startsWith("Study 'Test 2020'"), e.getMessage());
  }
}
