package org.ewb.logic.meta.bias;

/**
 * Weighted least squares for the two-column design (1, x) used by Egger's classical test: solves
 * (X'WX) b = X'Wy in closed form. Small and exact; no general linear algebra needed.
 */
final class WeightedLeastSquares {

  /** Intercept b0, slope b1, their unscaled covariance (X'WX)^-1 and the weighted RSS. */
  record Fit(double b0, double b1, double c00, double c01, double c11, double rss) {}

  private WeightedLeastSquares() {}

  static Fit fit(double[] y, double[] x, double[] w) {
    double sw = 0;
    double swx = 0;
    double swxx = 0;
    double swy = 0;
    double swxy = 0;
    for (int i = 0; i < y.length; i++) {
      sw += w[i];
      swx += w[i] * x[i];
      swxx += w[i] * x[i] * x[i];
      swy += w[i] * y[i];
      swxy += w[i] * x[i] * y[i];
    }
    double det = sw * swxx - swx * swx;
    double c00 = swxx / det;
    double c01 = -swx / det;
    double c11 = sw / det;
    double b0 = c00 * swy + c01 * swxy;
    double b1 = c01 * swy + c11 * swxy;
    double rss = 0;
    for (int i = 0; i < y.length; i++) {
      double e = y[i] - b0 - b1 * x[i];
      rss += w[i] * e * e;
    }
    return new Fit(b0, b1, c00, c01, c11, rss);
  }
}
