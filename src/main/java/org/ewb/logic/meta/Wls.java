package org.ewb.logic.meta;

/**
 * Weighted least squares y = X b with diagonal weights W, and the traces of the projection P = W -
 * W X (X'WX)^-1 X'W that the tau^2 estimators need, all in O(k p^2) without forming any k x k
 * matrix. With A = (X'WX)^-1 and h_i = x_i' A x_i:
 *
 * <pre>
 *   P y = W r (r = WLS residuals),  y'Py = sum w r^2,  y'PPy = sum w^2 r^2
 *   tr(P) = sum w - sum w^2 h
 *   tr(D1 P D2 P) = sum d1 d2 w^2 - 2 sum d1 d2 w^3 h + tr(A M2 A M1),  M_j = X' diag(w^2 d_j) X
 * </pre>
 */
final class Wls {

  final int k;
  final int p;
  final double[] w;
  final double[][] x;

  /** (X'WX)^-1, p x p. */
  final double[][] ainv;

  final double logDetXwx;
  final double[] beta;
  final double[] resid;

  /** sum w r^2 (generalised Q). */
  final double rss;

  // single-column fits: sums from the fused passes (NaN otherwise)
  private final double yppy1;
  private final double sumW1;
  private final double traceP1;
  private final double tracePP1;

  private double[] h;

  /**
   * A row whose leverage w_i h_i exceeds this is "dominant": 1 - w_i h_i and the traces would lose
   * their digits to cancellation (v_i spanning 1e5 or more), so they are computed from the fit
   * without that row (at most 2p such rows; see {@link #stable()}).
   */
  static final double HIGH_LEVERAGE = 0.5;

  private final boolean highLeverage1;
  private Stable stable;

  Wls(double[] y, double[][] x, double[] w) {
    this.k = y.length;
    this.p = x.length;
    this.w = w;
    this.x = x;
    if (p == 1) {
      // one column: fused passes, no k-sized temporaries (the common intercept-only case)
      double[] c = x[0];
      double a = 0;
      double b = 0;
      double sw = 0;
      double sw2 = 0;
      double sw2x2 = 0;
      double sw3x2 = 0;
      double maxWx2 = 0;
      for (int i = 0; i < k; i++) {
        double wi = w[i];
        double xi = c[i];
        double wx = wi * xi;
        maxWx2 = Math.max(maxWx2, wx * xi);
        a += wx * xi;
        b += wx * y[i];
        sw += wi;
        double w2 = wi * wi;
        sw2 += w2;
        sw2x2 += w2 * xi * xi;
        sw3x2 += w2 * wi * xi * xi;
      }
      if (!(a > 0) || !Double.isFinite(a)) {
        throw new SingularModelException();
      }
      double bb = b / a;
      double q = 0;
      double qq = 0;
      for (int i = 0; i < k; i++) {
        double r = y[i] - c[i] * bb;
        double wr = w[i] * r;
        q += wr * r;
        qq += wr * wr;
      }
      this.ainv = new double[][] {{1 / a}};
      this.logDetXwx = Math.log(a);
      this.beta = new double[] {bb};
      this.resid = null;
      this.rss = q;
      this.yppy1 = qq;
      this.sumW1 = sw;
      this.traceP1 = sw - sw2x2 / a;
      this.tracePP1 = sw2 - 2 * sw3x2 / a + (sw2x2 / a) * (sw2x2 / a);
      this.highLeverage1 = maxWx2 / a > HIGH_LEVERAGE;
      return;
    }
    this.highLeverage1 = false;
    this.yppy1 = Double.NaN;
    this.sumW1 = Double.NaN;
    this.traceP1 = Double.NaN;
    this.tracePP1 = Double.NaN;
    double[][] a = xtdx(x, w, null);
    double[] xty = new double[p];
    for (int j = 0; j < p; j++) {
      double[] c = x[j];
      double s = 0;
      for (int i = 0; i < k; i++) {
        s += c[i] * w[i] * y[i];
      }
      xty[j] = s;
    }
    double[][] chol = cholesky(a);
    this.logDetXwx = logDet(chol);
    this.ainv = invertFromCholesky(chol);
    this.beta = mul(ainv, xty);
    this.resid = new double[k];
    double q = 0;
    for (int i = 0; i < k; i++) {
      double f = 0;
      for (int j = 0; j < p; j++) {
        f += x[j][i] * beta[j];
      }
      double r = y[i] - f;
      resid[i] = r;
      q += w[i] * r * r;
    }
    this.rss = q;
  }

  /** x_i' A x_i for every row. */
  double[] leverageFactors() {
    if (h == null) {
      double[] hh = new double[k];
      if (p == 1) {
        double a = ainv[0][0];
        double[] c = x[0];
        for (int i = 0; i < k; i++) {
          hh[i] = c[i] * c[i] * a;
        }
      } else {
        double[] xi = new double[p];
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < p; j++) {
            xi[j] = x[j][i];
          }
          double s = 0;
          for (int j = 0; j < p; j++) {
            double t = 0;
            for (int l = 0; l < p; l++) {
              t += ainv[j][l] * xi[l];
            }
            s += xi[j] * t;
          }
          hh[i] = s;
        }
      }
      h = hh;
    }
    return h;
  }

  double sumW() {
    if (p == 1) {
      return sumW1;
    }
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }

  /** y'PPy = sum w^2 r^2. */
  double yPPy() {
    if (p == 1) {
      return yppy1;
    }
    double s = 0;
    for (int i = 0; i < k; i++) {
      double t = w[i] * resid[i];
      s += t * t;
    }
    return s;
  }

  /** tr(P). */
  double traceP() {
    Stable st = stable();
    if (st != null) {
      return st.traceP();
    }
    if (p == 1) {
      return traceP1;
    }
    double[] hh = leverageFactors();
    double s = 0;
    for (int i = 0; i < k; i++) {
      s += w[i] - w[i] * w[i] * hh[i];
    }
    return s;
  }

  /** tr(D1 P D2 P) for diagonal D1, D2 (null = identity). */
  double traceDPDP(double[] d1, double[] d2) {
    Stable st = stable();
    if (st != null) {
      return st.traceDPDP(d1, d2);
    }
    if (p == 1) {
      if (d1 == null && d2 == null) {
        return tracePP1;
      }
      double ai = ainv[0][0];
      double[] c = x[0];
      double s1 = 0;
      double s2 = 0;
      double m1 = 0;
      double m2 = 0;
      for (int i = 0; i < k; i++) {
        double a = d1 == null ? 1 : d1[i];
        double b = d2 == null ? 1 : d2[i];
        double w2 = w[i] * w[i];
        double x2 = c[i] * c[i];
        s1 += a * b * w2;
        s2 += a * b * w2 * w[i] * x2 * ai;
        m1 += w2 * a * x2;
        m2 += w2 * b * x2;
      }
      return s1 - 2 * s2 + ai * m2 * ai * m1;
    }
    double[] hh = leverageFactors();
    double s1 = 0;
    double s2 = 0;
    double[] m1w = new double[k];
    double[] m2w = new double[k];
    for (int i = 0; i < k; i++) {
      double a = d1 == null ? 1 : d1[i];
      double b = d2 == null ? 1 : d2[i];
      double w2 = w[i] * w[i];
      s1 += a * b * w2;
      s2 += a * b * w2 * w[i] * hh[i];
      m1w[i] = w2 * a;
      m2w[i] = w2 * b;
    }
    double[][] m1 = xtdx(x, m1w, null);
    double[][] m2 = xtdx(x, m2w, null);
    double[][] am2 = mul(ainv, m2);
    double[][] am1 = mul(ainv, m1);
    return s1 - 2 * s2 + traceOfProduct(am2, am1);
  }

  /** 1 - w_i h_i (the diagonal of I - H, H the weighted hat matrix), without cancellation. */
  double[] oneMinusLeverage() {
    double[] hh = leverageFactors();
    double[] out = new double[k];
    for (int i = 0; i < k; i++) {
      out[i] = 1 - w[i] * hh[i];
    }
    Stable st = stable();
    if (st != null) {
      for (int a = 0; a < st.rows.length; a++) {
        out[st.rows[a]] = st.oneMinusLev[a];
      }
    }
    return out;
  }

  /** The dominant-row decomposition, or null when no row has leverage above 1/2. */
  private Stable stable() {
    if (p == 1 && !highLeverage1) {
      return null;
    }
    if (stable == null) {
      double[] hh = leverageFactors();
      int n = 0;
      for (int i = 0; i < k; i++) {
        if (w[i] * hh[i] > HIGH_LEVERAGE) {
          n++;
        }
      }
      if (n == 0) {
        return null;
      }
      int[] rows = new int[n];
      n = 0;
      for (int i = 0; i < k; i++) {
        if (w[i] * hh[i] > HIGH_LEVERAGE) {
          rows[n++] = i;
        }
      }
      stable = new Stable(rows);
    }
    return stable;
  }

  /**
   * Exact-as-possible pieces of P for the dominant rows D. For i in D, with B_i = sum_{j != i} w_j
   * x_j x_j' (summed directly, so nothing cancels) and c_i = w_i x_i' B_i^-1 x_i: 1 - w_i h_i =
   * 1/(1 + c_i), P_ii = w_i / (1 + c_i) and P_il = -w_i w_l x_l' B_i^-1 x_i / (1 + c_i) for l != i
   * (Sherman-Morrison). If B_i is singular (row i alone determines a coefficient, e.g. a subgroup
   * of one study) its leverage is exactly 1 and row i of P is 0. The other rows have leverage <=
   * 1/2, where the closed forms lose at most a factor 2.
   */
  private final class Stable {
    final int[] rows;
    final double[] oneMinusLev;

    /** u_i = B_i^-1 x_i / (1 + c_i), p values per dominant row (zeros if B_i is singular). */
    final double[][] u;

    final boolean[] inD;

    Stable(int[] rows) {
      this.rows = rows;
      this.oneMinusLev = new double[rows.length];
      this.u = new double[rows.length][p];
      this.inD = new boolean[k];
      for (int a = 0; a < rows.length; a++) {
        int i = rows[a];
        inD[i] = true;
        double[] wo = w.clone();
        wo[i] = 0;
        double[][] bInv;
        try {
          bInv = invertFromCholesky(cholesky(xtdx(x, wo, null)));
        } catch (SingularModelException e) {
          oneMinusLev[a] = 0;
          continue;
        }
        double[] xi = row(i);
        double[] bx = mul(bInv, xi);
        double c = 0;
        for (int j = 0; j < p; j++) {
          c += xi[j] * bx[j];
        }
        c *= w[i];
        oneMinusLev[a] = 1 / (1 + c);
        for (int j = 0; j < p; j++) {
          u[a][j] = bx[j] / (1 + c);
        }
      }
    }

    double[] row(int i) {
      double[] r = new double[p];
      for (int j = 0; j < p; j++) {
        r[j] = x[j][i];
      }
      return r;
    }

    /** P_il for dominant row number a (i = rows[a]) and l != i. */
    double offDiagonal(int a, int l) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += x[j][l] * u[a][j];
      }
      return -w[rows[a]] * w[l] * s;
    }

    double traceP() {
      double[] hh = leverageFactors();
      double s = 0;
      for (int l = 0; l < k; l++) {
        if (!inD[l]) {
          s += w[l] * (1 - w[l] * hh[l]);
        }
      }
      for (int a = 0; a < rows.length; a++) {
        s += w[rows[a]] * oneMinusLev[a];
      }
      return s;
    }

    double traceDPDP(double[] d1, double[] d2) {
      double[] hh = leverageFactors();
      // diagonal of P and the N x N off-diagonal block (N = rows not in D)
      double diag = 0;
      double nDiagLev = 0;
      double[] m1w = new double[k];
      double[] m2w = new double[k];
      for (int l = 0; l < k; l++) {
        double a1 = d1 == null ? 1 : d1[l];
        double b1 = d2 == null ? 1 : d2[l];
        if (inD[l]) {
          continue;
        }
        double lev = w[l] * hh[l];
        double pll = w[l] * (1 - lev);
        diag += a1 * b1 * pll * pll;
        nDiagLev += a1 * b1 * w[l] * w[l] * lev * lev;
        m1w[l] = w[l] * w[l] * a1;
        m2w[l] = w[l] * w[l] * b1;
      }
      double[][] m1 = xtdx(x, m1w, null);
      double[][] m2 = xtdx(x, m2w, null);
      double nn = traceOfProduct(mul(ainv, m2), mul(ainv, m1)) - nDiagLev;
      // rows and columns of the dominant rows
      double dd = 0;
      for (int a = 0; a < rows.length; a++) {
        int i = rows[a];
        double ai = d1 == null ? 1 : d1[i];
        double bi = d2 == null ? 1 : d2[i];
        double pii = w[i] * oneMinusLev[a];
        diag += ai * bi * pii * pii;
        for (int l = 0; l < k; l++) {
          if (l == i) {
            continue;
          }
          double pil = offDiagonal(a, l);
          double al = d1 == null ? 1 : d1[l];
          double bl = d2 == null ? 1 : d2[l];
          if (inD[l]) {
            dd += ai * bl * pil * pil;
          } else {
            dd += (ai * bl + al * bi) * pil * pil;
          }
        }
      }
      return diag + Math.max(0, nn) + dd;
    }
  }

  // ---- small dense helpers (p x p) ----

  /** X' diag(d) diag(e) X (e may be null). */
  static double[][] xtdx(double[][] x, double[] d, double[] e) {
    int p = x.length;
    int k = x[0].length;
    double[][] m = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int l = 0; l <= j; l++) {
        double[] cj = x[j];
        double[] cl = x[l];
        double s = 0;
        if (e == null) {
          for (int i = 0; i < k; i++) {
            s += cj[i] * d[i] * cl[i];
          }
        } else {
          for (int i = 0; i < k; i++) {
            s += cj[i] * d[i] * e[i] * cl[i];
          }
        }
        m[j][l] = s;
        m[l][j] = s;
      }
    }
    return m;
  }

  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        if (i == j) {
          if (!(s > 1e-14 * Math.abs(a[i][i])) || !(s > 0)) {
            throw new SingularModelException();
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  static double logDet(double[][] chol) {
    double s = 0;
    for (int i = 0; i < chol.length; i++) {
      s += 2 * Math.log(chol[i][i]);
    }
    return s;
  }

  static double[][] invertFromCholesky(double[][] l) {
    int n = l.length;
    double[][] linv = new double[n][n];
    for (int i = 0; i < n; i++) {
      linv[i][i] = 1 / l[i][i];
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int m = j; m < i; m++) {
          s -= l[i][m] * linv[m][j];
        }
        linv[i][j] = s / l[i][i];
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int m = i; m < n; m++) {
          s += linv[m][i] * linv[m][j];
        }
        inv[i][j] = s;
        inv[j][i] = s;
      }
    }
    return inv;
  }

  static double[] mul(double[][] a, double[] v) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double s = 0;
      for (int j = 0; j < v.length; j++) {
        s += a[i][j] * v[j];
      }
      r[i] = s;
    }
    return r;
  }

  static double[][] mul(double[][] a, double[][] b) {
    int n = a.length;
    int m = b[0].length;
    double[][] r = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int l = 0; l < b.length; l++) {
          s += a[i][l] * b[l][j];
        }
        r[i][j] = s;
      }
    }
    return r;
  }

  static double traceOfProduct(double[][] a, double[][] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        s += a[i][j] * b[j][i];
      }
    }
    return s;
  }

  /** X'WX is not positive definite: the moderators are collinear or constant. */
  static final class SingularModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
