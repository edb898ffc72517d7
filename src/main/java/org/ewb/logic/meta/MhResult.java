package org.ewb.logic.meta;

import java.util.List;

/**
 * The result of a Mantel-Haenszel or Peto analysis (common-effect, tau^2 = 0). Fields follow the
 * metafor reference files; tests that do not apply (e.g. Breslow-Day for RR, all MH tests for Peto)
 * are NaN. {@code studies} are the element-1 per-study effect sizes (QE, I^2, H^2 and the study
 * table), {@code tableUsed} tells which tables entered the pooled estimate and {@code weights}
 * their MH / Peto weight (NaN if not used).
 */
public record MhResult(
    Measure measure,
    boolean peto,
    int k,
    int kYi,
    double estimate,
    double se,
    double zval,
    double pval,
    double ciLb,
    double ciUb,
    double crit,
    double qe,
    int qeDf,
    double qep,
    double i2,
    double h2,
    double co,
    double cop,
    double cmh,
    double cmhp,
    double cmhNoCorrect,
    double cmhpNoCorrect,
    double bd,
    double bdp,
    double ta,
    double tap,
    int kPos,
    List<EffectSize> studies,
    List<Boolean> tableUsed,
    List<Double> weights) {

  public MhResult {
    studies = List.copyOf(studies);
    tableUsed = List.copyOf(tableUsed);
    weights = List.copyOf(weights);
  }

  /** Weight of study i in percent of the total (NaN when its table is not used). */
  public double weightPercent(int i) {
    double s = 0;
    for (double w : weights) {
      if (Double.isFinite(w)) {
        s += w;
      }
    }
    return 100 * weights.get(i) / s;
  }
}
