package org.ewb.logic.figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Nice axis ranges and tick labels. Ratio measures are plotted on the log scale with ticks at 1-2-5
 * values (0.1 0.2 0.5 1 2 5 10); linear axes use steps of 1, 2 or 5 times a power of ten.
 */
public final class Axis {

  /** Symmetric log-scale layouts: the extent (ratio) and its tick values. */
  private static final double[][] LOG_TICKS = {
    {0.5, 0.7, 1, 1.5, 2},
    {0.2, 0.5, 1, 2, 5},
    {0.1, 0.2, 0.5, 1, 2, 5, 10},
    {0.01, 0.1, 1, 10, 100},
    {0.001, 0.01, 0.1, 1, 10, 100, 1000},
  };

  private Axis() {}

  /** Ticks on the analysis scale. */
  public record Ticks(double min, double max, List<Double> values) {}

  /**
   * A symmetric axis around {@code centre} covering {@code need} (distance that must show: point
   * estimates, pooled intervals) and, if not more than one step further, {@code want} (study CIs).
   */
  public static Ticks symmetric(boolean log, double centre, double need, double want) {
    if (log) {
      int iNeed = logIndex(Math.max(need, 1e-9));
      int iWant = logIndex(Math.max(want, need));
      double extent = Math.log(LOG_TICKS[Math.min(iWant, iNeed + 1)][0]);
      return symmetric(true, centre, -extent, -extent, List.of());
    }
    return symmetric(false, centre, need, want, List.of());
  }

  /**
   * As {@link #symmetric(boolean, double, double, double)}, but on the log scale a wider layout is
   * taken only while more than a quarter of the {@code bounds} (distances of study CI ends from the
   * centre) would be clipped: a few arrows are better than squeezing every study.
   */
  public static Ticks symmetric(
      boolean log, double centre, double need, double want, List<Double> bounds) {
    need = Math.max(need, 1e-9);
    want = Math.max(want, need);
    if (log) {
      int iNeed = logIndex(need);
      int iWant = logIndex(want);
      int i = iNeed;
      while (i < iWant && i + 1 < LOG_TICKS.length && clipped(bounds, i) * 4 > bounds.size()) {
        i++;
      }
      double[] t = LOG_TICKS[i];
      List<Double> v = new ArrayList<>();
      for (double x : t) {
        v.add(Math.log(x));
      }
      return new Ticks(v.get(0), v.get(v.size() - 1), v);
    }
    double eNeed = linearExtent(need);
    double e = linearExtent(want);
    if (e > 2 * eNeed) {
      e = linearExtent(2 * eNeed);
    }
    double step = linearStep(e);
    List<Double> v = new ArrayList<>();
    int n = (int) Math.round(e / step);
    for (int i = -n; i <= n; i++) {
      v.add(centre + i * step);
    }
    return new Ticks(centre - e, centre + e, v);
  }

  /** Ticks covering [lo, hi] (not symmetric), about {@code target} of them. */
  public static Ticks range(double lo, double hi, int target) {
    if (!(hi > lo)) {
      double pad = Math.max(Math.abs(lo) * 0.1, 1);
      lo -= pad;
      hi += pad;
    }
    double step = niceStep((hi - lo) / Math.max(1, target));
    double min = Math.floor(lo / step + 1e-9) * step;
    double max = Math.ceil(hi / step - 1e-9) * step;
    List<Double> v = new ArrayList<>();
    for (double x = min; x <= max + step * 1e-6; x += step) {
      v.add(Math.abs(x) < step * 1e-9 ? 0.0 : x);
    }
    return new Ticks(min, max, v);
  }

  /**
   * Log-scale ticks (positions are logs) covering [lo, hi] given as logs: 1-2-5 values, or
   * 1-1.5-2-3-5-7 when the range is narrow, or powers of ten when it is wide.
   */
  public static Ticks logRange(double from, double to) {
    double lo = to > from ? from : from - 0.5;
    double hi = to > from ? to : to + 0.5;
    double[][] mantissas = {{1}, {1, 2, 5}, {1, 1.5, 2, 3, 5, 7}};
    int choice = hi - lo > Math.log(1e4) ? 0 : hi - lo < Math.log(4) ? 2 : 1;
    List<Double> v = new ArrayList<>();
    int e0 = (int) Math.floor(lo / Math.log(10)) - 1;
    int e1 = (int) Math.ceil(hi / Math.log(10)) + 1;
    for (int e = e0; e <= e1; e++) {
      for (double m : mantissas[choice]) {
        double t = Math.log(m * Math.pow(10, e));
        v.add(t);
      }
    }
    // the range becomes the nearest ticks outside [lo, hi]
    double min = v.stream().filter(t -> t <= lo + 1e-9).max(Double::compare).orElse(lo);
    double max = v.stream().filter(t -> t >= hi - 1e-9).min(Double::compare).orElse(hi);
    List<Double> in = v.stream().filter(t -> t >= min - 1e-9 && t <= max + 1e-9).toList();
    return new Ticks(min, max, in);
  }

  /** The smallest of 1, 2, 5 x 10^k that is at least {@code x}. */
  public static double niceStep(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= x * (1 - 1e-9)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** A tick label: the shortest plain decimal (no exponent, no trailing zeros). */
  public static String label(double v) {
    if (Math.abs(v) < 1e-12) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
    return d.toPlainString();
  }

  private static long clipped(List<Double> bounds, int i) {
    double[] t = LOG_TICKS[i];
    double max = Math.log(t[t.length - 1]);
    return bounds.stream().filter(b -> b > max * (1 + 1e-9)).count();
  }

  private static int logIndex(double extent) {
    for (int i = 0; i < LOG_TICKS.length; i++) {
      double[] t = LOG_TICKS[i];
      if (Math.log(t[t.length - 1]) >= extent * (1 - 1e-9)) {
        return i;
      }
    }
    return LOG_TICKS.length - 1;
  }

  private static double linearExtent(double want) {
    double step = linearStep(want);
    return Math.ceil(want / step - 1e-9) * step;
  }

  private static double linearStep(double extent) {
    // at most two steps either side of the centre
    return niceStep(extent / 2);
  }
}
