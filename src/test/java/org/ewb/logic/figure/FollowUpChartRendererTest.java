package org.ewb.logic.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ewb.logic.figure.FollowUpChartModel.Point;
import org.ewb.logic.figure.FollowUpLayout.Mark;
import org.junit.jupiter.api.Test;

/** Follow-up chart geometry on a synthetic model (invented values). */
class FollowUpChartRendererTest {

  private static final double TOL = 1e-6;

  @Test
  void pointsSitAtTheirMonthAndValueWithErrorBars() {
    FollowUpChartModel m = SyntheticFollowUp.model(false);
    FollowUpLayout l = new FollowUpChartRenderer(m).layout(480, 300);
    int n = m.series().size();
    int k = 0;
    for (int s = 0; s < n; s++) {
      for (Point p : m.series().get(s).points()) {
        Mark mark = l.points().get(k++);
        assertEquals(s, mark.series());
        assertEquals(l.y(p.value()), mark.cy(), TOL);
        assertEquals(l.y(p.high()), mark.barTop(), TOL);
        assertEquals(l.y(p.low()), mark.barBottom(), TOL);
        // dodged sideways by at most half a font size per series
        assertTrue(Math.abs(mark.cx() - l.x(p.months())) <= n * 8 * 0.6 / 2 + TOL);
      }
    }
    assertEquals(k, l.points().size());
  }

  @Test
  void seriesAtTheSameTimePointAreDodgedApart() {
    FollowUpLayout l = new FollowUpChartRenderer(SyntheticFollowUp.model(false)).layout(480, 300);
    List<Mark> atZero = l.points().stream().filter(p -> Math.abs(p.cx() - l.x(0)) < 10).toList();
    assertEquals(4, atZero.size());
    assertEquals(4, atZero.stream().mapToDouble(Mark::cx).distinct().count());
  }

  @Test
  void legendNamesEverySeriesIncludingChinese() {
    FollowUpChartModel m = SyntheticFollowUp.model(true);
    FollowUpLayout l = new FollowUpChartRenderer(m).layout(480, 400);
    List<String> texts = l.display().texts().stream().map(DisplayList.TextOp::text).toList();
    for (FollowUpChartModel.Series s : m.series()) {
      assertTrue(texts.contains(s.label()), s.label());
    }
    assertTrue(texts.contains("MD (95% CI)"));
    assertTrue(texts.contains("Mean ± SD"));
  }
}
