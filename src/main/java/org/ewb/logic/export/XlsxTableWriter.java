package org.ewb.logic.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * Writes {@link ExportTable}s as sheets of an xlsx workbook laid out like manuscript tables: a
 * title row merged across, a one- or two-level header with merged cells, a three-line rule (top and
 * bottom of the header, bottom of the body), wrapped text, column widths from the content (CJK
 * characters count double), frozen header rows, landscape A4 fitted to one page wide with the
 * header repeated on every printed page, and footnotes below.
 *
 * <p>Streams with {@link SXSSFWorkbook} (only a window of rows in memory), so column widths and row
 * heights are computed from the table model rather than by POI's autosize (ADR 0062).
 */
public final class XlsxTableWriter {

  /** Widest a text column gets (characters); longer text wraps. */
  static final int MAX_TEXT_WIDTH = 26;

  static final int MIN_WIDTH = 4;
  private static final int ROW_WINDOW = 200;
  private static final short FONT_PT = 10;
  private static final short TITLE_PT = 11;
  private static final short FOOT_PT = 9;
  private static final byte[] INVALID_FILL = {(byte) 0xFF, (byte) 0xD8, (byte) 0xD8};

  private final String lang;
  private final ExportProgress progress;
  private SXSSFWorkbook wb;
  private final Map<String, CellStyle> styles = new HashMap<>();
  private Font bodyFont;
  private Font boldFont;
  private Font titleFont;
  private Font footFont;

  private XlsxTableWriter(String lang, ExportProgress progress) {
    this.lang = lang;
    this.progress = progress;
  }

  /** Writes one sheet per table to {@code out}, in order. Headers are already in {@code lang}. */
  public static void write(
      List<ExportTable> tables, String lang, OutputStream out, ExportProgress progress)
      throws IOException {
    new XlsxTableWriter(lang, progress).writeAll(tables, out);
  }

  private void writeAll(List<ExportTable> tables, OutputStream out) throws IOException {
    wb = new SXSSFWorkbook(ROW_WINDOW);
    try {
      String fontName = "zh".equals(lang) ? "SimSun" : "Times New Roman";
      // the default font (index 0) sets the unit of column widths: make it the body font, so that
      // widths computed in characters hold that many characters of the table's text
      bodyFont = wb.getFontAt(0);
      bodyFont.setFontName(fontName);
      bodyFont.setFontHeightInPoints(FONT_PT);
      boldFont = font(fontName, FONT_PT, true);
      titleFont = font(fontName, TITLE_PT, true);
      footFont = font(fontName, FOOT_PT, false);
      long total = tables.stream().mapToLong(t -> t.rows().size()).sum();
      long[] done = {0};
      Set<String> usedNames = new HashSet<>();
      for (ExportTable t : tables) {
        writeSheet(t, uniqueSheetName(t.name(), usedNames), done, total);
      }
      wb.write(out);
    } finally {
      wb.close();
    }
  }

  private Font font(String name, short points, boolean bold) {
    Font f = wb.createFont();
    f.setFontName(name);
    f.setFontHeightInPoints(points);
    f.setBold(bold);
    return f;
  }

  private static String uniqueSheetName(String name, Set<String> used) {
    String base = WorkbookUtil.createSafeSheetName(name.isBlank() ? "Sheet" : name);
    String candidate = base;
    for (int i = 2; used.contains(candidate.toLowerCase()); i++) {
      String suffix = " (" + i + ")";
      candidate = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  }

  private void writeSheet(ExportTable t, String sheetName, long[] done, long total) {
    Sheet sheet = wb.createSheet(sheetName);
    int[] widths = columnWidths(t);
    for (int c = 0; c < t.columns(); c++) {
      sheet.setColumnWidth(c, Math.min(255, widths[c] + 2) * 256);
    }
    int totalWidth = 0;
    for (int w : widths) {
      totalWidth += w + 2;
    }

    // title
    Row titleRow = sheet.createRow(0);
    Cell titleCell = titleRow.createCell(0);
    titleCell.setCellValue(t.title());
    titleCell.setCellStyle(
        style(
            "title",
            s -> {
              s.setFont(titleFont);
              s.setAlignment(HorizontalAlignment.CENTER);
              s.setVerticalAlignment(VerticalAlignment.CENTER);
              s.setWrapText(true);
            }));
    titleRow.setHeightInPoints(lineHeight(TITLE_PT) * TextWidth.lines(t.title(), totalWidth) + 6);
    if (t.columns() > 1) {
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, t.columns() - 1));
    }

    // header: every cell of the block gets a style so that the rules run across merged regions
    int h0 = 1;
    int[] headerLines = new int[t.headerRows()];
    Row[] headerRowObjs = new Row[t.headerRows()];
    for (int r = 0; r < t.headerRows(); r++) {
      headerRowObjs[r] = sheet.createRow(h0 + r);
      for (int c = 0; c < t.columns(); c++) {
        headerRowObjs[r].createCell(c).setCellStyle(headerStyle(r == 0, r == t.headerRows() - 1));
      }
      headerLines[r] = 1;
    }
    for (HeaderCell hc : t.header()) {
      headerRowObjs[hc.row()].getCell(hc.col()).setCellValue(hc.text());
      if (hc.rowSpan() + hc.row() < t.headerRows()) {
        // a spanning heading gets a thin rule below it, as in a published table
        for (int c = hc.col(); c < hc.col() + hc.colSpan(); c++) {
          headerRowObjs[hc.row()].getCell(c).setCellStyle(headerStyle(hc.row() == 0, true));
        }
      }
      if (hc.isMerged()) {
        sheet.addMergedRegion(
            new CellRangeAddress(
                h0 + hc.row(),
                h0 + hc.row() + hc.rowSpan() - 1,
                hc.col(),
                hc.col() + hc.colSpan() - 1));
      }
      int width = 0;
      for (int c = hc.col(); c < hc.col() + hc.colSpan(); c++) {
        width += widths[c] + 2;
      }
      // bold header text is wider than body text
      int lines = TextWidth.lines(hc.text(), Math.max(1, width - 2));
      // a cell spanning both header rows shares its lines between them
      int perRow = (int) Math.ceil(lines / (double) hc.rowSpan());
      for (int r = hc.row(); r < hc.row() + hc.rowSpan(); r++) {
        headerLines[r] = Math.max(headerLines[r], perRow);
      }
    }
    for (int r = 0; r < t.headerRows(); r++) {
      headerRowObjs[r].setHeightInPoints(lineHeight(FONT_PT) * headerLines[r] + 4);
    }

    // body
    int b0 = h0 + t.headerRows();
    int n = t.rows().size();
    for (int i = 0; i < n; i++) {
      List<ExportCell> cells = t.rows().get(i);
      Row row = sheet.createRow(b0 + i);
      boolean last = i == n - 1;
      float height = lineHeight(FONT_PT, false);
      for (int c = 0; c < t.columns(); c++) {
        ExportCell ec = cells.get(c);
        Cell cell = row.createCell(c);
        switch (ec.kind()) {
          case NUMBER -> cell.setCellValue(ec.number());
          case TEXT -> {
            cell.setCellValue(ec.marker().isEmpty() ? ec.text() : ec.text() + ec.marker());
            int lines = TextWidth.lines(ec.displayText(), capacity(widths[c]));
            height = Math.max(height, lines * lineHeight(FONT_PT, TextWidth.hasWide(ec.text())));
          }
          case EMPTY -> {
            // an empty cell still carries the bottom rule
          }
          default -> throw new IllegalStateException(ec.kind().toString());
        }
        cell.setCellStyle(bodyStyle(ec, last));
      }
      row.setHeightInPoints(height + 3);
      if (++done[0] % 1000 == 0) {
        progress.rows(done[0], total);
        progress.checkCancelled();
      }
    }
    // footnotes, each merged across the table width
    int f0 = b0 + n;
    CellStyle footStyle =
        style(
            "foot",
            s -> {
              s.setFont(footFont);
              s.setWrapText(true);
              s.setVerticalAlignment(VerticalAlignment.TOP);
              s.setAlignment(HorizontalAlignment.LEFT);
            });
    for (int i = 0; i < t.footnotes().size(); i++) {
      String text = t.footnotes().get(i);
      Row row = sheet.createRow(f0 + i);
      Cell cell = row.createCell(0);
      cell.setCellValue(text);
      cell.setCellStyle(footStyle);
      if (t.columns() > 1) {
        sheet.addMergedRegion(new CellRangeAddress(f0 + i, f0 + i, 0, t.columns() - 1));
      }
      // footnote text is smaller than body text: more characters fit per line
      int chars = (int) (totalWidth * FONT_PT / (double) FOOT_PT);
      row.setHeightInPoints(lineHeight(FOOT_PT) * TextWidth.lines(text, chars) + 2);
    }

    sheet.createFreezePane(0, b0);
    sheet.setRepeatingRows(new CellRangeAddress(h0, b0 - 1, -1, -1));
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setHorizontallyCenter(true);
    sheet.setMargin(Sheet.LeftMargin, 0.5);
    sheet.setMargin(Sheet.RightMargin, 0.5);
    sheet.setMargin(Sheet.TopMargin, 0.6);
    sheet.setMargin(Sheet.BottomMargin, 0.6);
    PrintSetup ps = sheet.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
    progress.rows(done[0], total);
  }

  /**
   * Height of one line of text: CJK fonts (and the fallback fonts that draw Chinese next to Latin
   * text) have taller lines than Latin fonts.
   */
  private float lineHeight(short points) {
    return lineHeight(points, "zh".equals(lang));
  }

  private static float lineHeight(short points, boolean cjk) {
    return points * (cjk ? 1.45f : 1.3f);
  }

  /**
   * Characters of proportional text that fit on one line of a column {@code width} digit widths
   * wide: average Latin letters are a little narrower than digits; one width goes to padding.
   */
  static int capacity(int width) {
    return (int) ((width + 1) * 1.05);
  }

  /**
   * Column widths in characters: wide enough for the longest unbreakable word of the column and for
   * most values on one line, capped at {@link #MAX_TEXT_WIDTH} (text wraps beyond it).
   */
  static int[] columnWidths(ExportTable t) {
    int[] widths = new int[t.columns()];
    int[] headerWord = new int[t.columns()];
    for (HeaderCell hc : t.header()) {
      if (hc.colSpan() == 1) {
        headerWord[hc.col()] = Math.max(headerWord[hc.col()], TextWidth.longestWord(hc.text()));
        // a short header stays on one line if the column is that wide anyway
        widths[hc.col()] = Math.max(widths[hc.col()], Math.min(TextWidth.of(hc.text()), 10));
      }
    }
    // sample large tables: a width from the first 2,000 rows is as good as one from all
    int rows = Math.min(t.rows().size(), 2000);
    for (int c = 0; c < t.columns(); c++) {
      int word = headerWord[c];
      int content = 0;
      for (int i = 0; i < rows; i++) {
        ExportCell ec = t.rows().get(i).get(c);
        String text = ec.displayText();
        word = Math.max(word, TextWidth.longestWord(text));
        content = Math.max(content, TextWidth.of(text));
      }
      int w = Math.max(widths[c], Math.min(content, MAX_TEXT_WIDTH));
      w = Math.max(w, Math.min(word, MAX_TEXT_WIDTH + 4));
      widths[c] = Math.max(MIN_WIDTH, w);
    }
    for (int c : t.narrowColumns()) {
      if (c < widths.length) {
        widths[c] = Math.max(MIN_WIDTH, Math.min(widths[c], 6));
      }
    }
    return widths;
  }

  private CellStyle headerStyle(boolean top, boolean bottom) {
    return style(
        "h" + top + bottom,
        s -> {
          s.setFont(boldFont);
          s.setAlignment(HorizontalAlignment.CENTER);
          s.setVerticalAlignment(VerticalAlignment.CENTER);
          s.setWrapText(true);
          if (top) {
            s.setBorderTop(BorderStyle.MEDIUM);
          }
          if (bottom) {
            s.setBorderBottom(BorderStyle.THIN);
          }
        });
  }

  /** What decides a body cell's style; a record, so that a look-up builds no strings. */
  private record BodyKey(
      boolean number, int decimals, String marker, String format, boolean invalid, boolean last) {}

  private final Map<BodyKey, CellStyle> bodyStyles = new HashMap<>();

  private CellStyle bodyStyle(ExportCell ec, boolean last) {
    boolean number = ec.isNumber();
    BodyKey key =
        new BodyKey(
            number, number ? ec.decimals() : 0, ec.marker(), ec.format(), ec.invalid(), last);
    CellStyle cached = bodyStyles.get(key);
    if (cached != null) {
      return cached;
    }
    String format =
        !number
            ? "@"
            : !ec.format().isEmpty() ? ec.format() : numberFormat(ec.decimals(), ec.marker());
    CellStyle s = wb.createCellStyle();
    s.setFont(bodyFont);
    s.setVerticalAlignment(VerticalAlignment.CENTER);
    s.setWrapText(!number);
    s.setAlignment(number ? HorizontalAlignment.CENTER : HorizontalAlignment.LEFT);
    s.setDataFormat(wb.createDataFormat().getFormat(format));
    if (ec.invalid()) {
      ((XSSFCellStyle) s).setFillForegroundColor(new XSSFColor(INVALID_FILL, null));
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
    if (last) {
      s.setBorderBottom(BorderStyle.MEDIUM);
    }
    bodyStyles.put(key, s);
    return s;
  }

  /** A number format with {@code decimals} places (general if negative) and a literal marker. */
  static String numberFormat(int decimals, String marker) {
    String base = decimals < 0 ? "General" : decimals == 0 ? "0" : "0." + "0".repeat(decimals);
    return marker.isEmpty() ? base : base + "\"" + marker.replace("\"", "") + "\"";
  }

  private CellStyle style(String key, java.util.function.Consumer<CellStyle> init) {
    return styles.computeIfAbsent(
        key,
        k -> {
          CellStyle s = wb.createCellStyle();
          init.accept(s);
          return s;
        });
  }
}
