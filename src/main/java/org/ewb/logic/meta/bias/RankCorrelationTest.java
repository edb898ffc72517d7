package org.ewb.logic.meta.bias;

import static org.ewb.logic.l10n.Localization.lang;

import org.ewb.model.WorkbenchException;

/**
 * Begg and Mazumdar's rank correlation test for funnel plot asymmetry, as metafor's {@code
 * ranktest()}: Kendall's tau between the standardised deviates y*<sub>i</sub> = (y<sub>i</sub> -
 * &theta;<sub>EE</sub>) / &radic;(v<sub>i</sub> - 1/&Sigma;(1/v<sub>j</sub>)) and the sampling
 * variances v<sub>i</sub>, where &theta;<sub>EE</sub> is the common-effect (inverse-variance)
 * estimate. The p-value is exact without ties and the tie-corrected normal approximation otherwise
 * ({@link KendallTau}).
 *
 * <p>Reference: Begg CB, Mazumdar M. Operating characteristics of a rank correlation test for
 * publication bias. Biometrics 1994;50(4):1088-1101. doi:10.2307/2533446
 */
public final class RankCorrelationTest {

  /**
   * Result of the test.
   *
   * @param k number of studies
   * @param tau Kendall's tau-b
   * @param pval two-sided p-value
   * @param exact true when the p-value is exact (no ties); false: normal approximation
   */
  public record Result(int k, double tau, double pval, boolean exact) {}

  private RankCorrelationTest() {}

  /** The test with metafor's defaults (exact p-value where possible). */
  public static RankCorrelationTest withDefaults() {
    return new RankCorrelationTest();
  }

  /** Runs the test on effect sizes {@code yi} with sampling variances {@code vi} (k &ge; 3). */
  public Result test(double[] yi, double[] vi) {
    int k = yi.length;
    if (vi.length != k) {
      throw new IllegalArgumentException("yi and vi differ in length");
    }
    if (k < 3) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("bias.error.tooFewStudies", "ranktest", 3, k));
    }
    double sumW = 0;
    double sumWy = 0;
    for (int i = 0; i < k; i++) {
      BiasInputs.checkStudy("ranktest", i, yi[i], vi[i]);
      sumW += 1 / vi[i];
      sumWy += yi[i] / vi[i];
    }
    double theta = sumWy / sumW;
    double vb = 1 / sumW;
    double[] ystar = new double[k];
    for (int i = 0; i < k; i++) {
      ystar[i] = (yi[i] - theta) / Math.sqrt(vi[i] - vb);
    }
    KendallTau.Result r = KendallTau.test(ystar, vi);
    if (Double.isNaN(r.tau())) {
      // every pair tied in one of the series: tau is 0/0 (R prints NA)
      throw new WorkbenchException(WorkbenchException.Kind.DATA, lang("bias.error.allTied", k));
    }
    return new Result(k, r.tau(), r.pval(), r.exact());
  }
}
