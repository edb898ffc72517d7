package org.ewb.logic.meta;

/**
 * Q-profile confidence interval for tau^2 (Viechtbauer 2007, doi:10.1002/sim.2514), as metafor's
 * {@code confint(type="QP")}: with Qgen(t) = y'P(t)y (decreasing in t) and df = k - p, the lower
 * bound solves Qgen = chi2_{1-a/2}(df), the upper bound Qgen = chi2_{a/2}(df), searched on [0,
 * max(100, 10 tau2)]. A bound is 0 when Qgen(0) is already below its target (both 0, marked {@code
 * "<"} as metafor does: {@code ciNull}); a bound at the upper search limit is flagged {@code ">"}.
 * Roots by Brent's method to double precision. tau, I^2 = 100 t/(vt + t) and H^2 = 1 + t/vt follow
 * from the tau^2 bounds.
 */
final class QProfile {

  private QProfile() {}

  static HeterogeneityCi confint(MetaResult r) {
    int df = r.k() - r.p();
    if (df < 1) {
      return new HeterogeneityCi(
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          "",
          "",
          false);
    }
    double[] y = r.data().rawYi();
    double[] v = r.data().rawVi();
    double[][] cols = r.data().x().raw();
    double alpha = 1 - r.level() / 100;
    double qLb = Distributions.chiSquaredQuantile(1 - alpha / 2, df);
    double qUb = Distributions.chiSquaredQuantile(alpha / 2, df);
    double min = 0;
    double max = Math.max(100, 10 * r.tau2());
    double q0 = RandomEffectsModel.generalizedQ(y, v, cols, min);
    double qMax = RandomEffectsModel.generalizedQ(y, v, cols, max);
    double lb;
    double ub;
    String lbSign = "";
    String ubSign = "";
    boolean ciNull = false;
    if (q0 < qUb) {
      // Q(0) below the lower critical value: the CI is empty; metafor reports {0, 0} marked
      // "<" on both sides
      lb = min;
      ub = min;
      lbSign = "<";
      ubSign = "<";
      ciNull = true;
    } else {
      if (q0 < qLb) {
        lb = min;
      } else if (qMax > qLb) {
        lb = max;
        lbSign = ">";
      } else {
        lb =
            RootFinder.brent(t -> RandomEffectsModel.generalizedQ(y, v, cols, t) - qLb, min, max)
                .x();
      }
      if (qMax > qUb) {
        ub = max;
        ubSign = ">";
      } else {
        ub =
            RootFinder.brent(t -> RandomEffectsModel.generalizedQ(y, v, cols, t) - qUb, min, max)
                .x();
      }
    }
    double vt = r.vt();
    return new HeterogeneityCi(
        lb,
        ub,
        Math.sqrt(lb),
        Math.sqrt(ub),
        100 * lb / (vt + lb),
        100 * ub / (vt + ub),
        1 + lb / vt,
        1 + ub / vt,
        lbSign,
        ubSign,
        ciNull);
  }
}
