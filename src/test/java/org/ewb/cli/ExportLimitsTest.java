package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ewb.logic.export.XlsxLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * xlsx export of texts longer than a cell holds (cut, marked, footnoted, warned about with the
 * study and field), and POI's temporary files in a folder of the user's own.
 */
class ExportLimitsTest {

  @TempDir Path dir;

  Path bcgWithLongAllocation(int chars) throws Exception {
    Path f = dir.resolve("bcg.ewb");
    Files.copy(Path.of("sample-projects/bcg-vaccine.ewb"), f);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement()) {
      st.execute(
          "UPDATE characteristic_value SET value = 'random ' || printf('%.*c', "
              + chars
              + ", 'z') WHERE study_id = 1 AND field_id = (SELECT id FROM field WHERE key ="
              + " 'alloc')");
    }
    return f;
  }

  @Test
  void aTextLongerThanACellIsCutMarkedFootnotedAndNamedInAWarning() throws Exception {
    Path project = bcgWithLongAllocation(40_000);
    Path out = dir.resolve("t.xlsx");
    CliTestSupport.Run r =
        CliTestSupport.run(
            "export",
            "xlsx",
            "--project",
            project.toString(),
            "--out",
            out.toString(),
            "--tables",
            "characteristics");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("warning: "), r.err());
    assertTrue(r.err().contains("Aronson 1948"), r.err());
    assertTrue(r.err().contains("40007"), r.err());
    try (InputStream in = Files.newInputStream(out);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet s = wb.getSheetAt(0);
      Cell cut = null;
      boolean footnote = false;
      for (Row row : s) {
        for (Cell cell : row) {
          String t = cell.toString();
          if (t.startsWith("random zzz")) {
            cut = cell;
          }
          footnote |= t.startsWith(XlsxLimits.CUT_MARK + " ");
        }
      }
      assertTrue(cut != null, "the cut cell");
      String text = cut.getStringCellValue();
      assertEquals(XlsxLimits.MAX_CELL_CHARS, text.length());
      assertTrue(text.endsWith("…" + XlsxLimits.CUT_MARK), text.substring(text.length() - 5));
      assertTrue(footnote, "footnote explaining the mark");
    }
  }

  @Test
  void aSharedPoiTempFolderOwnedBySomeoneElseDoesNotStopTheExport() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    // the folder POI would share between users, here unusable (a file where the folder should be)
    Files.writeString(tmp.resolve("poifiles"), "owned by someone else");
    String before = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
    try {
      Path out = dir.resolve("t.xlsx");
      CliTestSupport.Run r =
          CliTestSupport.run(
              "export",
              "xlsx",
              "--project",
              Path.of("sample-projects/bcg-vaccine.ewb").toString(),
              "--out",
              out.toString());
      assertEquals(0, r.exitCode(), r.err());
      String user = System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_");
      assertTrue(Files.isDirectory(tmp.resolve("poifiles-" + user)));
    } finally {
      System.setProperty("java.io.tmpdir", before);
      XlsxLimits.usePerUserTempFolder();
    }
  }
}
