package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ewb.model.ProjectData;
import org.ewb.model.TableLayout;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The characteristics table, written to xlsx and read back with POI. */
class CharacteristicsTableExporterTest {

  @TempDir Path dir;

  private final ProjectData data = ExportFixtures.seed002();

  private XSSFWorkbook exportAndRead(Optional<TableLayout> layout, String lang) throws IOException {
    ExportTable t = CharacteristicsTableExporter.build(data, layout, lang);
    Path file = dir.resolve("t-" + lang + ".xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      XlsxTableWriter.write(List.of(t), lang, out, ExportProgress.NONE);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  private Optional<TableLayout> layout(String name) {
    return TableLayouts.find(data, name);
  }

  @Test
  void groupHeadingsBecomeMergedCellsAndUngroupedFieldsSpanBothHeaderRows() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Seed 002 表1"), "zh")) {
      XSSFSheet s = wb.getSheetAt(0);
      List<String> merged = new ArrayList<>();
      for (CellRangeAddress r : s.getMergedRegions()) {
        merged.add(
            r.formatAsString()
                + "="
                + s.getRow(r.getFirstRow()).getCell(r.getFirstColumn()).getStringCellValue());
      }
      // row 1 title; rows 2-3 header. Columns: A No. | B 研究类型 | C 受试者数量 | D-G 干预措施 |
      // H 随访时间 | I 主要终点 | J 作者 | K 作者单位 (group 发表信息) | L 发表时间
      assertTrue(merged.contains("A1:L1=表1 我国干细胞治疗1型糖尿病临床试验总结"), merged::toString);
      assertTrue(merged.contains("A2:A3=序号"), merged::toString);
      assertTrue(merged.contains("B2:B3=研究类型"), merged::toString);
      assertTrue(merged.contains("D2:G2=干预措施"), merged::toString);
      assertTrue(merged.contains("H2:H3=随访时间"), merged::toString);
      assertTrue(merged.contains("L2:L3=发表时间"), merged::toString);
      // a group of one field is still an upper heading, but not a merged region
      assertEquals("发表信息", s.getRow(1).getCell(10).getStringCellValue());
      assertEquals("作者单位", s.getRow(2).getCell(10).getStringCellValue());
      assertEquals(
          List.of("细胞种类", "细胞数量", "输注次数", "输注方式"),
          List.of(text(s, 2, 3), text(s, 2, 4), text(s, 2, 5), text(s, 2, 6)));
    }
  }

  @Test
  void englishHeadersComeFromTheEnglishLabels() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Seed 002 表1"), "en")) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("Characteristics", s.getSheetName());
      assertEquals("Stem-cell trials for type 1 diabetes in China", text(s, 0, 0));
      assertEquals("No.", text(s, 1, 0));
      assertEquals("Intervention", text(s, 1, 3));
      assertEquals("Cell dose", text(s, 2, 4));
      assertEquals("Authors", text(s, 1, 9));
      assertEquals("Year", text(s, 1, 11));
    }
  }

  @Test
  void oneNumberedRowPerIncludedStudyInDisplayOrder() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Seed 002 表1"), "zh")) {
      Sheet s = wb.getSheetAt(0);
      int first = 3;
      List<String> authors = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Cell no = s.getRow(first + i).getCell(0);
        assertEquals(CellType.NUMERIC, no.getCellType());
        assertEquals(i + 1, no.getNumericCellValue());
        authors.add(text(s, first + i, 9));
      }
      assertEquals(
          List.of("Li L R, Zhu D L", "Gu W Q, Ning G", "Zhao Y", "Hu J X, Wang Y", "Cai J, Tan J"),
          authors);
      // the excluded study is not a row; the row after the body is the abbreviations footnote
      String foot = text(s, first + 5, 0);
      assertTrue(foot.startsWith("缩写："), foot);
    }
  }

  @Test
  void numericFieldsAreNumericCellsEqualToTheProjectValues() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Seed 002 表1"), "zh")) {
      Sheet s = wb.getSheetAt(0);
      int[] n = {13, 28, 15, 29, 42};
      int[] year = {2012, 2012, 2012, 2013, 2016};
      for (int i = 0; i < 5; i++) {
        Cell participants = s.getRow(3 + i).getCell(2);
        assertEquals(CellType.NUMERIC, participants.getCellType());
        assertEquals(n[i], participants.getNumericCellValue());
        assertEquals("0", participants.getCellStyle().getDataFormatString());
        Cell y = s.getRow(3 + i).getCell(11);
        assertEquals(CellType.NUMERIC, y.getCellType());
        assertEquals(year[i], y.getNumericCellValue());
      }
      // a text field holding digits stays text
      assertEquals(CellType.STRING, s.getRow(3).getCell(1).getCellType());
    }
  }

  @Test
  void decimalsKeepTheTypedPrecisionAndUnparsableNumbersStayText() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Short"), "en")) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("BMI (kg/m²)", text(s, 1, 3));
      Cell bmi = s.getRow(2).getCell(3);
      assertEquals(CellType.NUMERIC, bmi.getCellType());
      assertEquals(22.06, bmi.getNumericCellValue(), 0.0);
      assertEquals("0.00", bmi.getCellStyle().getDataFormatString());
      Cell approx = s.getRow(3).getCell(3);
      assertEquals(CellType.STRING, approx.getCellType());
      assertEquals("≈23", approx.getStringCellValue());
      // single header row when no field in the layout has a group: no merged header cells
      assertEquals(0, s.getMergedRegions().stream().filter(r -> r.getFirstRow() == 1).count());
      assertEquals("Study", text(s, 1, 1));
      assertEquals("Li 2012", text(s, 2, 1));
      // the layout's footnote mentions no abbreviation list, so one is added after it
      assertEquals("ND, not determined.", text(s, 7, 0));
    }
  }

  @Test
  void chineseTextSurvivesIntact() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Seed 002 表1"), "zh")) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("空腹及胰岛素刺激后C肽", text(s, 5, 8));
      assertEquals("上海交通大学瑞金医院", text(s, 4, 10));
      assertEquals("UC-MSCs\nBM-MNC (bone marrow mononuclear cells)", text(s, 7, 3));
      assertEquals("2.05×10⁶~9.60×10⁶/kg", text(s, 3, 4));
    }
  }

  @Test
  void withoutLayoutEveryFieldFollowsTheStudyLabelInDisplayOrder() {
    ExportTable t = CharacteristicsTableExporter.build(data, Optional.empty(), "en");
    assertEquals(2 + ExportFixtures.FIELDS.length, t.columns());
    assertEquals("No.", t.flatHeader().get(0));
    assertEquals("Study", t.flatHeader().get(1));
    assertEquals("Intervention: Cell type", t.flatHeader().get(4));
    assertEquals("BMI (kg/m²)", t.flatHeader().get(11));
    assertEquals("Characteristics of included studies", t.title());
    assertEquals(5, t.rows().size());
  }

  @Test
  void abbreviationFootnoteListsOnlyAbbreviationsInTheTable() {
    ExportTable t = CharacteristicsTableExporter.build(data, layout("Seed 002 表1"), "en");
    String foot = t.footnotes().get(t.footnotes().size() - 1);
    assertEquals(
        "Abbreviations: AHSCT, autologous haematopoietic stem cell transplantation; "
            + "BM-MNC, bone marrow mononuclear cell; HbA1c, glycated haemoglobin; "
            + "UC-MSC, umbilical cord mesenchymal stem/stromal cell; "
            + "WJ-MSC, Wharton's jelly mesenchymal stem/stromal cell.",
        foot);
  }

  @Test
  void unknownLayoutNameIsAUsageErrorListingTheLayouts() {
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> TableLayouts.find(data, "Table 9"));
    assertEquals(WorkbenchException.Kind.USAGE, e.kind());
    assertEquals(
        "The project has no table layout named 'Table 9'. Layouts: 'Seed 002 表1', " + "'Short'",
        e.getMessage());
  }

  @Test
  void layoutNamingAMissingFieldIsADataError() {
    TableLayout bad = new TableLayout(3, "Bad", "", "", List.of("design", "dm_type"), "", "");
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> CharacteristicsTableExporter.build(data, Optional.of(bad), "en"));
    assertEquals(WorkbenchException.Kind.DATA, e.kind());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Table layout 'Bad' names field 'dm_type', which the " + "project does not have."),
        e.getMessage());
  }

  @Test
  void printSetupIsLandscapeOnePageWideWithRepeatedFrozenHeader() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Seed 002 表1"), "zh")) {
      XSSFSheet s = wb.getSheetAt(0);
      assertTrue(s.getPrintSetup().getLandscape());
      assertEquals(1, s.getPrintSetup().getFitWidth());
      assertEquals(0, s.getPrintSetup().getFitHeight());
      assertTrue(s.getFitToPage());
      assertEquals("2:3", s.getRepeatingRows().formatAsString().replace("$", ""));
      assertEquals(3, s.getPaneInformation().getHorizontalSplitPosition());
    }
  }

  private static String text(Sheet s, int row, int col) {
    return s.getRow(row).getCell(col).getStringCellValue();
  }
}
