package org.ewb.logic.meta.bias;

import static org.ewb.logic.l10n.Localization.lang;

import org.apache.commons.statistics.distribution.TDistribution;
import org.ewb.model.WorkbenchException;

/**
 * Egger's regression test for funnel plot asymmetry, classical form ({@code regtest(fit, model =
 * "lm")} in metafor): the weighted least-squares regression y<sub>i</sub> = b<sub>0</sub> +
 * b<sub>1</sub> &radic;v<sub>i</sub> + e<sub>i</sub> with weights 1/v<sub>i</sub> and a
 * multiplicative residual scale &sigma;&sup2; = &Sigma; w<sub>i</sub> e<sub>i</sub>&sup2; / (k -
 * 2); b<sub>1</sub> is tested with t on k - 2 df, and b<sub>0</sub> (the "limit estimate" as the
 * standard error goes to 0) gets a t-based CI. Equivalent to Egger's original regression of
 * y<sub>i</sub>/&radic;v<sub>i</sub> on 1/&radic;v<sub>i</sub> (intercept and slope swap roles).
 *
 * <p>The random/mixed-effects form ({@code model = "rma"}) is {@link EggerRmaTest}.
 *
 * <p>Reference: Egger M, Davey Smith G, Schneider M, Minder C. Bias in meta-analysis detected by a
 * simple, graphical test. BMJ 1997;315:629-634. doi:10.1136/bmj.315.7109.629
 */
public final class EggerRegressionTest {

  /**
   * Result of the classical test.
   *
   * @param k number of studies
   * @param tval t statistic of the slope
   * @param df degrees of freedom, k - 2
   * @param pval two-sided p-value
   * @param limitEstimate intercept b0 (estimate at SE = 0)
   * @param limitCiLb lower 95% limit of b0 (t, k - 2 df)
   * @param limitCiUb upper 95% limit of b0
   * @param slope b1
   * @param slopeSe standard error of b1
   * @param residualScale &sigma; (R's {@code sigma(fit)})
   */
  public record Result(
      int k,
      double tval,
      int df,
      double pval,
      double limitEstimate,
      double limitCiLb,
      double limitCiUb,
      double slope,
      double slopeSe,
      double residualScale) {}

  private EggerRegressionTest() {}

  public static EggerRegressionTest withDefaults() {
    return new EggerRegressionTest();
  }

  /** Runs the classical test on effect sizes {@code yi} with sampling variances {@code vi}. */
  public Result test(double[] yi, double[] vi) {
    int k = yi.length;
    if (k < 3) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("bias.error.tooFewStudies", "regtest", 3, k));
    }
    double[] sei = new double[k];
    double[] w = new double[k];
    for (int i = 0; i < k; i++) {
      BiasInputs.checkStudy("regtest", i, yi[i], vi[i]);
      sei[i] = Math.sqrt(vi[i]);
      w[i] = 1 / vi[i];
    }
    BiasInputs.requireVaryingSe("regtest (lm)", sei);
    WeightedLeastSquares.Fit fit = WeightedLeastSquares.fit(yi, sei, w);
    int df = k - 2;
    double sigma2 = fit.rss() / df;
    double se0 = Math.sqrt(sigma2 * fit.c00());
    double se1 = Math.sqrt(sigma2 * fit.c11());
    TDistribution t = TDistribution.of(df);
    double tval = fit.b1() / se1;
    double pval = 2 * t.survivalProbability(Math.abs(tval));
    double crit = t.inverseSurvivalProbability(0.025);
    return new Result(
        k,
        tval,
        df,
        pval,
        fit.b0(),
        fit.b0() - crit * se0,
        fit.b0() + crit * se0,
        fit.b1(),
        se1,
        Math.sqrt(sigma2));
  }
}
