package org.ewb.logic.meta;

/**
 * The effect size of one study on the analysis scale. {@code included} is false when yi/vi could
 * not be computed (e.g. a double-zero study dropped with drop00); yi and vi are then NaN. {@code
 * ccAdded}: the continuity correction was added to all four cells.
 */
public record EffectSize(
    String label,
    double yi,
    double vi,
    boolean included,
    boolean zeroCell,
    boolean doubleZero,
    boolean ccAdded,
    StudyData input) {

  /** qnorm(0.975), the normal quantile of all 95% intervals. */
  public static final double Z975 = 1.959963984540054;

  public double sei() {
    return Math.sqrt(vi);
  }

  public double ciLb() {
    return yi - Z975 * sei();
  }

  public double ciUb() {
    return yi + Z975 * sei();
  }
}
