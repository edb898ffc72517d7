package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ewb.model.ProjectData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real spreadsheet program opens the exported workbook: LibreOffice converts it headless to CSV
 * and PDF. Skipped, saying so, where {@code soffice} is not installed (CI installs it).
 */
class LibreOfficeOpensExportTest {

  private static Path soffice;

  @TempDir Path dir;

  @BeforeAll
  static void findSoffice() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d, "soffice");
      if (Files.isExecutable(p)) {
        soffice = p;
        return;
      }
    }
  }

  private Path exportWorkbook(String lang) throws IOException {
    ProjectData data = ExportFixtures.seed002();
    Path xlsx = dir.resolve("tables-" + lang + ".xlsx");
    ProjectExporter.writeXlsx(
        data, new ExportOptions(null, "Seed 002 表1", lang), xlsx, ExportProgress.NONE);
    return xlsx;
  }

  private Path convert(Path xlsx, String filter, String ext) throws Exception {
    Assumptions.assumeTrue(
        soffice != null,
        "soffice (LibreOffice) is not on PATH: cannot check that a spreadsheet program opens "
            + "the export; install libreoffice-calc-nogui to run this test");
    Path out = Files.createDirectories(dir.resolve("out"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                soffice.toString(),
                "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless",
                "--norestore",
                "--convert-to",
                filter,
                "--outdir",
                out.toString(),
                xlsx.toString()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("soffice.log").toFile())
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("soffice did not finish within 180 s");
    }
    String log = Files.readString(dir.resolve("soffice.log"));
    assertEquals(0, p.exitValue(), log);
    String name = xlsx.getFileName().toString().replace(".xlsx", "." + ext);
    Path result = out.resolve(name);
    assertTrue(Files.isRegularFile(result), "no " + name + " from soffice: " + log);
    return result;
  }

  @Test
  void libreOfficeReadsTheCharacteristicsSheetAsExported() throws Exception {
    Path xlsx = exportWorkbook("zh");
    // 44 = comma, 34 = double quote, 76 = UTF-8; the first sheet is converted
    Path csv = convert(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76", "csv");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertTrue(lines.get(0).startsWith("表1 我国干细胞治疗1型糖尿病临床试验总结"), lines.get(0));
    // a blank row between the title and the header
    assertTrue(lines.get(1).matches(",*"), lines.get(1));
    assertTrue(lines.get(2).startsWith("序号,研究类型,受试者数量,干预措施,"), lines.get(2));
    assertTrue(lines.get(3).startsWith(",,,细胞种类,细胞数量,输注次数,输注方式,"), lines.get(3));
    // 10⁶ is a rich-text run "10" + raised "6": plain-text CSV shows the digits on the line
    assertEquals(
        "1,开放、前瞻,13,AHSCT,2.05×106~9.60×106/kg,1,静脉输注,42个月,"
            + "\"HbA1c, C肽、自身抗体\",\"Li L R, Zhu D L\",南京医科大学鼓楼医院,2012",
        lines.get(4));
    assertTrue(lines.get(7).contains(",29,WJ-MSC,"), lines.get(7));
    assertTrue(lines.get(7).endsWith(",青岛大学医学院,2013"), lines.get(7));
  }

  @Test
  void libreOfficePrintsTheWorkbookToPdf() throws Exception {
    Path xlsx = exportWorkbook("en");
    Path pdf = convert(xlsx, "pdf", "pdf");
    byte[] head = new byte[5];
    try (var in = Files.newInputStream(pdf)) {
      assertEquals(5, in.read(head));
    }
    assertEquals("%PDF-", new String(head, StandardCharsets.US_ASCII));
    assertTrue(Files.size(pdf) > 5_000, "PDF suspiciously small: " + Files.size(pdf));
  }
}
