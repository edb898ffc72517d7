package org.ewb.logic.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.ewb.logic.l10n.Localization;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The follow-up chart of arm-level values as a JFreeChart chart: one line per study x arm (mean
 * with SD or CI bars, or % with the event), studies told apart by colour (Okabe-Ito), arms by line
 * style and marker, as {@link FollowUpChartRenderer} draws them; with tooltips giving study, arm,
 * time point, value, n and provenance. The window shows it in a ChartViewer; files are drawn from
 * the same chart ({@link ChartFigure}).
 */
public final class FollowUpArmChart {

  private FollowUpArmChart() {}

  /**
   * @param font font size in the chart's units (points for files; the window passes a larger size
   *     because it draws in pixels)
   */
  public static ChartFigure figure(FollowUpChartModel m, double font) {
    String family = FigureFonts.familyFor(m.allText());
    Font plain = new Font(family, Font.PLAIN, 1).deriveFont((float) font);
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(false);
    r.setDefaultLinesVisible(true);
    r.setCapLength(font * 0.6);
    double minM = Double.POSITIVE_INFINITY;
    double maxM = Double.NEGATIVE_INFINITY;
    for (FollowUpChartModel.Series s : m.series()) {
      for (FollowUpChartModel.Point p : s.points()) {
        minM = Math.min(minM, p.months());
        maxM = Math.max(maxM, p.months());
      }
    }
    // series at one time point are shifted sideways a little so their bars do not hide each other
    int n = m.series().size();
    double dodge = Math.max(maxM - Math.min(0, minM), 1) * 0.005;
    for (int i = 0; i < n; i++) {
      FollowUpChartModel.Series s = m.series().get(i);
      double off = (i - (n - 1) / 2.0) * dodge;
      YIntervalSeries ys = new YIntervalSeries(s.label(), false, false);
      for (FollowUpChartModel.Point p : s.points()) {
        if (!Double.isFinite(p.value())) {
          continue;
        }
        double lo = Double.isFinite(p.low()) ? p.low() : p.value();
        double hi = Double.isFinite(p.high()) ? p.high() : p.value();
        ys.add(p.months() + off, p.value(), lo, hi);
      }
      data.addSeries(ys);
      Color c = FollowUpChartRenderer.PALETTE[Math.floorMod(s.study(), 8)];
      r.setSeriesPaint(i, c);
      r.setSeriesStroke(i, stroke(s.style()));
      r.setSeriesShape(i, shape(s.style(), font * 0.4));
      r.setSeriesFillPaint(
          i, s.style() == FollowUpChartModel.ArmStyle.EXPERIMENTAL ? c : Color.WHITE);
    }
    r.setUseFillPaint(true);
    r.setUseOutlinePaint(false);
    r.setDrawOutlines(true);
    r.setErrorStroke(new BasicStroke(0.7f));
    r.setDefaultToolTipGenerator((XYDataset d, int s, int i) -> tip(m, s, i));
    NumberAxis x = new NumberAxis(m.xLabel());
    NumberAxis y = new NumberAxis(m.yLabel());
    y.setAutoRangeIncludesZero(false);
    if (m.percentScale()) {
      y.setRange(0, 100);
    }
    for (NumberAxis a : new NumberAxis[] {x, y}) {
      a.setLabelFont(plain);
      a.setTickLabelFont(plain);
    }
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xE5, 0xE5, 0xE5));
    plot.setRangeGridlinePaint(new Color(0xE5, 0xE5, 0xE5));
    // fixed, so that a hidden series keeps its legend entry and a click can show it again
    plot.setFixedLegendItems(plot.getLegendItems());
    JFreeChart chart = new JFreeChart(null, plain, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(plain);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setFrame(BlockBorder.NONE);
    TextTitle note = new TextTitle(m.errorNote(), plain);
    note.setPosition(RectangleEdge.BOTTOM);
    note.setHorizontalAlignment(HorizontalAlignment.LEFT);
    note.setPaint(new Color(0x44, 0x44, 0x44));
    chart.addSubtitle(note);
    return new ChartFigure(chart, m.allText(), 0.62);
  }

  /** "Yao 2022: islet alone, 12 months: 7.80 (6.70–8.90); n = 30; table, Table 2: “…”". */
  static String tip(FollowUpChartModel m, int series, int item) {
    FollowUpChartModel.Series s = m.series().get(series);
    FollowUpChartModel.Point p =
        s.points().stream().filter(q -> Double.isFinite(q.value())).toList().get(item);
    String bars =
        Double.isFinite(p.low())
            ? Localization.lang("followup.tip.bars", Axis.label(p.low()), Axis.label(p.high()))
            : "";
    String detail = p.detail().isEmpty() ? "" : "; " + p.detail();
    return Localization.lang(
        "followup.tip.arm", s.label(), Axis.label(p.months()), Axis.label(p.value()), bars, detail);
  }

  private static BasicStroke stroke(FollowUpChartModel.ArmStyle style) {
    return switch (style) {
      case EXPERIMENTAL -> new BasicStroke(1.2f);
      case CONTROL ->
          new BasicStroke(
              1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4, new float[] {4, 2.5f}, 0);
      case OTHER ->
          new BasicStroke(
              1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4, new float[] {1.2f, 1.8f}, 0);
    };
  }

  private static Shape shape(FollowUpChartModel.ArmStyle style, double r) {
    return switch (style) {
      case EXPERIMENTAL -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
      case CONTROL -> new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
      case OTHER -> {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, -r * 1.15);
        t.lineTo(r * 1.1, r * 0.8);
        t.lineTo(-r * 1.1, r * 0.8);
        t.closePath();
        yield t;
      }
    };
  }
}
