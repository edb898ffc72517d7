package org.ewb.logic.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;

/**
 * A {@link Figure} that is a JFreeChart chart: the window shows the same {@link JFreeChart} in a
 * {@code ChartViewer}, and PNG, SVG and PDF are written by {@link JFreeChart#draw} onto the
 * exporter's {@link Graphics2D}, so screen and files share one drawing routine (ADR 0101).
 */
public final class ChartFigure implements Figure {

  private final JFreeChart chart;
  private final String allText;
  private final double aspect;

  /**
   * @param allText every text the chart may draw (for the font choice of PDF/SVG)
   * @param aspect preferred height / width
   */
  public ChartFigure(JFreeChart chart, String allText, double aspect) {
    this.chart = chart;
    this.allText = allText;
    this.aspect = aspect;
  }

  public JFreeChart chart() {
    return chart;
  }

  @Override
  public double preferredHeightPt(double widthPt) {
    return widthPt * aspect;
  }

  @Override
  public void draw(Graphics2D g, double widthPt, double heightPt) {
    chart.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
  }

  @Override
  public String allText() {
    return allText;
  }
}
