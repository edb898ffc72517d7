package org.ewb.model;

/**
 * How a table layout is printed: its table number ("Table 2" / "表2"; 0 = unnumbered), whether it
 * has a numbering column, and the paper it must be legible on.
 */
public record LayoutOptions(
    long layoutId, int tableNumber, boolean numberColumn, Paper paper, boolean landscape) {

  /** Paper sizes, with their width and height in points (1/72 inch). */
  public enum Paper {
    A4(595.3, 841.9),
    LETTER(612, 792);

    private final double widthPt;
    private final double heightPt;

    Paper(double widthPt, double heightPt) {
      this.widthPt = widthPt;
      this.heightPt = heightPt;
    }

    public double widthPt() {
      return widthPt;
    }

    public double heightPt() {
      return heightPt;
    }
  }

  public LayoutOptions {
    paper = paper == null ? Paper.A4 : paper;
    if (tableNumber < 0) {
      throw new IllegalArgumentException("table number " + tableNumber + " is negative");
    }
  }

  /** What a layout without stored options gets: unnumbered, a numbering column, A4 landscape. */
  public static LayoutOptions defaults(long layoutId) {
    return new LayoutOptions(layoutId, 0, true, Paper.A4, true);
  }
}
