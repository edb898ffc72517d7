package org.ewb.logic.meta.bias;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ewb.logic.meta.DesignMatrix;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.model.WorkbenchException;

/**
 * Duval and Tweedie's trim-and-fill method with the L0 estimator, as metafor's {@code
 * trimfill(fit)} (metafor 3.8):
 *
 * <ol>
 *   <li>Side: fit y<sub>i</sub> = b<sub>0</sub> + b<sub>1</sub> &radic;v<sub>i</sub> with the
 *       model's tau&sup2; estimator; a negative slope means studies are missing on the right, else
 *       on the left. For the right side the effects are negated, so the algorithm always trims the
 *       largest values.
 *   <li>Iterate from k0 = 0: fit the model to the k - k0 smallest effects; centre all k effects at
 *       that estimate; rank |centred| (ties by position, R's {@code ties.method = "first"}); with
 *       S<sub>r</sub> the sum of the ranks of the positive centred values, L0 = (4 S<sub>r</sub> -
 *       k(k+1)) / (2k - 1), k0 = max(0, round(L0)) (round half to even, as R); stop when k0 no
 *       longer changes (at most 100 iterations).
 *   <li>se(k0) = 4 &radic;Var(S<sub>r</sub>) / (2k - 1), Var(S<sub>r</sub>) = (k(k+1)(2k+1) +
 *       10L0&sup3; + 27L0&sup2; + 17L0 - 18kL0&sup2; - 18kL0 + 6k&sup2;L0) / 24, with the unrounded
 *       L0 of the last iteration.
 *   <li>Fill: mirror the k0 most extreme studies about the last trimmed estimate (2 &theta; -
 *       y<sub>i</sub>, same v<sub>i</sub>) and refit the model to observed plus filled studies.
 * </ol>
 *
 * <p>References: Duval S, Tweedie R. Trim and fill: a simple funnel-plot-based method of testing
 * and adjusting for publication bias in meta-analysis. Biometrics 2000;56(2):455-463.
 * doi:10.1111/j.0006-341X.2000.00455.x; Duval S, Tweedie R. A nonparametric "trim and fill" method
 * of accounting for publication bias in meta-analysis. JASA 2000;95(449):89-98.
 * doi:10.1080/01621459.2000.10473905
 */
public final class TrimAndFill {

  /** metafor's {@code maxiter} of the trim-and-fill loop. */
  public static final int MAX_ITERATIONS = 100;

  /** The side of the funnel plot on which studies are estimated to be missing. */
  public enum Side {
    LEFT,
    RIGHT;

    /** "left" / "right", as metafor prints it. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A filled (imputed) study: effect and sampling variance. */
  public record FilledStudy(double yi, double vi) {}

  /**
   * Result of trim and fill.
   *
   * @param estimator "L0"
   * @param side side of the missing studies
   * @param k0 estimated number of missing studies
   * @param seK0 standard error of k0
   * @param kTotal k + k0
   * @param filled the imputed studies, in metafor's order
   * @param fit the model refitted to observed + filled studies (the original fit when k0 = 0)
   * @param iterations iterations of the trim loop
   */
  public record Result(
      String estimator,
      Side side,
      int k0,
      double seK0,
      int kTotal,
      List<FilledStudy> filled,
      MetaResult fit,
      int iterations) {
    public Result {
      filled = List.copyOf(filled);
    }
  }

  private final RandomEffectsModel model;

  private TrimAndFill(RandomEffectsModel model) {
    this.model = model;
  }

  /** Trim and fill whose fits use {@code model} (tau^2 estimator, test, level). */
  public static TrimAndFill of(RandomEffectsModel model) {
    return new TrimAndFill(model);
  }

  /**
   * Runs the method on effects {@code yi} with variances {@code vi}, side chosen as metafor does.
   */
  public Result run(double[] yi, double[] vi) {
    int k = yi.length;
    if (k < 3) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("bias.error.tooFewStudies", "trimfill", 3, k));
    }
    double[] sei = new double[k];
    for (int i = 0; i < k; i++) {
      BiasInputs.checkStudy("trimfill", i, yi[i], vi[i]);
      sei[i] = Math.sqrt(vi[i]);
    }
    // the side comes from the slope on the SE, which identical SEs do not have
    BiasInputs.requireVaryingSe("trimfill", sei);
    MetaResult sideFit = model.fit(yi, vi, DesignMatrix.interceptAnd("sei", sei));
    Side side = sideFit.coefficients().get(1).estimate() < 0 ? Side.RIGHT : Side.LEFT;
    return run(yi, vi, side);
  }

  /** Runs the method with the side given. */
  public Result run(double[] yi, double[] vi, Side side) {
    int k = yi.length;
    double sign = side == Side.RIGHT ? -1 : 1;
    // sort by (flipped) effect, stable for ties as R's order()
    double[] flipped = new double[k];
    for (int i = 0; i < k; i++) {
      flipped[i] = sign * yi[i] + 0.0; // + 0.0: -0.0 sorts with 0.0, as in R
    }
    int[] order = StableOrder.of(flipped);
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      y[i] = sign * yi[order[i]];
      v[i] = vi[order[i]];
    }

    int k0 = 0;
    int previous = -1;
    int iterations = 0;
    double beta = Double.NaN;
    double seK0 = Double.NaN;
    while (k0 != previous) {
      previous = k0;
      iterations++;
      if (iterations > MAX_ITERATIONS) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA, lang("bias.error.trimfillNoConvergence", MAX_ITERATIONS));
      }
      if (k - k0 < 1) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA, lang("bias.error.trimfillTrimmedAll", k));
      }
      beta = model.fit(Arrays.copyOf(y, k - k0), Arrays.copyOf(v, k - k0)).estimate();
      double[] centred = new double[k];
      for (int i = 0; i < k; i++) {
        centred[i] = y[i] - beta;
      }
      int[] ranks = ranksFirst(centred);
      double sr = 0;
      for (int i = 0; i < k; i++) {
        if (centred[i] > 0) {
          sr += ranks[i];
        }
      }
      double l0 = (4 * sr - (double) k * (k + 1)) / (2.0 * k - 1);
      double varSr =
          (k * (k + 1.0) * (2.0 * k + 1)
                  + 10 * l0 * l0 * l0
                  + 27 * l0 * l0
                  + 17 * l0
                  - 18.0 * k * l0 * l0
                  - 18.0 * k * l0
                  + 6.0 * k * k * l0)
              / 24;
      seK0 = Math.max(0, 4 * Math.sqrt(varSr) / (2.0 * k - 1));
      k0 = (int) Math.max(0, Math.rint(l0));
    }

    if (k0 == 0) {
      return new Result("L0", side, 0, seK0, k, List.of(), model.fit(yi, vi), iterations);
    }
    // back on the original scale: mirror the k0 most extreme studies about the estimate
    double thetaOriginal = sign * beta;
    List<FilledStudy> filled = new ArrayList<>();
    double[] yAll = Arrays.copyOf(yi, k + k0);
    double[] vAll = Arrays.copyOf(vi, k + k0);
    for (int j = 0; j < k0; j++) {
      int i = k - k0 + j;
      double original = sign * y[i];
      FilledStudy f = new FilledStudy(2 * thetaOriginal - original, v[i]);
      filled.add(f);
      yAll[k + j] = f.yi();
      vAll[k + j] = f.vi();
    }
    return new Result("L0", side, k0, seK0, k + k0, filled, model.fit(yAll, vAll), iterations);
  }

  /** Ranks of |x| from 1, ties broken by position (R's {@code rank(ties.method = "first")}). */
  static int[] ranksFirst(double[] x) {
    double[] abs = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      abs[i] = Math.abs(x[i]);
    }
    int[] idx = StableOrder.of(abs);
    int[] ranks = new int[x.length];
    for (int r = 0; r < idx.length; r++) {
      ranks[idx[r]] = r + 1;
    }
    return ranks;
  }
}
