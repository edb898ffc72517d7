package org.ewb.logic.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.EffectSize;
import org.ewb.logic.meta.overtime.OverTimeAnalysis;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The pooled follow-up chart: the meta-analysis at every time point as a line with its 95% CI (a
 * band or error bars) and, faintly, its 95% prediction interval; one line per subgroup with a
 * legend; the number of studies per time point along the bottom; optionally each study's effect
 * faintly behind. Ratio measures are drawn back-transformed on a log axis with the null at 1.
 *
 * <p>Datasets, drawn in this order: 0 = studies (not in the legend), 1 = prediction intervals (not
 * in the legend), 2 = pooled lines. Series {@code i} of dataset 1 and 2 belong to the same
 * subgroup, so a view that hides a pooled line hides its interval too.
 */
public final class OverTimeChart {

  /** Dataset index of the pooled lines. */
  public static final int POOLED = 2;

  /** Dataset index of the prediction intervals. */
  public static final int PREDICTION = 1;

  /** Dataset index of the study effects. */
  public static final int STUDIES = 0;

  static final double FONT = 8;

  /**
   * What to draw.
   *
   * @param band CI as a shaded band (else error bars)
   * @param prediction draw the prediction interval
   * @param studies draw each study's effect faintly
   * @param font font size (points in files; the window draws in pixels and asks for more)
   */
  public record Options(boolean band, boolean prediction, boolean studies, double font) {
    public static final Options DEFAULT = new Options(true, true, true, FONT);
  }

  private OverTimeChart() {}

  public static ChartFigure figure(OverTimeAnalysis.Result r, Options o) {
    String measure = Localization.lang("figure.measure." + r.measure());
    String yLabel =
        Localization.lang(
            r.derivation().isEmpty() ? "overtime.chart.yAxis" : "overtime.chart.yAxisChange",
            measure,
            r.outcome());
    String xLabel = Localization.lang("figure.followup.months");
    boolean exp = r.backTransform() == BackTransform.EXP;
    BackTransform tr = r.backTransform();
    // per-arm means and proportions have no line of no effect
    boolean noEffectLine = !r.perArm();
    StringBuilder text = new StringBuilder(yLabel).append(xLabel).append("k = 0123456789");
    r.series().forEach(s -> text.append(s.label()));
    String family = FigureFonts.familyFor(text.toString());
    double fs = o.font();
    Font plain = new Font(family, Font.PLAIN, 1).deriveFont((float) fs);
    Font small = new Font(family, Font.PLAIN, 1).deriveFont((float) (fs - 1));

    YIntervalSeriesCollection pooled = new YIntervalSeriesCollection();
    YIntervalSeriesCollection pis = new YIntervalSeriesCollection();
    XYSeriesCollection studies = new XYSeriesCollection();
    Map<String, XYSeries> byStudy = new LinkedHashMap<>();
    List<List<OverTimeAnalysis.Point>> points = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    TreeMap<Double, List<String>> kAt = new TreeMap<>();
    for (int si = 0; si < r.series().size(); si++) {
      OverTimeAnalysis.Series s = r.series().get(si);
      YIntervalSeries ps = new YIntervalSeries(s.label(), false, false);
      YIntervalSeries pi = new YIntervalSeries(s.label() + " (PI)", false, false);
      for (OverTimeAnalysis.Point p : s.points()) {
        ps.add(p.months(), bt(p.estimate(), tr), bt(p.ciLb(), tr), bt(p.ciUb(), tr));
        lo = Math.min(lo, bt(p.ciLb(), tr));
        hi = Math.max(hi, bt(p.ciUb(), tr));
        if (o.prediction() && Double.isFinite(p.piLb())) {
          pi.add(p.months(), bt(p.estimate(), tr), bt(p.piLb(), tr), bt(p.piUb(), tr));
          lo = Math.min(lo, bt(p.piLb(), tr));
          hi = Math.max(hi, bt(p.piUb(), tr));
        }
        kAt.computeIfAbsent(p.months(), m -> new ArrayList<>()).add(Integer.toString(p.k()));
        if (o.studies()) {
          for (OverTimeAnalysis.StudyPoint sp : p.studies()) {
            XYSeries ss =
                byStudy.computeIfAbsent(
                    sp.study() + " · " + s.label(), k -> new XYSeries(k, false, false));
            ss.add(p.months(), bt(sp.yi(), tr));
            lo = Math.min(lo, bt(sp.yi(), tr));
            hi = Math.max(hi, bt(sp.yi(), tr));
          }
        }
      }
      pooled.addSeries(ps);
      pis.addSeries(pi);
      points.add(s.points());
    }
    byStudy.values().forEach(studies::addSeries);
    double nul = exp ? 1 : 0;
    if (noEffectLine) {
      lo = Math.min(lo, nul);
      hi = Math.max(hi, nul);
    }

    NumberAxis x = new NumberAxis(xLabel);
    x.setLabelFont(plain);
    x.setTickLabelFont(plain);
    double xMin = kAt.isEmpty() ? 0 : kAt.firstKey();
    double xMax = kAt.isEmpty() ? 1 : kAt.lastKey();
    double xPad = Math.max(0.5, (xMax - xMin) * 0.06);
    x.setRange(Math.min(0, xMin) - xPad, xMax + xPad);
    ValueAxis y;
    double kY;
    if (exp) {
      LogAxis la = new LogAxis(yLabel);
      la.setSmallestValue(1e-6);
      double l = Math.log(lo);
      double h = Math.log(hi);
      double span = Math.max(h - l, 1e-3);
      la.setRange(Math.exp(l - span * 0.16), Math.exp(h + span * 0.05));
      kY = Math.exp(l - span * 0.10);
      y = la;
    } else {
      NumberAxis na = new NumberAxis(yLabel);
      na.setAutoRangeIncludesZero(false);
      double span = Math.max(hi - lo, 1e-9);
      na.setRange(lo - span * 0.16, hi + span * 0.05);
      kY = lo - span * 0.10;
      y = na;
    }
    y.setLabelFont(plain);
    y.setTickLabelFont(plain);

    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xE5, 0xE5, 0xE5));
    plot.setRangeGridlinePaint(new Color(0xE5, 0xE5, 0xE5));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    if (noEffectLine) {
      plot.addRangeMarker(
          new ValueMarker(
              nul,
              Color.GRAY,
              new BasicStroke(
                  0.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {3, 2}, 0)));
    }

    XYLineAndShapeRenderer sr = new XYLineAndShapeRenderer(true, true);
    sr.setDefaultSeriesVisibleInLegend(false);
    sr.setAutoPopulateSeriesPaint(false);
    sr.setAutoPopulateSeriesStroke(false);
    sr.setAutoPopulateSeriesShape(false);
    sr.setDefaultPaint(new Color(0x88, 0x88, 0x88, 0x70));
    sr.setDefaultStroke(new BasicStroke(0.5f));
    sr.setDefaultShape(new Ellipse2D.Double(-1.5, -1.5, 3, 3));
    sr.setDefaultToolTipGenerator((XYDataset d, int s, int i) -> studyTip(r, d, s, i, exp));
    plot.setDataset(STUDIES, studies);
    plot.setRenderer(STUDIES, sr);

    DeviationRenderer pr = new DeviationRenderer(true, false);
    pr.setDefaultSeriesVisibleInLegend(false);
    pr.setAlpha(0.10f);
    plot.setDataset(PREDICTION, pis);
    plot.setRenderer(PREDICTION, pr);

    XYLineAndShapeRenderer main;
    if (o.band()) {
      DeviationRenderer dr = new DeviationRenderer(true, true);
      dr.setAlpha(0.22f);
      main = dr;
    } else {
      XYErrorRenderer er = new XYErrorRenderer();
      er.setDrawXError(false);
      er.setDefaultLinesVisible(true);
      er.setCapLength(fs * 0.6);
      main = er;
    }
    for (int si = 0; si < r.series().size(); si++) {
      Color c = FollowUpChartRenderer.PALETTE[(si + (r.series().size() > 1 ? 1 : 1)) % 8];
      main.setSeriesPaint(si, c);
      main.setSeriesFillPaint(si, c);
      main.setSeriesStroke(si, new BasicStroke(1.4f));
      main.setSeriesShape(si, diamond(fs * 0.45));
      pr.setSeriesPaint(si, c);
      pr.setSeriesFillPaint(si, c);
      pr.setSeriesStroke(si, new BasicStroke(0f));
      if (o.band()) {
        ((DeviationRenderer) main).setSeriesFillPaint(si, c);
      } else {
        ((XYErrorRenderer) main).setErrorPaint(null);
      }
    }
    main.setDefaultToolTipGenerator((XYDataset d, int s, int i) -> pooledTip(r, s, i, exp));
    main.setLegendTextFont(0, plain);
    plot.setDataset(POOLED, pooled);
    plot.setRenderer(POOLED, main);

    for (var e : kAt.entrySet()) {
      XYTextAnnotation a =
          new XYTextAnnotation("k = " + String.join(" / ", e.getValue()), e.getKey(), kY);
      a.setFont(small);
      a.setPaint(new Color(0x44, 0x44, 0x44));
      a.setTextAnchor(TextAnchor.CENTER);
      plot.addAnnotation(a);
    }

    // fixed, so that a hidden series keeps its legend entry and a click can show it again
    plot.setFixedLegendItems(plot.getLegendItems());
    JFreeChart chart = new JFreeChart(null, plain, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(plain);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    return new ChartFigure(chart, text.toString(), 0.62);
  }

  /** The shown value: back-transformed when the analysis scale is not the display scale. */
  private static double bt(double v, BackTransform tr) {
    return tr.apply(v);
  }

  private static java.awt.Shape diamond(double h) {
    java.awt.geom.Path2D.Double d = new java.awt.geom.Path2D.Double();
    d.moveTo(-h, 0);
    d.lineTo(0, -h);
    d.lineTo(h, 0);
    d.lineTo(0, h);
    d.closePath();
    return d;
  }

  /** "T1DM, 12 months: MD −1.05 [−1.40, −0.70], PI [−1.9, −0.2]; k = 4; τ² = 0.031". */
  static String pooledTip(OverTimeAnalysis.Result r, int series, int item, boolean exp) {
    BackTransform tr = r.backTransform();
    OverTimeAnalysis.Point p = r.series().get(series).points().get(item);
    String pi =
        Double.isFinite(p.piLb())
            ? Localization.lang("overtime.tip.pi", f(bt(p.piLb(), tr)), f(bt(p.piUb(), tr)))
            : "";
    return Localization.lang(
        "overtime.tip.pooled",
        r.series().get(series).label(),
        p.label(),
        r.measure(),
        f(bt(p.estimate(), tr)),
        f(bt(p.ciLb(), tr)),
        f(bt(p.ciUb(), tr)),
        pi,
        p.k(),
        f(p.tau2()));
  }

  static String studyTip(
      OverTimeAnalysis.Result r, XYDataset d, int series, int item, boolean exp) {
    BackTransform tr = r.backTransform();
    String key = d.getSeriesKey(series).toString();
    double months = d.getXValue(series, item);
    for (OverTimeAnalysis.Series s : r.series()) {
      for (OverTimeAnalysis.Point p : s.points()) {
        if (p.months() != months) {
          continue;
        }
        for (OverTimeAnalysis.StudyPoint sp : p.studies()) {
          if ((sp.study() + " · " + s.label()).equals(key)) {
            double half = EffectSize.Z975 * Math.sqrt(sp.vi());
            return Localization.lang(
                "overtime.tip.study",
                sp.study(),
                p.label(),
                r.measure(),
                f(bt(sp.yi(), tr)),
                f(bt(sp.yi() - half, tr)),
                f(bt(sp.yi() + half, tr)));
          }
        }
      }
    }
    return key;
  }

  private static String f(double v) {
    return String.format(java.util.Locale.ROOT, "%.3f", v).replace("-", "−");
  }
}
