package org.ewb.logic.meta;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import org.ewb.model.WorkbenchException;

/**
 * The inverse-variance (mixed-effects) meta-analysis model y = X b + u + e, u ~ N(0, tau^2), e ~
 * N(0, v_i), as metafor's {@code rma.uni} (Viechtbauer 2010, doi:10.18637/jss.v036.i03). An
 * immutable, configured estimator: {@code RandomEffectsModel.of(REML).withTest(KNHA).fit(...)}.
 * Intercept-only models, meta-regression and subgroups with a common tau^2 all use the same code
 * with a k x p design matrix; every step is weighted least squares costing O(k p^2) (see {@link
 * Wls}), so k = 10^6 studies fit in well under a second.
 *
 * <p>Let w_i = 1/(v_i + tau^2), W = diag(w), P = W - W X (X'WX)^-1 X'W; P0, Q = y'P0 y (= QE, the
 * residual heterogeneity statistic with df k - p) are the values at tau^2 = 0. Estimators of tau^2
 * (all truncated at 0):
 *
 * <ul>
 *   <li>EE: tau^2 = 0 (common / fixed effect).
 *   <li>DL: (Q - (k-p)) / tr(P0) (DerSimonian and Laird 1986, doi:10.1016/0197-2456(86)90046-2).
 *   <li>HE: (RSS_OLS - tr((I-H) V)) / (k-p), Hedges' method-of-moments estimator.
 *   <li>SJ: tau0 = RSS_OLS / k, then tau0 * y'P(tau0)y / (k-p), non-iterative (Sidik and Jonkman
 *       2005, doi:10.1080/10543400500205145).
 *   <li>PM: root of y'P(tau^2)y = k - p (Paule and Mandel 1982, doi:10.6028/jres.087.022), found by
 *       Brent's method to ~1e-15 relative; 0 if y'P0y < k - p. Unlike metafor, an upper bracket end
 *       that is too small is doubled instead of failing.
 *   <li>ML, REML: Fisher scoring tau^2 += (y'PPy - sum w)/sum w^2 (ML) or (y'PPy - tr P)/tr(PP)
 *       (REML) (Viechtbauer 2005, doi:10.3102/10769986030003261).
 *   <li>EB: tau^2 += (y'Py k/(k-p) - k)/sum w (Morris 1983, Berkey et al. 1995).
 * </ul>
 *
 * <p>Convergence of ML/REML/EB (metafor's rules, tighter threshold): start at max(0, HE); scale the
 * step by {@code stepAdj}; halve a step that would make tau^2 negative until it does not; stop when
 * |change| < threshold * max(1, tau^2) (default threshold 1e-12, metafor's default is 1e-5); fail
 * after {@code maxIterations} (default 1000). For ML/REML the log-likelihood at tau^2 = 0 is
 * compared with that at the solution and tau^2 set to 0 if it is higher (metafor's ll0check).
 *
 * <p>Inference: vb = (X'WX)^-1, z tests; or Knapp-Hartung (test KNHA: vb scaled by s2w = y'Py /
 * (k-p), not truncated at 1, t(k-p) quantiles; Hartung and Knapp 2001, doi:10.1002/sim.1040; Knapp
 * and Hartung 2003, doi:10.1002/sim.1482). I^2 = 100 tau^2/(vt + tau^2), H^2 = 1 + tau^2/vt with vt
 * = (k-p)/tr(P0) (Higgins and Thompson 2002, doi:10.1002/sim.1186); for EE I^2 = max(0, 100 (Q -
 * (k-p))/Q), H^2 = Q/(k-p). Standard errors of tau^2 are metafor's formulas (see the README of the
 * reference files). With k = p (e.g. one study) the model is fitted as EE with test z, QE = 0, I^2
 * = 0, H^2 = 1, as metafor does.
 */
public final class RandomEffectsModel {

  /**
   * Default stopping threshold of Fisher scoring: relative change of tau^2, with an absolute floor
   * scaled by the smallest sampling variance (see {@link #fisherScoring}; ADR 0080).
   */
  public static final double DEFAULT_THRESHOLD = 1e-12;

  /**
   * Knapp-Hartung: a residual Q (y'Py) at or below this is treated as exactly 0 (metafor uses
   * {@code .Machine$double.eps}; y'Py is dimensionless, so the rule is scale-free).
   */
  static final double KNHA_DEGENERATE_RSS = 0x1.0p-52;

  public static final int DEFAULT_MAX_ITERATIONS = 1000;

  private final TauMethod method;
  private final TestType test;
  private final double threshold;
  private final int maxIterations;
  private final double stepAdj;
  private final double level;

  private RandomEffectsModel(
      TauMethod method,
      TestType test,
      double threshold,
      int maxIterations,
      double stepAdj,
      double level) {
    this.method = method;
    this.test = test;
    this.threshold = threshold;
    this.maxIterations = maxIterations;
    this.stepAdj = stepAdj;
    this.level = level;
  }

  /** The model with tau^2 estimator {@code method}, test z, 95% intervals. */
  public static RandomEffectsModel of(TauMethod method) {
    return new RandomEffectsModel(
        method, TestType.Z, DEFAULT_THRESHOLD, DEFAULT_MAX_ITERATIONS, 1, 95);
  }

  public RandomEffectsModel withTest(TestType newTest) {
    return new RandomEffectsModel(method, newTest, threshold, maxIterations, stepAdj, level);
  }

  public RandomEffectsModel withThreshold(double newThreshold) {
    if (!(newThreshold > 0)) {
      throw new IllegalArgumentException("threshold must be > 0");
    }
    return new RandomEffectsModel(method, test, newThreshold, maxIterations, stepAdj, level);
  }

  public RandomEffectsModel withMaxIterations(int newMax) {
    if (newMax < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1");
    }
    return new RandomEffectsModel(method, test, threshold, newMax, stepAdj, level);
  }

  /** Step-length factor of Fisher scoring (metafor {@code stepadj}), in (0, 1]. */
  public RandomEffectsModel withStepAdjustment(double newStepAdj) {
    if (!(newStepAdj > 0 && newStepAdj <= 1)) {
      throw new IllegalArgumentException("stepAdj must be in (0, 1]");
    }
    return new RandomEffectsModel(method, test, threshold, maxIterations, newStepAdj, level);
  }

  /** Confidence level in percent (default 95). */
  public RandomEffectsModel withLevel(double newLevel) {
    if (!(newLevel > 0 && newLevel < 100)) {
      throw new IllegalArgumentException("level must be in (0, 100)");
    }
    return new RandomEffectsModel(method, test, threshold, maxIterations, stepAdj, newLevel);
  }

  public TauMethod method() {
    return method;
  }

  public TestType test() {
    return test;
  }

  public double level() {
    return level;
  }

  /** Intercept-only model of the included effect sizes. */
  public MetaResult fit(List<EffectSize> studies) {
    List<EffectSize> used = studies.stream().filter(EffectSize::included).toList();
    double[] y = new double[used.size()];
    double[] v = new double[used.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = used.get(i).yi();
      v[i] = used.get(i).vi();
    }
    return fit(y, v);
  }

  /** Intercept-only model. */
  public MetaResult fit(double[] yi, double[] vi) {
    return fit(yi, vi, DesignMatrix.intercept(yi.length));
  }

  /** The model with design matrix {@code x} (k x p, include the intercept column yourself). */
  public MetaResult fit(double[] yi, double[] vi, DesignMatrix x) {
    int k = yi.length;
    int p = x.columns();
    if (vi.length != k || x.rows() != k) {
      throw new IllegalArgumentException("yi, vi and X must have the same number of rows");
    }
    if (k == 0) {
      throw new WorkbenchException(WorkbenchException.Kind.DATA, lang("meta.error.noStudies"));
    }
    for (int i = 0; i < k; i++) {
      if (!Double.isFinite(yi[i]) || !Double.isFinite(vi[i]) || !(vi[i] > 0)) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA, lang("meta.error.badRow", i + 1, yi[i], vi[i]));
      }
    }
    if (k < p) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("meta.error.tooFewStudies", k, p));
    }
    double[] y = yi.clone();
    double[] v = vi.clone();
    double[][] cols = x.raw();
    TauMethod m = method;
    TestType t = test;
    boolean saturated = k == p;
    if (saturated) {
      // metafor: with k = p (one study) tau^2 = 0 is not estimated and the test is z; the method
      // keeps its name, so a random-effects model reports PI = CI (tau^2 = 0) and se(tau^2) NA.
      t = TestType.Z;
    }
    int dfRes = k - p;
    Ctx ctx = new Ctx(y, v, cols);
    Wls ee;
    try {
      ee = ctx.at(0);
      if (p > 1) {
        new Wls(y, cols, ones(k)); // rank check on X itself
      }
    } catch (Wls.SingularModelException e) {
      throw new WorkbenchException(WorkbenchException.Kind.DATA, lang("meta.error.singular"));
    }
    double qe = dfRes == 0 ? 0 : ee.rss;
    double trP0 = ee.traceP();

    double tau2;
    double seTau2 = Double.NaN;
    int iterations = 0;
    switch (saturated ? TauMethod.EE : m) {
      case EE -> tau2 = 0;
      case DL -> {
        tau2 = Math.max(0, (qe - dfRes) / trP0);
        double tpp = ee.traceDPDP(null, null);
        seTau2 = Math.sqrt(2 * dfRes + 4 * tau2 * trP0 + 2 * tau2 * tau2 * tpp) / trP0;
      }
      case HE -> {
        Wls ols = new Wls(y, cols, ones(k));
        double trPv = tracePV(ols, v);
        tau2 = Math.max(0, (ols.rss - trPv) / dfRes);
        seTau2 =
            Math.sqrt(2 * ols.traceDPDP(v, v) + 4 * tau2 * trPv + 2 * tau2 * tau2 * dfRes) / dfRes;
      }
      case SJ -> {
        // metafor: tau0 = sum (y - mean y)^2 / k, the variance of the effects ignoring any
        // moderators (Sidik and Jonkman 2005), also with a design matrix
        double tau0 = centredSumOfSquares(y) / k;
        Wls s = new Wls(y, cols, weights(v, tau0));
        tau2 = Math.max(0, tau0 * s.rss / dfRes);
        seTau2 =
            tau0
                * Math.sqrt(
                    2 * s.traceDPDP(v, v)
                        + 4 * tau2 * s.traceDPDP(v, null)
                        + 2 * tau2 * tau2 * s.traceDPDP(null, null))
                / dfRes;
      }
      case PM -> {
        double[] res = pauleMandel(y, v, cols, dfRes);
        tau2 = res[0];
        iterations = (int) res[1];
        seTau2 = Math.sqrt(2.0 * k * k / dfRes) / sumWeights(v, tau2);
      }
      case ML, REML, EB -> {
        double[] res = fisherScoring(m, ctx);
        tau2 = res[0];
        iterations = (int) res[1];
        if (m == TauMethod.EB) {
          seTau2 = Math.sqrt(2.0 * k * k / dfRes) / sumWeights(v, tau2);
        }
      }
      default -> throw new IllegalStateException();
    }

    Wls fit = ctx.at(tau2);
    double[] w = fit.w;
    if (saturated) {
      seTau2 = Double.NaN;
    } else if (m == TauMethod.ML) {
      double s = 0;
      for (double wi : w) {
        s += wi * wi;
      }
      seTau2 = Math.sqrt(2 / s);
    } else if (m == TauMethod.REML) {
      seTau2 = Math.sqrt(2 / fit.traceDPDP(null, null));
    }

    double s2w = 1;
    double df = Double.NaN;
    double alpha = 1 - level / 100;
    double crit;
    double[][] vb = new double[p][p];
    if (t == TestType.KNHA) {
      if (fit.rss <= KNHA_DEGENERATE_RSS) {
        // metafor sets s2w = 0 here (se 0, t = +-Inf, p = 0): refuse instead of printing numbers
        // that look valid; see ADR 0081
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA, lang("meta.error.knhaDegenerate", fit.rss));
      }
      s2w = fit.rss / dfRes;
      df = dfRes;
      crit = Distributions.tQuantile(1 - alpha / 2, df);
    } else {
      crit = Distributions.zQuantile(1 - alpha / 2);
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        vb[i][j] = s2w * fit.ainv[i][j];
      }
    }
    List<Coefficient> coefs = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      double b = fit.beta[j];
      double se = Math.sqrt(vb[j][j]);
      double stat = b / se;
      double pv =
          t == TestType.KNHA ? Distributions.tPvalue(stat, df) : Distributions.zPvalue(stat);
      coefs.add(
          new Coefficient(x.names().get(j), b, se, stat, df, pv, b - crit * se, b + crit * se));
    }

    double vt = dfRes == 0 ? Double.NaN : dfRes / trP0;
    double i2;
    double h2;
    if (dfRes == 0) {
      i2 = 0;
      h2 = 1;
    } else if (m == TauMethod.EE) {
      i2 = Math.max(0, 100 * (qe - dfRes) / qe);
      h2 = qe / dfRes;
    } else {
      i2 = 100 * tau2 / (vt + tau2);
      h2 = 1 + tau2 / vt;
    }
    double qep = Distributions.chiSquaredUpper(qe, dfRes);

    // omnibus test of all coefficients except the intercept (or of the intercept alone)
    List<Integer> btt = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (!(p > 1 && x.isInterceptColumn(j))) {
        btt.add(j);
      }
    }
    int m2 = btt.size();
    double[][] sub = new double[m2][m2];
    double[] bsub = new double[m2];
    for (int a = 0; a < m2; a++) {
      bsub[a] = fit.beta[btt.get(a)];
      for (int b = 0; b < m2; b++) {
        sub[a][b] = vb[btt.get(a)][btt.get(b)];
      }
    }
    double qm = quadraticFormInverse(sub, bsub);
    double qmDf2 = Double.NaN;
    double qmp;
    if (t == TestType.KNHA) {
      qm = qm / m2;
      qmDf2 = dfRes;
      qmp = Distributions.fUpper(qm, m2, dfRes);
    } else {
      qmp = Distributions.chiSquaredUpper(qm, m2);
    }

    double[] ll = ctx.logLikelihoods(tau2);
    MetaResult.FitData data = new MetaResult.FitData(y, v, x, w, vb);
    return new MetaResult(
        m,
        t,
        level,
        k,
        p,
        coefs,
        df,
        crit,
        tau2,
        seTau2,
        i2,
        h2,
        vt,
        qe,
        dfRes,
        qep,
        s2w,
        qm,
        m2,
        qmDf2,
        qmp,
        ll[0],
        ll[1],
        iterations,
        data);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The data of one fit with memoised WLS fits and log-likelihood sums, so that the fit at tau^2 =
   * 0, the final fit and the ll0check share their O(k) passes.
   */
  private static final class Ctx {
    final double[] y;
    final double[] v;
    final double[][] cols;
    final int k;
    final int p;
    private Wls at0;
    private double lastTau2 = Double.NaN;
    private Wls last;
    private double logTau2a = Double.NaN;
    private double sumLogA;
    private double logTau2b = Double.NaN;
    private double sumLogB;
    private double logDetXx = Double.NaN;

    Ctx(double[] y, double[] v, double[][] cols) {
      this.y = y;
      this.v = v;
      this.cols = cols;
      this.k = y.length;
      this.p = cols.length;
    }

    Wls at(double tau2) {
      if (tau2 == 0) {
        if (at0 == null) {
          at0 = new Wls(y, cols, weights(v, 0));
        }
        return at0;
      }
      if (tau2 != lastTau2) {
        last = new Wls(y, cols, weights(v, tau2));
        lastTau2 = tau2;
      }
      return last;
    }

    double sumLog(double tau2) {
      if (tau2 == logTau2a) {
        return sumLogA;
      }
      if (tau2 == logTau2b) {
        return sumLogB;
      }
      double s = sumLogShifted(v, tau2);
      logTau2b = logTau2a;
      sumLogB = sumLogA;
      logTau2a = tau2;
      sumLogA = s;
      return s;
    }

    double logDetXx() {
      if (Double.isNaN(logDetXx)) {
        if (p == 1) {
          double s = 0;
          for (double c : cols[0]) {
            s += c * c;
          }
          logDetXx = Math.log(s);
        } else {
          logDetXx = Wls.logDet(Wls.cholesky(Wls.xtdx(cols, ones(k), null)));
        }
      }
      return logDetXx;
    }

    /**
     * ML and REML log-likelihoods (metafor {@code fit.stats}, REMLf = TRUE): ll_ML = -k/2 log(2 pi)
     * - 1/2 sum log(v + tau2) - 1/2 RSS; ll_REML = -(k-p)/2 log(2 pi) + 1/2 log|X'X| - 1/2 sum
     * log(v + tau2) - 1/2 log|X'WX| - 1/2 RSS.
     */
    double[] logLikelihoods(double tau2) {
      Wls fit = at(tau2);
      double sumLog = sumLog(tau2);
      double ml = -0.5 * k * Math.log(2 * Math.PI) - 0.5 * sumLog - 0.5 * fit.rss;
      double reml =
          -0.5 * (k - p) * Math.log(2 * Math.PI)
              + 0.5 * logDetXx()
              - 0.5 * sumLog
              - 0.5 * fit.logDetXwx
              - 0.5 * fit.rss;
      return new double[] {ml, reml};
    }
  }

  /**
   * Fisher scoring; if it does not meet the stop rule in {@code maxIterations} the fit is refused
   * (no number is reported). metafor's remedy for an oscillating iteration, a smaller step, is
   * available as {@link #withStepAdjustment}; it is not applied silently, because metafor's own
   * default fit fails there too and the reference cases record that failure as NA.
   */
  private double[] fisherScoring(TauMethod m, Ctx ctx) {
    double[] r = fisherScoring(m, ctx, stepAdj);
    if (r[1] < 0) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("meta.error.noConvergence", m.name(), maxIterations));
    }
    return r;
  }

  /** {tau2, iterations}, iterations negative if the rule was not met in maxIterations. */
  private double[] fisherScoring(TauMethod m, Ctx ctx, double step) {
    double[] y = ctx.y;
    double[] v = ctx.v;
    double[][] cols = ctx.cols;
    int k = ctx.k;
    int p = ctx.p;
    Wls ols = new Wls(y, cols, ones(k));
    double tau2 = Math.max(0, (ols.rss - tracePV(ols, v)) / (k - p));
    double vmin = Double.POSITIVE_INFINITY;
    for (double vi : v) {
      vmin = Math.min(vmin, vi);
    }
    // relative rule with an absolute floor on the scale of the data (scale-equivariant): stop
    // when |change| <= threshold * max(tau2, min v_i)
    double floor = threshold * vmin;
    double change = Double.POSITIVE_INFINITY;
    int iter = 0;
    while (change > Math.max(threshold * tau2, floor)) {
      iter++;
      if (iter > maxIterations) {
        return new double[] {tau2, -maxIterations};
      }
      Wls f = ctx.at(tau2);
      double adj;
      if (m == TauMethod.REML) {
        adj = (f.yPPy() - f.traceP()) / f.traceDPDP(null, null);
      } else if (m == TauMethod.ML) {
        double sw = 0;
        double sw2 = 0;
        for (double wi : f.w) {
          sw += wi;
          sw2 += wi * wi;
        }
        adj = (f.yPPy() - sw) / sw2;
      } else {
        adj = (f.rss * k / (k - p) - k) / f.sumW();
      }
      adj *= step;
      if (tau2 + adj < 0) {
        if (tau2 == 0) {
          adj = 0; // halving would end at exactly 0 anyway
        }
        while (tau2 + adj < 0) {
          adj /= 2;
        }
      }
      double old = tau2;
      tau2 = tau2 + adj;
      change = Math.abs(old - tau2);
    }
    if (tau2 <= 2 * floor) {
      // the iteration crept to the boundary (each step halved towards 0): the maximum is at 0, and
      // a remainder this small changes no weight (v_i + tau2 = v_i to 1e-12)
      tau2 = 0;
    }
    if ((m == TauMethod.ML || m == TauMethod.REML) && tau2 > floor) {
      double[] ll0 = ctx.logLikelihoods(0);
      double[] llT = ctx.logLikelihoods(tau2);
      int idx = m == TauMethod.ML ? 0 : 1;
      if (ll0[idx] - llT[idx] > 1e-12) {
        tau2 = 0;
      }
    }
    return new double[] {tau2, iter};
  }

  private static double[] pauleMandel(double[] y, double[] v, double[][] cols, int dfRes) {
    if (dfRes == 0) {
      return new double[] {0, 0};
    }
    java.util.function.DoubleUnaryOperator f = t -> generalizedQ(y, v, cols, t) - dfRes;
    if (f.applyAsDouble(0) < 0) {
      return new double[] {0, 1};
    }
    double hi = Math.max(100, 10 * variance(y));
    int guard = 0;
    while (f.applyAsDouble(hi) > 0) {
      hi *= 2;
      if (++guard > 200) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA, lang("meta.error.noConvergence", "PM", guard));
      }
    }
    RootFinder.Root r = RootFinder.brent(f, 0, hi);
    return new double[] {r.x(), r.evaluations()};
  }

  /** y'P(tau2)y: the generalised Q statistic at tau2. */
  static double generalizedQ(double[] y, double[] v, double[][] cols, double tau2) {
    return new Wls(y, cols, weights(v, tau2)).rss;
  }

  private static final double LN2 = Math.log(2);

  /**
   * sum log(v_i + t) with one {@code Math.log} per 32 values: the binary exponents are summed
   * exactly and the mantissas (in [1, 2)) multiplied in blocks of 32, so the product stays below
   * 2^32; accuracy is that of plain summation. Used for the log-likelihoods at large k.
   */
  static double sumLogShifted(double[] v, double t) {
    long exponents = 0;
    double total = 0;
    double prod = 1;
    int n = 0;
    for (double vi : v) {
      double x = vi + t;
      long bits = Double.doubleToRawLongBits(x);
      int e = (int) ((bits >>> 52) & 0x7ff);
      if (e == 0 || e == 0x7ff || x < 0) {
        total += Math.log(x); // zero, subnormal, negative or non-finite: no shortcut
        continue;
      }
      exponents += e - 1023;
      prod *= Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
      if (++n == 32) {
        total += Math.log(prod);
        prod = 1;
        n = 0;
      }
    }
    return total + Math.log(prod) + exponents * LN2;
  }

  /** tr((I - H) V) for the unweighted fit: sum v_i (1 - h_i). */
  private static double tracePV(Wls ols, double[] v) {
    double[] oml = ols.oneMinusLeverage();
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i] * oml[i];
    }
    return s;
  }

  static double[] weights(double[] v, double tau2) {
    double[] w = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = 1 / (v[i] + tau2);
    }
    return w;
  }

  private static double sumWeights(double[] v, double tau2) {
    double s = 0;
    for (double vi : v) {
      s += 1 / (vi + tau2);
    }
    return s;
  }

  static double[] ones(int k) {
    double[] o = new double[k];
    java.util.Arrays.fill(o, 1.0);
    return o;
  }

  /** sum (y - mean y)^2, with the mean corrected for rounding (two passes). */
  static double centredSumOfSquares(double[] y) {
    double mean = 0;
    for (double d : y) {
      mean += d;
    }
    mean /= y.length;
    double corr = 0;
    for (double d : y) {
      corr += d - mean;
    }
    mean += corr / y.length;
    double s = 0;
    for (double d : y) {
      s += (d - mean) * (d - mean);
    }
    return s;
  }

  private static double variance(double[] y) {
    double mean = 0;
    for (double d : y) {
      mean += d;
    }
    mean /= y.length;
    double s = 0;
    for (double d : y) {
      s += (d - mean) * (d - mean);
    }
    return y.length > 1 ? s / (y.length - 1) : 0;
  }

  /** b' S^-1 b for a small symmetric positive-definite S. */
  static double quadraticFormInverse(double[][] s, double[] b) {
    double[][] inv = Wls.invertFromCholesky(Wls.cholesky(s));
    double q = 0;
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < b.length; j++) {
        q += b[i] * inv[i][j] * b[j];
      }
    }
    return q;
  }
}
