package org.ewb.logic.meta;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ewb.model.WorkbenchException;

/**
 * Meta-regression on one continuous moderator (metafor {@code rma.uni(yi, vi, mods = ~ x)};
 * Thompson and Higgins 2002, doi:10.1002/sim.1187; Viechtbauer 2010, doi:10.18637/jss.v036.i03):
 * coefficients with z or Knapp-Hartung t tests, residual tau^2 with its Q-profile CI, QM, QE, R^2
 * and predictions at the minimum, median (R's type-1 quantile) and maximum moderator value. Studies
 * without an effect size or with a missing (NaN) moderator are left out.
 */
public final class MetaRegression {

  private MetaRegression() {}

  public static MetaRegressionResult run(
      List<EffectSize> es, double[] moderator, String name, RandomEffectsModel model) {
    if (es.size() != moderator.length) {
      throw new IllegalArgumentException("one moderator value per study");
    }
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < es.size(); i++) {
      if (es.get(i).included() && Double.isFinite(moderator[i])) {
        rows.add(i);
      }
    }
    int k = rows.size();
    if (k < 3) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("meta.error.tooFewStudies", k, 2));
    }
    double[] y = new double[k];
    double[] v = new double[k];
    double[] x = new double[k];
    for (int i = 0; i < k; i++) {
      EffectSize e = es.get(rows.get(i));
      y[i] = e.yi();
      v[i] = e.vi();
      x[i] = moderator[rows.get(i)];
    }
    MetaResult fit = model.fit(y, v, DesignMatrix.interceptAnd(name, x));
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double median = sorted[(int) Math.ceil(k * 0.5) - 1];
    List<MetaRegressionResult.ModeratorPrediction> preds = new ArrayList<>();
    for (double value : new double[] {sorted[0], median, sorted[k - 1]}) {
      preds.add(new MetaRegressionResult.ModeratorPrediction(value, fit.predict(1, value)));
    }
    return new MetaRegressionResult(name, fit, r2(model, y, v, fit), preds, rows);
  }

  /**
   * R^2 in percent as metafor: random effects max(0, 100 (tau2_0 - tau2)/tau2_0) with tau2_0 of the
   * intercept-only model fitted with the same method (0 if tau2_0 = 0); EE max(0, 100 x the
   * adjusted R^2 of the weighted least-squares regression, weights 1/v), i.e. 1 - (QE/(k-p)) /
   * (QE_0/(k-1)).
   */
  static double r2(RandomEffectsModel model, double[] y, double[] v, MetaResult fit) {
    MetaResult null0 = model.fit(y, v);
    if (fit.method() == TauMethod.EE) {
      int k = y.length;
      double adj = 1 - (fit.qe() / (k - fit.p())) / (null0.qe() / (k - 1));
      return Math.max(0, 100 * adj);
    }
    if (null0.tau2() <= 0) {
      return 0;
    }
    return Math.max(0, 100 * (null0.tau2() - fit.tau2()) / null0.tau2());
  }
}
