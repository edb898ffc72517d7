package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ewb.model.ProjectData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcome data sheets, written to xlsx and read back with POI. */
class OutcomeDataExporterTest {

  @TempDir Path dir;

  private final ProjectData data = ExportFixtures.seed002();

  private XSSFWorkbook exportAndRead(String lang) throws IOException {
    List<ExportTable> tables = OutcomeDataExporter.build(data, lang);
    Path file = dir.resolve("o.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      XlsxTableWriter.write(tables, lang, out, ExportProgress.NONE);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  @Test
  void oneSheetPerOutcomeInDisplayOrder() throws IOException {
    try (XSSFWorkbook wb = exportAndRead("en")) {
      assertEquals(3, wb.getNumberOfSheets());
      assertEquals(
          List.of("HbA1c", "Insulin independence", "Fasting C-peptide"),
          List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
      assertEquals(
          "Outcome data: HbA1c (%), n, mean and SD per arm",
          wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
    }
  }

  @Test
  void timePointsAreMergedOverTheirValueColumns() throws IOException {
    try (XSSFWorkbook wb = exportAndRead("zh")) {
      Sheet s = wb.getSheetAt(0);
      List<String> merged = new ArrayList<>();
      for (CellRangeAddress r : s.getMergedRegions()) {
        merged.add(r.formatAsString());
      }
      assertTrue(
          merged.containsAll(List.of("A3:A4", "B3:B4", "C3:C4", "D3:F3", "G3:I3", "J3:J4")),
          merged::toString);
      // labels stored by an English session ("Baseline", "12 months") read in Chinese
      assertEquals("基线", s.getRow(2).getCell(3).getStringCellValue());
      assertEquals("12 个月", s.getRow(2).getCell(6).getStringCellValue());
      assertEquals(
          List.of("例数", "均值", "标准差"),
          List.of(
              s.getRow(3).getCell(6).getStringCellValue(),
              s.getRow(3).getCell(7).getStringCellValue(),
              s.getRow(3).getCell(8).getStringCellValue()));
      assertEquals("组别", s.getRow(2).getCell(2).getStringCellValue());
    }
  }

  @Test
  void rowsAreStudyByArmWithNumericValuesEqualToTheProject() throws IOException {
    try (XSSFWorkbook wb = exportAndRead("en")) {
      Sheet s = wb.getSheetAt(0);
      // body starts at row 3 (0-based): Li 2012 MSC, Li 2012 control, Gu 2012 MSC, ...
      assertEquals(1, s.getRow(4).getCell(0).getNumericCellValue());
      assertEquals("Li 2012", s.getRow(4).getCell(1).getStringCellValue());
      assertEquals("MSC", s.getRow(4).getCell(2).getStringCellValue());
      assertEquals(CellType.BLANK, s.getRow(5).getCell(0).getCellType());
      assertEquals("对照组", s.getRow(5).getCell(2).getStringCellValue());
      assertEquals(2, s.getRow(6).getCell(0).getNumericCellValue());
      Cell n = s.getRow(4).getCell(3);
      assertEquals(CellType.NUMERIC, n.getCellType());
      assertEquals(10, n.getNumericCellValue());
      Cell mean = s.getRow(4).getCell(4);
      assertEquals(8.0, mean.getNumericCellValue());
      Cell negative = s.getRow(5).getCell(7);
      assertEquals(CellType.NUMERIC, negative.getCellType());
      assertEquals(-0.5, negative.getNumericCellValue());
      assertEquals("-0.5", new DataFormatter().formatCellValue(negative));
      assertEquals(10, s.getLastRowNum() - 4 + 1 - footnoteRows(s) - 1);
    }
  }

  @Test
  void derivedValuesStayNumericAndShowTheMarkerWithAFootnote() throws IOException {
    try (XSSFWorkbook wb = exportAndRead("en")) {
      Sheet s = wb.getSheetAt(0);
      Cell mean = s.getRow(6).getCell(7);
      assertEquals(CellType.NUMERIC, mean.getCellType());
      assertEquals(7.25, mean.getNumericCellValue());
      assertEquals("7.25†", new DataFormatter().formatCellValue(mean));
      assertEquals("0.84†", new DataFormatter().formatCellValue(s.getRow(6).getCell(8)));
      // n is as reported: no marker
      assertEquals("11", new DataFormatter().formatCellValue(s.getRow(6).getCell(6)));
      assertEquals(
          "12 months: mean and SD derived (median/IQR (Wan 2014))",
          s.getRow(6).getCell(9).getStringCellValue());
      String foot = s.getRow(15).getCell(0).getStringCellValue();
      assertEquals(
          "† Derived, not as reported: median/IQR (Wan 2014) (Gu 2012, MSC, 12 months).", foot);
    }
  }

  @Test
  void invalidNumbersAreKeptAsTypedShadedAndNamedInTheNotes() throws IOException {
    try (XSSFWorkbook wb = exportAndRead("en")) {
      Sheet s = wb.getSheetAt(0);
      // Hu 2013 control arm, 12-month SD typed "12,5a"
      Cell sd = s.getRow(11).getCell(8);
      assertEquals(CellType.STRING, sd.getCellType());
      assertEquals("12,5a", sd.getStringCellValue());
      assertEquals(FillPatternType.SOLID_FOREGROUND, sd.getCellStyle().getFillPattern());
      assertFalse(
          s.getRow(11).getCell(7).getCellStyle().getFillPattern()
              == FillPatternType.SOLID_FOREGROUND);
      assertEquals(
          "12 months SD: \"12,5a\" is not a number", s.getRow(11).getCell(9).getStringCellValue());
      assertEquals(
          "Shaded cells could not be read as numbers; they are exported as typed.",
          s.getRow(16).getCell(0).getStringCellValue());
    }
  }

  @Test
  void dichotomousAndGenericOutcomesGetTheirOwnColumns() throws IOException {
    try (XSSFWorkbook wb = exportAndRead("en")) {
      Sheet d = wb.getSheetAt(1);
      assertEquals("Events", d.getRow(3).getCell(3).getStringCellValue());
      assertEquals("Total", d.getRow(3).getCell(4).getStringCellValue());
      assertEquals(1, d.getRow(6).getCell(3).getNumericCellValue());
      assertEquals(11, d.getRow(6).getCell(4).getNumericCellValue());
      Sheet g = wb.getSheetAt(2);
      assertEquals("Measure", g.getRow(2).getCell(2).getStringCellValue());
      assertEquals("6 months", g.getRow(2).getCell(3).getStringCellValue());
      assertEquals("MD", g.getRow(4).getCell(2).getStringCellValue());
      assertEquals(0.30, g.getRow(4).getCell(3).getNumericCellValue());
      assertEquals("0.30", new DataFormatter().formatCellValue(g.getRow(4).getCell(3)));
      assertEquals(5, g.getRow(8).getCell(0).getNumericCellValue());
    }
  }

  private static int footnoteRows(Sheet s) {
    int n = 0;
    for (int r = s.getLastRowNum(); r > 3; r--) {
      Cell c = s.getRow(r).getCell(0);
      if (c != null && c.getCellType() == CellType.STRING) {
        n++;
      } else {
        break;
      }
    }
    return n;
  }

  /** The stem-cell sample's outcomes have Chinese names: a Chinese export uses them. */
  @Test
  void aChineseSheetNamesTheOutcomeByItsChineseName() {
    ProjectData sample =
        org.ewb.persistence.SqliteProjectStore.readSnapshot(
            Path.of(System.getProperty("ewb.repo.dir", "."))
                .resolve("sample-projects/stem-cell-diabetes.ewb"));
    ExportTable zh = hba1c(sample, "zh");
    assertEquals("糖化血红蛋白（HbA1c）", zh.name());
    assertEquals("结局数据：糖化血红蛋白（HbA1c） (%)，各组例数、均值和标准差", zh.title());
    ExportTable en = hba1c(sample, "en");
    assertEquals("HbA1c", en.name());
  }

  private static ExportTable hba1c(ProjectData sample, String lang) {
    return OutcomeDataExporter.build(sample, lang).stream()
        .filter(t -> t.key().equals("outcome-hba1c"))
        .findFirst()
        .orElseThrow();
  }
}
