package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plot command end to end on the sample projects. */
class PlotCommandTest {

  private static final String BCG = "sample-projects/bcg-vaccine.ewb";
  private static final String STEM = "sample-projects/stem-cell-diabetes.ewb";

  @TempDir Path dir;

  @Test
  void forestPngHasTheRequestedSizeAtTheRequestedDpi() throws Exception {
    Path out = dir.resolve("bcg.png");
    CliTestSupport.Run r =
        CliTestSupport.run(
            "plot",
            "forest",
            "--project",
            BCG,
            "--outcome",
            "Tuberculosis",
            "--measure",
            "RR",
            "--model",
            "REML",
            "--out",
            out.toString(),
            "--dpi",
            "300",
            "--width-mm",
            "170",
            "--height-mm",
            "100");
    assertEquals(0, r.exitCode(), r.err());
    BufferedImage img = ImageIO.read(out.toFile());
    assertEquals(2008, img.getWidth());
    assertEquals(1181, img.getHeight());
    assertTrue(r.out().contains("170 x 100 mm (2008 x 1181 px)"), r.out());
  }

  @Test
  void forestPdfTextHasEveryStudyAndThePooledResult() throws Exception {
    Path out = dir.resolve("bcg.pdf");
    CliTestSupport.Run r =
        CliTestSupport.run(
            "plot",
            "forest",
            "--project",
            BCG,
            "--outcome",
            "Tuberculosis",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    PdfReader reader = new PdfReader(out.toString());
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    reader.close();
    for (String s :
        new String[] {
          "Aronson 1948",
          "Comstock et al 1976",
          "TPT Madras 1980",
          "0.49 [0.34, 0.70]",
          "Favours experimental"
        }) {
      assertTrue(text.contains(s), "missing " + s + " in " + text);
    }
  }

  @Test
  void chineseForestSvgKeepsChineseHeadersAsText() throws Exception {
    Path out = dir.resolve("bcg.svg");
    CliTestSupport.Run r =
        CliTestSupport.run(
            "plot",
            "forest",
            "--project",
            BCG,
            "--outcome",
            "Tuberculosis",
            "--subgroup",
            "alloc",
            "--out",
            out.toString(),
            "--lang",
            "zh");
    assertEquals(0, r.exitCode(), r.err());
    String svg = Files.readString(out, StandardCharsets.UTF_8);
    for (String s : new String[] {">研究<", ">权重<", ">风险比<", ">合计 (95% CI)<", "亚组间差异检验"}) {
      assertTrue(svg.contains(s), "missing " + s);
    }
  }

  @Test
  void funnelAndFollowUpAreWritten() throws Exception {
    Path funnel = dir.resolve("funnel.svg");
    assertEquals(
        0,
        CliTestSupport.run(
                "plot",
                "funnel",
                "--project",
                BCG,
                "--outcome",
                "Tuberculosis",
                "--contours",
                "--egger",
                "--trimfill",
                "--out",
                funnel.toString())
            .exitCode());
    assertTrue(Files.readString(funnel).contains("Egger regression line"));
    Path fu = dir.resolve("followup.svg");
    CliTestSupport.Run r =
        CliTestSupport.run(
            "plot",
            "followup",
            "--project",
            STEM,
            "--outcome",
            "Insulin independence",
            "--out",
            fu.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.readString(fu).contains("Yao 2022: islet alone"));
  }

  @Test
  void unknownOutcomeIsAUsageErrorListingTheOutcomes() {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "plot",
            "forest",
            "--project",
            BCG,
            "--outcome",
            "Malaria",
            "--out",
            dir.resolve("x.png").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("Malaria") && r.err().contains("Tuberculosis"), r.err());
    assertTrue(!Files.exists(dir.resolve("x.png")));
  }

  @Test
  void unknownFormatAndFigureAreUsageErrors() {
    CliTestSupport.Run r =
        CliTestSupport.run(
            "plot",
            "forest",
            "--project",
            BCG,
            "--outcome",
            "Tuberculosis",
            "--out",
            dir.resolve("x.jpg").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("x.jpg"), r.err());
    r =
        CliTestSupport.run(
            "plot",
            "violin",
            "--project",
            BCG,
            "--outcome",
            "Tuberculosis",
            "--out",
            dir.resolve("x.png").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("violin"), r.err());
  }
}
