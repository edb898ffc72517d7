package org.ewb.logic.meta.sensitivity;

import static org.ewb.logic.meta.ResultFields.num;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.MhResult;

/**
 * The pooled result of one refit, without the fitted data: what leave-one-out, cumulative and
 * trim-and-fill rows show. Keeping this instead of the {@link MetaResult} (which holds its yi, vi
 * and weights) keeps k refits of k studies in O(k) memory instead of O(k^2).
 *
 * @param k number of studies in the fit
 * @param estimate pooled estimate
 * @param se its standard error
 * @param stat z (or t with {@code df}) statistic
 * @param df t degrees of freedom, NaN for z
 * @param pval two-sided p-value
 * @param ciLb lower confidence limit
 * @param ciUb upper confidence limit
 * @param tau2 between-study variance
 * @param i2 I^2 (percent)
 * @param h2 H^2
 * @param qe Cochran's Q
 * @param qeDf its degrees of freedom
 * @param qep its p-value
 */
public record PooledSummary(
    int k,
    double estimate,
    double se,
    double stat,
    double df,
    double pval,
    double ciLb,
    double ciUb,
    double tau2,
    double i2,
    double h2,
    double qe,
    int qeDf,
    double qep) {

  public static PooledSummary of(MetaResult f) {
    return new PooledSummary(
        f.k(),
        f.estimate(),
        f.se(),
        f.stat(),
        f.df(),
        f.pval(),
        f.ciLb(),
        f.ciUb(),
        f.tau2(),
        f.i2(),
        f.h2(),
        f.qe(),
        f.qeDf(),
        f.qep());
  }

  /** The pooled result of a Mantel-Haenszel or Peto fit (tau^2 = 0, test z). */
  public static PooledSummary of(MhResult f) {
    return new PooledSummary(
        f.k(),
        f.estimate(),
        f.se(),
        f.zval(),
        Double.NaN,
        f.pval(),
        f.ciLb(),
        f.ciUb(),
        0,
        f.i2(),
        f.h2(),
        f.qe(),
        f.qeDf(),
        f.qep());
  }

  /**
   * Reference-file field names: estimate, se, zval (or tval and df), pval, ci_lb, ci_ub, tau2, I2,
   * H2, QE, QEp and, for ratio and correlation measures, estimate_bt, ci_lb_bt, ci_ub_bt.
   */
  public Map<String, Object> fields(BackTransform bt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("estimate", num(estimate));
    m.put("se", num(se));
    if (Double.isNaN(df)) {
      m.put("zval", num(stat));
    } else {
      m.put("tval", num(stat));
      m.put("df", num(df));
    }
    m.put("pval", num(pval));
    m.put("ci_lb", num(ciLb));
    m.put("ci_ub", num(ciUb));
    m.put("tau2", num(tau2));
    m.put("I2", num(i2));
    m.put("H2", num(h2));
    m.put("QE", num(qe));
    m.put("QEp", num(qep));
    if (bt != BackTransform.NONE) {
      m.put("estimate_bt", num(bt.apply(estimate)));
      m.put("ci_lb_bt", num(bt.apply(ciLb)));
      m.put("ci_ub_bt", num(bt.apply(ciUb)));
    }
    return m;
  }
}
