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
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

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

  /** Body and heading size: printed at this size on the chosen paper (ADR 0121). */
  static final double FONT_PT = 9;

  static final double TITLE_PT = 10;

  /** Footnotes: smaller than the body but above the 8 pt legibility floor. */
  static final double FOOT_PT = 8.5;

  /**
   * Rich-text runs need SXSSF's shared strings table, which costs several times the CPU per string
   * (10,000 studies: about 9 s instead of 3 s); above this many body rows the scripts are written
   * as the Unicode characters they are stored as (ADR 0121).
   */
  static final long RICH_TEXT_MAX_ROWS = 5_000;

  /** The first header row: the title is row 0, row 1 is blank. */
  static final int HEADER_ROW = 2;

  private static final byte[] INVALID_FILL = {(byte) 0xFF, (byte) 0xD8, (byte) 0xD8};

  private final String lang;
  private final ExportProgress progress;
  private SXSSFWorkbook wb;
  private final Map<String, CellStyle> styles = new HashMap<>();
  private Font bodyFont;
  private Font boldFont;
  private Font titleFont;
  private Font footFont;
  private Scripts bodyScript;
  private Scripts boldScript;
  private Scripts titleScript;
  private Scripts footScript;
  private final Set<String> used = new HashSet<>();
  private boolean rich;

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
    // SXSSF's inline strings cannot hold rich-text runs, so a workbook with super- or subscripts
    // uses a shared strings table; it costs several times the CPU per string (XmlBeans), so a
    // workbook without scripts keeps the fast inline strings (ADR 0121)
    long bodyRows = tables.stream().mapToLong(t -> t.rows().size()).sum();
    // a very large workbook keeps inline strings; its scripts stay Unicode characters (10⁶)
    rich = bodyRows <= RICH_TEXT_MAX_ROWS && tables.stream().anyMatch(XlsxTableWriter::hasScripts);
    wb = new SXSSFWorkbook(null, ROW_WINDOW, false, rich);
    try {
      String fontName = "zh".equals(lang) ? "SimSun" : "Times New Roman";
      // the default font (index 0) sets the unit of column widths: make it the body font, so that
      // widths computed in characters hold that many characters of the table's text
      bodyFont = wb.getFontAt(0);
      bodyFont.setFontName(fontName);
      bodyFont.setFontHeight((short) Math.round(FONT_PT * 20));
      boldFont = font(fontName, FONT_PT, true);
      titleFont = font(fontName, TITLE_PT, true);
      footFont = font(fontName, FOOT_PT, false);
      bodyScript = scripts(fontName, FONT_PT, false);
      boldScript = scripts(fontName, FONT_PT, true);
      titleScript = scripts(fontName, TITLE_PT, true);
      footScript = scripts(fontName, FOOT_PT, false);
      long total = tables.stream().mapToLong(t -> t.rows().size()).sum();
      long[] done = {0};
      for (ExportTable t : tables) {
        writeSheet(t, uniqueSheetName(t.name(), used), done, total);
      }
      wb.write(out);
    } finally {
      wb.close();
    }
  }

  /** Whether any text of {@code t} has super- or subscripts (rich-text runs). */
  static boolean hasScripts(ExportTable t) {
    if (RichText.hasScripts(t.title())) {
      return true;
    }
    for (HeaderCell h : t.header()) {
      if (RichText.hasScripts(h.text())) {
        return true;
      }
    }
    for (String f : t.footnotes()) {
      if (RichText.hasScripts(f)) {
        return true;
      }
    }
    for (List<ExportCell> row : t.rows()) {
      for (ExportCell c : row) {
        if (c.kind() == ExportCell.Kind.TEXT
            && (RichText.hasScripts(c.text()) || RichText.hasScripts(c.marker()))) {
          return true;
        }
      }
    }
    return false;
  }

  private Font font(String name, double points, boolean bold) {
    Font f = wb.createFont();
    f.setFontName(name);
    f.setFontHeight((short) Math.round(points * 20));
    f.setBold(bold);
    return f;
  }

  /**
   * Excel's 31-character limit, cut at a word with "…" rather than mid-word ("Tuberculosis — RR,
   * REML by allo"); the full name stays in the sheet's title row.
   */
  static String shortSheetName(String name) {
    String n = name.strip();
    if (n.length() <= 31) {
      return n;
    }
    String cut = n.substring(0, 30);
    int space = cut.lastIndexOf(' ');
    // back to the last whole word, unless the cut already falls between words
    if (space >= 15 && !Character.isWhitespace(n.charAt(30))) {
      cut = cut.substring(0, space);
    }
    cut = cut.replaceAll("[\\s,;:—–-]+$", "");
    return cut + "…";
  }

  private static String uniqueSheetName(String name, Set<String> used) {
    String base = WorkbookUtil.createSafeSheetName(name.isBlank() ? "Sheet" : shortSheetName(name));
    String candidate = base;
    for (int i = 2; used.contains(candidate.toLowerCase()); i++) {
      String suffix = " (" + i + ")";
      candidate = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  }

  private void writeSheet(ExportTable t, String sheetName, long[] done, long total) {
    List<TableFit.Part> parts =
        TableFit.fit(
            t, FONT_PT, cjk() ? TableFit.CJK_SHEET_DIGIT_EM : TableFit.DIGIT_EM, continuedTitle(t));
    for (int i = 0; i < parts.size(); i++) {
      TableFit.Part part = parts.get(i);
      String name = i == 0 ? sheetName : uniqueSheetName(t.name() + " (" + (i + 1) + ")", used);
      // rows are counted once, in the first part
      writePart(part.table(), part.widths(), name, i == 0 ? done : new long[] {0}, total, i == 0);
    }
  }

  /** "Table 2 (continued)", or the title with "(continued)" for an unnumbered table. */
  private String continuedTitle(ExportTable t) {
    java.util.Locale loc = org.ewb.logic.l10n.Localization.forLanguage(lang);
    String base = t.label().isEmpty() ? t.title() : t.label();
    return org.ewb.logic.l10n.Localization.lang(loc, "export.table.continued", base);
  }

  private void writePart(
      ExportTable t, int[] widths, String sheetName, long[] done, long total, boolean report) {
    progress.checkCancelled();
    Sheet sheet = wb.createSheet(sheetName);
    for (int c = 0; c < t.columns(); c++) {
      sheet.setColumnWidth(c, Math.min(255, widths[c] + 1) * 256);
    }
    int totalWidth = 0;
    for (int w : widths) {
      totalWidth += w + 1;
    }

    // title, then a blank row
    Row titleRow = sheet.createRow(0);
    Cell titleCell = titleRow.createCell(0);
    setText(titleCell, t.title(), titleFont, titleScript);
    titleCell.setCellStyle(
        style(
            "title",
            s -> {
              s.setFont(titleFont);
              s.setAlignment(HorizontalAlignment.LEFT);
              s.setVerticalAlignment(VerticalAlignment.CENTER);
              s.setWrapText(true);
            }));
    titleRow.setHeightInPoints(lineHeight(TITLE_PT) * TextWidth.lines(t.title(), totalWidth) + 4);
    if (t.columns() > 1) {
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, t.columns() - 1));
    }
    sheet.createRow(1).setHeightInPoints(lineHeight(FONT_PT) * 0.6f);

    // header: every cell of the block gets a style so that the rules run across merged regions
    int h0 = HEADER_ROW;
    int[] headerLines = new int[t.headerRows()];
    Row[] headerRowObjs = new Row[t.headerRows()];
    for (int r = 0; r < t.headerRows(); r++) {
      headerRowObjs[r] = sheet.createRow(h0 + r);
      for (int c = 0; c < t.columns(); c++) {
        headerRowObjs[r]
            .createCell(c)
            .setCellStyle(headerStyle(r == 0, r == t.headerRows() - 1, false, false));
      }
      headerLines[r] = 1;
    }
    for (HeaderCell hc : t.header()) {
      Cell cell = headerRowObjs[hc.row()].getCell(hc.col());
      setText(cell, hc.text(), boldFont, boldScript);
      if (hc.rowSpan() + hc.row() < t.headerRows()) {
        // a group heading gets a short rule below it (inset from its neighbours' rules)
        int end = hc.col() + hc.colSpan() - 1;
        for (int c = hc.col(); c <= end; c++) {
          headerRowObjs[hc.row()]
              .getCell(c)
              .setCellStyle(headerStyle(hc.row() == 0, true, c == hc.col(), c == end));
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
        width += widths[c] + 1;
      }
      // bold header text is wider than body text
      int lines = TextWidth.lines(hc.text(), Math.max(1, (int) ((width - 1) / 1.1)));
      // a cell spanning both header rows shares its lines between them
      int perRow = (int) Math.ceil(lines / (double) hc.rowSpan());
      for (int r = hc.row(); r < hc.row() + hc.rowSpan(); r++) {
        headerLines[r] = Math.max(headerLines[r], perRow);
      }
    }
    for (int r = 0; r < t.headerRows(); r++) {
      headerRowObjs[r].setHeightInPoints(
          lineHeight(FONT_PT, TextWidth.hasWide(String.valueOf(t.title())) || cjk())
                  * headerLines[r]
              + 4);
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
            String shown = ec.marker().isEmpty() ? ec.text() : ec.text() + ec.marker();
            setText(cell, shown, bodyFont, bodyScript);
            int lines =
                TextWidth.lines(
                    ec.displayText(), capacity(widths[c], TextWidth.hasWide(ec.text())));
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
      if (report && ++done[0] % 1000 == 0) {
        progress.rows(done[0], total);
        progress.checkCancelled();
      }
    }
    if (n > 0) {
      sheet.setAutoFilter(
          new CellRangeAddress(b0 - 1, b0 + n - 1, 0, Math.max(0, t.columns() - 1)));
    }
    // a blank row, then the footnotes, each merged across the table width
    int f0 = b0 + n + 1;
    if (!t.footnotes().isEmpty()) {
      sheet.createRow(b0 + n).setHeightInPoints(lineHeight(FONT_PT) * 0.6f);
    }
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
      setText(cell, text, footFont, footScript);
      cell.setCellStyle(footStyle);
      if (t.columns() > 1) {
        sheet.addMergedRegion(new CellRangeAddress(f0 + i, f0 + i, 0, t.columns() - 1));
      }
      // footnote text is smaller than body text: more characters fit per line
      int chars = (int) (totalWidth * FONT_PT / FOOT_PT);
      row.setHeightInPoints(lineHeight(FOOT_PT) * TextWidth.lines(text, chars) + 2);
    }

    sheet.createFreezePane(0, b0);
    sheet.setRepeatingRows(new CellRangeAddress(h0, b0 - 1, -1, -1));
    // the columns are fitted to the paper at the body size (TableFit); fitting to one page wide
    // only guards against a font that is wider than estimated
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setHorizontallyCenter(true);
    double margin = TableFit.MARGIN_PT / 72.0;
    sheet.setMargin(Sheet.LeftMargin, margin);
    sheet.setMargin(Sheet.RightMargin, margin);
    sheet.setMargin(Sheet.TopMargin, 0.6);
    sheet.setMargin(Sheet.BottomMargin, 0.6);
    PrintSetup ps = sheet.getPrintSetup();
    ps.setLandscape(t.page().landscape());
    ps.setPaperSize(
        t.page().paper() == org.ewb.model.LayoutOptions.Paper.LETTER
            ? PrintSetup.LETTER_PAPERSIZE
            : PrintSetup.A4_PAPERSIZE);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
    if (report) {
      progress.rows(done[0], total);
    }
  }

  /** The fonts of super- and subscript runs of one base font. */
  private record Scripts(Font sup, Font sub) {}

  /**
   * Sets {@code text} as a plain string, or, when it has super- or subscripts (10⁶, kg/m², marks
   * ᵃ), as a rich-text string whose script runs use raised or lowered fonts.
   */
  private void setText(Cell cell, String text, Font base, Scripts scripts) {
    if (!rich || !RichText.hasScripts(text)) {
      cell.setCellValue(text);
      return;
    }
    List<RichText.Run> runs = RichText.runs(text);
    StringBuilder plain = new StringBuilder();
    runs.forEach(r -> plain.append(r.text()));
    XSSFRichTextString rich = new XSSFRichTextString(plain.toString());
    int at = 0;
    for (RichText.Run r : runs) {
      int end = at + r.text().length();
      Font f =
          switch (r.position()) {
            case NORMAL -> base;
            case SUPER -> scripts.sup();
            case SUB -> scripts.sub();
          };
      if (end > at) {
        rich.applyFont(at, end, f);
      }
      at = end;
    }
    cell.setCellValue(rich);
  }

  private Scripts scripts(String name, double points, boolean bold) {
    Font sup = font(name, points, bold);
    sup.setTypeOffset(Font.SS_SUPER);
    Font sub = font(name, points, bold);
    sub.setTypeOffset(Font.SS_SUB);
    return new Scripts(sup, sub);
  }

  private boolean cjk() {
    return "zh".equals(lang);
  }

  /**
   * Height of one line of text: CJK fonts (and the fallback fonts that draw Chinese next to Latin
   * text) have taller lines than Latin fonts.
   */
  private float lineHeight(double points) {
    return lineHeight(points, "zh".equals(lang));
  }

  private static float lineHeight(double points, boolean cjk) {
    return (float) (points * (cjk ? 1.45 : 1.2));
  }

  /**
   * Characters of proportional text that fit on one line of a column {@code width} digit widths
   * wide: average Latin letters are a little narrower than digits; one width goes to padding.
   */
  static int capacity(int width, boolean cjk) {
    // TableFit counts a digit as 0.55 em; a CJK character is 1 em (two widths) and average Latin
    // text about 0.45 em, but capitals and digits are wider: counted a little short, so that a row
    // is rather one line too tall than clipped ("Zhang 2016" wrapped in a 9-digit column)
    return (int) (width * (cjk ? 1.1 : 1.05));
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

  private CellStyle headerStyle(boolean top, boolean bottom, boolean gapLeft, boolean gapRight) {
    return style(
        "h" + top + bottom + gapLeft + gapRight,
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
          // white side borders at a group's ends break its rule from the next group's
          if (gapLeft) {
            s.setBorderLeft(BorderStyle.MEDIUM);
            s.setLeftBorderColor(IndexedColors.WHITE.getIndex());
          }
          if (gapRight) {
            s.setBorderRight(BorderStyle.MEDIUM);
            s.setRightBorderColor(IndexedColors.WHITE.getIndex());
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
