package org.ewb.model;

/**
 * A continuous result in the form a paper reported it, kept so that a conversion to mean / SD stays
 * traceable (Cochrane Handbook ch. 6). Any field may be empty.
 */
public record ReportedForm(
    CellText se,
    CellText ciLower,
    CellText ciUpper,
    CellText median,
    CellText q1,
    CellText q3,
    CellText min,
    CellText max,
    CellText percentChange) {

  public static final ReportedForm NONE =
      new ReportedForm(null, null, null, null, null, null, null, null, null);

  public ReportedForm {
    se = e(se);
    ciLower = e(ciLower);
    ciUpper = e(ciUpper);
    median = e(median);
    q1 = e(q1);
    q3 = e(q3);
    min = e(min);
    max = e(max);
    percentChange = e(percentChange);
  }

  public boolean isEmpty() {
    return se.isEmpty()
        && ciLower.isEmpty()
        && ciUpper.isEmpty()
        && median.isEmpty()
        && q1.isEmpty()
        && q3.isEmpty()
        && min.isEmpty()
        && max.isEmpty()
        && percentChange.isEmpty();
  }

  private static CellText e(CellText c) {
    return c == null ? CellText.EMPTY : c;
  }
}
