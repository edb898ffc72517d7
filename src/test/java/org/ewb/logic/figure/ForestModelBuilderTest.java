package org.ewb.logic.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;

/**
 * The forest model of the BCG sample project (RR, REML) carries metafor's numbers (reference file
 * bcg__RR__REML) into the figure.
 */
class ForestModelBuilderTest {

  private static final ProjectData BCG =
      SqliteProjectStore.readSnapshot(Path.of("sample-projects/bcg-vaccine.ewb"));

  private static FigureRequest request(String subgroup, List<String> columns) {
    return new FigureRequest(
        FigureRequest.Kind.FOREST,
        "Tuberculosis",
        null,
        "RR",
        "REML",
        "z",
        subgroup,
        columns,
        null,
        false,
        false,
        false);
  }

  @Test
  void studiesWeightsAndPooledResultAreMetafors() {
    ForestPlotModel m = ForestModelBuilder.build(BCG, request(null, List.of()));
    JsonNode ref = ReferenceForestModels.reference("bcg__RR__REML");
    List<ForestPlotModel.StudyRow> rows = m.allStudies();
    assertEquals(13, rows.size());
    for (int i = 0; i < 13; i++) {
      JsonNode s = ref.get("studies").get(i);
      ForestPlotModel.StudyRow r = rows.get(i);
      assertEquals(s.get("study").asText(), r.label());
      assertEquals(s.get("yi").asDouble(), r.estimate(), 1e-9);
      assertEquals(s.get("ci_lb").asDouble(), r.lower(), 1e-9);
      assertEquals(s.get("weight_pct").asDouble(), r.weightPercent(), 1e-6);
      assertEquals(
          List.of(
              s.get("ai").asText(),
              s.get("n1i").asText(),
              s.get("ci").asText(),
              s.get("n2i").asText()),
          r.cells());
    }
    JsonNode res = ref.get("results");
    ForestPlotModel.Summary total = m.overall().get(0);
    assertEquals(res.get("estimate").asDouble(), total.estimate(), 1e-6);
    assertEquals(res.get("ci_lb").asDouble(), total.lower(), 1e-6);
    assertEquals(res.get("pi_lb").asDouble(), m.predictionInterval().lower(), 1e-6);
    assertTrue(m.logScale());
    assertEquals("Favours experimental", m.favoursLeft());
    assertEquals(
        "Heterogeneity: τ² = 0.31; I² = 92%; Q = 152.23 (df = 12, p < 0.001)",
        m.footnotes().get(0));
    assertEquals("Test for overall effect: z = -3.97 (p < 0.001)", m.footnotes().get(1));
  }

  @Test
  void subgroupsGetTheirOwnDiamondsAndTheTestForDifferences() {
    ForestPlotModel m = ForestModelBuilder.build(BCG, request("alloc", List.of("ablat")));
    assertEquals(
        List.of("alternate", "random", "systematic"),
        m.groups().stream().map(ForestPlotModel.Group::heading).toList());
    double weights = 0;
    for (ForestPlotModel.Group g : m.groups()) {
      assertTrue(g.summary() != null);
      weights += g.summary().weightPercent();
      assertTrue(g.notes().get(0).startsWith("Heterogeneity:"));
    }
    assertEquals(100, weights, 1e-9);
    assertTrue(
        m.footnotes()
            .get(m.footnotes().size() - 1)
            .startsWith("Test for subgroup differences: Q = "));
    assertEquals("Absolute latitude", m.columns().get(4).header());
    assertEquals(
        "44",
        m.allStudies().stream()
            .filter(r -> r.label().equals("Aronson 1948"))
            .findFirst()
            .orElseThrow()
            .cells()
            .get(4));
  }

  @Test
  void unknownColumnIsAUsageErrorNamingTheFields() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> ForestModelBuilder.build(BCG, request(null, List.of("latitude"))));
    assertEquals(WorkbenchException.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains("latitude") && e.getMessage().contains("ablat"));
  }

  @Test
  void funnelCarriesMetaforsEggerLineAndTrimAndFill() {
    FunnelPlotModel f =
        FunnelModelBuilder.build(
            BCG,
            new FigureRequest(
                FigureRequest.Kind.FUNNEL,
                "Tuberculosis",
                null,
                "RR",
                "REML",
                "z",
                null,
                List.of(),
                null,
                true,
                true,
                true));
    JsonNode bias = ReferenceForestModels.reference("bcg__RR__bias").get("results");
    JsonNode eg = bias.get("regtest_rma_REML");
    assertEquals(eg.get("fit_intercept").asDouble(), f.eggerIntercept(), 1e-6);
    assertEquals(eg.get("fit_slope").asDouble(), f.eggerSlope(), 1e-6);
    JsonNode tf = bias.get("trimfill_REML");
    assertEquals(tf.get("estimate").asDouble(), f.pooled(), 1e-6);
    assertEquals(tf.get("filled").size(), f.filled().size());
    assertEquals(tf.get("filled").get(0).get("yi").asDouble(), f.filled().get(0).yi(), 1e-6);
    assertEquals(13, f.studies().size());
  }

  private static FigureRequest sortedBy(String sort) {
    return new FigureRequest(
        FigureRequest.Kind.FOREST,
        "Tuberculosis",
        null,
        "RR",
        "REML",
        "z",
        null,
        List.of("ablat"),
        null,
        false,
        false,
        false,
        sort);
  }

  @Test
  void studiesCanBeSortedByEffectOrByACharacteristicDescending() {
    List<ForestPlotModel.StudyRow> byEffect =
        ForestModelBuilder.build(BCG, sortedBy("effect")).allStudies();
    for (int i = 1; i < byEffect.size(); i++) {
      assertTrue(byEffect.get(i - 1).estimate() <= byEffect.get(i).estimate());
    }
    List<ForestPlotModel.StudyRow> byLatitude =
        ForestModelBuilder.build(BCG, sortedBy("-ablat")).allStudies();
    // Ferguson & Simes 1949 has the highest absolute latitude (55), TPT Madras / Comstock 1974 low
    assertEquals("Ferguson & Simes 1949", byLatitude.get(0).label());
    for (int i = 1; i < byLatitude.size(); i++) {
      assertTrue(
          Double.parseDouble(byLatitude.get(i - 1).cells().get(4))
              >= Double.parseDouble(byLatitude.get(i).cells().get(4)));
    }
  }

  @Test
  void unknownSortKeyIsAUsageError() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class, () -> ForestModelBuilder.build(BCG, sortedBy("colour")));
    assertEquals(WorkbenchException.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains("colour"));
  }

  @Test
  void meansAndSdsShowOneNumberOfDecimalsPerColumn() {
    ProjectData followUp =
        SqliteProjectStore.readSnapshot(Path.of("sample-projects/followup-example.ewb"));
    FigureRequest at24 =
        new FigureRequest(
            FigureRequest.Kind.FOREST,
            "HbA1c",
            24.0,
            "MD",
            "REML",
            "z",
            null,
            List.of(),
            null,
            false,
            false,
            false);
    List<ForestPlotModel.StudyRow> rows = ForestModelBuilder.build(followUp, at24).allStudies();
    // no decimals set for the outcome: the typed values' (two), a typed 1.4 padded to 1.40
    assertEquals(List.of("7.88", "1.16", "22", "8.48", "1.22", "50"), rows.get(0).cells());
    assertEquals(List.of("7.49", "1.40", "56", "7.54", "1.31", "56"), rows.get(4).cells());
  }
}
