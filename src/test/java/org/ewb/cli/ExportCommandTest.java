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
import java.util.List;
import java.util.stream.Stream;
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
    CommandLine cl = new CommandLine(new MainCommand());
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
      assertEquals(42, wb.getSheetAt(0).getRow(7).getCell(2).getNumericCellValue());
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
    assertTrue(err.toString().contains("Unknown format 'pdf'; use xlsx or csv"), err::toString);
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
    assertTrue(err.toString().contains("none.ewb does not exist"), err::toString);
  }
}
