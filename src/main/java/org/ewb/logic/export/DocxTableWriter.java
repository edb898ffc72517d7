package org.ewb.logic.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.ewb.logic.l10n.Localization;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * Writes {@link ExportTable}s as real Word tables (Apache POI XWPF): a caption ("Table 2." in bold,
 * then the title), headings with merged cells, a three-line table (a 1.5 pt rule above the
 * headings, 0.5 pt below them and under each group heading, 1.5 pt under the body), the heading
 * rows repeated on every page, superscripts as real superscript runs, and the footnotes below.
 * Columns are fitted to the paper at 9 pt by {@link TableFit}; a table too wide for it continues on
 * the next page ("Table 2 (continued)"). One section, landscape when the tables ask for it (ADR
 * 0122).
 */
public final class DocxTableWriter {

  static final double FONT_PT = XlsxTableWriter.FONT_PT;
  static final double CAPTION_PT = XlsxTableWriter.TITLE_PT;
  static final double FOOT_PT = XlsxTableWriter.FOOT_PT;

  /** Rule weights in eighths of a point. */
  private static final int THICK = 12;

  private static final int THIN = 4;
  private static final int TWIPS_PER_PT = 20;

  private final String lang;
  private final ExportProgress progress;
  private final String latinFont;
  private final String eastAsianFont;
  private XWPFDocument doc;

  private DocxTableWriter(String lang, ExportProgress progress) {
    this.lang = lang;
    this.progress = progress;
    this.latinFont = "Times New Roman";
    this.eastAsianFont = "zh".equals(lang) ? "SimSun" : "Times New Roman";
  }

  /** Writes the tables, in order, as one Word document to {@code out}. */
  public static void write(
      List<ExportTable> tables, String lang, OutputStream out, ExportProgress progress)
      throws IOException {
    new DocxTableWriter(lang, progress).writeAll(tables, out);
  }

  private void writeAll(List<ExportTable> tables, OutputStream out) throws IOException {
    try (XWPFDocument d = new XWPFDocument()) {
      doc = d;
      ExportTable.PageSpec page =
          tables.stream()
              .map(ExportTable::page)
              .filter(ExportTable.PageSpec::landscape)
              .findFirst()
              .orElse(tables.isEmpty() ? ExportTable.PageSpec.A4_LANDSCAPE : tables.get(0).page());
      long total = tables.stream().mapToLong(t -> t.rows().size()).sum();
      long[] done = {0};
      boolean first = true;
      for (ExportTable t : tables) {
        progress.checkCancelled();
        List<TableFit.Part> parts = TableFit.fit(withPage(t, page), FONT_PT, continuedTitle(t));
        for (TableFit.Part part : parts) {
          writeTable(part.table(), part.widths(), !first, done, total);
          first = false;
        }
      }
      section(page);
      doc.write(out);
    }
  }

  private static ExportTable withPage(ExportTable t, ExportTable.PageSpec page) {
    return new ExportTable(
        t.key(),
        t.name(),
        t.title(),
        t.headerRows(),
        t.columns(),
        t.header(),
        t.rows(),
        t.footnotes(),
        t.narrowColumns(),
        t.label(),
        t.keyColumns(),
        page);
  }

  private String continuedTitle(ExportTable t) {
    Locale loc = Localization.forLanguage(lang);
    String base = t.label().isEmpty() ? t.title() : t.label();
    return Localization.lang(loc, "export.table.continued", base);
  }

  private void writeTable(ExportTable t, int[] widths, boolean pageBreak, long[] done, long total) {
    // caption: the table's number in bold, then its title
    XWPFParagraph caption = doc.createParagraph();
    caption.setPageBreak(pageBreak);
    caption.setKeepNext(true);
    spacing(caption, 0, 6);
    String title = t.title();
    String label = t.label();
    if (!label.isEmpty() && title.startsWith(label)) {
      int cut = label.length();
      // the separator after the number ("." or a full-width space) belongs to it
      while (cut < title.length() && (title.charAt(cut) == '.' || title.charAt(cut) == '　')) {
        cut++;
      }
      addRuns(caption, title.substring(0, cut), CAPTION_PT, true);
      addRuns(caption, title.substring(cut), CAPTION_PT, false);
    } else {
      addRuns(caption, title, CAPTION_PT, false);
    }

    int nrows = t.headerRows() + t.rows().size();
    XWPFTable table = doc.createTable(Math.max(1, nrows), t.columns());
    noBorders(table);
    CTTblPr tblPr = table.getCTTbl().getTblPr();
    CTTblLayoutType layout =
        tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout();
    layout.setType(STTblLayoutType.FIXED);
    int[] twips = new int[t.columns()];
    int totalTwips = 0;
    for (int c = 0; c < t.columns(); c++) {
      twips[c] = (int) Math.round(TableFit.columnPt(widths[c], FONT_PT) * TWIPS_PER_PT);
      totalTwips += twips[c];
    }
    table.setWidthType(TableWidthType.DXA);
    table.setWidth(Integer.toString(totalTwips));
    CTTblGrid grid = table.getCTTbl().getTblGrid();
    if (grid == null) {
      grid = table.getCTTbl().addNewTblGrid();
    }
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int w : twips) {
      grid.addNewGridCol().setW(BigInteger.valueOf(w));
    }

    // headings
    for (int r = 0; r < t.headerRows(); r++) {
      XWPFTableRow row = table.getRow(r);
      row.setRepeatHeader(true);
      row.setCantSplitRow(true);
      for (int c = 0; c < t.columns(); c++) {
        XWPFTableCell cell = row.getCell(c);
        cell.setWidth(Integer.toString(twips[c]));
        borders(cell, r == 0 ? THICK : 0, r == t.headerRows() - 1 ? THIN : 0);
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.BOTTOM);
      }
    }
    for (HeaderCell h : t.header()) {
      XWPFTableCell cell = table.getRow(h.row()).getCell(h.col());
      XWPFParagraph p = cell.getParagraphs().get(0);
      p.setAlignment(ParagraphAlignment.CENTER);
      spacing(p, 0, 0);
      addRuns(p, h.text(), FONT_PT, true);
      if (h.row() + h.rowSpan() < t.headerRows()) {
        // a group heading: a short rule under it, inset by the cell margins (a paragraph border)
        p.setBorderBottom(Borders.SINGLE);
      }
      if (h.rowSpan() > 1) {
        tcPr(cell).addNewVMerge().setVal(STMerge.RESTART);
        for (int r = h.row() + 1; r < h.row() + h.rowSpan(); r++) {
          XWPFTableCell below = table.getRow(r).getCell(h.col());
          tcPr(below).addNewVMerge();
          borders(below, 0, r == t.headerRows() - 1 ? THIN : 0);
        }
        borders(cell, h.row() == 0 ? THICK : 0, 0);
        if (h.row() + h.rowSpan() == t.headerRows()) {
          // the rule under the heading block belongs to the last merged cell
          borders(table.getRow(h.row() + h.rowSpan() - 1).getCell(h.col()), 0, THIN);
        }
      }
      if (h.colSpan() > 1) {
        tcPr(cell).addNewGridSpan().setVal(BigInteger.valueOf(h.colSpan()));
        int w = 0;
        for (int c = h.col(); c < h.col() + h.colSpan(); c++) {
          w += twips[c];
        }
        cell.setWidth(Integer.toString(w));
      }
    }
    // remove the cells covered by horizontal merges, right to left so indexes stay valid
    for (int r = 0; r < t.headerRows(); r++) {
      List<HeaderCell> spans = new ArrayList<>();
      for (HeaderCell h : t.header()) {
        if (h.colSpan() > 1 && h.row() <= r && r < h.row() + h.rowSpan()) {
          spans.add(h);
        }
      }
      spans.sort((a, b) -> Integer.compare(b.col(), a.col()));
      XWPFTableRow row = table.getRow(r);
      for (HeaderCell h : spans) {
        for (int c = h.col() + h.colSpan() - 1; c > h.col(); c--) {
          row.removeCell(c);
        }
      }
    }

    // body
    int n = t.rows().size();
    for (int i = 0; i < n; i++) {
      XWPFTableRow row = table.getRow(t.headerRows() + i);
      row.setCantSplitRow(true);
      boolean last = i == n - 1;
      List<ExportCell> cells = t.rows().get(i);
      for (int c = 0; c < t.columns(); c++) {
        ExportCell ec = cells.get(c);
        XWPFTableCell cell = row.getCell(c);
        cell.setWidth(Integer.toString(twips[c]));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.TOP);
        if (last) {
          borders(cell, 0, THICK);
        }
        XWPFParagraph p = cell.getParagraphs().get(0);
        spacing(p, 0, 0);
        p.setAlignment(ec.isNumber() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        if (!ec.isEmpty()) {
          addRuns(p, ec.isNumber() ? ec.displayText() : ec.text() + ec.marker(), FONT_PT, false);
        }
      }
      if (++done[0] % 1000 == 0) {
        progress.rows(done[0], total);
        progress.checkCancelled();
      }
    }
    for (String f : t.footnotes()) {
      XWPFParagraph p = doc.createParagraph();
      spacing(p, 0, 0);
      addRuns(p, f, FOOT_PT, false);
    }
    XWPFParagraph gap = doc.createParagraph();
    spacing(gap, 0, 0);
    progress.rows(done[0], total);
  }

  /** Text as runs: super- and subscripts as real raised or lowered runs, line breaks as breaks. */
  private void addRuns(XWPFParagraph p, String text, double points, boolean bold) {
    for (RichText.Run r : RichText.runs(text)) {
      String[] lines = r.text().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        XWPFRun run = p.createRun();
        if (i > 0) {
          run.addBreak(BreakType.TEXT_WRAPPING);
        }
        run.setText(lines[i]);
        run.setBold(bold);
        run.setFontSize(points);
        run.setFontFamily(latinFont, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(latinFont, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(eastAsianFont, XWPFRun.FontCharRange.eastAsia);
        if (r.position() == RichText.Position.SUPER) {
          run.setVerticalAlignment(VerticalAlign.SUPERSCRIPT.name().toLowerCase(Locale.ROOT));
        } else if (r.position() == RichText.Position.SUB) {
          run.setVerticalAlignment(VerticalAlign.SUBSCRIPT.name().toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  private static void spacing(XWPFParagraph p, int beforePt, int afterPt) {
    p.setSpacingBefore(beforePt * TWIPS_PER_PT);
    p.setSpacingAfter(afterPt * TWIPS_PER_PT);
    p.setSpacingBetween(1.0);
  }

  private static CTTcPr tcPr(XWPFTableCell cell) {
    return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
  }

  /** Sets a cell's top and bottom rule (eighths of a point; 0 = leave as is). */
  private static void borders(XWPFTableCell cell, int top, int bottom) {
    CTTcPr pr = tcPr(cell);
    CTTcBorders b = pr.isSetTcBorders() ? pr.getTcBorders() : pr.addNewTcBorders();
    if (top > 0) {
      rule(b.isSetTop() ? b.getTop() : b.addNewTop(), top);
    }
    if (bottom > 0) {
      rule(b.isSetBottom() ? b.getBottom() : b.addNewBottom(), bottom);
    }
  }

  private static void rule(CTBorder border, int eighths) {
    border.setVal(STBorder.SINGLE);
    border.setSz(BigInteger.valueOf(eighths));
    border.setSpace(BigInteger.ZERO);
    border.setColor("000000");
  }

  private static void noBorders(XWPFTable table) {
    table.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    table.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
  }

  /** The document's one section: paper size, orientation and the margins TableFit assumes. */
  private void section(ExportTable.PageSpec page) {
    CTSectPr sect =
        doc.getDocument().getBody().isSetSectPr()
            ? doc.getDocument().getBody().getSectPr()
            : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
    size.setW(BigInteger.valueOf(Math.round(page.widthPt() * TWIPS_PER_PT)));
    size.setH(BigInteger.valueOf(Math.round(page.heightPt() * TWIPS_PER_PT)));
    size.setOrient(page.landscape() ? STPageOrientation.LANDSCAPE : STPageOrientation.PORTRAIT);
    CTPageMar m = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
    BigInteger side = BigInteger.valueOf(Math.round(TableFit.MARGIN_PT * TWIPS_PER_PT));
    BigInteger topBottom = BigInteger.valueOf(Math.round(0.6 * 72 * TWIPS_PER_PT));
    m.setLeft(side);
    m.setRight(side);
    m.setTop(topBottom);
    m.setBottom(topBottom);
    m.setHeader(BigInteger.valueOf(360));
    m.setFooter(BigInteger.valueOf(360));
    m.setGutter(BigInteger.ZERO);
  }
}
