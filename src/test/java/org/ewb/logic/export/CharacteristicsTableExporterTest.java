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
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
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
      assertTrue(merged.contains("A3:A4=序号"), merged::toString);
      assertTrue(merged.contains("B3:B4=研究类型"), merged::toString);
      assertTrue(merged.contains("D3:G3=干预措施"), merged::toString);
      assertTrue(merged.contains("H3:H4=随访时间"), merged::toString);
      assertTrue(merged.contains("L3:L4=发表时间"), merged::toString);
      // a group of one field is still an upper heading, but not a merged region
      assertEquals("发表信息", s.getRow(2).getCell(10).getStringCellValue());
      assertEquals("作者单位", s.getRow(3).getCell(10).getStringCellValue());
      assertEquals(
          List.of("细胞种类", "细胞数量", "输注次数", "输注方式"),
          List.of(text(s, 3, 3), text(s, 3, 4), text(s, 3, 5), text(s, 3, 6)));
    }
  }

  @Test
  void englishHeadersComeFromTheEnglishLabels() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Seed 002 表1"), "en")) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("Characteristics", s.getSheetName());
      assertEquals("Stem-cell trials for type 1 diabetes in China", text(s, 0, 0));
      assertEquals("No.", text(s, 2, 0));
      assertEquals("Intervention", text(s, 2, 3));
      assertEquals("Cell dose", text(s, 3, 4));
      assertEquals("Authors", text(s, 2, 9));
      assertEquals("Year", text(s, 2, 11));
    }
  }

  @Test
  void oneNumberedRowPerIncludedStudyInDisplayOrder() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Seed 002 表1"), "zh")) {
      Sheet s = wb.getSheetAt(0);
      int first = 4;
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
      String foot = text(s, first + 6, 0);
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
        Cell participants = s.getRow(4 + i).getCell(2);
        assertEquals(CellType.NUMERIC, participants.getCellType());
        assertEquals(n[i], participants.getNumericCellValue());
        assertEquals("0", participants.getCellStyle().getDataFormatString());
        Cell y = s.getRow(4 + i).getCell(11);
        assertEquals(CellType.NUMERIC, y.getCellType());
        assertEquals(year[i], y.getNumericCellValue());
      }
      // a text field holding digits stays text
      assertEquals(CellType.STRING, s.getRow(4).getCell(1).getCellType());
    }
  }

  @Test
  void decimalsKeepTheTypedPrecisionAndUnparsableNumbersStayText() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Short"), "en")) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("BMI (kg/m²)", text(s, 2, 3));
      Cell bmi = s.getRow(3).getCell(3);
      assertEquals(CellType.NUMERIC, bmi.getCellType());
      assertEquals(22.06, bmi.getNumericCellValue(), 0.0);
      assertEquals("0.00", bmi.getCellStyle().getDataFormatString());
      Cell approx = s.getRow(4).getCell(3);
      assertEquals(CellType.STRING, approx.getCellType());
      assertEquals("≈23", approx.getStringCellValue());
      // single header row when no field in the layout has a group: no merged header cells
      assertEquals(0, s.getMergedRegions().stream().filter(r -> r.getFirstRow() == 2).count());
      assertEquals("Study", text(s, 2, 1));
      assertEquals("Li 2012", text(s, 3, 1));
      // the layout's footnote mentions no abbreviation list, so one is added after it
      assertEquals("ND, not determined.", text(s, 9, 0));
    }
  }

  @Test
  void chineseTextSurvivesIntact() throws IOException {
    try (XSSFWorkbook wb = exportAndRead(layout("Seed 002 表1"), "zh")) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("空腹及胰岛素刺激后C肽", text(s, 6, 8));
      assertEquals("上海交通大学瑞金医院", text(s, 5, 10));
      assertEquals("UC-MSCs\nBM-MNC (bone marrow mononuclear cells)", text(s, 8, 3));
      assertEquals("2.05×10⁶~9.60×10⁶/kg", text(s, 4, 4));
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
      assertEquals("3:4", s.getRepeatingRows().formatAsString().replace("$", ""));
      assertEquals(4, s.getPaneInformation().getHorizontalSplitPosition());
    }
  }

  private static String text(Sheet s, int row, int col) {
    return XlsxText.of(s.getRow(row).getCell(col));
  }

  /**
   * The fixture plus a field "row_key" with {@code keys[k]} for study id k + 1 (null = no value),
   * and "0" for the excluded study, which must never become a row.
   */
  private static ProjectData withRowKey(String... keys) {
    ProjectData d = ExportFixtures.seed002();
    List<CharacteristicField> fields = new ArrayList<>(d.fields());
    fields.add(
        new CharacteristicField(
            500, "row_key", "Row", "行", FieldType.TEXT, "", List.of(), "", "", 99));
    List<CharacteristicValue> values = new ArrayList<>(d.values());
    for (int k = 0; k < keys.length; k++) {
      if (keys[k] != null) {
        values.add(new CharacteristicValue(k + 1, 500, keys[k], Provenance.NONE));
      }
    }
    values.add(new CharacteristicValue(99, 500, "0", Provenance.NONE));
    return new ProjectData(
        d.project(),
        d.studies(),
        fields,
        values,
        d.arms(),
        d.outcomes(),
        d.timePoints(),
        d.measurements(),
        d.genericEstimates(),
        d.layouts(),
        d.analyses());
  }

  private static Optional<TableLayout> byRowKey(String key) {
    return Optional.of(new TableLayout(9, "Rows", "", "", List.of("study.label"), "", "", key));
  }

  private static List<String> column(ExportTable t, int col) {
    return t.rows().stream().map(r -> r.get(col).text()).toList();
  }

  /**
   * A text field's value in the table's language, the other language's when that one is missing
   * (ADR 0123): English "intravenous" / Chinese "静脉注射" for Li, Chinese only for Gu.
   */
  @Test
  void textValuesFollowTheTableLanguage() {
    ProjectData d = withRowKey("1", "2", null, null, null);
    List<CharacteristicValue> values = new ArrayList<>();
    for (CharacteristicValue v : d.values()) {
      if (v.fieldId() == 500 && v.studyId() == 1) {
        v = new CharacteristicValue(1, 500, "intravenous", Provenance.NONE, "静脉注射");
      } else if (v.fieldId() == 500 && v.studyId() == 2) {
        v = new CharacteristicValue(2, 500, "", Provenance.NONE, "胰腺动脉");
      }
      values.add(v);
    }
    ProjectData bilingual =
        new ProjectData(
            d.project(),
            d.studies(),
            d.fields(),
            values,
            d.arms(),
            d.outcomes(),
            d.timePoints(),
            d.measurements(),
            d.genericEstimates(),
            d.layouts(),
            d.analyses());
    Optional<TableLayout> layout =
        Optional.of(
            new TableLayout(9, "Rows", "", "", List.of("study.label", "row_key"), "", "", ""));
    ExportTable en = CharacteristicsTableExporter.build(bilingual, layout, "en");
    ExportTable zh = CharacteristicsTableExporter.build(bilingual, layout, "zh");
    assertEquals(List.of("intravenous", "胰腺动脉"), column(en, 2).subList(0, 2));
    assertEquals(List.of("静脉注射", "胰腺动脉"), column(zh, 2).subList(0, 2));
  }

  @Test
  void rowKeyChoosesTheStudiesWithAValueOrderedNumericallyAndNumbersThemWithIt() {
    // Li 1, Gu none, Zhao 10, Hu 2, Cai " 3 " (padding ignored)
    ProjectData d = withRowKey("1", null, "10", "2", " 3 ");
    ExportTable t = CharacteristicsTableExporter.build(d, byRowKey("row_key"), "en");
    assertEquals(List.of("Li 2012", "Hu 2013", "Cai 2016", "Zhao 2012"), column(t, 1));
    assertEquals(List.of("1", "2", "3", "10"), column(t, 0));
    assertTrue(t.rows().stream().allMatch(r -> r.get(0).isNumber()));
    assertEquals(10.0, t.rows().get(3).get(0).number());
    // the numbering column keeps its header; the row key adds no column of its own
    assertEquals(List.of("No.", "Study"), t.flatHeader());
  }

  @Test
  void nonNumericRowKeysSortAsTextAndStayText() {
    ProjectData d = withRowKey("b", "a2", "a10", null, null);
    ExportTable t = CharacteristicsTableExporter.build(d, byRowKey("row_key"), "en");
    assertEquals(List.of("Zhao 2012", "Gu 2012", "Li 2012"), column(t, 1));
    assertEquals(List.of("a10", "a2", "b"), column(t, 0));
    assertTrue(t.rows().stream().noneMatch(r -> r.get(0).isNumber()));
  }

  @Test
  void equalRowKeysKeepDisplayOrder() {
    ProjectData d = withRowKey("1", "1", "1", "1", "1");
    ExportTable all = CharacteristicsTableExporter.build(d, Optional.empty(), "en");
    ExportTable t = CharacteristicsTableExporter.build(d, byRowKey("row_key"), "en");
    assertEquals(column(all, 1), column(t, 1));
  }

  @Test
  void withoutRowKeyEveryIncludedStudyIsNumberedOneToN() {
    ProjectData d = withRowKey("5", null, "3", null, null);
    ExportTable t = CharacteristicsTableExporter.build(d, byRowKey(""), "en");
    assertEquals(List.of("1", "2", "3", "4", "5"), column(t, 0));
    assertEquals(
        column(CharacteristicsTableExporter.build(d, Optional.empty(), "en"), 1), column(t, 1));
  }

  @Test
  void rowKeyNamingAMissingFieldIsADataError() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> CharacteristicsTableExporter.build(data, byRowKey("row_no"), "en"));
    assertEquals(WorkbenchException.Kind.DATA, e.kind());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Table layout 'Rows' takes its rows from field 'row_no', which the project does"
                    + " not have."),
        e.getMessage());
  }
}
