package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --bias --leave1out --cumulative} end to end on the BCG trials (metafor's dat.bcg,
 * written as a CSV from the reference file); expected values from {@code bcg__RR__bias.json},
 * {@code bcg__RR__leave1out__REML.json} and {@code bcg__RR__cumul__REML.json} (metafor 3.8-1,
 * results_strict).
 */
class AnalyzeBiasOptionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path bcgCsv() throws IOException {
    JsonNode studies;
    try (InputStream in = getClass().getResourceAsStream("/metafor/bcg__RR__bias.json")) {
      studies = JSON.readTree(in).get("studies");
    }
    StringBuilder csv = new StringBuilder("study,events_e,total_e,events_c,total_c\n");
    for (JsonNode s : studies) {
      csv.append('"')
          .append(s.get("study").asText())
          .append("\",")
          .append(s.get("ai").asInt())
          .append(',')
          .append(s.get("n1i").asInt())
          .append(',')
          .append(s.get("ci").asInt())
          .append(',')
          .append(s.get("n2i").asInt())
          .append('\n');
    }
    Path file = dir.resolve("bcg.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void jsonHasBiasLeaveOneOutAndCumulativeBlocks() throws IOException {
    CliTestSupport.Run run =
        CliTestSupport.run(
            "analyze",
            "--csv",
            bcgCsv().toString(),
            "--measure",
            "RR",
            "--model",
            "REML",
            "--bias",
            "--leave1out",
            "--cumulative",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = JSON.readTree(run.out());
    assertEquals(-0.7145323, json.get("estimate").asDouble(), 1e-6); // the main model is unchanged
    JsonNode bias = json.get("bias");
    assertEquals(-0.803329193090804, bias.get("regtest_rma_REML").get("zval").asDouble(), 1e-6);
    assertEquals(-1.4012820022893326, bias.get("regtest_lm").get("tval").asDouble(), 1e-9);
    assertEquals(0.9523619079608663, bias.get("ranktest").get("pval").asDouble(), 1e-9);
    assertEquals(1, bias.get("trimfill_REML").get("k0").asInt());
    assertEquals(13, json.get("leave1out").get("rows").size());
    JsonNode lastCumul = json.get("cumul").get("rows").get(12);
    assertEquals(json.get("estimate").asDouble(), lastCumul.get("estimate").asDouble(), 1e-12);
  }

  @Test
  void textReportAppendsTheSections() throws IOException {
    CliTestSupport.Run run =
        CliTestSupport.run(
            "analyze",
            "--csv",
            bcgCsv().toString(),
            "--measure",
            "RR",
            "--model",
            "REML",
            "--bias");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Small-study effects (REML model)"), run.out());
    assertFalse(run.out().contains("Leave-one-out"), run.out());
  }

  @Test
  void mantelHaenszelSectionsUseTheCommonEffectModel() throws IOException {
    CliTestSupport.Run run =
        CliTestSupport.run(
            "analyze",
            "--csv",
            bcgCsv().toString(),
            "--measure",
            "OR",
            "--model",
            "MH",
            "--bias",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode bias = JSON.readTree(run.out()).get("bias");
    assertTrue(bias.has("regtest_rma_EE") && bias.has("trimfill_EE"), bias.toString());
  }

  @Test
  void twoStudiesStillGiveTheMainResultAndSayWhatCannotBeDone() throws IOException {
    Path file = dir.resolve("two.csv");
    Files.writeString(file, "study,yi,vi\nA,0.1,0.04\nB,0.3,0.02\n", StandardCharsets.UTF_8);
    CliTestSupport.Run run =
        CliTestSupport.run(
            "analyze",
            "--csv",
            file.toString(),
            "--measure",
            "GEN",
            "--model",
            "REML",
            "--bias",
            "--leave1out",
            "--cumulative",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = JSON.readTree(run.out());
    assertTrue(
        json.get("bias").get("ranktest").get("error").asText().contains("at least 3"),
        json.get("bias").toString());
    assertEquals(2, json.get("leave1out").get("rows").size());
    assertEquals(2, json.get("cumul").get("rows").size());
  }

  @Test
  void oneStudyReportsThatLeaveOneOutIsImpossible() throws IOException {
    Path file = dir.resolve("one.csv");
    Files.writeString(file, "study,yi,vi\nA,0.1,0.04\n", StandardCharsets.UTF_8);
    CliTestSupport.Run run =
        CliTestSupport.run(
            "analyze",
            "--csv",
            file.toString(),
            "--measure",
            "GEN",
            "--model",
            "REML",
            "--leave1out");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("leave-one-out could not be computed"), run.out());
  }

  @Test
  void mantelHaenszelLeaveOneOutRefitsMantelHaenszel() throws IOException {
    Path csv = bcgCsv();
    CliTestSupport.Run run =
        CliTestSupport.run(
            "analyze",
            "--csv",
            csv.toString(),
            "--measure",
            "OR",
            "--model",
            "MH",
            "--leave1out",
            "--cumulative",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = JSON.readTree(run.out());
    JsonNode cumul = json.get("cumul").get("rows");
    assertEquals(json.get("estimate").asDouble(), cumul.get(12).get("estimate").asDouble(), 1e-12);
    // row 1 of leave-one-out = the MH analysis of the CSV without its first study
    List<String> lines = Files.readAllLines(csv);
    Path without = dir.resolve("without-first.csv");
    Files.write(
        without,
        java.util.stream.Stream.concat(lines.stream().limit(1), lines.stream().skip(2)).toList());
    JsonNode direct =
        JSON.readTree(
            CliTestSupport.run(
                    "analyze",
                    "--csv",
                    without.toString(),
                    "--measure",
                    "OR",
                    "--model",
                    "MH",
                    "--json")
                .out());
    JsonNode row1 = json.get("leave1out").get("rows").get(0);
    assertEquals(direct.get("estimate").asDouble(), row1.get("estimate").asDouble(), 1e-12);
    assertEquals(direct.get("QE").asDouble(), row1.get("Q").asDouble(), 1e-12);
    assertEquals(direct.get("I2").asDouble(), row1.get("I2").asDouble(), 1e-12);
    assertTrue(
        CliTestSupport.run(
                "analyze",
                "--csv",
                csv.toString(),
                "--measure",
                "OR",
                "--model",
                "MH",
                "--leave1out")
            .out()
            .contains("Leave-one-out analysis (MH)"));
  }
}
