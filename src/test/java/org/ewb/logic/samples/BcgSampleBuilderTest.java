package org.ewb.logic.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ewb.logic.project.InMemoryProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The BCG sample against {@code sample-projects/sources/bcg.csv} (metafor's dat.bcg). */
class BcgSampleBuilderTest {

  private static ProjectData data;
  private static List<Map<String, String>> csv;

  @BeforeAll
  static void build() {
    InMemoryProjectRepository repo = new InMemoryProjectRepository();
    new BcgSampleBuilder(SampleSources.sources()).build(repo);
    data = repo.snapshot();
    csv = SampleSources.read("bcg.csv");
  }

  @Test
  void theSourceIsTheMetaforCopyOfTheRepository() throws Exception {
    assertEquals(
        java.nio.file.Files.readString(
            SampleSources.repo().resolve("src/test/resources/metafor/bcg.csv")),
        java.nio.file.Files.readString(SampleSources.sources().resolve("bcg.csv")));
  }

  @Test
  void thirteenTrialsLabelledAsInDatBcg() {
    assertEquals(13, csv.size());
    assertEquals(
        csv.stream().map(r -> r.get("label")).toList(),
        data.studies().stream().map(Study::label).toList());
    Study aronson = data.studies().get(0);
    assertEquals("Aronson 1948", aronson.label());
    assertEquals("Aronson", aronson.authors());
    assertEquals(1948, aronson.year());
  }

  @Test
  void eventsAndTotalsPerArmEqualTheCountsOfBcgCsv() {
    Outcome tb = data.outcome("Tuberculosis").orElseThrow();
    assertEquals(OutcomeKind.DICHOTOMOUS, tb.kind());
    assertTrue(tb.lowerIsBetter());
    assertEquals(1, data.timePointsOf(tb.id()).size());
    for (int i = 0; i < csv.size(); i++) {
      Map<String, String> r = csv.get(i);
      Study s = data.studies().get(i);
      List<Arm> arms = data.armsOf(s.id());
      assertEquals(
          List.of(ArmRole.EXPERIMENTAL, ArmRole.CONTROL), arms.stream().map(Arm::role).toList());
      Measurement vac = measurement(s, arms.get(0));
      Measurement ctl = measurement(s, arms.get(1));
      int tpos = Integer.parseInt(r.get("tpos"));
      int tneg = Integer.parseInt(r.get("tneg"));
      int cpos = Integer.parseInt(r.get("cpos"));
      int cneg = Integer.parseInt(r.get("cneg"));
      assertEquals(tpos, vac.events().number().getAsDouble(), 0, s.label());
      assertEquals(tpos + tneg, vac.total().number().getAsDouble(), 0, s.label());
      assertEquals(cpos, ctl.events().number().getAsDouble(), 0, s.label());
      assertEquals(cpos + cneg, ctl.total().number().getAsDouble(), 0, s.label());
      assertEquals(tpos + tneg, arms.get(0).randomised());
      assertTrue(vac.provenance().location().startsWith("metafor dat.bcg row " + (i + 1)));
      assertTrue(vac.provenance().note().contains("Colditz"));
    }
    // Aronson 1948: 4/123 vaccinated vs 11/139 controls
    Study aronson = data.studies().get(0);
    assertEquals("4/123", text(measurement(aronson, data.armsOf(aronson.id()).get(0))));
    assertEquals("11/139", text(measurement(aronson, data.armsOf(aronson.id()).get(1))));
  }

  @Test
  void latitudeAllocationAndYearAreFields() {
    for (int i = 0; i < csv.size(); i++) {
      Study s = data.studies().get(i);
      assertEquals(csv.get(i).get("ablat"), data.value(s.id(), "ablat"));
      assertEquals(csv.get(i).get("alloc"), data.value(s.id(), "alloc"));
      assertEquals(csv.get(i).get("year"), data.value(s.id(), "year"));
    }
    assertEquals(
        List.of("random", "alternate", "systematic"),
        data.fields().stream()
            .filter(f -> f.key().equals("alloc"))
            .findFirst()
            .orElseThrow()
            .choices());
  }

  private static Measurement measurement(Study s, Arm a) {
    return data.measurements().stream()
        .filter(m -> m.studyId() == s.id() && m.armId() == a.id())
        .findFirst()
        .orElseThrow();
  }

  private static String text(Measurement m) {
    return m.events() + "/" + m.total();
  }
}
