package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.TestType;
import org.ewb.logic.meta.overtime.ArmMeasure;
import org.ewb.logic.meta.overtime.ArmOverTime;
import org.ewb.logic.meta.overtime.BaselineFixture;
import org.ewb.logic.meta.overtime.ChangeFromBaseline;
import org.ewb.logic.meta.overtime.OverTimeAnalysis;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --over-time --measure MN|PR|PLO [--change-from-baseline --change-rho R]} and the
 * same on {@code plot followup --pooled}, end to end (issue 13).
 */
class OverTimePerArmCommandTest {

  private static final String EXAMPLE = "sample-projects/followup-example.ewb";

  @TempDir Path dir;

  @Test
  void perArmMeanJsonHasOneSeriesPerRoleAndNoMultivariateModel() throws Exception {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze",
            "--project",
            EXAMPLE,
            "--outcome",
            "HbA1c",
            "--over-time",
            "--measure",
            "MN",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("MN", j.get("measure").asText());
    assertTrue(j.get("per_arm").asBoolean());
    assertEquals(2, j.get("series").size());
    assertEquals("Experimental arms", j.get("series").get(0).get("label").asText());
    assertEquals("Control arms", j.get("series").get(1).get("label").asText());
    assertTrue(j.get("multivariate") == null, "no multivariate model for per-arm values");
    OverTimeAnalysis.Result direct =
        ArmOverTime.perArm(
            SqliteProjectStore.readSnapshot(Path.of(EXAMPLE)),
            "HbA1c",
            ArmMeasure.MN,
            new AnalysisOptions(Measure.GEN, "REML", TestType.Z, null, null, false, null, false),
            null,
            List.of(),
            null);
    JsonNode p = j.get("series").get(1).get("timepoints").get(2);
    assertEquals(12, p.get("months").asDouble());
    assertEquals(
        direct.series().get(1).points().get(2).estimate(), p.get("estimate").asDouble(), 0);
  }

  @Test
  void changeFromBaselineUsesRhoAndSaysTheValuesAreDerived() throws Exception {
    Path f = BaselineFixture.writeWithBaseline(dir);
    JsonNode[] runs = new JsonNode[2];
    String[] rhos = {"0.5", "0.8"};
    for (int i = 0; i < 2; i++) {
      CliTestSupport.Run r =
          CliTestSupport.run(
              "analyze",
              "--project",
              f.toString(),
              "--outcome",
              "HbA1c",
              "--over-time",
              "--measure",
              "MN",
              "--change-from-baseline",
              "--change-rho",
              rhos[i],
              "--json");
      assertEquals(0, r.exitCode(), r.err());
      runs[i] = new ObjectMapper().readTree(r.out());
      assertEquals(ChangeFromBaseline.METHOD_ID + " r=" + rhos[i], runs[i].get("derived").asText());
      // baseline is not a point of a change series
      assertEquals(3, runs[i].get("series").get(0).get("timepoints").get(0).get("months").asInt());
    }
    JsonNode a = runs[0].get("series").get(0).get("timepoints").get(2);
    JsonNode b = runs[1].get("series").get(0).get("timepoints").get(2);
    // the correlation changes the SDs of change, hence the weights and the SE
    assertNotEquals(a.get("se").asDouble(), b.get("se").asDouble());
    assertNotEquals(a.get("estimate").asDouble(), 0.0);

    CliTestSupport.Run md =
        CliTestSupport.run(
            "analyze",
            "--project",
            f.toString(),
            "--outcome",
            "HbA1c",
            "--over-time",
            "--measure",
            "MD",
            "--change-from-baseline",
            "--json");
    assertEquals(0, md.exitCode(), md.err());
    JsonNode jm = new ObjectMapper().readTree(md.out());
    assertEquals(4, jm.get("multivariate").get("timepoints").size());
    assertEquals(0.5, jm.get("multivariate").get("rho_within").asDouble());
  }

  @Test
  void changeWithoutBaselineIsADataError() {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze",
            "--project",
            EXAMPLE,
            "--outcome",
            "HbA1c",
            "--over-time",
            "--measure",
            "MN",
            "--change-from-baseline");
    assertNotEquals(0, r.exitCode());
    assertTrue(r.err().contains("baseline"), r.err());
  }

  @Test
  void plotFollowupPooledDrawsThePerArmAndChangeCharts() throws Exception {
    Path png = dir.resolve("mn.png");
    CliTestSupport.Run r =
        CliTestSupport.run(
            "plot",
            "followup",
            "--project",
            EXAMPLE,
            "--outcome",
            "HbA1c",
            "--pooled",
            "--measure",
            "MN",
            "--out",
            png.toString(),
            "--dpi",
            "96");
    assertEquals(0, r.exitCode(), r.err());
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(img.getWidth() > 500);

    Path f = BaselineFixture.writeWithBaseline(dir);
    Path svg = dir.resolve("change.svg");
    CliTestSupport.Run c =
        CliTestSupport.run(
            "plot",
            "followup",
            "--project",
            f.toString(),
            "--outcome",
            "HbA1c",
            "--pooled",
            "--measure",
            "MN",
            "--change-from-baseline",
            "--change-rho",
            "0.7",
            "--out",
            svg.toString());
    assertEquals(0, c.exitCode(), c.err());
    assertTrue(java.nio.file.Files.size(svg) > 1000);
    // the chart's y axis says the values are changes with a derived SD
    org.ewb.logic.figure.ChartFigure chart =
        (org.ewb.logic.figure.ChartFigure)
            org.ewb.logic.figure.Figures.build(
                SqliteProjectStore.readSnapshot(f),
                new org.ewb.logic.figure.FigureRequest(
                        org.ewb.logic.figure.FigureRequest.Kind.FOLLOWUP,
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
                        null)
                    .withChangeRho(0.7));
    String y = chart.chart().getXYPlot().getRangeAxis().getLabel();
    assertTrue(y.contains("change in HbA1c from baseline") && y.contains("derived"), y);

    CliTestSupport.Run bad =
        CliTestSupport.run(
            "plot",
            "followup",
            "--project",
            EXAMPLE,
            "--outcome",
            "HbA1c",
            "--measure",
            "MN",
            "--change-rho",
            "0.7",
            "--out",
            dir.resolve("x.png").toString());
    assertNotEquals(0, bad.exitCode());
  }
}
