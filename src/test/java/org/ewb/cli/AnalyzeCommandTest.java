package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ewb.logic.meta.BcgFixture;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Provenance;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze command end to end (values: metafor 3.8-1 on dat.bcg, see the reference files). */
class AnalyzeCommandTest {

  @TempDir Path dir;

  private Path bcgCsv() throws Exception {
    Path f = dir.resolve("bcg.csv");
    Files.writeString(f, BcgFixture.csv(), StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void csvJsonHasTheReferenceFieldsAndMetaforValues() throws Exception {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze",
            "--csv",
            bcgCsv().toString(),
            "--measure",
            "RR",
            "--model",
            "REML",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    // bcg__RR__REML.json, results_strict
    assertEquals(-0.7145323421581397, j.get("estimate").asDouble(), 1e-8);
    assertEquals(0.3132432581364859, j.get("tau2").asDouble(), 1e-9);
    assertEquals(92.22138452126907, j.get("I2").asDouble(), 1e-6);
    assertEquals(0.11971836114115214, j.get("tau2_ci_lb").asDouble(), 1e-7);
    assertEquals(0.48942093982603013, j.get("estimate_bt").asDouble(), 1e-8);
    assertEquals(13, j.get("studies").size());
    assertEquals("Aronson 1948", j.get("studies").get(0).get("study").asText());
    assertTrue(j.get("studies").get(0).has("weight_pct"));
  }

  @Test
  void subgroupAndModeratorAddTheirResults() throws Exception {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze",
            "--csv",
            bcgCsv().toString(),
            "--measure",
            "RR",
            "--model",
            "DL",
            "--subgroup",
            "alloc",
            "--moderator",
            "ablat",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    // bcg__RR__subgroup__DL__by-alloc.json and bcg__RR__metareg__DL__on-ablat.json
    assertEquals(3, j.get("subgroups").size());
    assertTrue(j.get("test_separate_tau2").has("Q_between"));
    assertTrue(j.get("test_common_tau2").has("QM"));
    assertEquals(2, j.get("metareg").get("coefficients").size());
  }

  @Test
  void readableReportShowsPooledHeterogeneityAndBackTransform() throws Exception {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze", "--csv", bcgCsv().toString(), "--measure", "RR", "--model", "REML");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Pooled estimate: -0.7145"), r.out());
    assertTrue(r.out().contains("RR = 0.4894, 95% CI [0.3441, 0.6962]"), r.out());
    assertTrue(r.out().contains("I^2   = 92.22%"), r.out());
    assertTrue(r.out().contains("tau^2 = 0.3132"), r.out());
    assertTrue(r.out().contains("Prediction interval"), r.out());
  }

  @Test
  void mantelHaenszelWithCorrectionInTables() throws Exception {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze",
            "--csv",
            bcgCsv().toString(),
            "--measure",
            "OR",
            "--model",
            "MH",
            "--mh-cc",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertTrue(j.has("CMH") && j.has("BD") && j.has("TA"), r.out());
  }

  @Test
  void badCellIsADataErrorWithExitCode1NamingLineAndColumn() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "study,events_e,total_e,events_c,total_c\nA,4,123,11,139\nB,x,10,1,10\n");
    CliTestSupport.Run r =
        CliTestSupport.run("analyze", "--csv", f.toString(), "--measure", "OR", "--model", "DL");
    assertEquals(1, r.exitCode());
    assertEquals("error: " + f + ", line 3, column events_e: 'x' is not a number", r.err().trim());
  }

  @Test
  void measureNotFittingTheDataIsAUsageError() throws Exception {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze", "--csv", bcgCsv().toString(), "--measure", "SMD", "--model", "DL");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("Measure SMD does not fit the data"), r.err());
  }

  @Test
  void projectOutcomeIsAnalysed() throws Exception {
    Path file = dir.resolve("bcg.ewb");
    try (SqliteProjectStore repo = SqliteProjectStore.create(file, "BCG")) {
      Outcome tb = repo.insertOutcome(new Outcome(0, "TB", OutcomeKind.DICHOTOMOUS, "", true, 0));
      TimePoint tp = repo.insertTimePoint(new TimePoint(0, tb.id(), 12, ""));
      int i = 0;
      for (BcgFixture.Row row : BcgFixture.rows()) {
        Study s = repo.insertStudy(Study.of("s" + i, row.label()).withDisplayOrder(i++));
        Arm e = repo.insertArm(new Arm(0, s.id(), "BCG", ArmRole.EXPERIMENTAL, "", null, 0));
        Arm c = repo.insertArm(new Arm(0, s.id(), "Control", ArmRole.CONTROL, "", null, 1));
        repo.putMeasurement(
            Measurement.dichotomous(
                s.id(),
                tb.id(),
                e.id(),
                tp.id(),
                CellText.of(row.tpos()),
                CellText.of(row.tpos() + row.tneg()),
                Provenance.NONE));
        repo.putMeasurement(
            Measurement.dichotomous(
                s.id(),
                tb.id(),
                c.id(),
                tp.id(),
                CellText.of(row.cpos()),
                CellText.of(row.cpos() + row.cneg()),
                Provenance.NONE));
      }
    }
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze",
            "--project",
            file.toString(),
            "--outcome",
            "TB",
            "--timepoint",
            "12",
            "--measure",
            "RR",
            "--model",
            "REML",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(-0.7145, j.get("estimate").asDouble(), 5e-5);
    assertEquals(0.3132, j.get("tau2").asDouble(), 5e-5);
    assertEquals(92.22, j.get("I2").asDouble(), 5e-3);
  }

  @Test
  void bcgSampleProjectGivesTheIssueAcceptanceValues() throws Exception {
    Path sample =
        Path.of(System.getProperty("ewb.repo.dir", "."), "sample-projects", "bcg-vaccine.ewb");
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze",
            "--project",
            sample.toString(),
            "--outcome",
            "Tuberculosis",
            "--measure",
            "RR",
            "--model",
            "REML",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    // issue 3: estimate -0.7145, tau^2 0.3132, I^2 92.22% (metafor bcg__RR__REML, results_strict)
    assertEquals(-0.7145323421581397, j.get("estimate").asDouble(), 1e-8);
    assertEquals(0.3132432581364859, j.get("tau2").asDouble(), 1e-9);
    assertEquals(92.22138452126907, j.get("I2").asDouble(), 1e-6);
  }
}
