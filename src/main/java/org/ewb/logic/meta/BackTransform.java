package org.ewb.logic.meta;

/** How a value on the analysis scale is shown on the natural scale (exp for log ratios). */
public enum BackTransform {
  NONE,
  EXP,
  TANH;

  public double apply(double x) {
    return switch (this) {
      case NONE -> x;
      case EXP -> Math.exp(x);
      case TANH -> Math.tanh(x);
    };
  }
}
