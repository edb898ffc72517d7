package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.ewb.model.ProjectData;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/** The Word export: real tables with merged headings, three-line rules and superscripts. */
class DocxTableWriterTest {

  private static XWPFDocument write(ProjectData data, String layout, String lang)
      throws IOException {
    List<ExportTable> tables =
        ProjectExporter.tables(
            data, new ExportOptions(EnumSet.of(TableKind.CHARACTERISTICS), layout, lang));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocxTableWriter.write(tables, lang, out, ExportProgress.NONE);
    return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
  }

  private static ProjectData sample() {
    return SqliteProjectStore.readSnapshot(
        Path.of(System.getProperty("ewb.repo.dir", "."))
            .resolve("sample-projects/stem-cell-diabetes.ewb"));
  }

  @Test
  void seed004TableIsOneWordTableWithCaptionRulesSuperscriptsAndFootnotes() throws IOException {
    try (XWPFDocument doc = write(sample(), "Seed 004 Table 2", "en")) {
      assertEquals(1, doc.getTables().size());
      XWPFTable t = doc.getTables().get(0);
      assertEquals(1 + 18, t.getNumberOfRows());
      assertEquals(13, t.getRow(0).getTableCells().size());
      assertEquals("Ref.", t.getRow(0).getCell(0).getText());
      assertEquals("145", t.getRow(1).getCell(0).getText());
      assertTrue(t.getRow(0).isRepeatHeader(), "heading row repeated on every page");
      // three-line table: 1.5 pt above the headings, 0.5 pt below, 1.5 pt under the body
      assertEquals(
          12,
          t.getRow(0).getCell(0).getCTTc().getTcPr().getTcBorders().getTop().getSz().intValue());
      assertEquals(
          4,
          t.getRow(0).getCell(0).getCTTc().getTcPr().getTcBorders().getBottom().getSz().intValue());
      assertEquals(
          12,
          t.getRow(18)
              .getCell(0)
              .getCTTc()
              .getTcPr()
              .getTcBorders()
              .getBottom()
              .getSz()
              .intValue());
      // "1.35 × 10⁶ cells/kg": the 6 is a superscript run
      XWPFTableCell dose = t.getRow(1).getCell(9);
      assertTrue(dose.getText().contains("1.35 × 106 cells/kg"), dose.getText());
      assertTrue(hasSuperscript(dose.getParagraphs().get(0), "6"), "10⁶ as a superscript run");
      // caption first, footnotes after the table with their marks as superscripts
      assertTrue(
          doc.getParagraphs().get(0).getText().startsWith("Table 2. Clinical trials"),
          doc.getParagraphs().get(0).getText());
      List<String> after = new ArrayList<>();
      for (XWPFParagraph p : doc.getParagraphs().subList(1, doc.getParagraphs().size())) {
        after.add(p.getText());
      }
      assertTrue(after.get(0).startsWith("Abbreviations: aBM-MNC"), after.toString());
      assertTrue(after.get(1).startsWith("a Follow-up given as 21 months"), after.toString());
      assertTrue(hasSuperscript(doc.getParagraphs().get(2), "a"));
      assertEquals(
          STPageOrientation.LANDSCAPE,
          doc.getDocument().getBody().getSectPr().getPgSz().getOrient());
    }
  }

  @Test
  void groupHeadingsAreMergedAcrossAndSingleHeadingsDown() throws IOException {
    try (XWPFDocument doc = write(ExportFixtures.seed002(), "Seed 002 表1", "zh")) {
      XWPFTable t = doc.getTables().get(0);
      // the fixture's layout groups four intervention fields under one heading
      CTTcPr group = null;
      int vmergeRestarts = 0;
      for (XWPFTableCell c : t.getRow(0).getTableCells()) {
        CTTcPr pr = c.getCTTc().getTcPr();
        if (pr.isSetGridSpan() && pr.getGridSpan().getVal().intValue() == 4) {
          group = pr;
          assertEquals("干预措施", c.getText());
        }
        if (pr.isSetVMerge()) {
          vmergeRestarts++;
        }
      }
      assertTrue(group != null, "a heading spanning four columns");
      assertTrue(vmergeRestarts >= 5, "single headings span both heading rows");
      // the second heading row: the four intervention fields and 作者单位 under 发表信息
      assertEquals(
          5, t.getRow(1).getTableCells().stream().filter(c -> !c.getText().isEmpty()).count());
    }
  }

  private static boolean hasSuperscript(XWPFParagraph p, String text) {
    for (XWPFRun r : p.getRuns()) {
      if (r.getText(0) != null
          && r.getText(0).equals(text)
          && "superscript".equals(String.valueOf(r.getVerticalAlignment()))) {
        return true;
      }
    }
    return false;
  }
}
