package org.ewb.logic.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A table ready to be written as an xlsx sheet or a CSV file: title, a header of one or two rows
 * with merged cells, body rows, and footnotes. Building it is the exporters' job; writing it is
 * {@link XlsxTableWriter}'s and {@link CsvTableWriter}'s, so both formats show the same content.
 *
 * @param key stable file-name stem for CSV ("characteristics", "outcome-hba1c")
 * @param name short name used for the sheet (e.g. "Characteristics", "研究特征")
 * @param headerRows number of header rows (1 or 2)
 * @param columns number of columns
 * @param rows body rows, each exactly {@code columns} cells
 * @param narrowColumns columns holding only short numbers (e.g. "No."); the writer keeps them
 *     narrow
 * @param label the table's number as printed ("Table 2", "表2"), or "" if unnumbered; a continuation
 *     is titled with it ("Table 2 (continued)")
 * @param keyColumns leading columns repeated in every part when the table is split into continued
 *     tables because it is too wide for the paper
 * @param page the paper the table must be legible on
 */
public record ExportTable(
    String key,
    String name,
    String title,
    int headerRows,
    int columns,
    List<HeaderCell> header,
    List<List<ExportCell>> rows,
    List<String> footnotes,
    List<Integer> narrowColumns,
    String label,
    int keyColumns,
    PageSpec page) {

  /** Paper size and orientation. */
  public record PageSpec(org.ewb.model.LayoutOptions.Paper paper, boolean landscape) {
    public static final PageSpec A4_LANDSCAPE =
        new PageSpec(org.ewb.model.LayoutOptions.Paper.A4, true);

    public PageSpec {
      paper = paper == null ? org.ewb.model.LayoutOptions.Paper.A4 : paper;
    }

    /** Width of the page in points, in its orientation. */
    public double widthPt() {
      return landscape ? paper.heightPt() : paper.widthPt();
    }

    public double heightPt() {
      return landscape ? paper.widthPt() : paper.heightPt();
    }
  }

  /** A table without a number, key column 0, on A4 landscape. */
  public ExportTable(
      String key,
      String name,
      String title,
      int headerRows,
      int columns,
      List<HeaderCell> header,
      List<List<ExportCell>> rows,
      List<String> footnotes,
      List<Integer> narrowColumns) {
    this(
        key,
        name,
        title,
        headerRows,
        columns,
        header,
        rows,
        footnotes,
        narrowColumns,
        "",
        1,
        PageSpec.A4_LANDSCAPE);
  }

  public ExportTable {
    label = label == null ? "" : label;
    page = page == null ? PageSpec.A4_LANDSCAPE : page;
    keyColumns = Math.max(0, Math.min(keyColumns, columns - 1));
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    footnotes = List.copyOf(footnotes);
    narrowColumns = List.copyOf(narrowColumns);
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns) {
        throw new IllegalArgumentException(
            name
                + ": row "
                + (i + 1)
                + " has "
                + rows.get(i).size()
                + " cells, expected "
                + columns);
      }
    }
    boolean[][] covered = new boolean[headerRows][columns];
    for (HeaderCell h : header) {
      for (int r = h.row(); r < h.row() + h.rowSpan(); r++) {
        for (int c = h.col(); c < h.col() + h.colSpan(); c++) {
          if (r >= headerRows || c >= columns || covered[r][c]) {
            throw new IllegalArgumentException(name + ": header cell '" + h.text() + "' overlaps");
          }
          covered[r][c] = true;
        }
      }
    }
  }

  /**
   * The header flattened to one label per column ("Group: Label"), as CSV writes it: a two-level
   * header does not survive in a one-header-row CSV file any other way.
   */
  public List<String> flatHeader() {
    String[] upper = new String[columns];
    String[] lower = new String[columns];
    for (HeaderCell h : header) {
      for (int c = h.col(); c < h.col() + h.colSpan(); c++) {
        if (h.row() == 0 && h.rowSpan() < headerRows) {
          upper[c] = h.text();
        } else {
          lower[c] = h.text();
        }
      }
    }
    List<String> out = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      String u = upper[c] == null ? "" : upper[c];
      String l = lower[c] == null ? "" : lower[c];
      out.add(u.isEmpty() ? l : l.isEmpty() ? u : u + ": " + l);
    }
    return out;
  }
}
