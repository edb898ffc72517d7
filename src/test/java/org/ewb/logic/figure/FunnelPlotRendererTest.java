package org.ewb.logic.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.List;
import org.ewb.logic.figure.FunnelLayout.Mark;
import org.ewb.logic.figure.FunnelPlotModel.Point;
import org.junit.jupiter.api.Test;

/**
 * Funnel plot geometry on the BCG data (metafor bcg__RR__REML studies; Egger line and trim-and-fill
 * study from bcg__RR__bias).
 */
class FunnelPlotRendererTest {

  private static final double TOL = 1e-6;

  @Test
  void everyStudyIsDrawnAtItsEffectAndStandardError() {
    FunnelPlotModel m = ReferenceForestModels.bcgFunnel(false);
    FunnelLayout l = new FunnelPlotRenderer(m).layout(340, 280);
    assertEquals(13 + 1, l.points().size());
    for (int i = 0; i < m.studies().size(); i++) {
      Point p = m.studies().get(i);
      Mark k = l.points().get(i);
      assertEquals(l.x(p.yi()), k.cx(), TOL);
      assertEquals(l.y(p.sei()), k.cy(), TOL);
      assertTrue(!k.filled());
    }
    assertTrue(l.points().get(13).filled(), "trim-and-fill study drawn open");
  }

  @Test
  void standardErrorAxisIsInvertedAndCoversTheLargestSe() {
    FunnelPlotModel m = ReferenceForestModels.bcgFunnel(false);
    FunnelLayout l = new FunnelPlotRenderer(m).layout(340, 280);
    assertEquals(l.plotTop(), l.y(0), TOL);
    double maxSe = m.studies().stream().mapToDouble(Point::sei).max().orElseThrow();
    assertTrue(l.seMax() >= maxSe);
    assertTrue(l.y(maxSe) <= l.plotBottom() + TOL && l.y(maxSe) > l.plotTop());
    for (Mark k : l.points()) {
      assertTrue(k.cx() >= l.plotLeft() && k.cx() <= l.plotRight(), "point outside the x range");
    }
  }

  @Test
  void pseudoLimitsMeetAtThePooledEstimateAtZeroStandardError() {
    FunnelPlotModel m = ReferenceForestModels.bcgFunnel(false);
    FunnelLayout l = new FunnelPlotRenderer(m).layout(340, 280);
    double apexX = l.x(m.pooled());
    // the vertical pooled line
    assertTrue(
        l.display().shapes().stream()
            .anyMatch(
                s -> {
                  Rectangle2D b = s.shape().getBounds2D();
                  return Math.abs(b.getMinX() - apexX) < TOL
                      && Math.abs(b.getMaxX() - apexX) < TOL
                      && Math.abs(b.getMinY() - l.plotTop()) < TOL;
                }));
    // the dashed limits: a path through (apex, top) widening to pooled +- 1.96 seMax
    double left = Math.max(l.plotLeft(), l.x(m.pooled() - 1.96 * l.seMax()));
    assertTrue(
        l.display().shapes().stream()
            .anyMatch(
                s ->
                    s.dash() != null
                        && Math.abs(s.shape().getBounds2D().getMinX() - left) < 1e-3
                        && Math.abs(s.shape().getBounds2D().getMinY() - l.plotTop()) < 1e-3));
  }

  @Test
  void contoursAndEggerLineAppearOnlyWhenAsked() {
    FunnelLayout with =
        new FunnelPlotRenderer(ReferenceForestModels.bcgFunnel(true)).layout(340, 280);
    FunnelLayout without =
        new FunnelPlotRenderer(ReferenceForestModels.bcgFunnel(false)).layout(340, 280);
    List<String> withTexts = with.display().texts().stream().map(DisplayList.TextOp::text).toList();
    List<String> withoutTexts =
        without.display().texts().stream().map(DisplayList.TextOp::text).toList();
    assertTrue(withTexts.contains("p < 0.01"));
    assertTrue(!withoutTexts.contains("p < 0.01"));
    assertTrue(withoutTexts.contains("Egger regression line"));
    long contourFills =
        with.display().shapes().stream()
            .filter(s -> s.fill() == FunnelPlotRenderer.CONTOUR[1])
            .count();
    assertTrue(contourFills >= 1);
  }
}
