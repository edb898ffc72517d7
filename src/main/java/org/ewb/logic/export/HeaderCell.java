package org.ewb.logic.export;

/**
 * One cell of a (possibly two-level) table header, 0-based within the header block; a span greater
 * than one becomes a merged region in xlsx.
 */
public record HeaderCell(String text, int row, int col, int rowSpan, int colSpan) {

  public HeaderCell {
    text = text == null ? "" : text;
    if (row < 0 || col < 0 || rowSpan < 1 || colSpan < 1) {
      throw new IllegalArgumentException("bad header cell " + text + " at " + row + "," + col);
    }
  }

  public boolean isMerged() {
    return rowSpan > 1 || colSpan > 1;
  }
}
