package org.ewb.logic.meta.multivariate;

/**
 * Small dense symmetric-matrix helpers for the study blocks of the multivariate model (a few time
 * points each). Hand-written because the blocks are tiny and the fit calls them millions of times;
 * a general library's object overhead would dominate (ADR 0100).
 */
final class Dense {

  private Dense() {}

  /** Lower Cholesky factor of a symmetric positive definite matrix, or null if it is not. */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      if (!(d > 0) || !Double.isFinite(d)) {
        return null;
      }
      l[j][j] = Math.sqrt(d);
      for (int i = j + 1; i < n; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / l[j][j];
      }
    }
    return l;
  }

  static double logDet(double[][] l) {
    double s = 0;
    for (int i = 0; i < l.length; i++) {
      s += Math.log(l[i][i]);
    }
    return 2 * s;
  }

  /** A⁻¹ from the Cholesky factor L of A. */
  static double[][] inverseFromCholesky(double[][] l) {
    int n = l.length;
    double[][] li = new double[n][n];
    for (int i = 0; i < n; i++) {
      li[i][i] = 1 / l[i][i];
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int k = j; k < i; k++) {
          s -= l[i][k] * li[k][j];
        }
        li[i][j] = s / l[i][i];
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = i; k < n; k++) {
          s += li[k][i] * li[k][j];
        }
        inv[i][j] = s;
        inv[j][i] = s;
      }
    }
    return inv;
  }

  /** Solution of A x = b for symmetric positive definite A, or null if A is not. */
  static double[] solveSpd(double[][] a, double[] b) {
    double[][] l = cholesky(a);
    if (l == null) {
      return null;
    }
    int n = b.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * z[k];
      }
      z[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  static double[] times(double[][] a, double[] x) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double s = 0;
      for (int k = 0; k < x.length; k++) {
        s += a[i][k] * x[k];
      }
      r[i] = s;
    }
    return r;
  }

  static double[][] times(double[][] a, double[][] b) {
    int n = a.length;
    int m = b[0].length;
    int inner = b.length;
    double[][] r = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < inner; k++) {
        double aik = a[i][k];
        if (aik == 0) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          r[i][j] += aik * b[k][j];
        }
      }
    }
    return r;
  }

  static double trace(double[][] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i][i];
    }
    return s;
  }

  /** tr(A B) without forming the product. */
  static double traceOfProduct(double[][] a, double[][] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        s += a[i][k] * b[k][i];
      }
    }
    return s;
  }

  /** x' A x. */
  static double quadratic(double[] x, double[][] a) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        s += x[i] * a[i][j] * x[j];
      }
    }
    return s;
  }
}
