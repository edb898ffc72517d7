package org.ewb.logic.meta.conversion;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.ewb.model.WorkbenchException;

/**
 * Converts what a paper reported into the mean and SD a meta-analysis needs (Cochrane Handbook for
 * Systematic Reviews of Interventions, version 6.4, chapter 6.5.2; median-based estimators of Wan
 * et al. 2014 and Luo et al. 2018). Each method returns a {@link DerivedStatistics} that names the
 * method and its inputs, so the value can be shown as derived.
 *
 * <p>An instance is immutable and carries the place being converted ("Study 'Hu 2013', HbA1c,
 * control") so that an error message names it; {@link #at(String)} makes one.
 *
 * <p>References:
 *
 * <ul>
 *   <li>Higgins JPT, Li T, Deeks JJ (eds). Chapter 6: Choosing effect measures and computing
 *       estimates of effect. Cochrane Handbook v6.4, 2023, sections 6.5.2.2 and 6.5.2.8.
 *   <li>Wan X, Wang W, Liu J, Tong T. Estimating the sample mean and standard deviation from the
 *       sample size, median, range and/or interquartile range. BMC Med Res Methodol 2014;14:135.
 *       doi:10.1186/1471-2288-14-135
 *   <li>Luo D, Wan X, Liu J, Tong T. Optimally estimating the sample mean from the sample size,
 *       median, mid-range, and/or mid-quartile range. Stat Methods Med Res 2018;27(6):1785-1805.
 *       doi:10.1177/0962280216669183
 * </ul>
 */
public final class Conversions {

  /**
   * Largest group size for which {@link CiBasis#AUTO} assumes a t-based interval (see ADR 0040).
   */
  public static final int AUTO_T_MAX_N = 100;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** Which distribution the reported confidence interval of a mean was based on. */
  public enum CiBasis {
    /** Student t with n - 1 degrees of freedom (small samples). */
    T,
    /** Standard normal (large samples: the 95% interval is 3.92 standard errors wide). */
    NORMAL,
    /**
     * t for n &le; {@value Conversions#AUTO_T_MAX_N}, normal above (Handbook 6.5.2.2: t below 60,
     * either from 60 to 100, normal above 100).
     */
    AUTO
  }

  private final String place;

  private Conversions(String place) {
    this.place = place == null ? "" : place;
  }

  /** Conversions whose error messages name {@code place} (may be empty). */
  public static Conversions at(String place) {
    return new Conversions(place);
  }

  /**
   * SD of a group from the standard error of its mean: SD = SE &middot; &radic;n (Handbook
   * 6.5.2.2).
   */
  public DerivedStatistics sdFromSe(double se, int n) {
    finite("SE", se);
    if (se < 0) {
      throw bad(lang("conversion.error.negative", "SE", s(se)));
    }
    checkN(n);
    return new DerivedStatistics(
        "sd-from-se",
        "SD from SE (Cochrane Handbook 6.5.2.2)",
        OptionalDouble.empty(),
        OptionalDouble.of(se * Math.sqrt(n)),
        inputs("se", se, "n", n));
  }

  /**
   * SD from a 95% confidence interval of a group mean; see {@link #sdFromCi(double, double, int,
   * double, CiBasis)}.
   */
  public DerivedStatistics sdFromCi(double lower, double upper, int n, CiBasis basis) {
    return sdFromCi(lower, upper, n, 0.95, basis);
  }

  /**
   * SD of a group from a confidence interval of its mean (Handbook 6.5.2.2): SD = &radic;n (U - L)
   * / (2 c), with c = t<sub>(1+level)/2, n-1</sub> for a t-based interval and c =
   * &Phi;<sup>-1</sup>((1+level)/2) for a normal one (3.92 = 2 &times; 1.96 for 95%). The interval
   * must be symmetric about the mean; the mean itself is not changed.
   *
   * @param level confidence level, e.g. 0.95
   */
  public DerivedStatistics sdFromCi(
      double lower, double upper, int n, double level, CiBasis basis) {
    finite("lower CI limit", lower);
    finite("upper CI limit", upper);
    if (!(upper > lower)) {
      throw bad(lang("conversion.error.ciOrder", s(lower), s(upper)));
    }
    if (!(level > 0 && level < 1)) {
      throw bad(lang("conversion.error.level", s(level)));
    }
    checkN(n);
    boolean useT = basis == CiBasis.T || (basis == CiBasis.AUTO && n <= AUTO_T_MAX_N);
    double p = (1 + level) / 2;
    double crit =
        useT
            ? TDistribution.of(n - 1).inverseCumulativeProbability(p)
            : STANDARD_NORMAL.inverseCumulativeProbability(p);
    String pct = formatLevel(level);
    String method =
        useT
            ? "SD from " + pct + "% CI, t with " + (n - 1) + " df (Cochrane Handbook 6.5.2.2)"
            : "SD from " + pct + "% CI, normal (Cochrane Handbook 6.5.2.2)";
    return new DerivedStatistics(
        useT ? "sd-from-ci-t" : "sd-from-ci-normal",
        method,
        OptionalDouble.empty(),
        OptionalDouble.of(Math.sqrt(n) * (upper - lower) / (2 * crit)),
        inputs("lower", lower, "upper", upper, "n", n, "level", level, "critical_value", crit));
  }

  /**
   * Mean and SD from median, first and third quartiles (Wan 2014 scenario C3, Luo 2018 scenario
   * C3): mean = (0.7 + 0.39/n)(q1 + q3)/2 + (0.3 - 0.39/n) m (Luo 2018, eq. 15); SD = (q3 - q1) /
   * &eta;(n) with &eta;(n) = 2 &Phi;<sup>-1</sup>((0.75n - 0.125)/(n + 0.25)) (Wan 2014, eq. 16).
   * Assumes roughly normal data.
   */
  public DerivedStatistics fromMedianIqr(double q1, double median, double q3, int n) {
    finite("first quartile", q1);
    finite("median", median);
    finite("third quartile", q3);
    checkN(n);
    order("first quartile", q1, "median", median);
    order("median", median, "third quartile", q3);
    if (!(q3 > q1)) {
      throw bad(lang("conversion.error.zeroSpread", "IQR", s(q1), s(q3)));
    }
    double mean = (0.7 + 0.39 / n) * (q1 + q3) / 2 + (0.3 - 0.39 / n) * median;
    double sd = (q3 - q1) / eta(n);
    return new DerivedStatistics(
        "mean-sd-from-median-iqr",
        "Mean (Luo 2018) and SD (Wan 2014) from median and IQR",
        OptionalDouble.of(mean),
        OptionalDouble.of(sd),
        inputs("q1", q1, "median", median, "q3", q3, "n", n));
  }

  /**
   * Mean and SD from median, minimum and maximum (scenario C1): mean = w (a + b)/2 + (1 - w) m with
   * w = 4 / (4 + n<sup>0.75</sup>) (Luo 2018, eq. 7); SD = (b - a) / &xi;(n) with &xi;(n) = 2
   * &Phi;<sup>-1</sup>((n - 0.375)/(n + 0.25)) (Wan 2014, eq. 9). Assumes roughly normal data.
   */
  public DerivedStatistics fromMedianRange(double min, double median, double max, int n) {
    finite("minimum", min);
    finite("median", median);
    finite("maximum", max);
    checkN(n);
    order("minimum", min, "median", median);
    order("median", median, "maximum", max);
    if (!(max > min)) {
      throw bad(lang("conversion.error.zeroSpread", "range", s(min), s(max)));
    }
    double w = 4 / (4 + Math.pow(n, 0.75));
    double mean = w * (min + max) / 2 + (1 - w) * median;
    double sd = (max - min) / xi(n);
    return new DerivedStatistics(
        "mean-sd-from-median-range",
        "Mean (Luo 2018) and SD (Wan 2014) from median and range",
        OptionalDouble.of(mean),
        OptionalDouble.of(sd),
        inputs("min", min, "median", median, "max", max, "n", n));
  }

  /**
   * Mean and SD from the five-number summary (scenario C2): mean = w1 (a + b)/2 + w2 (q1 + q3)/2 +
   * (1 - w1 - w2) m with w1 = 2.2 / (2.2 + n<sup>0.75</sup>), w2 = 0.7 - 0.72 / n<sup>0.55</sup>
   * (Luo 2018, eq. 11); SD = (b - a) / (2 &xi;(n)) + (q3 - q1) / (2 &eta;(n)) (Wan 2014, eq. 13
   * with the approximations of eqs. 9 and 16).
   */
  public DerivedStatistics fromMedianIqrRange(
      double min, double q1, double median, double q3, double max, int n) {
    finite("minimum", min);
    finite("first quartile", q1);
    finite("median", median);
    finite("third quartile", q3);
    finite("maximum", max);
    checkN(n);
    order("minimum", min, "first quartile", q1);
    order("first quartile", q1, "median", median);
    order("median", median, "third quartile", q3);
    order("third quartile", q3, "maximum", max);
    if (!(q3 > q1)) {
      throw bad(lang("conversion.error.zeroSpread", "IQR", s(q1), s(q3)));
    }
    double w1 = 2.2 / (2.2 + Math.pow(n, 0.75));
    double w2 = 0.7 - 0.72 / Math.pow(n, 0.55);
    double mean = w1 * (min + max) / 2 + w2 * (q1 + q3) / 2 + (1 - w1 - w2) * median;
    double sd = (max - min) / (2 * xi(n)) + (q3 - q1) / (2 * eta(n));
    return new DerivedStatistics(
        "mean-sd-from-median-iqr-range",
        "Mean (Luo 2018) and SD (Wan 2014) from median, IQR and range",
        OptionalDouble.of(mean),
        OptionalDouble.of(sd),
        inputs("min", min, "q1", q1, "median", median, "q3", q3, "max", max, "n", n));
  }

  /**
   * SD of the change from baseline given the baseline and final SDs and a correlation r between
   * baseline and final values (Handbook 6.5.2.8): SD<sub>change</sub> =
   * &radic;(SD<sub>b</sub>&sup2; + SD<sub>f</sub>&sup2; - 2 r SD<sub>b</sub> SD<sub>f</sub>). The
   * correlation is usually imputed from another study (see {@link #correlationFromSds}); try
   * several values as a sensitivity analysis.
   */
  public DerivedStatistics changeSdFromCorrelation(
      double sdBaseline, double sdFinal, double correlation) {
    positive("baseline SD", sdBaseline);
    positive("final SD", sdFinal);
    finite("correlation", correlation);
    if (correlation < -1 || correlation > 1) {
      throw bad(lang("conversion.error.correlation", s(correlation)));
    }
    double variance =
        sdBaseline * sdBaseline + sdFinal * sdFinal - 2 * correlation * sdBaseline * sdFinal;
    return new DerivedStatistics(
        "change-sd-from-correlation",
        "Change-from-baseline SD with correlation " + correlation + " (Cochrane Handbook 6.5.2.8)",
        OptionalDouble.empty(),
        OptionalDouble.of(Math.sqrt(Math.max(0, variance))),
        inputs("sd_baseline", sdBaseline, "sd_final", sdFinal, "correlation", correlation));
  }

  /**
   * The correlation between baseline and final values implied by a study that reports all three SDs
   * (Handbook 6.5.2.8): r = (SD<sub>b</sub>&sup2; + SD<sub>f</sub>&sup2; -
   * SD<sub>change</sub>&sup2;) / (2 SD<sub>b</sub> SD<sub>f</sub>). Fails when the three SDs are
   * inconsistent (|r| &gt; 1).
   */
  public double correlationFromSds(double sdBaseline, double sdFinal, double sdChange) {
    positive("baseline SD", sdBaseline);
    positive("final SD", sdFinal);
    finite("change SD", sdChange);
    if (sdChange < 0) {
      throw bad(lang("conversion.error.negative", "change SD", s(sdChange)));
    }
    double r =
        (sdBaseline * sdBaseline + sdFinal * sdFinal - sdChange * sdChange)
            / (2 * sdBaseline * sdFinal);
    if (r < -1 || r > 1) {
      throw bad(lang("conversion.error.inconsistentSds", s(sdBaseline), s(sdFinal), s(sdChange)));
    }
    return r;
  }

  /**
   * Mean change from baseline from a reported percent change of the group mean: change = baseline
   * mean &times; percent / 100. Valid only when the percentage is the change of the mean (final
   * mean / baseline mean - 1); the mean of individual percent changes is a different quantity. No
   * SD can be derived from a percent change alone.
   */
  public DerivedStatistics meanChangeFromPercent(double baselineMean, double percentChange) {
    finite("baseline mean", baselineMean);
    finite("percent change", percentChange);
    return new DerivedStatistics(
        "mean-change-from-percent",
        "Mean change from percent change of the baseline mean",
        OptionalDouble.of(baselineMean * percentChange / 100),
        OptionalDouble.empty(),
        inputs("baseline_mean", baselineMean, "percent_change", percentChange));
  }

  /**
   * &xi;(n) = 2 &Phi;<sup>-1</sup>((n - 0.375)/(n + 0.25)), Wan 2014 eq. 9 (Blom's approximation).
   */
  static double xi(int n) {
    return 2 * STANDARD_NORMAL.inverseCumulativeProbability((n - 0.375) / (n + 0.25));
  }

  /** &eta;(n) = 2 &Phi;<sup>-1</sup>((0.75n - 0.125)/(n + 0.25)), Wan 2014 eq. 16. */
  static double eta(int n) {
    return 2 * STANDARD_NORMAL.inverseCumulativeProbability((0.75 * n - 0.125) / (n + 0.25));
  }

  private void checkN(int n) {
    if (n < 2) {
      throw bad(lang("conversion.error.n", String.valueOf(n)));
    }
  }

  private void finite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw bad(lang("conversion.error.notFinite", what, String.valueOf(value)));
    }
  }

  private void positive(String what, double value) {
    finite(what, value);
    if (!(value > 0)) {
      throw bad(lang("conversion.error.notPositive", what, s(value)));
    }
  }

  private void order(String lowName, double low, String highName, double high) {
    if (low > high) {
      throw bad(lang("conversion.error.order", lowName, s(low), highName, s(high)));
    }
  }

  private WorkbenchException bad(String problem) {
    String message = place.isEmpty() ? problem : place + ": " + problem;
    return new WorkbenchException(WorkbenchException.Kind.DATA, message);
  }

  private static Map<String, Double> inputs(Object... namesAndValues) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
    }
    return map;
  }

  private static String s(double v) {
    return String.valueOf(v);
  }

  private static String formatLevel(double level) {
    double pct = level * 100;
    return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
  }
}
