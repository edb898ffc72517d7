package org.ewb.logic.meta;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Quantiles and tail probabilities (Apache Commons Statistics), with metafor's conventions. */
final class Distributions {

  private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

  private Distributions() {}

  static double zQuantile(double p) {
    return STD_NORMAL.inverseCumulativeProbability(p);
  }

  static double tQuantile(double p, double df) {
    return TDistribution.of(df).inverseCumulativeProbability(p);
  }

  /** Two-sided normal p-value 2 (1 - Phi(|z|)). */
  static double zPvalue(double z) {
    return 2 * STD_NORMAL.survivalProbability(Math.abs(z));
  }

  /** Two-sided t p-value. */
  static double tPvalue(double t, double df) {
    return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
  }

  /** Upper-tail chi-square probability; 1 for df = 0 (metafor's convention for k = 1). */
  static double chiSquaredUpper(double q, double df) {
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    if (df <= 0) {
      return 1;
    }
    return ChiSquaredDistribution.of(df).survivalProbability(q);
  }

  static double chiSquaredQuantile(double p, double df) {
    return ChiSquaredDistribution.of(df).inverseCumulativeProbability(p);
  }

  static double fUpper(double f, double df1, double df2) {
    return FDistribution.of(df1, df2).survivalProbability(f);
  }
}
