package org.ewb.logic.meta;

import java.util.List;

/**
 * The immutable result of fitting a {@link RandomEffectsModel} (metafor {@code rma.uni}): fixed
 * effects, heterogeneity, tests and fit statistics. Field names follow the metafor reference files.
 *
 * @param k number of studies in the fit
 * @param p number of coefficients
 * @param coefficients the fixed effects (intercept first; for an intercept-only model the pooled
 *     estimate)
 * @param df t degrees of freedom k - p for Knapp-Hartung, NaN for z
 * @param crit critical value of the 95% (or {@code level}) intervals
 * @param tau2 between-study (residual) variance, 0 for EE
 * @param seTau2 its standard error as metafor reports it (NaN for EE)
 * @param i2 I^2 in percent
 * @param h2 H^2
 * @param vt the "typical" within-study variance (k - p)/tr(P0) used for I^2 and H^2
 * @param qe Cochran's Q (residual heterogeneity, EE weights 1/vi)
 * @param qeDf its degrees of freedom k - p
 * @param qep its chi-square p-value
 * @param s2w Knapp-Hartung variance factor (1 for test z)
 * @param qm omnibus test of the moderators (all coefficients but the intercept; for an
 *     intercept-only model, of the intercept): Wald chi-square, or F for Knapp-Hartung
 * @param qmDf numerator degrees of freedom
 * @param qmDf2 denominator degrees of freedom of F (NaN for chi-square)
 * @param qmp p-value of QM
 * @param llMl ML log-likelihood at tau2
 * @param llReml REML log-likelihood at tau2
 * @param iterations Fisher-scoring iterations or root-finder evaluations (0 = closed form)
 * @param data the data the model was fitted to, for predictions and profile intervals
 */
public record MetaResult(
    TauMethod method,
    TestType test,
    double level,
    int k,
    int p,
    List<Coefficient> coefficients,
    double df,
    double crit,
    double tau2,
    double seTau2,
    double i2,
    double h2,
    double vt,
    double qe,
    int qeDf,
    double qep,
    double s2w,
    double qm,
    int qmDf,
    double qmDf2,
    double qmp,
    double llMl,
    double llReml,
    int iterations,
    FitData data) {

  public MetaResult {
    coefficients = List.copyOf(coefficients);
  }

  /** The first coefficient (the pooled estimate of an intercept-only model). */
  public double estimate() {
    return coefficients.get(0).estimate();
  }

  public double se() {
    return coefficients.get(0).se();
  }

  /** z or t statistic of the first coefficient. */
  public double stat() {
    return coefficients.get(0).stat();
  }

  public double pval() {
    return coefficients.get(0).pval();
  }

  public double ciLb() {
    return coefficients.get(0).ciLb();
  }

  public double ciUb() {
    return coefficients.get(0).ciUb();
  }

  public double tau() {
    return Math.sqrt(tau2);
  }

  /** Weight of study i in percent: 100 w_i / sum w, w_i = 1/(v_i + tau^2). */
  public double weightPercent(int i) {
    return 100 * data.weight(i) / data.sumWeights();
  }

  /** Covariance matrix element of the coefficients (Knapp-Hartung-scaled where used). */
  public double vb(int i, int j) {
    return data.vb(i, j);
  }

  /**
   * Predicted value at moderator row {@code x0} (including the intercept entry), with CI and
   * prediction interval pred -/+ crit sqrt(se^2 + tau2) as metafor's {@code predict}.
   */
  public Prediction predict(double... x0) {
    if (x0.length != p) {
      throw new IllegalArgumentException("need " + p + " values, got " + x0.length);
    }
    double pred = 0;
    double var = 0;
    for (int i = 0; i < p; i++) {
      pred += x0[i] * coefficients.get(i).estimate();
      for (int j = 0; j < p; j++) {
        var += x0[i] * data.vb(i, j) * x0[j];
      }
    }
    double se = Math.sqrt(var);
    double piLb = Double.NaN;
    double piUb = Double.NaN;
    if (method != TauMethod.EE) {
      double s = Math.sqrt(var + tau2);
      piLb = pred - crit * s;
      piUb = pred + crit * s;
    }
    return new Prediction(pred, se, pred - crit * se, pred + crit * se, piLb, piUb, df);
  }

  /** The pooled value of an intercept-only model with its CI and prediction interval. */
  public Prediction prediction() {
    double[] x0 = new double[p];
    x0[0] = 1;
    return predict(x0);
  }

  /**
   * Prediction interval with a t(k - p - 1) quantile (metafor {@code pi.type="riley"}; Higgins et
   * al. 2009, doi:10.1111/j.1467-985X.2008.00552.x), using the model's standard error. NaN for EE
   * or when k - p - 1 < 1.
   */
  public Prediction predictionT() {
    Prediction base = prediction();
    double tdf = k - p - 1;
    if (method == TauMethod.EE || tdf < 1) {
      // metafor clamps the df to 1 here; the t(k - p - 1) interval is not defined (ADR 0081)
      return new Prediction(
          base.pred(), base.se(), base.ciLb(), base.ciUb(), Double.NaN, Double.NaN, Double.NaN);
    }
    double q = Distributions.tQuantile(1 - (1 - level / 100) / 2, tdf);
    double s = Math.sqrt(base.se() * base.se() + tau2);
    return new Prediction(
        base.pred(),
        base.se(),
        base.ciLb(),
        base.ciUb(),
        base.pred() - q * s,
        base.pred() + q * s,
        tdf);
  }

  /** The Q-profile confidence interval of tau^2, tau, I^2 and H^2 (computed on each call). */
  public HeterogeneityCi heterogeneityCi() {
    return QProfile.confint(this);
  }

  /**
   * The data a model was fitted to (yi, vi, X) and the final weights, kept for predictions and
   * profile intervals. Immutable: accessors copy.
   */
  public static final class FitData {
    private final double[] yi;
    private final double[] vi;
    private final DesignMatrix x;
    private final double[] weights;
    private final double sumWeights;
    private final double[][] vb;

    FitData(double[] yi, double[] vi, DesignMatrix x, double[] weights, double[][] vb) {
      this.yi = yi;
      this.vi = vi;
      this.x = x;
      this.weights = weights;
      double s = 0;
      for (double w : weights) {
        s += w;
      }
      this.sumWeights = s;
      this.vb = vb;
    }

    public double[] yi() {
      return yi.clone();
    }

    public double[] vi() {
      return vi.clone();
    }

    public DesignMatrix x() {
      return x;
    }

    public double weight(int i) {
      return weights[i];
    }

    public double sumWeights() {
      return sumWeights;
    }

    double vb(int i, int j) {
      return vb[i][j];
    }

    double[] rawYi() {
      return yi;
    }

    double[] rawVi() {
      return vi;
    }
  }
}
