package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path dir;

  @BeforeEach
  void english() {
    Localization.setLocale(Locale.ENGLISH);
  }

  @Test
  void listsEachProblemWithItsPlaceAndExitsOne() {
    Path f = InfoCommandTest.sample(dir);
    CliTestSupport.Run r = CliTestSupport.run("validate", f.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        String.join(
            "\n",
            "error    Study 'Hu 2013', HbA1c, MSC, baseline: SD = -1 must be greater than 0",
            f + ": 1 error(s), 0 warning(s)"),
        r.out().strip().replace("\r", ""));
  }

  @Test
  void jsonGivesThePlaceOfEachProblem() throws Exception {
    Path f = InfoCommandTest.sample(dir);
    CliTestSupport.Run r = CliTestSupport.run("validate", f.toString(), "--json");
    assertEquals(1, r.exitCode(), r.err());
    JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals(1, j.get("errors").asInt());
    JsonNode p = j.get("problems").get(0);
    assertEquals("error", p.get("severity").asText());
    assertEquals("Hu 2013", p.get("study").asText());
    assertEquals("HbA1c", p.get("outcome").asText());
    assertEquals("MSC", p.get("arm").asText());
    assertEquals(0, p.get("months").asInt());
    assertEquals("sd", p.get("column").asText());
    assertEquals("SD = -1 must be greater than 0", p.get("problem").asText());
  }

  @Test
  void aCleanProjectExitsZero() {
    Path f = InfoCommandTest.sample(dir);
    try (SqliteProjectStore s = SqliteProjectStore.open(f)) {
      ProjectData d = s.snapshot();
      Measurement bad = d.measurements().get(0);
      s.putMeasurement(
          Measurement.continuous(
              bad.studyId(),
              bad.outcomeId(),
              bad.armId(),
              bad.timePointId(),
              bad.n(),
              bad.mean(),
              CellText.of("1.1"),
              null));
    }
    CliTestSupport.Run r = CliTestSupport.run("validate", f.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("no problems found"), r.out());
  }

  @Test
  void anUnreadableFileExitsTwoAndStaysUntouched() throws Exception {
    Path f = dir.resolve("notes.ewb");
    Files.writeString(f, "not a project");
    byte[] before = Files.readAllBytes(f);
    CliTestSupport.Run r = CliTestSupport.run("validate", f.toString(), "--json");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertArrayEquals(before, Files.readAllBytes(f));
  }
}
