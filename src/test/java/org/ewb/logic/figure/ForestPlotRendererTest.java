package org.ewb.logic.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.figure.DisplayList.ShapeOp;
import org.ewb.logic.figure.DisplayList.TextOp;
import org.ewb.logic.figure.ForestLayout.DiamondMark;
import org.ewb.logic.figure.ForestLayout.StudyMark;
import org.ewb.logic.figure.ForestPlotModel.Group;
import org.ewb.logic.figure.ForestPlotModel.StudyRow;
import org.ewb.logic.figure.ForestPlotModel.Summary;
import org.ewb.logic.figure.export.FigureExporter;
import org.junit.jupiter.api.Test;

/**
 * Geometry of the forest plot, checked on its layout and on the SVG it writes. The model is the BCG
 * vaccine analysis (RR, REML) with numbers from the metafor reference file bcg__RR__REML.
 */
class ForestPlotRendererTest {

  private static final double WIDTH = 170 * 72 / 25.4;
  private static final double TOL = 1e-6;

  private final ForestPlotModel bcg = ReferenceForestModels.bcg(null);

  @Test
  void svgContainsEveryStudyLabelAndThePooledEffectText() {
    ForestPlotRenderer r = new ForestPlotRenderer(bcg);
    List<String> texts =
        FigureTestSupport.svgTexts(FigureExporter.svg(r, WIDTH, r.preferredHeightPt(WIDTH)));
    for (StudyRow s : bcg.allStudies()) {
      assertTrue(texts.contains(s.label()), "missing label " + s.label());
    }
    // metafor: estimate_bt 0.4894, ci 0.3441 to 0.6962
    assertTrue(texts.contains("0.49 [0.34, 0.70]"), "pooled text missing: " + texts);
    assertTrue(texts.contains("Aronson 1948") && texts.contains("0.41 [0.13, 1.26]"));
    assertTrue(
        texts.stream().anyMatch(t -> t.startsWith("Heterogeneity: τ² = 0.31; I² = 92%")),
        "heterogeneity line missing");
  }

  @Test
  void diamondCentreSitsAtThePooledEstimateUnderTheAxisMapping() {
    ForestLayout l = new ForestPlotRenderer(bcg).layout(WIDTH, 0);
    Summary total = bcg.overall().get(0);
    DiamondMark d = l.diamonds().get(0);
    assertEquals(l.x(total.estimate()), d.centreX(), TOL);
    assertEquals(l.x(total.lower()), d.leftX(), TOL);
    assertEquals(l.x(total.upper()), d.rightX(), TOL);
    // the mapping is linear in log RR: 1 (log 0) is where the line of no effect is drawn
    double nullX = l.x(0);
    assertTrue(
        l.display().shapes().stream()
            .map(ShapeOp::shape)
            .map(s -> s.getBounds2D())
            .anyMatch(
                b ->
                    Math.abs(b.getMinX() - nullX) < TOL
                        && Math.abs(b.getMaxX() - nullX) < TOL
                        && b.getHeight() > l.rowHeight() * 10),
        "no vertical line of no effect at x(0)");
    // and the drawn diamond polygon has exactly those extremes
    Rectangle2D db = diamondShape(l, d).getBounds2D();
    assertEquals(d.leftX(), db.getMinX(), TOL);
    assertEquals(d.rightX(), db.getMaxX(), TOL);
  }

  @Test
  void squareAreasAreProportionalToWeights() {
    ForestLayout l = new ForestPlotRenderer(bcg).layout(WIDTH, 0);
    List<StudyRow> rows = bcg.allStudies();
    double ratio = Double.NaN;
    for (int i = 0; i < rows.size(); i++) {
      StudyMark m = l.studies().get(i);
      double areaPerWeight = m.side() * m.side() / rows.get(i).weightPercent();
      if (Double.isNaN(ratio)) {
        ratio = areaPerWeight;
      }
      assertEquals(ratio, areaPerWeight, ratio * 1e-9, "study " + m.label());
      // the square drawn is centred on the study's estimate
      assertEquals(l.x(rows.get(i).estimate()), m.centreX(), TOL);
    }
  }

  @Test
  void confidenceIntervalBeyondTheAxisGetsAnArrow() {
    ForestLayout l = new ForestPlotRenderer(bcg).layout(WIDTH, 0);
    // BCG axis is 0.1 to 10: Rosenthal 1960 (CI 0.07 to 0.92) is clipped on the left
    assertEquals(Math.log(0.1), l.axisMin(), 1e-12);
    assertEquals(Math.log(10), l.axisMax(), 1e-12);
    for (int i = 0; i < bcg.allStudies().size(); i++) {
      StudyRow r = bcg.allStudies().get(i);
      StudyMark m = l.studies().get(i);
      assertEquals(r.lower() < l.axisMin(), m.arrowLeft(), r.label());
      assertEquals(r.upper() > l.axisMax(), m.arrowRight(), r.label());
      if (m.arrowLeft()) {
        assertEquals(l.graphLeft(), m.lineLeft(), TOL);
        double tip = m.lineLeft();
        double y = m.y();
        assertTrue(
            l.display().shapes().stream()
                .anyMatch(
                    s -> {
                      Rectangle2D b = s.shape().getBounds2D();
                      return s.fill() != null
                          && Math.abs(b.getMinX() - tip) < TOL
                          && Math.abs(b.getCenterY() - y) < TOL
                          && b.getWidth() > 0
                          && b.getHeight() > 0;
                    }),
            "no arrow head at the left end of " + r.label());
      }
    }
    assertTrue(l.studies().stream().anyMatch(StudyMark::arrowLeft));
    assertTrue(l.studies().stream().anyMatch(m -> !m.arrowLeft() && !m.arrowRight()));
  }

  @Test
  void logAxisHasOneTwoFiveTicksLabelledOnTheRatioScale() {
    ForestLayout l = new ForestPlotRenderer(bcg).layout(WIDTH, 0);
    List<String> labels = new ArrayList<>();
    for (double t : l.ticks()) {
      labels.add(Axis.label(Math.exp(t)));
    }
    assertEquals(List.of("0.1", "0.2", "0.5", "1", "2", "5", "10"), labels);
    List<String> texts = l.display().texts().stream().map(TextOp::text).toList();
    assertTrue(texts.containsAll(labels));
    assertTrue(texts.contains("Favours experimental") && texts.contains("Favours control"));
  }

  @Test
  void longLabelsAreCutWithAnEllipsisAndStayLeftOfTheDataColumns() {
    List<String> labels = new ArrayList<>();
    for (StudyRow r : bcg.allStudies()) {
      labels.add(
          r.label()
              + " — a very long study label that names the trial, the centre, the"
              + " country and the cohort in full detail");
    }
    ForestPlotModel m = ReferenceForestModels.bcg(labels);
    ForestLayout l = new ForestPlotRenderer(m).layout(WIDTH, 0);
    assertTrue(l.labelsTruncated());
    assertTrue(l.fontSize() >= 5);
    double firstColumn =
        l.display().texts().stream()
            .filter(t -> t.text().equals("123"))
            .mapToDouble(TextOp::x)
            .findFirst()
            .orElseThrow();
    for (TextOp t : l.display().texts()) {
      if (t.text().startsWith("Aronson 1948")) {
        assertTrue(t.text().endsWith("…"), t.text());
        assertTrue(t.x() + DisplayList.width(t.text(), t.font()) < firstColumn - 5);
      }
    }
  }

  @Test
  void sixtyStudiesFitOnOneA4PageAt170mm() {
    List<StudyRow> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StudyRow r = bcg.allStudies().get(i % 13);
      rows.add(
          new StudyRow(
              "Trial " + (i + 1) + " " + r.label(),
              r.cells(),
              r.estimate(),
              r.lower(),
              r.upper(),
              r.weightPercent() * 13 / 60));
    }
    ForestPlotModel m =
        new ForestPlotModel(
            bcg.studyHeader(),
            bcg.columns(),
            bcg.weightHeader(),
            bcg.effectHeader(),
            bcg.effectSubheader(),
            bcg.ciHeader(),
            List.of(new Group("", rows, null, List.of())),
            bcg.overall(),
            bcg.predictionInterval(),
            bcg.footnotes(),
            true,
            0,
            bcg.favoursLeft(),
            bcg.favoursRight(),
            2,
            Double.NaN,
            bcg.notEstimable());
    double a4Text = (297 - 2 * 25) * 72 / 25.4;
    ForestLayout l = new ForestPlotRenderer(m).layout(WIDTH, a4Text);
    assertTrue(l.height() <= a4Text, "height " + l.height() + " > " + a4Text);
    assertTrue(l.fontSize() >= 6, "font " + l.fontSize());
    assertEquals(60, l.studies().size());
  }

  @Test
  void aGivenHeightIsMetByAFontNoLargerThanTheNaturalOne() {
    ForestPlotRenderer r = new ForestPlotRenderer(bcg);
    ForestLayout natural = r.layout(WIDTH, 0);
    ForestLayout squeezed = r.layout(WIDTH, natural.height() * 0.8);
    assertTrue(squeezed.height() <= natural.height() * 0.8 + 1e-6);
    assertTrue(squeezed.fontSize() < natural.fontSize());
  }

  @Test
  void chineseLabelsSurviveIntoSvg() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      labels.add("研究" + (i + 1) + "（卡介苗）");
    }
    ForestPlotRenderer r = new ForestPlotRenderer(ReferenceForestModels.bcg(labels));
    List<String> texts = FigureTestSupport.svgTexts(FigureExporter.svg(r, WIDTH, 400));
    assertTrue(texts.containsAll(labels), texts.toString());
  }

  @Test
  void notEstimableStudyShowsTextAndNoSquare() {
    StudyRow ok = bcg.allStudies().get(0);
    StudyRow none =
        new StudyRow(
            "Empty 2001",
            List.of("0", "10", "0", "10"),
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN);
    ForestPlotModel m =
        new ForestPlotModel(
            bcg.studyHeader(),
            bcg.columns(),
            bcg.weightHeader(),
            bcg.effectHeader(),
            "",
            "",
            List.of(new Group("", List.of(ok, none), null, List.of())),
            List.of(),
            null,
            List.of(),
            true,
            0,
            "",
            "",
            2,
            Double.NaN,
            "Not estimable");
    ForestLayout l = new ForestPlotRenderer(m).layout(WIDTH, 0);
    assertEquals(0, l.studies().get(1).side());
    assertTrue(l.display().texts().stream().anyMatch(t -> t.text().equals("Not estimable")));
    assertFalse(l.studies().get(0).side() == 0);
  }

  private static java.awt.Shape diamondShape(ForestLayout l, DiamondMark d) {
    return l.display().shapes().stream()
        .map(ShapeOp::shape)
        .filter(
            s ->
                Math.abs(s.getBounds2D().getCenterY() - d.y()) < 1e-6
                    && Math.abs(s.getBounds2D().getHeight() - 2 * d.halfHeight()) < 1e-6)
        .findFirst()
        .orElseThrow();
  }
}
