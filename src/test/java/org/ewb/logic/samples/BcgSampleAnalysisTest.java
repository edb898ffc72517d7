package org.ewb.logic.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.meta.EffectSizes;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.logic.meta.StudyData;
import org.ewb.logic.meta.TauMethod;
import org.ewb.logic.project.InMemoryProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.junit.jupiter.api.Test;

/**
 * End to end: the BCG sample's events / totals, analysed by the engine, give metafor's results for
 * dat.bcg (expected values from {@code src/test/resources/metafor/bcg__RR__REML.json}, computed by
 * metafor 3.8-1: {@code rma.uni(escalc("RR", tpos, tneg, cpos, cneg), method="REML")}).
 */
class BcgSampleAnalysisTest {

  private static final double COEF = 1e-6;
  private static final double HET = 1e-5;

  @Test
  void remlRiskRatioOfTheSampleMatchesMetafor() throws IOException {
    InMemoryProjectRepository repo = new InMemoryProjectRepository();
    new BcgSampleBuilder(SampleSources.sources()).build(repo);
    ProjectData d = repo.snapshot();
    List<StudyData.TwoByTwo> tables = new ArrayList<>();
    for (Study s : d.studies()) {
      Measurement e = arm(d, s, ArmRole.EXPERIMENTAL);
      Measurement c = arm(d, s, ArmRole.CONTROL);
      tables.add(
          new StudyData.TwoByTwo(
              s.label(),
              num(e.events().text()),
              num(e.total().text()),
              num(c.events().text()),
              num(c.total().text())));
    }
    MetaResult r =
        RandomEffectsModel.of(TauMethod.REML).fit(EffectSizes.compute(Measure.RR, tables));
    JsonNode ref =
        new ObjectMapper()
            .readTree(
                SampleSources.repo()
                    .resolve("src/test/resources/metafor/bcg__RR__REML.json")
                    .toFile())
            .get("results");
    assertEquals(13, tables.size());
    assertEquals(ref.get("estimate").asDouble(), r.estimate(), COEF, "estimate (log RR)");
    assertEquals(ref.get("se").asDouble(), r.se(), COEF, "se");
    assertEquals(ref.get("tau2").asDouble(), r.tau2(), HET, "tau2");
  }

  private static Measurement arm(ProjectData d, Study s, ArmRole role) {
    Arm a = d.armsOf(s.id()).stream().filter(x -> x.role() == role).findFirst().orElseThrow();
    return d.measurements().stream().filter(m -> m.armId() == a.id()).findFirst().orElseThrow();
  }

  private static double num(String text) {
    return Double.parseDouble(text);
  }
}
