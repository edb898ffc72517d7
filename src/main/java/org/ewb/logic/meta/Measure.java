package org.ewb.logic.meta;

/**
 * Effect-size measures, with the scale they are analysed on and how a pooled value is
 * back-transformed for display (metafor {@code escalc} measure names).
 */
public enum Measure {
  /** Log risk ratio (2x2 data). */
  RR(BackTransform.EXP, "log risk ratio"),
  /** Log odds ratio (2x2 data). */
  OR(BackTransform.EXP, "log odds ratio"),
  /** Risk difference (2x2 data). */
  RD(BackTransform.NONE, "risk difference"),
  /** Peto log odds ratio (2x2 data, per-study values of the Peto method). */
  PETO(BackTransform.EXP, "log odds ratio (Peto)"),
  /** Raw mean difference (continuous arms). */
  MD(BackTransform.NONE, "mean difference"),
  /** Standardised mean difference, Hedges' g with the exact small-sample correction. */
  SMD(BackTransform.NONE, "standardised mean difference"),
  /** Fisher's r-to-z transformed correlation. */
  ZCOR(BackTransform.TANH, "Fisher's z"),
  /** Generic inverse variance: effect and its variance given directly. */
  GEN(BackTransform.NONE, "effect size");

  private final BackTransform backTransform;
  private final String scale;

  Measure(BackTransform backTransform, String scale) {
    this.backTransform = backTransform;
    this.scale = scale;
  }

  public BackTransform backTransform() {
    return backTransform;
  }

  /** Words for the analysis scale (English, as in the metafor reference files). */
  public String scale() {
    return scale;
  }

  /** Whether the measure is computed from 2x2 tables. */
  public boolean isBinary() {
    return this == RR || this == OR || this == RD || this == PETO;
  }
}
