package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ewb.logic.export.ExportFixtures;
import org.ewb.model.ProjectData;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code export xlsx|csv} end to end on a project file. */
class ExportCommandTest {

  @TempDir Path dir;
  private Path project;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeProject() {
    project = dir.resolve("p.ewb");
    save(ExportFixtures.seed002(), project);
  }

  /** Stores an in-memory project in a new project file, keeping its ids. */
  static void save(ProjectData d, Path file) {
    try (SqliteProjectStore s = SqliteProjectStore.create(file, d.project().title())) {
      s.inTransaction(
          () -> {
            d.fields().forEach(s::insertField);
            d.studies().forEach(s::insertStudy);
            d.values().forEach(s::putValue);
            d.arms().forEach(s::insertArm);
            d.outcomes().forEach(s::insertOutcome);
            d.timePoints().forEach(s::insertTimePoint);
            d.measurements().forEach(s::putMeasurement);
            d.genericEstimates().forEach(s::putGenericEstimate);
            d.layouts().forEach(s::putLayout);
            d.analyses().forEach(s::putAnalysis);
          });
    }
  }

  private int run(String... args) {
    CommandLine cl = MainCommand.commandLine();
    ExitCodes.install(cl);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void xlsxHoldsTheCharacteristicsAndOneSheetPerOutcome() throws IOException {
    Path xlsx = dir.resolve("tables.xlsx");
    int code =
        run(
            "export",
            "xlsx",
            "--project",
            project.toString(),
            "--out",
            xlsx.toString(),
            "--layout",
            "seed 002 表1",
            "--lang",
            "zh");
    assertEquals(0, code, err::toString);
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals(
          List.of("研究特征", "HbA1c", "Insulin independence", "Fasting C-peptide"),
          List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
      assertEquals(
          "表1 我国干细胞治疗1型糖尿病临床试验总结", wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
      assertEquals(42, wb.getSheetAt(0).getRow(8).getCell(2).getNumericCellValue());
    }
    assertTrue(out.toString().contains("sheet 研究特征: 5 rows"), out::toString);
  }

  @Test
  void csvWritesOneFilePerTableIntoAFolder() throws IOException {
    Path folder = dir.resolve("csv");
    int code =
        run(
            "export",
            "csv",
            "--project",
            project.toString(),
            "--out",
            folder.toString(),
            "--tables",
            "characteristics,outcomes");
    assertEquals(0, code, err::toString);
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(
          List.of(
              "characteristics.csv",
              "outcome-fasting-c-peptide.csv",
              "outcome-hba1c.csv",
              "outcome-insulin-independence.csv"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    String c = Files.readString(folder.resolve("characteristics.csv"), StandardCharsets.UTF_8);
    assertTrue(c.startsWith("\uFEFFNo.,Study,"), c);
  }

  @Test
  void csvWithAFileNameUsesItAsPrefix() {
    Path base = dir.resolve("review.csv");
    int code =
        run(
            "export",
            "csv",
            "--project",
            project.toString(),
            "--out",
            base.toString(),
            "--tables",
            "characteristics");
    assertEquals(0, code, err::toString);
    assertTrue(Files.isRegularFile(dir.resolve("review-characteristics.csv")));
    assertFalse(Files.exists(base));
  }

  @Test
  void unknownLayoutIsAnErrorNamingTheLayoutsAndWritesNothing() {
    Path xlsx = dir.resolve("t.xlsx");
    int code =
        run(
            "export",
            "xlsx",
            "--project",
            project.toString(),
            "--out",
            xlsx.toString(),
            "--layout",
            "Table 9");
    assertEquals(ExitCodes.ERROR, code);
    assertEquals(
        "error: The project has no table layout named 'Table 9'. Layouts: "
            + "'Seed 002 表1', 'Short'",
        err.toString().strip());
    assertFalse(Files.exists(xlsx));
  }

  @Test
  void refusesToWriteOverAProjectFile() throws IOException {
    byte[] before = Files.readAllBytes(project);
    int code = run("export", "xlsx", "--project", project.toString(), "--out", project.toString());
    assertEquals(ExitCodes.ERROR, code);
    assertTrue(err.toString().contains("looks like a project file"), err::toString);
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(project)));
  }

  @Test
  void unknownFormatTableAndLanguageAreUsageErrors() {
    assertEquals(
        ExitCodes.ERROR, run("export", "pdf", "--project", project.toString(), "--out", "x"));
    assertTrue(
        err.toString().contains("Unknown format 'pdf'; use xlsx, docx or csv"), err::toString);
    assertEquals(
        ExitCodes.ERROR,
        run(
            "export",
            "csv",
            "--project",
            project.toString(),
            "--out",
            dir.resolve("c").toString(),
            "--tables",
            "forest"));
    assertTrue(
        err.toString()
            .contains(
                "Unknown table 'forest'; choose from characteristics, " + "outcomes, analyses"),
        err::toString);
    assertEquals(
        ExitCodes.ERROR,
        run(
            "export",
            "csv",
            "--project",
            project.toString(),
            "--out",
            dir.resolve("c").toString(),
            "--lang",
            "fr"));
    assertTrue(
        err.toString().contains("Language 'fr' is not supported; use en or zh"), err::toString);
  }

  private static Path stemCellSample() {
    return Path.of(
        System.getProperty("ewb.repo.dir", "."), "sample-projects", "stem-cell-diabetes.ewb");
  }

  /** Column {@code col} of the {@code n} body rows that start at sheet row {@code first}. */
  private static List<String> bodyColumn(Sheet s, int first, int n, int col) {
    DataFormatter fmt = new DataFormatter();
    List<String> out = new ArrayList<>();
    for (int r = first; r < first + n; r++) {
      out.add(fmt.formatCellValue(s.getRow(r).getCell(col)));
    }
    return out;
  }

  @Test
  void seed004LayoutHasTheRowsOfThatTableInPrintedOrderWithTheRefColumn() throws IOException {
    Path t2 = dir.resolve("t2.xlsx");
    assertEquals(
        0,
        run(
            "export",
            "xlsx",
            "--project",
            stemCellSample().toString(),
            "--out",
            t2.toString(),
            "--layout",
            "Seed 004 Table 2",
            "--tables",
            "characteristics"),
        err::toString);
    try (InputStream in = Files.newInputStream(t2);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      var s = wb.getSheetAt(0);
      assertEquals(
          "Table 2. Clinical trials of hMSC-based therapy in patients with T1DM or T2DM",
          s.getRow(0).getCell(0).getStringCellValue());
      // one heading row as printed (no numbering column, no group headings), then the 18 rows
      // of seed 004 Table 2 in printed order (seed 004 L156-L348: not in reference order)
      assertEquals("Ref.", s.getRow(2).getCell(0).getStringCellValue());
      assertEquals("Follow-up period (M)", s.getRow(2).getCell(12).getStringCellValue());
      assertEquals(
          List.of(
              "145", "30", "146", "147", "148", "160", "149", "32", "150", "151", "152", "153",
              "155", "156", "157", "158", "159", "85"),
          bodyColumn(s, 3, 18, 0));
      assertEquals(CellType.NUMERIC, s.getRow(3).getCell(0).getCellType());
      // a blank row, then the footnotes
      assertEquals(null, s.getRow(21).getCell(0));
      String after = s.getRow(22).getCell(0).getStringCellValue();
      assertTrue(after.startsWith("Abbreviations: aBM-MNC"), after);
      assertTrue(
          s.getMergedRegions().stream().noneMatch(r -> r.getFirstRow() == 2),
          () -> s.getMergedRegions().toString());
    }
  }

  @Test
  void seed002LayoutHasItsFiveStudiesNumberedByTheTablesOwnRows() throws IOException {
    Path t1 = dir.resolve("t1.xlsx");
    assertEquals(
        0,
        run(
            "export",
            "xlsx",
            "--project",
            stemCellSample().toString(),
            "--out",
            t1.toString(),
            "--layout",
            "Seed 002 表1",
            "--lang",
            "zh",
            "--tables",
            "characteristics"),
        err::toString);
    try (InputStream in = Files.newInputStream(t1);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      var s = wb.getSheetAt(0);
      assertEquals("表1　我国干细胞治疗1型糖尿病临床试验总结", s.getRow(0).getCell(0).getStringCellValue());
      // the printed headings, one row; one numbering column
      assertEquals("No.", s.getRow(2).getCell(0).getStringCellValue());
      assertEquals("研究类型", s.getRow(2).getCell(1).getStringCellValue());
      assertEquals("受试者数量", s.getRow(2).getCell(2).getStringCellValue());
      assertEquals(List.of("1", "2", "3", "4", "5"), bodyColumn(s, 3, 5, 0));
      // 002 表1's "受试者数量" column as printed (seed 002 L583-660)
      assertEquals(List.of("13", "28", "15", "29", "42"), bodyColumn(s, 3, 5, 2));
      assertEquals(
          List.of("Li L R, Zhu D L", "Gu W Q, Ning G", "Zhao Y", "Hu J X, Wang Y", "Cai J, Tan J"),
          bodyColumn(s, 3, 5, 9));
      // a blank row after the fifth study, then the footnotes
      String foot = s.getRow(9).getCell(0).getStringCellValue();
      assertTrue(foot.startsWith("−：未报告"), foot);
    }
  }

  @Test
  void withoutLayoutTheStemCellSampleHasEveryIncludedStudyNumberedOneToN() throws IOException {
    ProjectData d = SqliteProjectStore.readSnapshot(stemCellSample());
    int included =
        (int)
            d.studies().stream()
                .filter(st -> st.status() == org.ewb.model.StudyStatus.INCLUDED)
                .count();
    Path all = dir.resolve("all.xlsx");
    assertEquals(
        0,
        run(
            "export",
            "xlsx",
            "--project",
            stemCellSample().toString(),
            "--out",
            all.toString(),
            "--tables",
            "characteristics"),
        err::toString);
    try (InputStream in = Files.newInputStream(all);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      var s = wb.getSheetAt(0);
      // the fields have heading groups, so two header rows under the title
      List<String> numbers = new ArrayList<>();
      for (int i = 1; i <= included; i++) {
        numbers.add(Integer.toString(i));
      }
      // title, a blank row, two heading rows, then the body
      assertEquals(numbers, bodyColumn(s, 4, included, 0));
    }
  }

  @Test
  void bcgSampleExportsItsSavedAnalysesWithMetaforsPooledRiskRatio() throws IOException {
    Path bcg =
        Path.of(System.getProperty("ewb.repo.dir", "."), "sample-projects", "bcg-vaccine.ewb");
    Path out = dir.resolve("bcg.xlsx");
    assertEquals(
        0,
        run(
            "export",
            "xlsx",
            "--project",
            bcg.toString(),
            "--out",
            out.toString(),
            "--tables",
            "analyses"),
        err::toString);
    try (InputStream in = Files.newInputStream(out);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals(
          // Excel allows 31 characters: cut at a word; the title row has the full name
          List.of("Tuberculosis — RR, REML", "Tuberculosis — RR, REML by…"),
          List.of(wb.getSheetName(0), wb.getSheetName(1)));
      // metafor bcg__RR__REML: exp(estimate) 0.48942, CI 0.34407 to 0.69617
      Sheet s = wb.getSheetAt(0);
      org.apache.poi.ss.usermodel.Row pooled = null;
      for (org.apache.poi.ss.usermodel.Row r : s) {
        var c = r.getCell(1);
        if (c != null
            && c.getCellType() == CellType.STRING
            && c.getStringCellValue().startsWith("Pooled estimate (random effects, REML)")) {
          pooled = r;
        }
      }
      assertTrue(pooled != null, "no pooled row");
      assertEquals(0.48942094, pooled.getCell(2).getNumericCellValue(), 1e-6);
      assertEquals(0.34407431, pooled.getCell(3).getNumericCellValue(), 1e-6);
      assertEquals(0.69616607, pooled.getCell(4).getNumericCellValue(), 1e-6);
      String title = wb.getSheetAt(1).getRow(0).getCell(0).getStringCellValue();
      assertTrue(title.startsWith("Tuberculosis — RR, REML by allocation: Tuberculosis"), title);
    }
  }

  @Test
  void stemCellSampleExportsTheSingleStudyInsulinIndependenceAnalysis() throws IOException {
    Path out = dir.resolve("stem.xlsx");
    assertEquals(
        0,
        run(
            "export",
            "xlsx",
            "--project",
            stemCellSample().toString(),
            "--out",
            out.toString(),
            "--tables",
            "analyses"),
        err::toString);
    try (InputStream in = Files.newInputStream(out);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet s = wb.getSheet("Insulin independence at 12…");
      assertEquals(
          "Insulin independence at 12 months — RR: Insulin independence, 12 months, risk ratio (RR)",
          s.getRow(0).getCell(0).getStringCellValue());
      // Yao 2022 at 12 months: 3/5 insulin independent in each arm, RR = 1 (seed 000 case 1)
      assertEquals("Yao 2022", s.getRow(4).getCell(1).getStringCellValue());
      assertEquals(1.0, s.getRow(4).getCell(2).getNumericCellValue(), 1e-12);
      assertEquals(100.0, s.getRow(4).getCell(5).getNumericCellValue(), 1e-9);
      List<String> all = new ArrayList<>();
      DataFormatter fmt = new DataFormatter();
      s.forEach(r -> r.forEach(c -> all.add(fmt.formatCellValue(c))));
      assertTrue(
          all.stream().anyMatch(t -> t.startsWith("Notes: Left out, no data for Insulin")),
          all::toString);
    }
  }

  @Test
  void missingProjectFileIsAFileError() {
    int code =
        run(
            "export",
            "xlsx",
            "--project",
            dir.resolve("none.ewb").toString(),
            "--out",
            dir.resolve("t.xlsx").toString());
    assertEquals(ExitCodes.ERROR, code);
    assertTrue(err.toString().contains("none.ewb: file not found"), err::toString);
  }
}
