package org.ewb.logic.meta.bias;

import static org.ewb.logic.l10n.Localization.lang;

import org.ewb.logic.meta.Coefficient;
import org.ewb.logic.meta.DesignMatrix;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.model.WorkbenchException;

/**
 * Egger-type regression test in its meta-regression form, metafor's default {@code regtest(fit)}
 * ({@code model = "rma"}, {@code predictor = "sei"}): the model y<sub>i</sub> = b<sub>0</sub> +
 * b<sub>1</sub> &radic;v<sub>i</sub> + u<sub>i</sub> + e<sub>i</sub> is fitted with the same
 * tau&sup2; estimator and test as the meta-analysis (for EE this is Egger's test with a fixed
 * residual variance); b<sub>1</sub> = 0 is tested, and b<sub>0</sub> is the "limit estimate" (the
 * expected effect of a study with SE 0) with its confidence interval.
 *
 * <p>References: Egger M et al. BMJ 1997;315:629-634. doi:10.1136/bmj.315.7109.629; Sterne JAC,
 * Egger M. Regression methods to detect publication and other bias in meta-analysis. In: Rothstein
 * HR et al. (eds), Publication Bias in Meta-Analysis, Wiley 2005, 99-110.
 * doi:10.1002/0470870168.ch6; Viechtbauer W. Conducting meta-analyses in R with the metafor
 * package. J Stat Softw 2010;36(3). doi:10.18637/jss.v036.i03
 */
public final class EggerRmaTest {

  /**
   * Result of the test.
   *
   * @param k number of studies
   * @param stat z (or t for Knapp-Hartung) statistic of the slope
   * @param df t degrees of freedom (NaN for z)
   * @param pval two-sided p-value of the slope
   * @param limitEstimate the intercept b0
   * @param limitCiLb lower confidence limit of b0
   * @param limitCiUb upper confidence limit of b0
   * @param slope b1
   * @param slopeSe standard error of b1
   * @param tau2 residual tau^2 of the regression
   * @param fit the fitted meta-regression
   */
  public record Result(
      int k,
      double stat,
      double df,
      double pval,
      double limitEstimate,
      double limitCiLb,
      double limitCiUb,
      double slope,
      double slopeSe,
      double tau2,
      MetaResult fit) {}

  private final RandomEffectsModel model;

  private EggerRmaTest(RandomEffectsModel model) {
    this.model = model;
  }

  /** The test fitted with {@code model} (the model of the meta-analysis being checked). */
  public static EggerRmaTest of(RandomEffectsModel model) {
    return new EggerRmaTest(model);
  }

  public Result test(double[] yi, double[] vi) {
    int k = yi.length;
    if (k < 3) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("bias.error.tooFewStudies", "regtest", 3, k));
    }
    double[] sei = new double[k];
    for (int i = 0; i < k; i++) {
      BiasInputs.checkStudy("regtest", i, yi[i], vi[i]);
      sei[i] = Math.sqrt(vi[i]);
    }
    BiasInputs.requireVaryingSe("regtest (rma)", sei);
    MetaResult fit = model.fit(yi, vi, DesignMatrix.interceptAnd("sei", sei));
    Coefficient b0 = fit.coefficients().get(0);
    Coefficient b1 = fit.coefficients().get(1);
    return new Result(
        k,
        b1.stat(),
        b1.df(),
        b1.pval(),
        b0.estimate(),
        b0.ciLb(),
        b0.ciUb(),
        b1.estimate(),
        b1.se(),
        fit.tau2(),
        fit);
  }
}
