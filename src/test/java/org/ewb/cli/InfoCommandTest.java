package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

  @TempDir Path dir;

  @BeforeEach
  void english() {
    Localization.setLocale(Locale.ENGLISH);
  }

  /** Two studies, one continuous outcome at 0, 6 and 12.5 months; SD -1 planted in Hu 2013. */
  static Path sample(Path dir) {
    Path f = dir.resolve("sample.ewb");
    try (SqliteProjectStore s = SqliteProjectStore.create(f, "干细胞 Review")) {
      Study hu = s.insertStudy(Study.of("hu", "Hu 2013"));
      Study li = s.insertStudy(Study.of("li", "Li 2020"));
      Arm a1 = s.insertArm(new Arm(0, hu.id(), "MSC", ArmRole.EXPERIMENTAL, "", 15, 0));
      Arm a2 = s.insertArm(new Arm(0, hu.id(), "Control", ArmRole.CONTROL, "", 16, 1));
      Arm a3 = s.insertArm(new Arm(0, li.id(), "MSC", ArmRole.EXPERIMENTAL, "", null, 0));
      Outcome o = s.insertOutcome(new Outcome(0, "HbA1c", OutcomeKind.CONTINUOUS, "%", true, 0));
      Outcome o2 =
          s.insertOutcome(
              new Outcome(0, "Insulin independence", OutcomeKind.DICHOTOMOUS, "", false, 1));
      TimePoint t0 = s.insertTimePoint(new TimePoint(0, o.id(), 0, "baseline"));
      TimePoint t12 = s.insertTimePoint(new TimePoint(0, o.id(), 12.5, ""));
      s.insertTimePoint(new TimePoint(0, o.id(), 6, "6 months"));
      TimePoint i12 = s.insertTimePoint(new TimePoint(0, o2.id(), 12, ""));
      CellText n = CellText.of("15");
      s.putMeasurement(
          Measurement.continuous(
              hu.id(), o.id(), a1.id(), t0.id(), n, CellText.of("8.6"), CellText.of("-1"), null));
      s.putMeasurement(
          Measurement.continuous(
              hu.id(), o.id(), a2.id(), t12.id(), n, CellText.of("8.6"), CellText.of("1"), null));
      s.putMeasurement(
          Measurement.continuous(
              li.id(), o.id(), a3.id(), t12.id(), n, CellText.of("8.6"), CellText.of("1"), null));
      s.putMeasurement(
          Measurement.dichotomous(
              hu.id(), o2.id(), a1.id(), i12.id(), CellText.of("3"), CellText.of("15"), null));
    }
    return f;
  }

  @Test
  void jsonHasTheCountsAndTheOutcomesWithTheirTimePoints() throws Exception {
    Path f = sample(dir);
    CliTestSupport.Run r = CliTestSupport.run("info", f.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals("干细胞 Review", j.get("title").asText());
    assertEquals(2, j.get("schemaVersion").asInt());
    assertEquals(2, j.get("studies").asInt());
    assertEquals(3, j.get("arms").asInt());
    assertEquals(4, j.get("measurements").asInt());
    assertEquals(0, j.get("fields").asInt());
    JsonNode hba1c = j.get("outcomes").get(0);
    assertEquals("HbA1c", hba1c.get("name").asText());
    assertEquals("continuous", hba1c.get("kind").asText());
    assertEquals("%", hba1c.get("unit").asText());
    assertEquals("[0,6,12.5]", hba1c.get("timepoints").toString());
    assertEquals(3, hba1c.get("measurements").asInt());
    assertEquals("dichotomous", j.get("outcomes").get(1).get("kind").asText());
    assertEquals("[12]", j.get("outcomes").get(1).get("timepoints").toString());
    // the output is ASCII whatever the console encoding
    assertTrue(r.out().chars().allMatch(c -> c < 128));
  }

  @Test
  void textNamesTitleCountsAndOutcomes() {
    Path f = sample(dir);
    CliTestSupport.Run r = CliTestSupport.run("info", f.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Studies:       2 (2 included)"), r.out());
    assertTrue(
        r.out()
            .contains(
                "HbA1c (continuous, unit %): time points 0, 6, 12.5 months"
                    + " (baseline, 6 months, 12.5 months)"),
        r.out());
  }

  @Test
  void infoDoesNotModifyTheFile() throws Exception {
    Path f = sample(dir);
    byte[] before = Files.readAllBytes(f);
    assertEquals(0, CliTestSupport.run("info", f.toString(), "--json").exitCode());
    assertArrayEquals(before, Files.readAllBytes(f));
    assertFalse(Files.exists(dir.resolve("sample.ewb-wal")));
    assertFalse(Files.exists(dir.resolve("sample.ewb-shm")));
  }

  @Test
  void randomBytesGiveExitTwoAMessageAndAnUntouchedFile() throws Exception {
    Path f = dir.resolve("random.ewb");
    byte[] bytes = new byte[10_000];
    new Random(1).nextBytes(bytes);
    Files.write(f, bytes);
    CliTestSupport.Run r = CliTestSupport.run("info", f.toString(), "--json");
    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertEquals(
        "error: "
            + f.toAbsolutePath()
            + ": not an Evidence Workbench project (the file is"
            + " not an SQLite database)",
        r.err().strip());
    assertFalse(r.err().contains("at org."), "no stack trace");
    assertArrayEquals(bytes, Files.readAllBytes(f));
    assertFalse(Files.exists(dir.resolve("random.ewb-wal")));
  }

  @Test
  void aMissingFileGivesExitTwo() {
    CliTestSupport.Run r = CliTestSupport.run("info", dir.resolve("nope.ewb").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("file not found"), r.err());
  }

  @Test
  void aMissingArgumentIsAUsageError() {
    CliTestSupport.Run r = CliTestSupport.run("info");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("Missing required parameter"), r.err());
  }
}
