package org.ewb.logic.meta.multivariate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;

/**
 * Multivariate random-effects model over the time points of each study (metafor {@code rma.mv(yi,
 * V, mods = ~ factor(time) - 1, random = ~ time | study, struct = ...)}), fitted by restricted
 * maximum likelihood.
 *
 * <p>Model: for study i with effect sizes y_i at its time points, y_i = X_i β + u_i + e_i, where
 * X_i picks the time points of the study (one coefficient β_j per time point: the pooled
 * trajectory), u_i ~ N(0, G) with G given by the {@link CovarianceStructure}, and e_i ~ N(0, V_i)
 * with V_i,jj = v_ij and V_i,jk = ρ_w √(v_ij v_ik) (ρ_w = the within-study correlation the reviewer
 * sets; Riley 2009, doi:10.1111/j.1467-985X.2008.00552.x; Ishak et al. 2007,
 * doi:10.1177/1740774507085287). M_i = V_i + G restricted to the study's time points.
 *
 * <p>REML log-likelihood (Harville 1977, doi:10.1080/01621459.1977.10480998; as metafor computes
 * it): ℓ_R(θ) = −½[(n−p) log 2π + Σ log|M_i| + log|X'M⁻¹X| + r'M⁻¹r] + ½ log|X'X|, with r = y − Xβ̂
 * and β̂ = (X'M⁻¹X)⁻¹X'M⁻¹y. It is maximised by Fisher scoring over φ = (log τ², atanh ρ) (CAR:
 * logit ρ) with step halving: score ∂ℓ_R/∂φ_a = −½ tr(P D_a) + ½ r'M⁻¹D_aM⁻¹r and expected
 * information ½ tr(P D_a P D_b), P = M⁻¹ − M⁻¹X(X'M⁻¹X)⁻¹X'M⁻¹, D_a = ∂M/∂φ_a (Searle, Casella &
 * McCulloch 1992, ch. 6). Every term is a sum over the studies' small blocks, so a fit of k studies
 * costs O(k T³) per iteration. Iteration stops when the largest step in φ is below 1e-10. Standard
 * errors are √diag((X'M⁻¹X)⁻¹) at θ̂; the test of change over time is the Wald test of β_1 = … =
 * β_T (metafor's QM of the same model with an intercept).
 *
 * <p>Immutable: {@code of(structure).withRhoWithin(0.5).fit(data)}.
 */
public final class MultivariateModel {

  /** Default within-study correlation of the sampling errors of two time points. */
  public static final double DEFAULT_RHO_WITHIN = 0.5;

  private static final double Z975 = 1.959963984540054;
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final int MAX_ITERATIONS = 1000;
  private static final double STEP_TOLERANCE = 1e-10;
  private static final double NEWTON_FROM = 1e-2;

  private final CovarianceStructure structure;
  private final double rhoWithin;

  private MultivariateModel(CovarianceStructure structure, double rhoWithin) {
    this.structure = structure;
    this.rhoWithin = rhoWithin;
  }

  public static MultivariateModel of(CovarianceStructure structure) {
    return new MultivariateModel(structure, DEFAULT_RHO_WITHIN);
  }

  /**
   * @throws WorkbenchException (USAGE) unless −1 &lt; rho &lt; 1
   */
  public MultivariateModel withRhoWithin(double rho) {
    if (!(rho > -1 && rho < 1)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("mv.error.rho", rho));
    }
    return new MultivariateModel(structure, rho);
  }

  public CovarianceStructure structure() {
    return structure;
  }

  public double rhoWithin() {
    return rhoWithin;
  }

  /** The fit at each within-study correlation in {@code rhos} (a sensitivity table). */
  public List<MultivariateResult.SensitivityRow> sensitivity(TimeSeriesData data, double... rhos) {
    List<MultivariateResult.SensitivityRow> rows = new ArrayList<>();
    for (double r : rhos) {
      rows.add(new MultivariateResult.SensitivityRow(r, withRhoWithin(r).fit(data)));
    }
    return rows;
  }

  /**
   * Fits the model.
   *
   * @throws WorkbenchException (DATA) if there are no observations or the model cannot be fitted
   */
  public MultivariateResult fit(TimeSeriesData data) {
    if (data.observations().isEmpty()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, Localization.lang("mv.error.empty"));
    }
    Problem pr = new Problem(data, structure, rhoWithin);
    double[] phi = pr.start();
    Eval e = pr.eval(phi, true);
    if (!e.ok) {
      throw notFitted();
    }
    int iter = 0;
    boolean converged = false;
    while (iter < MAX_ITERATIONS) {
      iter++;
      double[] step = Dense.solveSpd(e.fisher, e.grad);
      if (step == null) {
        step = e.grad.clone();
      }
      if (maxAbs(step) < NEWTON_FROM) {
        // near the optimum Fisher scoring converges only linearly; Newton on the observed
        // information (differences of the analytic score) finishes superlinearly
        double[] newton = newtonStep(pr, phi, e);
        if (newton != null) {
          step = newton;
        }
      }
      // keep one step within a factor e^3 of the variances
      double big = 0;
      for (double s : step) {
        big = Math.max(big, Math.abs(s));
      }
      if (big > 3) {
        for (int a = 0; a < step.length; a++) {
          step[a] *= 3 / big;
        }
      }
      double t = 1;
      Eval next = null;
      double[] cand = null;
      while (t > 1e-12) {
        cand = new double[phi.length];
        for (int a = 0; a < phi.length; a++) {
          cand[a] = phi[a] + t * step[a];
        }
        Eval ce = pr.eval(cand, false);
        if (ce.ok && ce.ll >= e.ll - 1e-12 * Math.abs(e.ll)) {
          next = pr.eval(cand, true);
          break;
        }
        t /= 2;
      }
      if (next == null) {
        converged = maxAbs(e.grad) < 1e-6;
        break;
      }
      double moved = 0;
      for (int a = 0; a < phi.length; a++) {
        moved = Math.max(moved, Math.abs(cand[a] - phi[a]));
      }
      phi = cand;
      e = next;
      if (moved < STEP_TOLERANCE) {
        converged = true;
        break;
      }
    }
    return pr.result(phi, e, iter, converged);
  }

  /**
   * −H⁻¹ g with H the numerical Hessian of ℓ_R from forward differences of the analytic score (the
   * Hessian only steers the step; the solution's precision comes from the analytic score), or null.
   */
  private static double[] newtonStep(Problem pr, double[] phi, Eval e) {
    int np = phi.length;
    double[][] negH = new double[np][np];
    for (int b = 0; b < np; b++) {
      double h = 1e-6 * Math.max(1, Math.abs(phi[b]));
      double[] up = phi.clone();
      up[b] += h;
      Eval eu = pr.eval(up, true);
      if (!eu.ok) {
        return null;
      }
      for (int a = 0; a < np; a++) {
        negH[a][b] = -(eu.grad[a] - e.grad[a]) / h;
      }
    }
    for (int a = 0; a < np; a++) {
      for (int b = a + 1; b < np; b++) {
        double m = 0.5 * (negH[a][b] + negH[b][a]);
        negH[a][b] = m;
        negH[b][a] = m;
      }
    }
    return Dense.solveSpd(negH, e.grad);
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  private static WorkbenchException notFitted() {
    return new WorkbenchException(
        WorkbenchException.Kind.DATA, Localization.lang("mv.error.notFitted"));
  }

  /** Log-likelihood, score and expected information at one φ. */
  static final class Eval {
    boolean ok;
    double ll;
    double[] grad;
    double[][] fisher;
    double[] beta;
    double[][] cov;
  }

  /** The data arranged in study blocks, and the likelihood. */
  static final class Problem {
    final CovarianceStructure s;
    final double rhoW;
    final double[] times;
    final int nt;
    final int n;
    final int[][] idx;
    final double[][] y;
    final double[][][] v;
    final int[] kPerTime;
    final boolean rhoFree;
    final int np;
    final double logDetXtX;

    Problem(TimeSeriesData data, CovarianceStructure s, double rhoW) {
      this.s = s;
      this.rhoW = rhoW;
      this.times = data.times();
      this.nt = times.length;
      Map<String, List<TimeSeriesData.Observation>> by = new LinkedHashMap<>();
      for (TimeSeriesData.Observation o : data.observations()) {
        by.computeIfAbsent(o.study(), x -> new ArrayList<>()).add(o);
      }
      int k = by.size();
      idx = new int[k][];
      y = new double[k][];
      v = new double[k][][];
      kPerTime = new int[nt];
      int i = 0;
      boolean anyPair = false;
      for (List<TimeSeriesData.Observation> obs : by.values()) {
        List<TimeSeriesData.Observation> sorted = new ArrayList<>(obs);
        sorted.sort((a, b) -> Double.compare(a.months(), b.months()));
        int m = sorted.size();
        anyPair |= m > 1;
        idx[i] = new int[m];
        y[i] = new double[m];
        v[i] = new double[m][m];
        for (int r = 0; r < m; r++) {
          TimeSeriesData.Observation o = sorted.get(r);
          idx[i][r] = java.util.Arrays.binarySearch(times, o.months());
          kPerTime[idx[i][r]]++;
          y[i][r] = o.yi();
        }
        for (int r = 0; r < m; r++) {
          for (int c = 0; c < m; c++) {
            double vr = sorted.get(r).vi();
            double vc = sorted.get(c).vi();
            v[i][r][c] = r == c ? vr : rhoW * Math.sqrt(vr * vc);
          }
        }
        i++;
      }
      n = data.observations().size();
      if (n <= nt) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA, Localization.lang("mv.error.tooFew", n, nt));
      }
      rhoFree = nt > 1 && anyPair;
      np = (s == CovarianceStructure.HCS ? nt : 1) + (rhoFree ? 1 : 0);
      double ld = 0;
      for (int j = 0; j < nt; j++) {
        ld += Math.log(kPerTime[j]);
      }
      logDetXtX = ld;
    }

    int nTau() {
      return s == CovarianceStructure.HCS ? nt : 1;
    }

    /** Method-of-moments start: per time point var(y) − mean(v), at least a tenth of mean(v). */
    double[] start() {
      double[] sum = new double[nt];
      double[] sq = new double[nt];
      double[] sv = new double[nt];
      for (int i = 0; i < idx.length; i++) {
        for (int r = 0; r < idx[i].length; r++) {
          int j = idx[i][r];
          sum[j] += y[i][r];
          sq[j] += y[i][r] * y[i][r];
          sv[j] += v[i][r][r];
        }
      }
      double[] t2 = new double[nt];
      double all = 0;
      for (int j = 0; j < nt; j++) {
        double kj = kPerTime[j];
        double mean = sum[j] / kj;
        double var = kj > 1 ? (sq[j] - kj * mean * mean) / (kj - 1) : 0;
        double mv = sv[j] / kj;
        t2[j] = Math.max(var - mv, 0.1 * mv);
        all += t2[j] / nt;
      }
      double[] phi = new double[np];
      for (int a = 0; a < nTau(); a++) {
        phi[a] = Math.log(s == CovarianceStructure.HCS ? t2[a] : all);
      }
      if (rhoFree) {
        phi[np - 1] = s == CovarianceStructure.CAR ? 0.0 : atanh(0.5);
      }
      return phi;
    }

    double rho(double[] phi) {
      if (!rhoFree) {
        return Double.NaN;
      }
      double p = phi[np - 1];
      return s == CovarianceStructure.CAR ? 1 / (1 + Math.exp(-p)) : Math.tanh(p);
    }

    double dRho(double[] phi) {
      double r = rho(phi);
      return s == CovarianceStructure.CAR ? r * (1 - r) : 1 - r * r;
    }

    double[] tau2(double[] phi) {
      double[] t = new double[nTau()];
      for (int a = 0; a < t.length; a++) {
        t[a] = Math.exp(phi[a]);
      }
      return t;
    }

    /** Distance of time points j and k as the structure sees it. */
    double lag(int j, int k) {
      return s == CovarianceStructure.CAR ? Math.abs(times[j] - times[k]) : Math.abs(j - k);
    }

    double[][] g(double[] phi) {
      double[] t2 = tau2(phi);
      double rho = rho(phi);
      double[][] g = new double[nt][nt];
      for (int j = 0; j < nt; j++) {
        for (int k = 0; k < nt; k++) {
          g[j][k] =
              switch (s) {
                case CS -> j == k ? t2[0] : t2[0] * rho;
                case HCS -> j == k ? t2[j] : Math.sqrt(t2[j] * t2[k]) * rho;
                case AR, CAR -> j == k ? t2[0] : t2[0] * Math.pow(rho, lag(j, k));
              };
        }
      }
      return g;
    }

    /** ∂G/∂φ_a for each parameter a. */
    double[][][] dg(double[] phi) {
      double[] t2 = tau2(phi);
      double rho = rho(phi);
      double dr = rhoFree ? dRho(phi) : 0;
      double[][][] d = new double[np][nt][nt];
      for (int j = 0; j < nt; j++) {
        for (int k = 0; k < nt; k++) {
          switch (s) {
            case CS -> {
              d[0][j][k] = j == k ? t2[0] : t2[0] * rho;
              if (rhoFree && j != k) {
                d[1][j][k] = t2[0] * dr;
              }
            }
            case HCS -> {
              if (j == k) {
                d[j][j][j] = t2[j];
              } else {
                double half = 0.5 * Math.sqrt(t2[j] * t2[k]) * rho;
                d[j][j][k] += half;
                d[k][j][k] += half;
                if (rhoFree) {
                  d[nt][j][k] = Math.sqrt(t2[j] * t2[k]) * dr;
                }
              }
            }
            case AR, CAR -> {
              double l = lag(j, k);
              d[0][j][k] = j == k ? t2[0] : t2[0] * Math.pow(rho, l);
              if (rhoFree && j != k) {
                d[1][j][k] = t2[0] * l * Math.pow(rho, l - 1) * dr;
              }
            }
          }
        }
      }
      return d;
    }

    Eval eval(double[] phi, boolean derivatives) {
      Eval e = new Eval();
      double[][] g = g(phi);
      int k = idx.length;
      double[][] xtwx = new double[nt][nt];
      double[] xtwy = new double[nt];
      double logDetM = 0;
      double ywy = 0;
      double[][][] w = new double[k][][];
      for (int i = 0; i < k; i++) {
        int m = idx[i].length;
        double[][] mi = new double[m][m];
        for (int r = 0; r < m; r++) {
          for (int c = 0; c < m; c++) {
            mi[r][c] = v[i][r][c] + g[idx[i][r]][idx[i][c]];
          }
        }
        double[][] l = Dense.cholesky(mi);
        if (l == null) {
          return e;
        }
        logDetM += Dense.logDet(l);
        w[i] = Dense.inverseFromCholesky(l);
        double[] wy = Dense.times(w[i], y[i]);
        for (int r = 0; r < m; r++) {
          xtwy[idx[i][r]] += wy[r];
          ywy += y[i][r] * wy[r];
          for (int c = 0; c < m; c++) {
            xtwx[idx[i][r]][idx[i][c]] += w[i][r][c];
          }
        }
      }
      double[][] lx = Dense.cholesky(xtwx);
      if (lx == null) {
        return e;
      }
      double[][] cov = Dense.inverseFromCholesky(lx);
      double[] beta = Dense.times(cov, xtwy);
      double rss = ywy;
      for (int j = 0; j < nt; j++) {
        rss -= beta[j] * xtwy[j];
      }
      e.ll = -0.5 * ((n - nt) * LOG_2PI + logDetM + Dense.logDet(lx) + rss) + 0.5 * logDetXtX;
      e.beta = beta;
      e.cov = cov;
      e.ok = Double.isFinite(e.ll);
      if (!derivatives || !e.ok) {
        return e;
      }
      double[][][] dg = dg(phi);
      double[] trWD = new double[np];
      double[] quad = new double[np];
      double[][] trWDWD = new double[np][np];
      double[][][] aa = new double[np][nt][nt];
      double[][][][] bb = new double[np][np][nt][nt];
      for (int i = 0; i < k; i++) {
        int m = idx[i].length;
        double[] r = new double[m];
        for (int q = 0; q < m; q++) {
          r[q] = y[i][q] - beta[idx[i][q]];
        }
        double[] u = Dense.times(w[i], r);
        double[][][] wd = new double[np][][];
        for (int a = 0; a < np; a++) {
          double[][] da = new double[m][m];
          for (int q = 0; q < m; q++) {
            for (int c = 0; c < m; c++) {
              da[q][c] = dg[a][idx[i][q]][idx[i][c]];
            }
          }
          wd[a] = Dense.times(w[i], da);
          trWD[a] += Dense.trace(wd[a]);
          quad[a] += Dense.quadratic(u, da);
          scatter(aa[a], Dense.times(wd[a], w[i]), idx[i]);
        }
        for (int a = 0; a < np; a++) {
          for (int b = a; b < np; b++) {
            double[][] wdwd = Dense.times(wd[a], wd[b]);
            trWDWD[a][b] += Dense.trace(wdwd);
            scatter(bb[a][b], Dense.times(wdwd, w[i]), idx[i]);
          }
        }
      }
      double[][][] ca = new double[np][][];
      for (int a = 0; a < np; a++) {
        ca[a] = Dense.times(cov, aa[a]);
      }
      e.grad = new double[np];
      e.fisher = new double[np][np];
      for (int a = 0; a < np; a++) {
        e.grad[a] = -0.5 * (trWD[a] - Dense.trace(ca[a])) + 0.5 * quad[a];
        for (int b = a; b < np; b++) {
          double f =
              0.5
                  * (trWDWD[a][b]
                      - 2 * Dense.trace(Dense.times(cov, bb[a][b]))
                      + Dense.traceOfProduct(ca[a], ca[b]));
          e.fisher[a][b] = f;
          e.fisher[b][a] = f;
        }
      }
      return e;
    }

    private static void scatter(double[][] into, double[][] block, int[] at) {
      for (int r = 0; r < at.length; r++) {
        for (int c = 0; c < at.length; c++) {
          into[at[r]][at[c]] += block[r][c];
        }
      }
    }

    /** Q_E = y'V⁻¹y − y'V⁻¹X(X'V⁻¹X)⁻¹X'V⁻¹y: heterogeneity beyond the sampling errors. */
    double qe() {
      double[][] xtwx = new double[nt][nt];
      double[] xtwy = new double[nt];
      double ywy = 0;
      for (int i = 0; i < idx.length; i++) {
        double[][] l = Dense.cholesky(v[i]);
        if (l == null) {
          return Double.NaN;
        }
        double[][] w = Dense.inverseFromCholesky(l);
        double[] wy = Dense.times(w, y[i]);
        for (int r = 0; r < idx[i].length; r++) {
          xtwy[idx[i][r]] += wy[r];
          ywy += y[i][r] * wy[r];
          for (int c = 0; c < idx[i].length; c++) {
            xtwx[idx[i][r]][idx[i][c]] += w[r][c];
          }
        }
      }
      double[] b = Dense.solveSpd(xtwx, xtwy);
      double q = ywy;
      for (int j = 0; j < nt; j++) {
        q -= b[j] * xtwy[j];
      }
      return q;
    }

    MultivariateResult result(double[] phi, Eval e, int iterations, boolean converged) {
      double[] se = new double[nt];
      double[] z = new double[nt];
      double[] p = new double[nt];
      double[] lb = new double[nt];
      double[] ub = new double[nt];
      double[] plb = new double[nt];
      double[] pub = new double[nt];
      double[][] g = g(phi);
      NormalDistribution norm = NormalDistribution.of(0, 1);
      for (int j = 0; j < nt; j++) {
        se[j] = Math.sqrt(e.cov[j][j]);
        z[j] = e.beta[j] / se[j];
        p[j] = 2 * norm.survivalProbability(Math.abs(z[j]));
        lb[j] = e.beta[j] - Z975 * se[j];
        ub[j] = e.beta[j] + Z975 * se[j];
        double half = Z975 * Math.sqrt(e.cov[j][j] + g[j][j]);
        plb[j] = e.beta[j] - half;
        pub[j] = e.beta[j] + half;
      }
      double qe = qe();
      int qeDf = n - nt;
      double qep = ChiSquaredDistribution.of(qeDf).survivalProbability(qe);
      double qm = Double.NaN;
      double qmp = Double.NaN;
      if (nt > 1) {
        // L β = (β_2 − β_1, …, β_T − β_1)
        int d = nt - 1;
        double[] lbeta = new double[d];
        double[][] lcl = new double[d][d];
        for (int a = 0; a < d; a++) {
          lbeta[a] = e.beta[a + 1] - e.beta[0];
          for (int b = 0; b < d; b++) {
            lcl[a][b] = e.cov[a + 1][b + 1] - e.cov[a + 1][0] - e.cov[0][b + 1] + e.cov[0][0];
          }
        }
        double[] sol = Dense.solveSpd(lcl, lbeta);
        if (sol != null) {
          qm = 0;
          for (int a = 0; a < d; a++) {
            qm += lbeta[a] * sol[a];
          }
          qmp = ChiSquaredDistribution.of(d).survivalProbability(qm);
        }
      }
      return new MultivariateResult(
          s,
          rhoW,
          times,
          kPerTime,
          idx.length,
          n,
          e.beta,
          e.cov,
          se,
          z,
          p,
          lb,
          ub,
          plb,
          pub,
          tau2(phi),
          rho(phi),
          qe,
          qeDf,
          qep,
          qm,
          nt - 1,
          qmp,
          e.ll,
          iterations,
          converged);
    }

    private static double atanh(double x) {
      return 0.5 * Math.log((1 + x) / (1 - x));
    }
  }
}
