package org.ewb.logic.meta;

/**
 * Zero-cell handling of Mantel-Haenszel and Peto analyses (metafor {@code rma.mh/rma.peto}
 * arguments {@code add}, {@code to = "only0"}, {@code drop00}; element 1 = per-study yi/vi used for
 * QE/I^2/H^2 and the study table, element 2 = the tables of the pooled estimate).
 *
 * @param addStudies added to all cells of zero-cell studies for their yi/vi (0 = none)
 * @param drop00Studies double-zero studies get no yi/vi
 * @param addTables added to all cells of zero-cell tables in the pooled estimate (0 = none)
 * @param drop00Tables double-zero tables are left out of the pooled estimate
 * @param correct continuity correction of the CMH test
 */
public record MhOptions(
    double addStudies,
    boolean drop00Studies,
    double addTables,
    boolean drop00Tables,
    boolean correct) {

  /** metafor's defaults: add = c(1/2, 0), drop00 = c(TRUE, FALSE), correct = TRUE. */
  public static final MhOptions DEFAULT = new MhOptions(0.5, true, 0, false, true);

  /** No continuity correction anywhere ({@code add = 0, to = "none"}). */
  public static final MhOptions NO_CC = new MhOptions(0, true, 0, false, true);

  /**
   * 1/2 added also inside zero-cell tables of the pooled estimate, double-zero tables dropped from
   * it (some other software's convention; CLI {@code --mh-cc}).
   */
  public static final MhOptions CC_IN_TABLES = new MhOptions(0.5, true, 0.5, true, true);

  public MhOptions {
    if (!(addStudies >= 0) || !(addTables >= 0)) {
      throw new IllegalArgumentException("add must be >= 0");
    }
  }
}
