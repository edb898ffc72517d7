package org.ewb.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ewb.logic.export.ExportOptions;
import org.ewb.logic.export.ExportProgress;
import org.ewb.logic.export.ProjectExporter;
import org.ewb.logic.export.TableKind;
import org.ewb.model.SavedAnalysis;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis view model without a window: an analysis saved through it is the one the Excel
 * export runs, with metafor's numbers (reference files in {@code src/test/resources/metafor}).
 */
class AnalysisViewModelTest {

  /** Relative tolerance: the engine matches metafor to 1e-6. */
  private static final double TOL = 1e-6;

  @TempDir Path dir;

  private SqliteProjectStore bcgCopy() throws IOException {
    Path copy = dir.resolve("bcg.ewb");
    // a byte copy: opening the committed sample read-write would touch its header
    Files.copy(
        Path.of(System.getProperty("ewb.repo.dir", "."), "sample-projects", "bcg-vaccine.ewb"),
        copy,
        StandardCopyOption.REPLACE_EXISTING);
    return SqliteProjectStore.open(copy);
  }

  private XSSFWorkbook export(SqliteProjectStore store) throws IOException {
    Path out = dir.resolve("analyses.xlsx");
    ProjectExporter.writeXlsx(
        store.snapshot(),
        new ExportOptions(EnumSet.of(TableKind.ANALYSES), null, "en"),
        out,
        ExportProgress.NONE);
    try (InputStream in = Files.newInputStream(out)) {
      return new XSSFWorkbook(in);
    }
  }

  private static JsonNode results(String referenceCase) throws IOException {
    try (InputStream in =
        AnalysisViewModelTest.class.getResourceAsStream("/metafor/" + referenceCase + ".json")) {
      JsonNode ref = new ObjectMapper().readTree(in);
      JsonNode strict = ref.get("results_strict");
      return strict != null && !strict.isNull() ? strict : ref.get("results");
    }
  }

  private static Row row(Sheet s, String label) {
    for (Row r : s) {
      Cell c = r.getCell(1);
      // "τ²" is written as "τ" and a superscript run "2" (rich text): its plain string is "τ2"
      if (c != null
          && c.getCellType() == CellType.STRING
          && c.getStringCellValue().equals(label.replace("²", "2"))) {
        return r;
      }
    }
    throw new AssertionError("no row '" + label + "' in sheet " + s.getSheetName());
  }

  private static void assertNum(double expected, Row r, int col, String what) {
    assertEquals(expected, r.getCell(col).getNumericCellValue(), Math.abs(expected) * TOL, what);
  }

  @Test
  void anAnalysisSavedInTheViewExportsWithMetaforsPooledResult() throws IOException {
    try (SqliteProjectStore store = bcgCopy()) {
      AnalysisViewModel vm = new AnalysisViewModel(store);
      // the view's defaults on the BCG sample: Tuberculosis, its only time point, RR, REML, z
      assertEquals("RR", vm.measureProperty().get());
      vm.save("Saved in the view");
      vm.modelProperty().set("DL");
      vm.subgroupProperty().set("alloc");
      vm.save("DL by allocation");
      try (XSSFWorkbook wb = export(store)) {
        Sheet s = wb.getSheet("Saved in the view");
        assertEquals("RR", s.getRow(2).getCell(2).getStringCellValue());
        JsonNode r = results("bcg__RR__REML");
        Row pooled = row(s, "Pooled estimate (random effects, REML)");
        assertNum(r.get("estimate_bt").asDouble(), pooled, 2, "pooled RR");
        assertNum(r.get("ci_lb_bt").asDouble(), pooled, 3, "CI lower");
        assertNum(r.get("ci_ub_bt").asDouble(), pooled, 4, "CI upper");
        assertNum(r.get("tau2").asDouble(), row(s, "Heterogeneity: τ²"), 2, "tau2");
        JsonNode g = results("bcg__RR__subgroup__DL__by-alloc");
        Sheet sg = wb.getSheet("DL by allocation");
        for (JsonNode level : g.get("subgroups")) {
          String name = level.get("level").asText();
          Row sub = row(sg, "Subtotal (" + name + ")");
          assertNum(level.get("estimate_bt").asDouble(), sub, 2, name + " RR");
        }
      }
    }
  }

  @Test
  void anAnalysisSavedWithoutAMeasureOpensWithTheDefaultTheExportUses() throws IOException {
    try (SqliteProjectStore store = bcgCopy()) {
      SavedAnalysis a =
          store.putAnalysis(
              new SavedAnalysis(0, "No measure", "{\"outcome\":\"Tuberculosis\"}", 0));
      AnalysisViewModel vm = new AnalysisViewModel(store);
      vm.open(a);
      assertEquals("RR", vm.measureProperty().get());
      try (XSSFWorkbook wb = export(store)) {
        Sheet s = wb.getSheet("No measure");
        assertEquals("RR", s.getRow(2).getCell(2).getStringCellValue());
        assertNum(
            results("bcg__RR__REML").get("estimate_bt").asDouble(),
            row(s, "Pooled estimate (random effects, REML)"),
            2,
            "pooled RR");
      }
    }
  }
}
