package org.ewb.logic.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a table to the printable width of its paper at a fixed body font size, so that it prints
 * legibly instead of being shrunk: column widths come from the content (wide enough for the longest
 * unbreakable word, and for whole values where room allows; the rest wraps), and a table whose
 * columns cannot fit even then is split into continued tables that repeat its key columns ("Table 2
 * (continued)"). Used by the xlsx and the Word writer alike (ADR 0121).
 *
 * <p>Widths are in "digit widths" of the body font, as spreadsheets count them; a CJK character
 * counts two (see {@link TextWidth}). A digit is taken as 0.55 em, a little more than in Times New
 * Roman (0.5 em), so that an estimate errs towards a table narrower than the paper.
 */
public final class TableFit {

  /** One printable part of a table and its column widths in digit widths. */
  public record Part(ExportTable table, int[] widths, boolean continued) {}

  /** Left and right page margins (points). */
  public static final double MARGIN_PT = 36;

  /**
   * A word longer than this many digit widths is broken across lines rather than widen a column.
   */
  static final int MAX_WORD = 24;

  /** Whole values up to this many digit widths are kept on one line when there is room. */
  static final int MAX_PREFERRED = 60;

  static final int MIN_WIDTH = 3;

  /**
   * Text runs narrower than digits: average Latin text is about 0.45 em and a CJK character 1 em
   * (two widths), against the 0.55 em digit assumed above.
   */
  static final double TEXT_FACTOR = 0.9;

  private TableFit() {}

  /** A digit of the body font, in em: Times New Roman's is 0.5; a little more errs narrow. */
  public static final double DIGIT_EM = 0.55;

  /**
   * A spreadsheet's width unit when the body font is a CJK font that the printing machine lacks:
   * LibreOffice measures the substitute (Noto Sans CJK) digit, about 0.62 em (measured: the Chinese
   * sheets printed at 88-90 % with 0.55).
   */
  public static final double CJK_SHEET_DIGIT_EM = 0.63;

  /** Width of one digit of a font of {@code fontPt} points, in points. */
  public static double digitPt(double fontPt) {
    return fontPt * DIGIT_EM;
  }

  /** Printed width of a column {@code width} digit widths wide (one width of cell padding). */
  public static double columnPt(int width, double fontPt) {
    return (width + 1) * digitPt(fontPt);
  }

  /** The digit widths available to the columns of a table of {@code columns} columns. */
  static int available(ExportTable.PageSpec page, double digitPt, int columns) {
    double usable = page.widthPt() - 2 * MARGIN_PT;
    return (int) Math.floor(usable / digitPt) - columns;
  }

  /** The table as one or more parts that each fit the paper's width at {@code fontPt}. */
  public static List<Part> fit(ExportTable t, double fontPt, String continuedLabel) {
    return fit(t, fontPt, DIGIT_EM, continuedLabel);
  }

  /**
   * The table as one or more parts that each fit the paper's width at {@code fontPt}, a digit of
   * the font being {@code digitEm} em wide.
   */
  public static List<Part> fit(
      ExportTable t, double fontPt, double digitEm, String continuedLabel) {
    double digit = fontPt * digitEm;
    int[] min = new int[t.columns()];
    int[] pref = new int[t.columns()];
    measure(t, min, pref);
    int avail = available(t.page(), digit, t.columns());
    if (sum(min, all(t.columns())) <= avail || t.columns() <= t.keyColumns() + 1) {
      return List.of(new Part(t, widths(min, pref, all(t.columns()), avail), false));
    }
    // split: the key columns, then as many further columns as fit, never inside a merged heading
    List<Integer> breaks = breakPoints(t);
    List<List<Integer>> groups = new ArrayList<>();
    List<Integer> keys = new ArrayList<>();
    for (int c = 0; c < t.keyColumns(); c++) {
      keys.add(c);
    }
    List<Integer> cur = new ArrayList<>(keys);
    int c = t.keyColumns();
    while (c < t.columns()) {
      int next = nextBreak(breaks, c);
      List<Integer> block = new ArrayList<>();
      for (int i = c; i < next; i++) {
        block.add(i);
      }
      List<Integer> tryCols = new ArrayList<>(cur);
      tryCols.addAll(block);
      if (cur.size() > keys.size() && sum(min, tryCols) > availFor(t, digit, tryCols.size())) {
        groups.add(cur);
        cur = new ArrayList<>(keys);
        cur.addAll(block);
      } else {
        cur = tryCols;
      }
      c = next;
    }
    groups.add(cur);
    List<Part> parts = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      List<Integer> cols = groups.get(g);
      ExportTable part = subTable(t, cols, g, groups.size(), continuedLabel);
      int[] pm = new int[cols.size()];
      int[] pp = new int[cols.size()];
      for (int i = 0; i < cols.size(); i++) {
        pm[i] = min[cols.get(i)];
        pp[i] = pref[cols.get(i)];
      }
      parts.add(
          new Part(part, widths(pm, pp, all(cols.size()), availFor(t, digit, cols.size())), g > 0));
    }
    return parts;
  }

  private static int availFor(ExportTable t, double digitPt, int columns) {
    return available(t.page(), digitPt, columns);
  }

  /** Column indexes where a part may start: not inside a heading that spans several columns. */
  private static List<Integer> breakPoints(ExportTable t) {
    boolean[] inside = new boolean[t.columns() + 1];
    for (HeaderCell h : t.header()) {
      for (int c = h.col() + 1; c < h.col() + h.colSpan(); c++) {
        inside[c] = true;
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c <= t.columns(); c++) {
      if (!inside[c]) {
        out.add(c);
      }
    }
    return out;
  }

  private static int nextBreak(List<Integer> breaks, int c) {
    for (int b : breaks) {
      if (b > c) {
        return b;
      }
    }
    return c + 1;
  }

  private static ExportTable subTable(
      ExportTable t, List<Integer> cols, int index, int count, String continuedLabel) {
    int[] map = new int[t.columns()];
    java.util.Arrays.fill(map, -1);
    for (int i = 0; i < cols.size(); i++) {
      map[cols.get(i)] = i;
    }
    List<HeaderCell> header = new ArrayList<>();
    for (HeaderCell h : t.header()) {
      if (map[h.col()] >= 0) {
        header.add(new HeaderCell(h.text(), h.row(), map[h.col()], h.rowSpan(), h.colSpan()));
      }
    }
    List<List<ExportCell>> rows = new ArrayList<>(t.rows().size());
    for (List<ExportCell> r : t.rows()) {
      List<ExportCell> nr = new ArrayList<>(cols.size());
      for (int c : cols) {
        nr.add(r.get(c));
      }
      rows.add(nr);
    }
    List<Integer> narrow = new ArrayList<>();
    for (int c : t.narrowColumns()) {
      if (c < map.length && map[c] >= 0) {
        narrow.add(map[c]);
      }
    }
    boolean grouped = header.stream().anyMatch(h -> h.row() == 0 && h.rowSpan() < t.headerRows());
    int headerRows = t.headerRows();
    if (!grouped && headerRows == 2) {
      // no group heading in this part: its headings span both rows already
      headerRows = 2;
    }
    return new ExportTable(
        t.key(),
        t.name(),
        index == 0 ? t.title() : continuedLabel,
        headerRows,
        cols.size(),
        header,
        rows,
        index == count - 1 ? t.footnotes() : List.of(),
        narrow,
        t.label(),
        Math.min(t.keyColumns(), cols.size()),
        t.page());
  }

  /**
   * Widths: every column at least its minimum; when the preferred widths do not all fit, a common
   * cap is raised as far as the room allows (water filling), so that short values stay on one line
   * and only the longest ones wrap.
   */
  private static int[] widths(int[] min, int[] pref, int[] cols, int avail) {
    int[] w = new int[cols.length];
    int sumPref = 0;
    for (int c : cols) {
      sumPref += pref[c];
    }
    if (sumPref <= avail) {
      for (int i = 0; i < cols.length; i++) {
        w[i] = pref[cols[i]];
      }
      return w;
    }
    int cap = 0;
    for (int level = 1; level <= MAX_PREFERRED; level++) {
      int total = 0;
      for (int c : cols) {
        total += Math.min(pref[c], Math.max(min[c], level));
      }
      if (total > avail) {
        break;
      }
      cap = level;
    }
    for (int i = 0; i < cols.length; i++) {
      int c = cols[i];
      w[i] = Math.min(pref[c], Math.max(min[c], cap));
    }
    return w;
  }

  private static int sum(int[] a, List<Integer> cols) {
    int s = 0;
    for (int c : cols) {
      s += a[c];
    }
    return s;
  }

  private static int sum(int[] a, int[] cols) {
    int s = 0;
    for (int c : cols) {
      s += a[c];
    }
    return s;
  }

  private static int[] all(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /**
   * Minimum (longest unbreakable word, header words counted 10% wider for bold) and preferred
   * (widest line, capped) widths per column, from the header and the first 2,000 rows.
   */
  static void measure(ExportTable t, int[] min, int[] pref) {
    for (HeaderCell h : t.header()) {
      if (h.colSpan() == 1) {
        int word = (int) Math.ceil(Math.min(TextWidth.longestWord(h.text()), MAX_WORD) * 1.05);
        min[h.col()] = Math.max(min[h.col()], word);
        // a short heading stays on one line; longer ones wrap rather than widen the column
        pref[h.col()] =
            Math.max(pref[h.col()], (int) Math.ceil(Math.min(TextWidth.of(h.text()), 8) * 1.05));
      }
    }
    int rows = Math.min(t.rows().size(), 2000);
    for (int c = 0; c < t.columns(); c++) {
      int word = 0;
      int line = 0;
      for (int i = 0; i < rows; i++) {
        String text = t.rows().get(i).get(c).displayText();
        word = Math.max(word, TextWidth.longestWord(text));
        line = Math.max(line, TextWidth.of(text));
      }
      int w = (int) Math.ceil(Math.min(word, MAX_WORD) * TEXT_FACTOR);
      // one spare digit: a value the estimate puts on one line must not wrap in the spreadsheet
      int l = (int) Math.ceil(Math.min(line, MAX_PREFERRED) * TEXT_FACTOR) + (line > 0 ? 1 : 0);
      min[c] = Math.max(MIN_WIDTH, Math.max(min[c], w));
      pref[c] = Math.max(min[c], Math.max(pref[c], l));
    }
    for (int c : t.narrowColumns()) {
      if (c < min.length) {
        pref[c] = min[c];
      }
    }
  }
}
