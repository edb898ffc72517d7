package org.ewb.logic.meta;

/** How a value on the analysis scale is shown on the natural scale (exp for log ratios). */
public enum BackTransform {
  NONE,
  EXP,
  TANH,
  /** Inverse logit, 1 / (1 + e^−x): logit proportions (PLO) shown as proportions. */
  ILOGIT;

  public double apply(double x) {
    return switch (this) {
      case NONE -> x;
      case EXP -> Math.exp(x);
      case TANH -> Math.tanh(x);
      case ILOGIT -> 1 / (1 + Math.exp(-x));
    };
  }
}
