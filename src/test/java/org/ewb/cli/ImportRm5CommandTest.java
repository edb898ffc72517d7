package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import rm5} on the hand-written review of src/test/resources/importing/rm5. */
class ImportRm5CommandTest {

  private static final Path RM5 = Path.of("src/test/resources/importing/rm5/small.rm5");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static CliTestSupport.Run ok(String... args) {
    CliTestSupport.Run r = CliTestSupport.run(args);
    assertEquals(0, r.exitCode(), r.err() + r.out());
    return r;
  }

  @Test
  void studiesReferencesCharacteristicsBiasAndDataAreImported() throws IOException {
    Path p = dir.resolve("r.ewb");
    ok("new", p.toString());
    JsonNode r =
        JSON.readTree(
            ok("import", "rm5", RM5.toString(), "--project", p.toString(), "--json").out());
    assertEquals(4, r.get("studiesCreated").asInt());
    assertEquals(5, r.get("references").asInt());
    assertEquals(3, r.get("outcomes").asInt());
    assertEquals(10, r.get("measurements").asInt());
    assertEquals(2, r.get("genericEstimates").asInt());
    String unmapped = r.get("notMapped").toString();
    assertTrue(
        unmapped.contains("OTHER_OUTCOME")
            && unmapped.contains("FIGURES")
            && unmapped.contains("MAIN_TEXT"),
        unmapped);

    ProjectData d = SqliteProjectStore.readSnapshot(p);
    List<String> labels = d.studies().stream().map(Study::label).toList();
    assertEquals(
        List.of("Aronson 1948", "Ferguson & Simes 1949", "Rosenthal 1960", "Comstock 1974"),
        labels);
    assertEquals(StudyStatus.EXCLUDED, d.studies().get(3).status());
    Study aronson = d.studies().get(0);
    assertEquals("10.5555/bcg.1948", aronson.doi());
    assertEquals("13906620", d.studies().get(2).pmid());
    assertEquals("Alternate allocation.", d.value(aronson.id(), "rm5_methods"));
    assertEquals(
        "North American Indians, 262 children.", d.value(aronson.id(), "rm5_participants"));
    assertEquals("High risk", d.value(aronson.id(), "rob_1"));
    assertEquals("Unclear risk", d.value(aronson.id(), "rob_2"));
    assertEquals("Low risk", d.value(d.studies().get(2).id(), "rob_1"));
    assertEquals("Unclear risk", d.value(d.studies().get(1).id(), "rob_1"));
    assertEquals("Alternate allocation", d.value(aronson.id(), "rm5_subgroup_1"));
    assertEquals("Random allocation", d.value(d.studies().get(2).id(), "rm5_subgroup_1"));
    try (SqliteProjectStore s = SqliteProjectStore.open(p)) {
      assertEquals(2, s.referencesOf(d.studies().get(1).id()).size());
      assertEquals("58", s.referencesOf(aronson.id()).get(0).volume());
    }
    assertEquals("logHR", d.genericEstimates().get(0).measure());
  }

  @Test
  void dichotomousOutcomeAnalysesLikeTheSameNumbersAsCsv() throws IOException {
    Path p = dir.resolve("a.ewb");
    ok("new", p.toString());
    ok("import", "rm5", RM5.toString(), "--project", p.toString());
    Path csv = dir.resolve("bcg3.csv");
    Files.writeString(
        csv,
        "study,events_e,total_e,events_c,total_c\n"
            + "Aronson 1948,4,123,11,139\nFerguson & Simes 1949,6,306,29,303\n"
            + "Rosenthal 1960,3,231,11,220\n",
        StandardCharsets.UTF_8);
    JsonNode fromProject =
        JSON.readTree(
            ok(
                    "analyze",
                    "--project",
                    p.toString(),
                    "--outcome",
                    "BCG vaccine versus no vaccine: Tuberculosis",
                    "--measure",
                    "RR",
                    "--model",
                    "REML",
                    "--json")
                .out());
    JsonNode fromCsv =
        JSON.readTree(
            ok("analyze", "--csv", csv.toString(), "--measure", "RR", "--model", "REML", "--json")
                .out());
    for (String f : new String[] {"estimate", "se", "tau2", "QE", "ci_lb", "ci_ub"}) {
      assertEquals(fromCsv.get(f).asDouble(), fromProject.get(f).asDouble(), 0.0, f);
    }
    // the subgroups arrive as a field the analysis can group by
    ok(
        "analyze",
        "--project",
        p.toString(),
        "--outcome",
        "BCG vaccine versus no vaccine: Tuberculosis",
        "--measure",
        "RR",
        "--model",
        "DL",
        "--subgroup",
        "rm5_subgroup_1");
  }

  @Test
  void truncatedReviewIsRefusedAndNothingAdded() throws IOException {
    Path p = dir.resolve("t.ewb");
    ok("new", p.toString());
    String text = Files.readString(RM5);
    Path cut = dir.resolve("cut.rm5");
    Files.writeString(
        cut, text.substring(0, text.indexOf("<CONT_OUTCOME")), StandardCharsets.UTF_8);
    CliTestSupport.Run r =
        CliTestSupport.run("import", "rm5", cut.toString(), "--project", p.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("cut.rm5") && r.err().contains("Nothing was added"), r.err());
    assertEquals(0, SqliteProjectStore.readSnapshot(p).studies().size());
  }
}
