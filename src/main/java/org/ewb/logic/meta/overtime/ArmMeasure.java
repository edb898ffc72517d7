package org.ewb.logic.meta.overtime;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Locale;
import java.util.Optional;
import org.ewb.logic.meta.BackTransform;
import org.ewb.model.WorkbenchException;

/**
 * Single-group measures of one arm, as metafor's {@code escalc} computes them: the raw mean (MN),
 * the raw proportion (PR) and the logit proportion (PLO). Pooling the arms of one role at a time
 * point with these values gives the pooled mean / proportion per arm over time.
 *
 * <p>Zero cells (x = 0 or x = n) of PR and PLO get ½ added to x and to n − x, as {@code escalc(...,
 * add = 1/2, to = "only0")} does by default. Viechtbauer W (2010), Conducting meta-analyses in R
 * with the metafor package, J Stat Softw 36(3), doi:10.18637/jss.v036.i03.
 */
public enum ArmMeasure {
  /** Raw mean: y = mean, v = SD² / n. */
  MN(BackTransform.NONE),
  /** Raw proportion: y = x / n, v = y (1 − y) / n. */
  PR(BackTransform.NONE),
  /** Logit proportion: y = log(x / (n − x)), v = 1 / x + 1 / (n − x); shown as a proportion. */
  PLO(BackTransform.ILOGIT);

  private final BackTransform backTransform;

  ArmMeasure(BackTransform backTransform) {
    this.backTransform = backTransform;
  }

  /** How a pooled value is shown (PLO: back to a proportion). */
  public BackTransform backTransform() {
    return backTransform;
  }

  /** Whether the measure is computed from events and totals (else from mean, SD and n). */
  public boolean isProportion() {
    return this != MN;
  }

  /** "MN", "pr", ... as a measure, or empty when {@code s} names a comparison measure. */
  public static Optional<ArmMeasure> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {yi, vi} of an arm with this mean, SD and size (MN). */
  public double[] ofMean(String where, double mean, double sd, double n) {
    if (!(n > 0) || !(sd >= 0)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("overtime.error.armMean", where, name()));
    }
    return new double[] {mean, sd * sd / n};
  }

  /** {yi, vi} of an arm with x events out of n (PR, PLO). */
  public double[] ofEvents(String where, double x, double n) {
    if (!(n > 0) || !(x >= 0) || x > n) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("overtime.error.armEvents", where, name()));
    }
    double m = n - x;
    if (x == 0 || m == 0) {
      x += 0.5;
      m += 0.5;
    }
    double nn = x + m;
    return switch (this) {
      case PR -> {
        double p = x / nn;
        yield new double[] {p, p * (1 - p) / nn};
      }
      case PLO -> new double[] {Math.log(x / m), 1 / x + 1 / m};
      case MN -> throw new IllegalStateException("MN needs a mean");
    };
  }
}
