package org.ewb.logic.meta.multivariate;

import java.util.List;

/**
 * The immutable result of a {@link MultivariateModel} fit: the pooled effect at each time point
 * (the model's coefficients), its covariance, the variance components, the test of change over time
 * and the fit statistics. Field names follow metafor's {@code rma.mv} object.
 *
 * @param structure covariance structure of the true effects
 * @param rhoWithin assumed correlation of a study's sampling errors at two time points
 * @param times time points in months, increasing (one coefficient each)
 * @param kPerTime number of studies with a value at each time point
 * @param studies number of studies
 * @param n number of observations (study x time point)
 * @param beta pooled effect per time point
 * @param vb covariance matrix of {@code beta} ((X'M⁻¹X)⁻¹ at the REML estimates)
 * @param se standard errors
 * @param zval Wald z statistics
 * @param pval two-sided p-values
 * @param ciLb lower 95% confidence limits
 * @param ciUb upper 95% confidence limits
 * @param piLb lower 95% prediction limits (β_j ∓ 1.96 √(se_j² + G_jj))
 * @param piUb upper 95% prediction limits
 * @param tau2 between-study variance: one value (CS, AR, CAR) or one per time point (HCS)
 * @param rho correlation parameter of the structure
 * @param qe test of residual heterogeneity (metafor {@code QE}), df n − p
 * @param qep its p-value
 * @param qmChange Wald test that the pooled effect is the same at every time point, df p − 1
 * @param qmChangeDf its degrees of freedom
 * @param qmChangeP its p-value
 * @param logLikReml restricted log-likelihood as metafor's {@code logLik()} reports it
 * @param iterations optimiser iterations
 * @param converged whether the gradient vanished within the tolerance
 */
public record MultivariateResult(
    CovarianceStructure structure,
    double rhoWithin,
    double[] times,
    int[] kPerTime,
    int studies,
    int n,
    double[] beta,
    double[][] vb,
    double[] se,
    double[] zval,
    double[] pval,
    double[] ciLb,
    double[] ciUb,
    double[] piLb,
    double[] piUb,
    double[] tau2,
    double rho,
    double qe,
    int qeDf,
    double qep,
    double qmChange,
    int qmChangeDf,
    double qmChangeP,
    double logLikReml,
    int iterations,
    boolean converged) {

  public MultivariateResult {
    times = times.clone();
    kPerTime = kPerTime.clone();
    beta = beta.clone();
    vb = java.util.Arrays.stream(vb).map(double[]::clone).toArray(double[][]::new);
    se = se.clone();
    zval = zval.clone();
    pval = pval.clone();
    ciLb = ciLb.clone();
    ciUb = ciUb.clone();
    piLb = piLb.clone();
    piUb = piUb.clone();
    tau2 = tau2.clone();
  }

  /** One row of a sensitivity table: the fit at another within-study correlation. */
  public record SensitivityRow(double rhoWithin, MultivariateResult fit) {}

  /** Pooled estimates per time point as a list of rows (for tables and JSON). */
  public List<TimeRow> rows() {
    java.util.ArrayList<TimeRow> r = new java.util.ArrayList<>();
    for (int j = 0; j < times.length; j++) {
      r.add(
          new TimeRow(
              times[j],
              kPerTime[j],
              beta[j],
              se[j],
              zval[j],
              pval[j],
              ciLb[j],
              ciUb[j],
              piLb[j],
              piUb[j]));
    }
    return r;
  }

  /** The pooled effect at one time point. */
  public record TimeRow(
      double months,
      int k,
      double estimate,
      double se,
      double zval,
      double pval,
      double ciLb,
      double ciUb,
      double piLb,
      double piUb) {}
}
