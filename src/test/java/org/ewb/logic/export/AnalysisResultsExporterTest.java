package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ewb.logic.figure.FigureRequest;
import org.ewb.logic.figure.FigureRequestJson;
import org.ewb.logic.figure.FollowUpModelBuilder;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis results sheets, read back from the workbook and compared with the metafor reference
 * files in {@code src/test/resources/metafor} (BCG vaccine trials, dat.bcg): the project holds the
 * 13 trials as a dichotomous outcome, and saved analyses ask for what each reference file ran.
 */
class AnalysisResultsExporterTest {

  /** Relative tolerance: the sheet must show the engine's numbers, which match metafor to 1e-6. */
  private static final double TOL = 1e-6;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static XSSFWorkbook wb;

  @BeforeAll
  static void export() throws IOException {
    ProjectData data = bcgProject();
    Path file = dir.resolve("analyses.xlsx");
    ProjectExporter.writeXlsx(
        data,
        new ExportOptions(EnumSet.of(TableKind.ANALYSES), null, "en"),
        file,
        ExportProgress.NONE);
    try (InputStream in = Files.newInputStream(file)) {
      wb = new XSSFWorkbook(in);
    }
  }

  static ProjectData bcgProject() throws IOException {
    List<Study> studies = new ArrayList<>();
    List<Arm> arms = new ArrayList<>();
    List<Measurement> ms = new ArrayList<>();
    List<CharacteristicValue> values = new ArrayList<>();
    List<CharacteristicField> fields =
        List.of(
            new CharacteristicField(
                1, "alloc", "Allocation", "分配", FieldType.TEXT, "", List.of(), "", "", 0),
            new CharacteristicField(
                2,
                "ablat",
                "Absolute latitude",
                "纬度",
                FieldType.DECIMAL,
                "",
                List.of(),
                "",
                "",
                1));
    try (InputStream in =
            AnalysisResultsExporterTest.class.getResourceAsStream("/metafor/bcg.csv");
        InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        long id = Long.parseLong(rec.get("row"));
        studies.add(
            new Study(
                id,
                "bcg" + id,
                rec.get("label"),
                rec.get("author"),
                Integer.valueOf(rec.get("year")),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                StudyStatus.INCLUDED,
                (int) id));
        values.add(new CharacteristicValue(id, 1, rec.get("alloc"), Provenance.NONE));
        values.add(new CharacteristicValue(id, 2, rec.get("ablat"), Provenance.NONE));
        long e = 100 + 2 * id;
        long c = e + 1;
        arms.add(new Arm(e, id, "BCG", ArmRole.EXPERIMENTAL, "", null, 0));
        arms.add(new Arm(c, id, "Control", ArmRole.CONTROL, "", null, 1));
        int tpos = Integer.parseInt(rec.get("tpos"));
        int tneg = Integer.parseInt(rec.get("tneg"));
        int cpos = Integer.parseInt(rec.get("cpos"));
        int cneg = Integer.parseInt(rec.get("cneg"));
        ms.add(
            Measurement.dichotomous(
                id, 1, e, 1, CellText.of(tpos), CellText.of(tpos + tneg), Provenance.NONE));
        ms.add(
            Measurement.dichotomous(
                id, 1, c, 1, CellText.of(cpos), CellText.of(cpos + cneg), Provenance.NONE));
      }
    }
    List<SavedAnalysis> analyses =
        List.of(
            new SavedAnalysis(
                1, "OR REML", "{\"outcome\":\"TB\",\"measure\":\"OR\",\"model\":\"REML\"}", 0),
            new SavedAnalysis(
                2,
                "RR by allocation",
                "{\"outcome\":\"tb\",\"measure\":\"RR\",\"model\":\"REML\",\"subgroup\":\"alloc\"}",
                1),
            new SavedAnalysis(
                3, "OR MH", "{\"outcome\":\"TB\",\"measure\":\"OR\",\"model\":\"MH\"}", 2),
            new SavedAnalysis(
                4,
                "RR REML KNHA",
                "{\"outcome\":\"TB\",\"measure\":\"RR\",\"model\":\"REML\",\"test\":\"knha\"}",
                3),
            new SavedAnalysis(5, "Mortality", "{\"outcome\":\"Mortality\",\"measure\":\"OR\"}", 4));
    return new ProjectData(
        new Project("BCG", "", "", Instant.EPOCH, Instant.EPOCH, 1),
        studies,
        fields,
        values,
        arms,
        List.of(new Outcome(1, "TB", OutcomeKind.DICHOTOMOUS, "", true, 0)),
        List.of(new TimePoint(1, 1, 0, "End of follow-up")),
        ms,
        List.of(),
        List.of(),
        analyses);
  }

  private static JsonNode reference(String name) throws IOException {
    try (InputStream in =
        AnalysisResultsExporterTest.class.getResourceAsStream("/metafor/" + name + ".json")) {
      return JSON.readTree(in);
    }
  }

  /**
   * The case's results: {@code results_strict} (metafor converged tightly) where the file has it,
   * as the engine's own golden test uses.
   */
  private static JsonNode results(JsonNode ref) {
    JsonNode strict = ref.get("results_strict");
    return strict != null && !strict.isNull() ? strict : ref.get("results");
  }

  /** The first row whose Study cell is {@code label}. */
  private static Row row(Sheet s, String label) {
    for (Row r : s) {
      Cell c = r.getCell(1);
      if (c != null && c.getCellType() == CellType.STRING && XlsxText.of(c).equals(label)) {
        return r;
      }
    }
    throw new AssertionError("no row '" + label + "' in sheet " + s.getSheetName());
  }

  private static void assertNum(double expected, Row r, int col, String what) {
    Cell c = r.getCell(col);
    assertEquals(CellType.NUMERIC, c.getCellType(), what + " should be a number");
    assertEquals(expected, c.getNumericCellValue(), Math.abs(expected) * TOL + 1e-12, what);
  }

  @Test
  void oneSheetPerSavedAnalysisInDisplayOrder() {
    assertEquals(
        List.of("OR REML", "RR by allocation", "OR MH", "RR REML KNHA", "Mortality"),
        List.of(
            wb.getSheetName(0),
            wb.getSheetName(1),
            wb.getSheetName(2),
            wb.getSheetName(3),
            wb.getSheetName(4)));
    assertEquals(
        "OR REML: TB, End of follow-up, odds ratio (OR)",
        wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
  }

  @Test
  void studyEffectsCisAndWeightsMatchMetafor() throws IOException {
    JsonNode ref = reference("bcg__OR__REML");
    Sheet s = wb.getSheet("OR REML");
    assertEquals("OR", s.getRow(2).getCell(2).getStringCellValue());
    assertEquals("95% CI", s.getRow(2).getCell(3).getStringCellValue());
    for (JsonNode st : ref.get("studies")) {
      Row r = row(s, st.get("study").asText());
      assertNum(st.get("row").asInt(), r, 0, "No.");
      assertNum(st.get("yi_bt").asDouble(), r, 2, st.get("study") + " OR");
      assertNum(st.get("ci_lb_bt").asDouble(), r, 3, st.get("study") + " CI lower");
      assertNum(st.get("ci_ub_bt").asDouble(), r, 4, st.get("study") + " CI upper");
      assertNum(st.get("weight_pct").asDouble(), r, 5, st.get("study") + " weight");
    }
    Row aronson = row(s, "Aronson 1948");
    assertEquals("0.39", new DataFormatter().formatCellValue(aronson.getCell(2)));
    assertEquals("5.0", new DataFormatter().formatCellValue(aronson.getCell(5)));
  }

  @Test
  void pooledHeterogeneityAndPredictionIntervalMatchMetafor() throws IOException {
    JsonNode r = results(reference("bcg__OR__REML"));
    Sheet s = wb.getSheet("OR REML");
    Row pooled = row(s, "Pooled estimate (random effects, REML)");
    assertNum(r.get("estimate_bt").asDouble(), pooled, 2, "pooled OR");
    assertNum(r.get("ci_lb_bt").asDouble(), pooled, 3, "pooled CI lower");
    assertNum(r.get("ci_ub_bt").asDouble(), pooled, 4, "pooled CI upper");
    assertNum(r.get("pval").asDouble(), pooled, 6, "pooled p");
    assertEquals("<0.001", new DataFormatter().formatCellValue(pooled.getCell(6)));
    assertEquals("k = 13; z = -4.01", pooled.getCell(7).getStringCellValue());
    Row pi = row(s, "95% prediction interval");
    assertNum(r.get("pi_lb_bt").asDouble(), pi, 3, "PI lower");
    assertNum(r.get("pi_ub_bt").asDouble(), pi, 4, "PI upper");
    Row tau2 = row(s, "Heterogeneity: τ²");
    assertNum(r.get("tau2").asDouble(), tau2, 2, "tau2");
    assertNum(r.get("tau2_ci_lb").asDouble(), tau2, 3, "tau2 CI lower");
    assertNum(r.get("tau2_ci_ub").asDouble(), tau2, 4, "tau2 CI upper");
    Row i2 = row(s, "Heterogeneity: I² (%)");
    assertNum(r.get("I2").asDouble(), i2, 2, "I2");
    assertNum(r.get("I2_ci_lb").asDouble(), i2, 3, "I2 CI lower");
    assertNum(r.get("I2_ci_ub").asDouble(), i2, 4, "I2 CI upper");
    assertNum(r.get("H2").asDouble(), row(s, "Heterogeneity: H²"), 2, "H2");
    assertNum(r.get("tau").asDouble(), row(s, "Heterogeneity: τ"), 2, "tau");
    Row q = row(s, "Heterogeneity: Q (df = 12)");
    assertNum(r.get("QE").asDouble(), q, 2, "Q");
    assertNum(r.get("QEp").asDouble(), q, 6, "Q p");
  }

  @Test
  void subgroupTotalsAndTestsForDifferencesMatchMetafor() throws IOException {
    JsonNode r = results(reference("bcg__RR__subgroup__REML__by-alloc"));
    Sheet s = wb.getSheet("RR by allocation");
    for (JsonNode g : r.get("subgroups")) {
      String level = g.get("level").asText();
      row(s, "alloc = " + level);
      Row sub = row(s, "Subtotal (" + level + ")");
      assertNum(g.get("estimate_bt").asDouble(), sub, 2, level + " RR");
      assertNum(g.get("ci_lb_bt").asDouble(), sub, 3, level + " CI lower");
      assertNum(g.get("ci_ub_bt").asDouble(), sub, 4, level + " CI upper");
      assertNum(g.get("pval").asDouble(), sub, 6, level + " p");
      assertTrue(sub.getCell(7).getStringCellValue().startsWith("k = " + g.get("k").asInt() + ";"));
    }
    JsonNode sep = r.get("test_separate_tau2");
    Row diff = row(s, "Test for subgroup differences, τ² per subgroup: Q (df = 2)");
    assertNum(sep.get("Q_between").asDouble(), diff, 2, "Q between");
    assertNum(sep.get("pval").asDouble(), diff, 6, "Q between p");
    JsonNode com = r.get("test_common_tau2");
    Row qm = row(s, "Test for subgroup differences, common τ²: QM (df = 2)");
    assertNum(com.get("QM").asDouble(), qm, 2, "QM");
    assertNum(com.get("QMp").asDouble(), qm, 6, "QM p");
    // the studies are listed under their subgroup: the two 'alternate' trials come first
    assertEquals("alloc = alternate", s.getRow(4).getCell(1).getStringCellValue());
    assertEquals("Frimodt-Moller et al 1973", s.getRow(5).getCell(1).getStringCellValue());
    assertEquals("Stein & Aronson 1953", s.getRow(6).getCell(1).getStringCellValue());
  }

  @Test
  void mantelHaenszelPooledEstimateAndWeightsMatchMetafor() throws IOException {
    JsonNode ref = reference("bcg__OR__MH");
    JsonNode r = results(ref);
    Sheet s = wb.getSheet("OR MH");
    Row pooled = row(s, "Pooled estimate (Mantel-Haenszel)");
    assertNum(r.get("estimate_bt").asDouble(), pooled, 2, "MH OR");
    assertNum(r.get("ci_lb_bt").asDouble(), pooled, 3, "MH CI lower");
    assertNum(r.get("ci_ub_bt").asDouble(), pooled, 4, "MH CI upper");
    for (JsonNode st : ref.get("studies")) {
      assertNum(
          st.get("weight_pct").asDouble(),
          row(s, st.get("study").asText()),
          5,
          st.get("study") + " MH weight");
    }
    assertNum(r.get("QE").asDouble(), row(s, "Heterogeneity: Q (df = 12)"), 2, "MH Q");
  }

  @Test
  void knappHartungPooledIntervalMatchesMetaforAndIsNamedInTheMethods() throws IOException {
    JsonNode r = results(reference("bcg__RR__REML__knha"));
    Sheet s = wb.getSheet("RR REML KNHA");
    Row pooled = row(s, "Pooled estimate (random effects, REML)");
    assertNum(r.get("estimate_bt").asDouble(), pooled, 2, "RR");
    assertNum(r.get("ci_lb_bt").asDouble(), pooled, 3, "CI lower");
    assertNum(r.get("ci_ub_bt").asDouble(), pooled, 4, "CI upper");
    assertNum(r.get("pval").asDouble(), pooled, 6, "p");
    assertTrue(pooled.getCell(7).getStringCellValue().startsWith("k = 13; t(12) = "));
    assertTrue(
        footnotes(s)
            .contains(
                "95% confidence interval of the pooled estimate: "
                    + "Hartung-Knapp-Sidik-Jonkman (t distribution, df = k − 1); study intervals use the "
                    + "normal quantile."),
        footnotes(s)::toString);
  }

  @Test
  void methodsFootnoteNamesMeasureModelEstimatorCiZeroCellsAndSoftware() {
    List<String> f = footnotes(wb.getSheet("OR REML"));
    assertEquals("Effect measure: odds ratio (OR).", f.get(0));
    assertEquals(
        "Analysed on the log scale; effects, intervals and the prediction interval are "
            + "shown back-transformed (exponentiated).",
        f.get(1));
    assertEquals(
        "Model: random effects (inverse variance), τ² estimated by restricted maximum "
            + "likelihood (REML); study weights 1/(vᵢ + τ²).",
        f.get(2));
    assertEquals("95% confidence intervals: Wald-type, normal quantile (z).", f.get(3));
    assertTrue(f.get(4).startsWith("Prediction interval: "), f.get(4));
    assertEquals(
        "Zero cells: 0.5 added to each cell of a study with a zero count; studies with "
            + "no events in either arm kept.",
        f.get(5));
    assertTrue(f.get(6).startsWith("Software: Evidence Workbench "), f.get(6));
    List<String> mh = footnotes(wb.getSheet("OR MH"));
    assertEquals("Model: common effect, Mantel-Haenszel method.", mh.get(2));
  }

  @Test
  void anAnalysisThatCannotRunSaysWhyInsteadOfFailingTheExport() {
    Sheet s = wb.getSheet("Mortality");
    assertEquals("Mortality: could not be run", s.getRow(0).getCell(0).getStringCellValue());
    String note = s.getRow(3).getCell(0).getStringCellValue();
    assertTrue(note.startsWith("This saved analysis could not be run: "), note);
    assertTrue(note.contains("Mortality"), note);
  }

  /** The BCG project with other saved analyses, exported (English) and read back. */
  private static XSSFWorkbook exportWith(List<SavedAnalysis> analyses) throws IOException {
    ProjectData d = bcgProject();
    ProjectData with =
        new ProjectData(
            d.project(),
            d.studies(),
            d.fields(),
            d.values(),
            d.arms(),
            d.outcomes(),
            d.timePoints(),
            d.measurements(),
            d.genericEstimates(),
            d.layouts(),
            analyses);
    Path file = Files.createTempFile(dir, "with", ".xlsx");
    ProjectExporter.writeXlsx(
        with,
        new ExportOptions(EnumSet.of(TableKind.ANALYSES), null, "en"),
        file,
        ExportProgress.NONE);
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  private static void assertPooledMatches(String referenceCase, Sheet s, String label)
      throws IOException {
    JsonNode r = results(reference(referenceCase));
    Row pooled = row(s, label);
    assertNum(r.get("estimate_bt").asDouble(), pooled, 2, referenceCase + " pooled");
    assertNum(r.get("ci_lb_bt").asDouble(), pooled, 3, referenceCase + " CI lower");
    assertNum(r.get("ci_ub_bt").asDouble(), pooled, 4, referenceCase + " CI upper");
    assertNum(r.get("tau2").asDouble(), row(s, "Heterogeneity: τ²"), 2, referenceCase + " tau2");
  }

  @Test
  void settingsWrittenByTheAnalysisViewWithTheDefaultMeasureExportAsRiskRatio() throws Exception {
    // what the view writes when the measure is left unset: "measure": null, "timepoint", figure
    // keys
    String json =
        FigureRequestJson.write(
            new FigureRequest(
                FigureRequest.Kind.FOREST,
                "TB",
                0.0,
                null,
                "REML",
                "z",
                null,
                List.of("alloc"),
                FollowUpModelBuilder.ErrorBars.SD,
                false,
                false,
                false,
                "-effect"));
    assertTrue(json.contains("\"measure\":null"), json);
    try (XSSFWorkbook w = exportWith(List.of(new SavedAnalysis(1, "From view", json, 0)))) {
      Sheet s = w.getSheet("From view");
      assertEquals("RR", s.getRow(2).getCell(2).getStringCellValue());
      // metafor bcg__RR__REML
      assertPooledMatches("bcg__RR__REML", s, "Pooled estimate (random effects, REML)");
    }
  }

  @Test
  void aSavedFunnelPlotExportsItsMetaAnalysisAndAFollowUpChartANoteRow() throws Exception {
    String funnel =
        "{\"figure\":\"funnel\",\"outcome\":\"TB\",\"measure\":\"OR\",\"model\":\"REML\","
            + "\"contours\":true,\"egger\":true}";
    String followUp = "{\"figure\":\"followup\",\"outcome\":\"TB\",\"error_bars\":\"ci95\"}";
    try (XSSFWorkbook w =
        exportWith(
            List.of(
                new SavedAnalysis(1, "Funnel", funnel, 0),
                new SavedAnalysis(2, "Over time", followUp, 1)))) {
      assertPooledMatches(
          "bcg__OR__REML", w.getSheet("Funnel"), "Pooled estimate (random effects, REML)");
      Sheet f = w.getSheet("Over time");
      assertEquals(
          "Over time: follow-up chart, no meta-analysis",
          f.getRow(0).getCell(0).getStringCellValue());
      String note = f.getRow(3).getCell(0).getStringCellValue();
      assertTrue(note.startsWith("This saved analysis is a follow-up chart of TB"), note);
    }
  }

  @Test
  void theExportsFirstKeysStillRead() throws Exception {
    // "months" instead of "timepoint", "t" for Knapp-Hartung, upper/lower case as typed
    String json =
        "{\"outcome\":\"tb\",\"months\":0,\"measure\":\"rr\",\"model\":\"reml\","
            + "\"test\":\"t\",\"drop00\":false,\"add\":null,\"mhCc\":false}";
    try (XSSFWorkbook w = exportWith(List.of(new SavedAnalysis(1, "Old keys", json, 0)))) {
      JsonNode r = results(reference("bcg__RR__REML__knha"));
      Row pooled = row(w.getSheet("Old keys"), "Pooled estimate (random effects, REML)");
      assertNum(r.get("ci_lb_bt").asDouble(), pooled, 3, "KNHA CI lower");
      assertNum(r.get("ci_ub_bt").asDouble(), pooled, 4, "KNHA CI upper");
    }
  }

  @Test
  void anUnknownMeasureGivesASheetNamingTheAnalysisAndTheValue() throws Exception {
    String json = "{\"outcome\":\"TB\",\"measure\":\"HR\"}";
    try (XSSFWorkbook w = exportWith(List.of(new SavedAnalysis(1, "Bad", json, 0)))) {
      String note = w.getSheet("Bad").getRow(3).getCell(0).getStringCellValue();
      assertEquals(
          "This saved analysis could not be run: Saved analysis 'Bad': unknown measure \"HR\""
              + " (RR, OR, RD, MD, SMD, GEN)",
          note);
    }
  }

  @Test
  void studiesLeftOutForWantOfDataAreListedInOneNote() {
    java.util.Locale before = org.ewb.logic.l10n.Localization.locale();
    org.ewb.logic.l10n.Localization.setLocale(java.util.Locale.ENGLISH);
    try {
      List<String> notes =
          List.of(
              "Study 'Li 2012' left out: no data for HbA1c, 12 months",
              "k = 1: tau² is not estimable",
              "Study 'Gu 2012' left out: no data for HbA1c, 12 months");
      assertEquals(
          List.of(
              "Left out, no data for HbA1c, 12 months (2 studies): Li 2012, Gu 2012",
              "k = 1: tau² is not estimable"),
          AnalysisResultsExporter.gatherLeftOut(notes, java.util.Locale.ENGLISH));
      assertEquals(
          List.of("Left out, no data for HbA1c, 12 months (1 study): Li 2012"),
          AnalysisResultsExporter.gatherLeftOut(notes.subList(0, 1), java.util.Locale.ENGLISH));
    } finally {
      org.ewb.logic.l10n.Localization.setLocale(before);
    }
  }

  @Test
  void chineseSheetUsesChineseHeadersAndMethods() throws IOException {
    Path file = dir.resolve("zh.xlsx");
    ProjectExporter.writeXlsx(
        bcgProject(),
        new ExportOptions(EnumSet.of(TableKind.ANALYSES), null, "zh"),
        file,
        ExportProgress.NONE);
    try (InputStream in = Files.newInputStream(file);
        XSSFWorkbook zh = new XSSFWorkbook(in)) {
      Sheet s = zh.getSheet("OR REML");
      assertEquals("95% 置信区间", s.getRow(2).getCell(3).getStringCellValue());
      assertEquals("权重（%）", s.getRow(2).getCell(5).getStringCellValue());
      row(s, "合并效应（随机效应，REML）");
      assertTrue(footnotes(s).contains("效应指标：比值比（OR）。"), footnotes(s)::toString);
    }
  }

  @Test
  void everyMeasureEstimatorAndStudyColumnHasWordsInBothLanguages() {
    List<String> missing = new ArrayList<>();
    for (java.util.Locale loc :
        List.of(java.util.Locale.ENGLISH, java.util.Locale.SIMPLIFIED_CHINESE)) {
      for (org.ewb.logic.meta.Measure m : org.ewb.logic.meta.Measure.values()) {
        String key = "export.analysis.measure." + m.name();
        if (!org.ewb.logic.l10n.Localization.has(loc, key)) {
          missing.add(loc + " " + key);
        }
      }
      for (org.ewb.logic.meta.TauMethod t : org.ewb.logic.meta.TauMethod.values()) {
        String key = "export.analysis.tau." + t.name();
        if (!org.ewb.logic.l10n.Localization.has(loc, key)) {
          missing.add(loc + " " + key);
        }
      }
      for (StudyColumn c : StudyColumn.values()) {
        String key = "export.column." + c.key();
        if (!org.ewb.logic.l10n.Localization.has(loc, key)) {
          missing.add(loc + " " + key);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  private static List<String> footnotes(Sheet s) {
    // footnotes: the rows after the body whose only cell is a merged text cell in column A
    List<String> out = new ArrayList<>();
    for (Row r : s) {
      Cell a = r.getCell(0);
      if (r.getRowNum() > 3
          && a != null
          && a.getCellType() == CellType.STRING
          && r.getLastCellNum() == 1) {
        out.add(XlsxText.of(a));
      }
    }
    return out;
  }
}
