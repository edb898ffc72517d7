package org.ewb.logic.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.figure.DisplayList.Align;
import org.ewb.logic.figure.FunnelLayout.Mark;
import org.ewb.logic.figure.FunnelPlotModel.Point;

/**
 * Draws a funnel plot: effect (x, log scale for ratio measures) against standard error (y, 0 at the
 * top), the pooled estimate with pseudo 95% limits {@code pooled ± 1.96 se}, optional significance
 * contours around the null value at z = 1.645, 1.96 and 2.576 (p = 0.10, 0.05, 0.01), Egger's line,
 * and trim-and-fill studies as open circles.
 */
public final class FunnelPlotRenderer implements Figure {

  static final double FONT = 8;
  static final Color[] CONTOUR = {
    new Color(0xBD, 0xBD, 0xBD),
    new Color(0xD9, 0xD9, 0xD9),
    new Color(0xF0, 0xF0, 0xF0),
    Color.WHITE
  };
  static final Color EGGER = new Color(0xB2, 0x22, 0x22);

  private final FunnelPlotModel model;
  private final String family;

  public FunnelPlotRenderer(FunnelPlotModel model) {
    this.model = model;
    this.family = FigureFonts.familyFor(model.allText());
  }

  public static void draw(Graphics2D g, FunnelPlotModel m, double widthPt, double heightPt) {
    new FunnelPlotRenderer(m).draw(g, widthPt, heightPt);
  }

  @Override
  public String allText() {
    return model.allText();
  }

  @Override
  public double preferredHeightPt(double widthPt) {
    return Math.min(widthPt * 0.8, 500);
  }

  @Override
  public void draw(Graphics2D g, double widthPt, double heightPt) {
    layout(widthPt, heightPt).display().paint(g, widthPt, heightPt);
  }

  public FunnelLayout layout(double width, double height) {
    DisplayList dl = new DisplayList(family);
    double f = FONT;
    Font plain = dl.font(f, false);
    double margin = f;

    // ---- ranges
    double seMaxData = 0;
    double lo = model.pooled();
    double hi = model.pooled();
    List<Point> all = new ArrayList<>(model.studies());
    all.addAll(model.filled());
    for (Point p : all) {
      seMaxData = Math.max(seMaxData, p.sei());
      lo = Math.min(lo, p.yi());
      hi = Math.max(hi, p.yi());
    }
    Axis.Ticks yt = Axis.range(0, seMaxData > 0 ? seMaxData : 1, 4);
    double seMax = yt.max();
    lo = Math.min(lo, model.pooled() - 1.96 * seMax);
    hi = Math.max(hi, model.pooled() + 1.96 * seMax);
    if (model.contours()) {
      lo = Math.min(lo, model.nullValue() - 1.0 * seMax);
      hi = Math.max(hi, model.nullValue() + 1.0 * seMax);
    }
    Axis.Ticks xt = model.logScale() ? Axis.logRange(lo, hi) : Axis.range(lo, hi, 6);

    // ---- legend entries (what is shown)
    double sw = f * 1.6;

    // ---- plot rectangle
    double yLabelW = 0;
    for (double t : yt.values()) {
      yLabelW = Math.max(yLabelW, DisplayList.width(Axis.label(t), plain));
    }
    double plotLeft = margin + f * 1.4 + yLabelW + f * 0.6;
    double plotRight = width - margin;
    double plotTop = margin;
    // legend rows under the x axis title: measured after we know the items
    List<LegendItem> items = legendItems();
    List<List<LegendItem>> rows = flow(items, plain, plotRight - plotLeft, sw, f);
    double legendHeight = rows.size() * f * 1.5;
    double plotBottom =
        height
            - margin
            - f * 1.3
            - f * 1.6
            - f * 0.4
            - legendHeight
            - (rows.isEmpty() ? 0 : f * 0.6);
    double xMin = xt.min();
    double xMax = xt.max();
    java.util.function.DoubleUnaryOperator px =
        v -> plotLeft + (v - xMin) / (xMax - xMin) * (plotRight - plotLeft);
    java.util.function.DoubleUnaryOperator py = s -> plotTop + s / seMax * (plotBottom - plotTop);
    Rectangle2D plot =
        new Rectangle2D.Double(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);

    // ---- contours (outermost colour first, then the funnels inside it)
    if (model.contours()) {
      dl.fill(plot, CONTOUR[0]);
      double[] z = {2.5758293035489, 1.959963984540054, 1.6448536269514722};
      for (int i = 0; i < z.length; i++) {
        dl.fill(clip(funnel(px, py, model.nullValue(), z[i], seMax), plot), CONTOUR[i + 1]);
      }
    }
    // ---- pseudo 95% limits and pooled estimate
    double pooledX = px.applyAsDouble(model.pooled());
    dl.line(pooledX, plotTop, pooledX, plotBottom, Color.BLACK, 0.6);
    Path2D.Double limits = new Path2D.Double();
    limits.moveTo(px.applyAsDouble(model.pooled() - 1.96 * seMax), plotBottom);
    limits.lineTo(pooledX, plotTop);
    limits.lineTo(px.applyAsDouble(model.pooled() + 1.96 * seMax), plotBottom);
    dl.dashed(clip(limits, plot), Color.BLACK, 0.6, 3, 2);
    // ---- Egger line x = intercept + slope * se
    if (model.hasEgger()) {
      Line2D.Double eg =
          new Line2D.Double(
              px.applyAsDouble(model.eggerIntercept()),
              plotTop,
              px.applyAsDouble(model.eggerIntercept() + model.eggerSlope() * seMax),
              plotBottom);
      dl.dashed(clip(eg, plot), EGGER, 0.9, 5, 2);
    }
    // ---- points
    double r = f * 0.33;
    List<Mark> marks = new ArrayList<>();
    for (Point p : model.studies()) {
      double cx = px.applyAsDouble(p.yi());
      double cy = py.applyAsDouble(p.sei());
      dl.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), Color.BLACK);
      marks.add(new Mark(p.label(), cx, cy, false));
    }
    for (Point p : model.filled()) {
      double cx = px.applyAsDouble(p.yi());
      double cy = py.applyAsDouble(p.sei());
      dl.fillAndStroke(
          new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), Color.WHITE, Color.BLACK, 0.7);
      marks.add(new Mark(p.label(), cx, cy, true));
    }
    dl.stroke(plot, Color.BLACK, 0.6);

    // ---- axes
    double tick = f * 0.4;
    for (double t : xt.values()) {
      double x = px.applyAsDouble(t);
      dl.line(x, plotBottom, x, plotBottom + tick, Color.BLACK, 0.6);
      dl.text(
          Axis.label(model.logScale() ? Math.exp(t) : t),
          x,
          plotBottom + tick + f * 1.0,
          Align.CENTER,
          plain);
    }
    for (double t : yt.values()) {
      double y = py.applyAsDouble(t);
      dl.line(plotLeft - tick, y, plotLeft, y, Color.BLACK, 0.6);
      dl.text(Axis.label(t), plotLeft - tick - f * 0.2, y + f * 0.35, Align.RIGHT, plain);
    }
    double xTitleY = plotBottom + tick + f * 1.0 + f * 1.5;
    dl.text(model.xLabel(), (plotLeft + plotRight) / 2, xTitleY, Align.CENTER, plain);
    dl.verticalText(model.yLabel(), margin + f * 0.8, (plotTop + plotBottom) / 2, plain);

    // ---- legend
    double ly = xTitleY + f * 0.6;
    for (List<LegendItem> row : rows) {
      double x = plotLeft;
      double cy = ly + f * 0.75;
      for (LegendItem it : row) {
        it.swatch().draw(dl, x, cy, sw, f);
        dl.text(it.text(), x + sw + f * 0.4, cy + f * 0.35, Align.LEFT, plain);
        x += sw + f * 0.4 + DisplayList.width(it.text(), plain) + f * 1.2;
      }
      ly += f * 1.5;
    }
    return new FunnelLayout(
        width, height, plotLeft, plotRight, plotTop, plotBottom, xMin, xMax, seMax, marks, dl);
  }

  private interface Swatch {
    void draw(DisplayList dl, double x, double cy, double w, double f);
  }

  private record LegendItem(String text, Swatch swatch) {}

  private List<LegendItem> legendItems() {
    List<String> t = model.legend();
    List<LegendItem> items = new ArrayList<>();
    items.add(
        new LegendItem(
            t.get(0),
            (dl, x, cy, w, f) ->
                dl.fill(
                    new Ellipse2D.Double(x + w / 2 - f * 0.33, cy - f * 0.33, f * 0.66, f * 0.66),
                    Color.BLACK)));
    if (!model.filled().isEmpty()) {
      items.add(
          new LegendItem(
              t.get(1),
              (dl, x, cy, w, f) ->
                  dl.fillAndStroke(
                      new Ellipse2D.Double(x + w / 2 - f * 0.33, cy - f * 0.33, f * 0.66, f * 0.66),
                      Color.WHITE,
                      Color.BLACK,
                      0.7)));
    }
    items.add(
        new LegendItem(
            t.get(2),
            (dl, x, cy, w, f) ->
                dl.dashed(new Line2D.Double(x, cy, x + w, cy), Color.BLACK, 0.6, 3, 2)));
    if (model.hasEgger()) {
      items.add(
          new LegendItem(
              t.get(3),
              (dl, x, cy, w, f) ->
                  dl.dashed(new Line2D.Double(x, cy, x + w, cy), EGGER, 0.9, 5, 2)));
    }
    if (model.contours()) {
      for (int i = 0; i < 4; i++) {
        Color c = CONTOUR[i];
        items.add(
            new LegendItem(
                t.get(4 + i),
                (dl, x, cy, w, f) ->
                    dl.fillAndStroke(
                        new Rectangle2D.Double(x, cy - f * 0.45, w, f * 0.9), c, Color.GRAY, 0.4)));
      }
    }
    return items;
  }

  private static List<List<LegendItem>> flow(
      List<LegendItem> items, Font font, double width, double sw, double f) {
    List<List<LegendItem>> rows = new ArrayList<>();
    List<LegendItem> row = new ArrayList<>();
    double x = 0;
    for (LegendItem it : items) {
      double w = sw + f * 0.4 + DisplayList.width(it.text(), font) + f * 1.2;
      if (!row.isEmpty() && x + w > width) {
        rows.add(row);
        row = new ArrayList<>();
        x = 0;
      }
      row.add(it);
      x += w;
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return rows;
  }

  /** The triangle |x - centre| &lt;= z se for 0 &lt;= se &lt;= seMax. */
  private static Shape funnel(
      java.util.function.DoubleUnaryOperator px,
      java.util.function.DoubleUnaryOperator py,
      double centre,
      double z,
      double seMax) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(px.applyAsDouble(centre), py.applyAsDouble(0));
    p.lineTo(px.applyAsDouble(centre + z * seMax), py.applyAsDouble(seMax));
    p.lineTo(px.applyAsDouble(centre - z * seMax), py.applyAsDouble(seMax));
    p.closePath();
    return p;
  }

  /** The part of {@code s} inside {@code r} (an Area for fills; paths are clipped the same way). */
  private static Shape clip(Shape s, Rectangle2D r) {
    if (s instanceof Path2D.Double path && !isClosed(path)) {
      return clipPolyline(path, r);
    }
    if (s instanceof Line2D.Double line) {
      Path2D.Double p = new Path2D.Double();
      p.moveTo(line.x1, line.y1);
      p.lineTo(line.x2, line.y2);
      return clipPolyline(p, r);
    }
    java.awt.geom.Area a = new java.awt.geom.Area(s);
    a.intersect(new java.awt.geom.Area(r));
    return a;
  }

  private static boolean isClosed(Path2D.Double p) {
    java.awt.geom.PathIterator it = p.getPathIterator(null);
    double[] c = new double[6];
    while (!it.isDone()) {
      if (it.currentSegment(c) == java.awt.geom.PathIterator.SEG_CLOSE) {
        return true;
      }
      it.next();
    }
    return false;
  }

  /** Clips each straight segment of an open path to the rectangle (Liang-Barsky). */
  private static Shape clipPolyline(Path2D.Double p, Rectangle2D r) {
    List<double[]> pts = new ArrayList<>();
    java.awt.geom.PathIterator it = p.getPathIterator(null);
    double[] c = new double[6];
    while (!it.isDone()) {
      it.currentSegment(c);
      pts.add(new double[] {c[0], c[1]});
      it.next();
    }
    Path2D.Double out = new Path2D.Double();
    for (int i = 0; i + 1 < pts.size(); i++) {
      double[] a = pts.get(i);
      double[] b = pts.get(i + 1);
      double t0 = 0;
      double t1 = 1;
      double dx = b[0] - a[0];
      double dy = b[1] - a[1];
      double[] pp = {-dx, dx, -dy, dy};
      double[] qq = {
        a[0] - r.getMinX(), r.getMaxX() - a[0], a[1] - r.getMinY(), r.getMaxY() - a[1]
      };
      boolean visible = true;
      for (int k = 0; k < 4; k++) {
        if (Math.abs(pp[k]) < 1e-12) {
          if (qq[k] < 0) {
            visible = false;
          }
        } else {
          double t = qq[k] / pp[k];
          if (pp[k] < 0) {
            t0 = Math.max(t0, t);
          } else {
            t1 = Math.min(t1, t);
          }
        }
      }
      if (visible && t0 <= t1) {
        out.moveTo(a[0] + t0 * dx, a[1] + t0 * dy);
        out.lineTo(a[0] + t1 * dx, a[1] + t1 * dy);
      }
    }
    return out;
  }
}
