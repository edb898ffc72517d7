package org.ewb.logic.meta;

/**
 * What {@code analyze} (or the analysis view) asks for.
 *
 * @param measure effect measure
 * @param model EE, MH, PETO or a tau^2 estimator name (DL, REML, ML, PM, HE, SJ, EB)
 * @param test z or KNHA
 * @param subgroup column for a subgroup analysis (null = none)
 * @param moderator column for a meta-regression (null = none)
 * @param drop00 drop double-zero studies from inverse-variance analyses
 * @param add value added to zero-cell tables (null = metafor's default 1/2; 0 = none)
 * @param mhCc Mantel-Haenszel: also correct zero-cell tables of the pooled estimate and drop
 *     double-zero tables from it ({@link MhOptions#CC_IN_TABLES})
 */
public record AnalysisOptions(
    Measure measure,
    String model,
    TestType test,
    String subgroup,
    String moderator,
    boolean drop00,
    Double add,
    boolean mhCc) {

  public boolean isMantelHaenszel() {
    return model.equalsIgnoreCase("MH");
  }

  public boolean isPeto() {
    return model.equalsIgnoreCase("PETO");
  }

  /** The tau^2 method of an inverse-variance model. */
  public TauMethod tauMethod() {
    return TauMethod.valueOf(model.toUpperCase(java.util.Locale.ROOT));
  }
}
