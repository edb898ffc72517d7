package org.ewb.logic.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;

/** Saved analysis settings as JSON. */
class FigureRequestJsonTest {

  @Test
  void everySettingSurvivesARoundTrip() {
    FigureRequest r =
        new FigureRequest(
            FigureRequest.Kind.FUNNEL,
            "HbA1c",
            12.0,
            "SMD",
            "DL",
            "knha",
            "cell_type",
            List.of("cell_type", "follow_up"),
            FollowUpModelBuilder.ErrorBars.CI95,
            true,
            true,
            false,
            "-effect");
    assertEquals(r, FigureRequestJson.read(FigureRequestJson.write(r)));
  }

  @Test
  void aPerArmChangeFromBaselineChartSurvivesARoundTrip() {
    FigureRequest r =
        new FigureRequest(
                FigureRequest.Kind.FOLLOWUP,
                "HbA1c",
                null,
                "MN",
                "REML",
                "z",
                null,
                List.of(),
                null,
                false,
                false,
                false,
                null,
                true,
                "3-6,12")
            .withChangeRho(0.7);
    String json = FigureRequestJson.write(r);
    assertEquals(true, json.contains("\"change_rho\":0.7"), json);
    assertEquals(r, FigureRequestJson.read(json));
    // saved before change from baseline existed: values as reported
    assertEquals(
        null, FigureRequestJson.read("{\"figure\": \"followup\", \"pooled\": true}").changeRho());
  }

  @Test
  void missingFieldsTakeTheirDefaults() {
    FigureRequest r = FigureRequestJson.read("{\"outcome\": \"Tuberculosis\"}");
    assertEquals(FigureRequest.Kind.FOREST, r.kind());
    assertEquals("REML", r.model());
    assertEquals("z", r.test());
    assertEquals(List.of(), r.columns());
    assertEquals(FollowUpModelBuilder.ErrorBars.SD, r.errorBars());
  }

  @Test
  void brokenJsonIsADataError() {
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> FigureRequestJson.read("{outcome"));
    assertEquals(WorkbenchException.Kind.DATA, e.kind());
  }
}
