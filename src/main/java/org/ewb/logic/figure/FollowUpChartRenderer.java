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
import java.util.TreeSet;
import org.ewb.logic.figure.DisplayList.Align;
import org.ewb.logic.figure.FollowUpChartModel.ArmStyle;
import org.ewb.logic.figure.FollowUpChartModel.Point;
import org.ewb.logic.figure.FollowUpChartModel.PooledPoint;
import org.ewb.logic.figure.FollowUpChartModel.Series;
import org.ewb.logic.figure.FollowUpLayout.Mark;

/**
 * Draws an outcome over follow-up: x = months (ticks at the time points), y = value, one line per
 * study x arm with error bars; series at the same time point are dodged sideways a little so their
 * bars do not hide each other. Studies get colours from the Okabe-Ito palette (safe for colour
 * vision deficiency); arms get line styles and markers. An optional lower panel shows the pooled
 * effect per time point with its confidence band.
 */
public final class FollowUpChartRenderer implements Figure {

  static final double FONT = 8;

  /** Okabe & Ito (2008) colour-blind-safe palette, black first. */
  static final Color[] PALETTE = {
    new Color(0x00, 0x00, 0x00), new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
    new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00),
    new Color(0x56, 0xB4, 0xE9), new Color(0xF0, 0xE4, 0x42)
  };

  private final FollowUpChartModel model;
  private final String family;

  public FollowUpChartRenderer(FollowUpChartModel model) {
    this.model = model;
    this.family = FigureFonts.familyFor(model.allText());
  }

  public static void draw(Graphics2D g, FollowUpChartModel m, double widthPt, double heightPt) {
    new FollowUpChartRenderer(m).draw(g, widthPt, heightPt);
  }

  @Override
  public String allText() {
    return model.allText();
  }

  @Override
  public double preferredHeightPt(double widthPt) {
    double h = Math.min(widthPt * 0.62, 420);
    return model.pooled().isEmpty() ? h : h * 1.45;
  }

  @Override
  public void draw(Graphics2D g, double widthPt, double heightPt) {
    layout(widthPt, heightPt).display().paint(g, widthPt, heightPt);
  }

  public FollowUpLayout layout(double width, double height) {
    DisplayList dl = new DisplayList(family);
    double f = FONT;
    Font plain = dl.font(f, false);
    double margin = f;

    // ---- ranges
    TreeSet<Double> months = new TreeSet<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : model.series()) {
      for (Point p : s.points()) {
        months.add(p.months());
        for (double v : new double[] {p.value(), p.low(), p.high()}) {
          if (Double.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
    }
    model.pooled().forEach(p -> months.add(p.months()));
    if (months.isEmpty()) {
      months.add(0.0);
    }
    if (!Double.isFinite(lo)) {
      lo = 0;
      hi = 1;
    }
    // a little room so that no point sits on the frame
    double pad = (hi - lo) * 0.04;
    Axis.Ticks yt =
        model.percentScale() ? Axis.range(0, 100, 5) : Axis.range(lo - pad, hi + pad, 5);
    double xMin = Math.min(0, months.first());
    double xMax = months.last() > xMin ? months.last() : xMin + 1;
    double xPad = (xMax - xMin) * 0.04;

    // ---- legend (right of the plot when wide enough, else below)
    double sw = f * 2.4;
    double legendW = 0;
    for (Series s : model.series()) {
      legendW = Math.max(legendW, sw + f * 0.5 + DisplayList.width(s.label(), plain));
    }
    legendW = Math.max(legendW, DisplayList.width(model.errorNote(), plain));
    boolean legendRight = legendW < width * 0.34;
    double yLabelW = 0;
    for (double t : yt.values()) {
      yLabelW = Math.max(yLabelW, DisplayList.width(Axis.label(t), plain));
    }
    double plotLeft = margin + f * 1.4 + yLabelW + f * 0.6;
    double plotRight = legendRight ? width - margin - legendW - f * 1.5 : width - margin;
    double legendRows = legendRight ? 0 : model.series().size() + 1;
    double bottomBlock = f * 1.4 + f * 1.6 + (legendRight ? 0 : legendRows * f * 1.4 + f * 0.5);
    boolean pooledPanel = !model.pooled().isEmpty();
    double avail = height - 2 * margin - bottomBlock;
    double plotTop = margin;
    double plotBottom = pooledPanel ? plotTop + avail * 0.66 - f * 2.5 : plotTop + avail;
    double ptop = plotBottom + f * 3.2;
    double pbottom = plotTop + avail;
    double x0 = xMin - xPad;
    double x1 = xMax + xPad;
    java.util.function.DoubleUnaryOperator px =
        v -> plotLeft + (v - x0) / (x1 - x0) * (plotRight - plotLeft);
    double yMin = yt.min();
    double yMax = yt.max();
    double pb = plotBottom;
    java.util.function.DoubleUnaryOperator py =
        v -> pb - (v - yMin) / (yMax - yMin) * (pb - plotTop);

    // ---- grid and axes
    Rectangle2D plot =
        new Rectangle2D.Double(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
    for (double t : yt.values()) {
      double y = py.applyAsDouble(t);
      dl.line(plotLeft, y, plotRight, y, new Color(0xE5, 0xE5, 0xE5), 0.5);
      dl.line(plotLeft - f * 0.4, y, plotLeft, y, Color.BLACK, 0.6);
      dl.text(Axis.label(t), plotLeft - f * 0.6, y + f * 0.35, Align.RIGHT, plain);
    }
    drawXAxis(dl, months, px, plotBottom, plain, f, !pooledPanel);
    dl.line(plotLeft, plotTop, plotLeft, plotBottom, Color.BLACK, 0.6);
    dl.line(plotLeft, plotBottom, plotRight, plotBottom, Color.BLACK, 0.6);
    dl.verticalText(model.yLabel(), margin + f * 0.8, (plotTop + plotBottom) / 2, plain);

    // ---- series, dodged
    int n = model.series().size();
    double dodge = Math.min(f * 0.6, (plotRight - plotLeft) / Math.max(1, months.size()) / (n + 2));
    List<Mark> marks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Series s = model.series().get(i);
      Color c = PALETTE[Math.floorMod(s.study(), PALETTE.length)];
      double off = (i - (n - 1) / 2.0) * dodge;
      List<Point> pts = new ArrayList<>(s.points());
      pts.sort((a, b) -> Double.compare(a.months(), b.months()));
      Path2D.Double line = new Path2D.Double();
      boolean started = false;
      for (Point p : pts) {
        if (!Double.isFinite(p.value())) {
          continue;
        }
        double x = px.applyAsDouble(p.months()) + off;
        double y = py.applyAsDouble(p.value());
        if (started) {
          line.lineTo(x, y);
        } else {
          line.moveTo(x, y);
          started = true;
        }
      }
      lineStroke(dl, line, s.style(), c);
      for (Point p : pts) {
        if (!Double.isFinite(p.value())) {
          continue;
        }
        double x = px.applyAsDouble(p.months()) + off;
        double y = py.applyAsDouble(p.value());
        double top = Double.NaN;
        double bottom = Double.NaN;
        if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
          top = py.applyAsDouble(p.high());
          bottom = py.applyAsDouble(p.low());
          dl.line(x, top, x, bottom, c, 0.7);
          dl.line(x - f * 0.3, top, x + f * 0.3, top, c, 0.7);
          dl.line(x - f * 0.3, bottom, x + f * 0.3, bottom, c, 0.7);
        }
        marker(dl, s.style(), x, y, f * 0.36, c);
        marks.add(new Mark(i, x, y, top, bottom));
      }
    }
    dl.text(
        model.xLabel(),
        (plotLeft + plotRight) / 2,
        (pooledPanel ? pbottom : plotBottom) + f * 1.4 + f * 1.5,
        Align.CENTER,
        plain);

    // ---- pooled panel
    if (pooledPanel) {
      drawPooled(dl, months, px, plotLeft, plotRight, ptop, pbottom, plain, f);
    }

    // ---- legend
    double lx = legendRight ? plotRight + f * 1.5 : plotLeft;
    double ly =
        legendRight
            ? plotTop + f * 0.5
            : (pooledPanel ? pbottom : plotBottom) + f * 1.4 + f * 1.6 + f * 0.8;
    for (Series s : model.series()) {
      Color c = PALETTE[Math.floorMod(s.study(), PALETTE.length)];
      double cy = ly + f * 0.7;
      lineStroke(dl, new Line2D.Double(lx, cy, lx + sw, cy), s.style(), c);
      marker(dl, s.style(), lx + sw / 2, cy, f * 0.36, c);
      dl.text(s.label(), lx + sw + f * 0.5, cy + f * 0.35, Align.LEFT, plain);
      ly += f * 1.4;
    }
    dl.text(model.errorNote(), lx, ly + f * 1.05, Align.LEFT, plain, new Color(0x44, 0x44, 0x44));
    return new FollowUpLayout(
        plotLeft, plotRight, plotTop, plotBottom, x0, x1, yMin, yMax, marks, dl);
  }

  private void drawPooled(
      DisplayList dl,
      TreeSet<Double> months,
      java.util.function.DoubleUnaryOperator px,
      double left,
      double right,
      double top,
      double bottom,
      Font plain,
      double f) {
    double lo = model.pooledNull();
    double hi = model.pooledNull();
    for (PooledPoint p : model.pooled()) {
      lo = Math.min(lo, p.lower());
      hi = Math.max(hi, p.upper());
    }
    Axis.Ticks t = Axis.range(lo, hi, 4);
    java.util.function.DoubleUnaryOperator py =
        v -> bottom - (v - t.min()) / (t.max() - t.min()) * (bottom - top);
    List<PooledPoint> pts = new ArrayList<>(model.pooled());
    pts.sort((a, b) -> Double.compare(a.months(), b.months()));
    Path2D.Double band = new Path2D.Double();
    for (int i = 0; i < pts.size(); i++) {
      double x = px.applyAsDouble(pts.get(i).months());
      if (i == 0) {
        band.moveTo(x, py.applyAsDouble(pts.get(i).upper()));
      } else {
        band.lineTo(x, py.applyAsDouble(pts.get(i).upper()));
      }
    }
    for (int i = pts.size() - 1; i >= 0; i--) {
      band.lineTo(px.applyAsDouble(pts.get(i).months()), py.applyAsDouble(pts.get(i).lower()));
    }
    band.closePath();
    dl.fill(band, new Color(0x00, 0x72, 0xB2, 0x40));
    double nullY = py.applyAsDouble(model.pooledNull());
    dl.dashed(new Line2D.Double(left, nullY, right, nullY), Color.GRAY, 0.6, 3, 2);
    Path2D.Double line = new Path2D.Double();
    for (int i = 0; i < pts.size(); i++) {
      double x = px.applyAsDouble(pts.get(i).months());
      double y = py.applyAsDouble(pts.get(i).estimate());
      if (i == 0) {
        line.moveTo(x, y);
      } else {
        line.lineTo(x, y);
      }
      Path2D.Double d = new Path2D.Double();
      double h = f * 0.4;
      d.moveTo(x - h, y);
      d.lineTo(x, y - h);
      d.lineTo(x + h, y);
      d.lineTo(x, y + h);
      d.closePath();
      dl.fill(d, Color.BLACK);
    }
    dl.stroke(line, Color.BLACK, 0.8);
    for (double v : t.values()) {
      double y = py.applyAsDouble(v);
      dl.line(left - f * 0.4, y, left, y, Color.BLACK, 0.6);
      dl.text(Axis.label(v), left - f * 0.6, y + f * 0.35, Align.RIGHT, plain);
    }
    dl.line(left, top, left, bottom, Color.BLACK, 0.6);
    dl.line(left, bottom, right, bottom, Color.BLACK, 0.6);
    drawXAxis(dl, months, px, bottom, plain, f, true);
    dl.verticalText(model.pooledLabel(), f * 1.8, (top + bottom) / 2, plain);
  }

  private static void drawXAxis(
      DisplayList dl,
      TreeSet<Double> months,
      java.util.function.DoubleUnaryOperator px,
      double y,
      Font plain,
      double f,
      boolean labels) {
    double lastLabelRight = Double.NEGATIVE_INFINITY;
    for (double m : months) {
      double x = px.applyAsDouble(m);
      dl.line(x, y, x, y + f * 0.4, Color.BLACK, 0.6);
      String s = Axis.label(m);
      double w = DisplayList.width(s, plain);
      // skip a label that would overlap its left neighbour (dense early time points)
      if (labels && x - w / 2 > lastLabelRight + f * 0.3) {
        dl.text(s, x, y + f * 0.4 + f * 1.0, Align.CENTER, plain);
        lastLabelRight = x + w / 2;
      }
    }
  }

  private static void lineStroke(DisplayList dl, Shape s, ArmStyle style, Color c) {
    switch (style) {
      case EXPERIMENTAL -> dl.stroke(s, c, 1.1);
      case CONTROL -> dl.dashed(s, c, 1.1, 4, 2.5);
      case OTHER -> dl.dashed(s, c, 1.1, 1.2, 1.8);
    }
  }

  private static void marker(
      DisplayList dl, ArmStyle style, double x, double y, double r, Color c) {
    switch (style) {
      case EXPERIMENTAL -> dl.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r), c);
      case CONTROL ->
          dl.fillAndStroke(new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r), Color.WHITE, c, 0.9);
      case OTHER -> {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(x, y - r * 1.15);
        t.lineTo(x + r * 1.1, y + r * 0.8);
        t.lineTo(x - r * 1.1, y + r * 0.8);
        t.closePath();
        dl.fillAndStroke(t, Color.WHITE, c, 0.9);
      }
    }
  }
}
