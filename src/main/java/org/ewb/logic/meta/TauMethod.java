package org.ewb.logic.meta;

/**
 * Estimators of the between-study variance tau^2 (metafor {@code rma.uni(method=)}). EE is the
 * common-effect (fixed-effect) model, tau^2 = 0.
 */
public enum TauMethod {
  EE,
  DL,
  REML,
  ML,
  PM,
  HE,
  SJ,
  EB;

  /** Whether the estimate is found iteratively (Fisher scoring or root finding). */
  public boolean isIterative() {
    return this == REML || this == ML || this == PM || this == EB;
  }
}
