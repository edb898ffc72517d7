package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.logic.meta.TauMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bias / leave-one-out / cumulative sections of {@code analyze} on the BCG data (log risk
 * ratios of metafor's dat.bcg, from the reference file {@code bcg__RR__bias.json}).
 */
class BiasSensitivitySectionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static double[] yi;
  private static double[] vi;
  private static List<String> studies;
  private static BiasSensitivitySections sections;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        BiasSensitivitySectionsTest.class.getResourceAsStream("/metafor/bcg__RR__bias.json")) {
      JsonNode s = JSON.readTree(in).get("studies");
      yi = new double[s.size()];
      vi = new double[s.size()];
      studies = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        yi[i] = s.get(i).get("yi").asDouble();
        vi[i] = s.get(i).get("vi").asDouble();
        studies.add(s.get(i).get("study").asText());
      }
    }
    sections =
        new BiasSensitivitySections(
            new BiasSensitivitySections.Options(true, true, true),
            RandomEffectsModel.of(TauMethod.REML),
            BackTransform.EXP,
            yi,
            vi,
            studies);
  }

  @Test
  void jsonUsesReferenceNames() throws IOException {
    JsonNode json = JSON.readTree(JSON.writeValueAsString(sections.json()));
    JsonNode bias = json.get("bias");
    assertTrue(
        bias.has("regtest_rma_REML")
            && bias.has("regtest_lm")
            && bias.has("ranktest")
            && bias.has("trimfill_REML"),
        bias.toString());
    // metafor 3.8-1, bcg__RR__bias.json results_strict.trimfill_REML
    assertEquals(1, bias.get("trimfill_REML").get("k0").asInt());
    assertEquals("right", bias.get("trimfill_REML").get("side").asText());
    assertEquals(-0.6570827834877669, bias.get("trimfill_REML").get("estimate").asDouble(), 1e-8);
    assertEquals(13, json.get("leave1out").get("rows").size());
    assertEquals(13, json.get("cumul").get("rows").size());
    assertEquals("Aronson 1948", json.get("leave1out").get("rows").get(0).get("study").asText());
  }

  @Test
  void textReportsEveryMethod() {
    String text = sections.text();
    assertTrue(text.contains("Egger's regression test"), text);
    assertTrue(text.contains("z = -0.803"), text); // metafor: zval -0.8033
    assertTrue(text.contains("Kendall's tau = 0.026, p = 0.9524 (exact)"), text);
    assertTrue(text.contains("1 study estimated missing on the right side"), text);
    assertTrue(text.contains("-0.6571 [95% CI -1.0070, -0.3072]"), text);
    assertTrue(text.contains("Leave-one-out analysis (REML)"), text);
    assertTrue(text.contains("Cumulative meta-analysis (REML, data order)"), text);
  }

  @Test
  void onlyRequestedSectionsAppear() {
    Map<String, Object> json =
        new BiasSensitivitySections(
                new BiasSensitivitySections.Options(false, true, false),
                RandomEffectsModel.of(TauMethod.REML),
                BackTransform.EXP,
                yi,
                vi,
                studies)
            .json();
    assertEquals(List.of("leave1out"), List.copyOf(json.keySet()));
  }
}
