package org.ewb.logic.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tick choices of {@link Axis}. */
class AxisTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        // need (ratio); want (ratio); expected ticks
        "1.5; 1.8; 0.5 0.7 1 1.5 2",
        "4; 4.5; 0.2 0.5 1 2 5",
        "4; 30; 0.1 0.2 0.5 1 2 5 10",
        "50; 60; 0.01 0.1 1 10 100",
      })
  void logAxesUseOneTwoFiveTicks(double need, double want, String expected) {
    Axis.Ticks t = Axis.symmetric(true, 0, Math.log(need), Math.log(want));
    assertEquals(expected, labels(t, true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "0.8; 0.9; -1 -0.5 0 0.5 1",
        "3.3; 3.5; -4 -2 0 2 4",
        "7; 9; -10 -5 0 5 10",
      })
  void linearAxesAreSymmetricWithNiceSteps(double need, double want, String expected) {
    assertEquals(expected, labels(Axis.symmetric(false, 0, need, want), false));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "0; 0.73; 0 0.2 0.4 0.6 0.8",
        "5.2; 9.4; 5 6 7 8 9 10",
      })
  void rangesCoverTheDataWithNiceSteps(double lo, double hi, String expected) {
    assertEquals(expected, labels(Axis.range(lo, hi, 5), false));
  }

  private static String labels(Axis.Ticks t, boolean exp) {
    List<Double> v = t.values();
    return v.stream().map(x -> Axis.label(exp ? Math.exp(x) : x)).collect(Collectors.joining(" "));
  }
}
