package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot followup --pooled} and {@code analyze --over-time} end to end on the generated
 * follow-up example project (issue 13).
 */
class OverTimeCommandTest {

  private static final String EXAMPLE = "sample-projects/followup-example.ewb";

  @TempDir Path dir;

  @Test
  void overTimeJsonPerTimePointEqualsAnalyzeAtThatTimePoint() throws Exception {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze", "--project", EXAMPLE, "--outcome", "HbA1c", "--over-time", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("MD", j.get("measure").asText());
    JsonNode pts = j.get("series").get(0).get("timepoints");
    assertEquals(4, pts.size());
    for (JsonNode p : pts) {
      CliTestSupport.Run single =
          CliTestSupport.run(
              "analyze",
              "--project",
              EXAMPLE,
              "--outcome",
              "HbA1c",
              "--timepoint",
              p.get("months").asText(),
              "--measure",
              "MD",
              "--model",
              "REML",
              "--json");
      JsonNode s = new ObjectMapper().readTree(single.out());
      assertEquals(s.get("estimate").asDouble(), p.get("estimate").asDouble(), 0);
      assertEquals(s.get("ci_lb").asDouble(), p.get("ci_lb").asDouble(), 0);
      assertEquals(s.get("tau2").asDouble(), p.get("tau2").asDouble(), 0);
      assertEquals(s.get("k").asInt(), p.get("k").asInt());
    }
    JsonNode mv = j.get("multivariate");
    assertEquals("CS", mv.get("structure").asText());
    assertEquals(0.5, mv.get("rho_within").asDouble());
    assertEquals(4, mv.get("timepoints").size());
    assertEquals(3, mv.get("QM_change_df").asInt());
    assertTrue(mv.get("converged").asBoolean());
    // sensitivity table: 0, 0.25, 0.5, 0.75, 0.9
    assertEquals(5, j.get("sensitivity").size());
  }

  @Test
  void structureAndRhoAreUsedAndABadStructureIsAUsageError() throws Exception {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze",
            "--project",
            EXAMPLE,
            "--outcome",
            "HbA1c",
            "--over-time",
            "--structure",
            "ar",
            "--rho",
            "0.3",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode mv = new ObjectMapper().readTree(r.out()).get("multivariate");
    assertEquals("AR", mv.get("structure").asText());
    assertEquals(0.3, mv.get("rho_within").asDouble());
    CliTestSupport.Run bad =
        CliTestSupport.run(
            "analyze",
            "--project",
            EXAMPLE,
            "--outcome",
            "HbA1c",
            "--over-time",
            "--structure",
            "UN");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("UN"), bad.err());
  }

  @Test
  void analyzeWithoutOverTimeStillNeedsMeasureAndModel() {
    CliTestSupport.Run r =
        CliTestSupport.run("analyze", "--project", EXAMPLE, "--outcome", "HbA1c");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--measure"), r.err());
  }

  @Test
  void pooledFollowUpPngAndPdfWithSubgroups() throws Exception {
    Path png = dir.resolve("pooled.png");
    CliTestSupport.Run r =
        CliTestSupport.run(
            "plot",
            "followup",
            "--project",
            EXAMPLE,
            "--outcome",
            "HbA1c",
            "--measure",
            "MD",
            "--pooled",
            "--subgroup",
            "dm_type",
            "--out",
            png.toString(),
            "--dpi",
            "100");
    assertEquals(0, r.exitCode(), r.err());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(669, img.getWidth());
    Path pdf = dir.resolve("pooled.pdf");
    r =
        CliTestSupport.run(
            "plot",
            "followup",
            "--project",
            EXAMPLE,
            "--outcome",
            "HbA1c",
            "--pooled",
            "--subgroup",
            "dm_type",
            "--windows",
            "3-6,12-24",
            "--out",
            pdf.toString());
    assertEquals(0, r.exitCode(), r.err());
    PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    assertTrue(text.contains("T1DM") && text.contains("T2DM"), text);
    assertTrue(text.contains("k = 4 / 4"), text);
  }

  @Test
  void anOutcomeWithoutTwoArmDataAtAnyTimePointIsADataError() {
    // the stem-cell seeds give HbA1c per arm at baseline, 3 and 12 months, never both arms
    CliTestSupport.Run r =
        CliTestSupport.run(
            "analyze",
            "--project",
            "sample-projects/stem-cell-diabetes.ewb",
            "--outcome",
            "HbA1c",
            "--over-time");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("HbA1c") && r.err().contains("no analysable data"), r.err());
  }

  @Test
  void unknownSubgroupFieldIsAUsageErrorNamingTheFields() {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "plot",
            "followup",
            "--project",
            EXAMPLE,
            "--outcome",
            "HbA1c",
            "--pooled",
            "--subgroup",
            "nosuch",
            "--out",
            dir.resolve("x.png").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("nosuch") && r.err().contains("dm_type"), r.err());
  }
}
