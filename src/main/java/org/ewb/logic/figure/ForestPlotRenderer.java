package org.ewb.logic.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ewb.logic.figure.DisplayList.Align;
import org.ewb.logic.figure.ForestLayout.DiamondMark;
import org.ewb.logic.figure.ForestLayout.IntervalMark;
import org.ewb.logic.figure.ForestLayout.StudyMark;
import org.ewb.logic.figure.ForestPlotModel.Column;
import org.ewb.logic.figure.ForestPlotModel.Group;
import org.ewb.logic.figure.ForestPlotModel.StudyRow;
import org.ewb.logic.figure.ForestPlotModel.Summary;

/**
 * Draws a forest plot in the layout reviewers publish (RevMan): study | per-arm data | extra
 * columns | weight | effect [95% CI] | graph, squares with area proportional to weight, CI lines
 * with arrows where the axis clips them, the line of no effect, pooled diamonds, the prediction
 * interval, heterogeneity and test lines, and "favours" labels under the axis.
 *
 * <p>The font size is the largest of 8 pt down to 5 pt that fits the width (and the height, when
 * given); study labels that still do not fit are cut with an ellipsis, footnotes are wrapped.
 */
public final class ForestPlotRenderer implements Figure {

  static final double MAX_FONT = 8;
  static final double MIN_FONT = 5;
  static final Color SQUARE = new Color(0x2B, 0x4C, 0x7E);
  static final Color DIAMOND = Color.BLACK;
  static final Color PI = new Color(0x8B, 0x1A, 0x1A);
  static final Color GREY = new Color(0x55, 0x55, 0x55);

  private final ForestPlotModel model;
  private final String family;

  public ForestPlotRenderer(ForestPlotModel model) {
    this.model = model;
    this.family = FigureFonts.familyFor(model.allText());
  }

  /** Convenience for the one-call drawing routine. */
  public static void draw(Graphics2D g, ForestPlotModel m, double widthPt, double heightPt) {
    new ForestPlotRenderer(m).draw(g, widthPt, heightPt);
  }

  @Override
  public String allText() {
    return model.allText();
  }

  @Override
  public double preferredHeightPt(double widthPt) {
    return layout(widthPt, 0).height();
  }

  @Override
  public void draw(Graphics2D g, double widthPt, double heightPt) {
    layout(widthPt, heightPt).display().paint(g, widthPt, heightPt);
  }

  /**
   * Lays the plot out for a width and (if {@code heightPt > 0}) a height it must fit; the layout's
   * {@code height} is what it uses.
   */
  public ForestLayout layout(double widthPt, double heightPt) {
    ForestLayout best = null;
    for (double f = MAX_FONT; f >= MIN_FONT - 1e-9; f -= 0.25) {
      ForestLayout l = build(widthPt, f);
      best = l;
      boolean heightOk = heightPt <= 0 || l.height() <= heightPt + 1e-6;
      if (!l.labelsTruncated() && heightOk) {
        return l;
      }
      if (l.labelsTruncated() && heightOk && f <= 6.5) {
        // below 6.5 pt, keep the font and cut labels instead of shrinking further
        return l;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------------------------------------

  private ForestLayout build(double width, double f) {
    DisplayList dl = new DisplayList(family);
    Font plain = dl.font(f, false);
    Font bold = dl.font(f, true);
    double rowH = f * 1.45;
    double gap = f * 0.9;
    double margin = f * 0.6;
    List<Column> cols = model.columns();
    int nc = cols.size();

    // ---- natural column widths
    double labelW = DisplayList.width(model.studyHeader(), bold);
    double[] colW = new double[nc];
    // a long header of a column without group header (a characteristic) may take two lines
    String[][] head = new String[nc][];
    for (int c = 0; c < nc; c++) {
      head[c] = new String[] {"", cols.get(c).header()};
    }
    double effW =
        Math.max(
            DisplayList.width(model.effectHeader(), bold),
            DisplayList.width(model.ciHeader(), bold));
    double weightW =
        Math.max(DisplayList.width(model.weightHeader(), bold), DisplayList.width("100.0%", bold));
    List<Summary> allSummaries = new ArrayList<>(model.overall());
    for (Group g : model.groups()) {
      for (StudyRow r : g.studies()) {
        labelW = Math.max(labelW, DisplayList.width(r.label(), plain));
        for (int c = 0; c < nc; c++) {
          colW[c] = Math.max(colW[c], DisplayList.width(r.cells().get(c), plain));
        }
        effW =
            Math.max(
                effW, DisplayList.width(effectText(r.estimate(), r.lower(), r.upper()), plain));
      }
      if (g.summary() != null) {
        allSummaries.add(g.summary());
      }
    }
    for (int c = 0; c < nc; c++) {
      String h = cols.get(c).header();
      double hw = DisplayList.width(h, bold);
      int sp = splitPoint(h);
      if (cols.get(c).group().isEmpty() && hw > colW[c] * 1.2 && sp > 0) {
        head[c] = new String[] {h.substring(0, sp).strip(), h.substring(sp).strip()};
        hw = Math.max(DisplayList.width(head[c][0], bold), DisplayList.width(head[c][1], bold));
      }
      colW[c] = Math.max(colW[c], hw);
    }
    double minLabel = labelW;
    for (Summary s : allSummaries) {
      labelW = Math.max(labelW, DisplayList.width(s.label(), bold));
      minLabel = Math.max(minLabel, 0);
      for (int c = 0; c < nc && c < s.cells().size(); c++) {
        colW[c] = Math.max(colW[c], DisplayList.width(s.cells().get(c), bold));
      }
      effW =
          Math.max(effW, DisplayList.width(effectText(s.estimate(), s.lower(), s.upper()), bold));
    }
    if (model.predictionInterval() != null) {
      labelW = Math.max(labelW, DisplayList.width(model.predictionInterval().label(), plain));
      effW = Math.max(effW, DisplayList.width(piText(), plain));
    }
    // group headers spanning adjacent columns: widen the group's last column if needed
    for (int c = 0; c < nc; ) {
      int end = c;
      while (end + 1 < nc
          && !cols.get(c).group().isEmpty()
          && cols.get(end + 1).group().equals(cols.get(c).group())) {
        end++;
      }
      double span = 0;
      for (int k = c; k <= end; k++) {
        span += colW[k] + (k > c ? gap : 0);
      }
      double need = DisplayList.width(cols.get(c).group(), bold);
      if (need > span) {
        colW[end] += need - span;
      }
      c = end + 1;
    }

    // ---- horizontal budget
    double fixed = 2 * margin + weightW + effW + gap * (nc + 3);
    for (double w : colW) {
      fixed += w;
    }
    double graphMin = Math.max(0.27 * width, 12 * f);
    // the graph header must fit over the graph
    graphMin =
        Math.max(
            graphMin,
            Math.max(
                    DisplayList.width(model.effectSubheader(), bold),
                    DisplayList.width(model.effectHeader(), bold))
                + f);
    double graphMax = 0.45 * width;
    double labelAvail = width - fixed - graphMin;
    boolean truncated = labelW > labelAvail + 1e-6;
    double labelCol = truncated ? Math.max(labelAvail, 0.12 * width) : labelW;
    double graphW = Math.min(graphMax, width - fixed - labelCol);
    if (graphW < graphMin) {
      graphW = Math.max(graphMin * 0.6, width - fixed - labelCol);
    }
    // any slack goes after the labels (keeps the data columns next to the graph)
    double slack = width - fixed - labelCol - graphW;
    double x = margin;
    double labelX = x;
    x += labelCol + Math.max(0, slack) + gap;
    double[] colRight = new double[nc];
    double[] colLeft = new double[nc];
    for (int c = 0; c < nc; c++) {
      colLeft[c] = x;
      colRight[c] = x + colW[c];
      x = colRight[c] + gap;
    }
    double weightRight = x + weightW;
    double weightCentre = x + weightW / 2;
    x = weightRight + gap;
    double effLeft = x;
    double effRight = x + effW;
    double graphLeft = effRight + gap * 1.5;
    double graphRight = Math.min(width - margin - f * 0.8, graphLeft + graphW);

    // ---- axis
    Axis.Ticks ticks =
        model.logScale() || Double.isNaN(model.axisExtent())
            ? axisTicks()
            : Axis.symmetric(false, model.nullValue(), model.axisExtent(), model.axisExtent());
    double aMin = ticks.min();
    double aMax = ticks.max();
    java.util.function.DoubleUnaryOperator px =
        v -> graphLeft + (v - aMin) / (aMax - aMin) * (graphRight - graphLeft);

    // ---- header
    double y = margin;
    boolean twoRowHeader =
        !model.effectSubheader().isEmpty()
            || !model.ciHeader().isEmpty()
            || cols.stream().anyMatch(c -> !c.group().isEmpty())
            || java.util.Arrays.stream(head).anyMatch(h -> !h[0].isEmpty());
    double graphCentre = (graphLeft + graphRight) / 2;
    double effCentre = (effLeft + effRight) / 2;
    if (twoRowHeader) {
      double b = DisplayList.baseline(bold, y, rowH);
      for (int c = 0; c < nc; ) {
        int end = c;
        while (end + 1 < nc
            && !cols.get(c).group().isEmpty()
            && cols.get(end + 1).group().equals(cols.get(c).group())) {
          end++;
        }
        if (!cols.get(c).group().isEmpty()) {
          dl.text(cols.get(c).group(), (colLeft[c] + colRight[end]) / 2, b, Align.CENTER, bold);
          dl.line(colLeft[c], y + rowH, colRight[end], y + rowH, Color.BLACK, 0.4);
        }
        c = end + 1;
      }
      for (int c = 0; c < nc; c++) {
        dl.text(head[c][0], (colLeft[c] + colRight[c]) / 2, b, Align.CENTER, bold);
      }
      dl.text(model.effectHeader(), effCentre, b, Align.CENTER, bold);
      dl.text(model.effectHeader(), graphCentre, b, Align.CENTER, bold);
      y += rowH;
    }
    double hb = DisplayList.baseline(bold, y, rowH);
    dl.text(model.studyHeader(), labelX, hb, Align.LEFT, bold);
    for (int c = 0; c < nc; c++) {
      dl.text(head[c][1], (colLeft[c] + colRight[c]) / 2, hb, Align.CENTER, bold);
    }
    dl.text(model.weightHeader(), weightCentre, hb, Align.CENTER, bold);
    dl.text(
        twoRowHeader ? model.ciHeader() : model.effectHeader(), effCentre, hb, Align.CENTER, bold);
    dl.text(
        twoRowHeader ? model.effectSubheader() : model.effectHeader(),
        graphCentre,
        hb,
        Align.CENTER,
        bold);
    y += rowH;
    dl.line(margin, y + rowH * 0.15, width - margin, y + rowH * 0.15, Color.BLACK, 0.6);
    y += rowH * 0.35;
    double plotTop = y;

    // ---- rows
    double maxWeight = 0;
    for (StudyRow r : model.allStudies()) {
      if (Double.isFinite(r.weightPercent())) {
        maxWeight = Math.max(maxWeight, r.weightPercent());
      }
    }
    double maxSide = rowH * 0.8;
    double noteWidth = graphLeft - gap - margin;
    List<StudyMark> marks = new ArrayList<>();
    List<DiamondMark> diamonds = new ArrayList<>();
    boolean multi = model.groups().size() > 1;
    for (Group g : model.groups()) {
      if (!g.heading().isEmpty()) {
        dl.text(
            DisplayList.ellipsize(g.heading(), bold, noteWidth),
            labelX,
            DisplayList.baseline(bold, y, rowH),
            Align.LEFT,
            bold);
        y += rowH;
      }
      for (StudyRow r : g.studies()) {
        double b = DisplayList.baseline(plain, y, rowH);
        String label = DisplayList.ellipsize(r.label(), plain, labelCol);
        dl.text(label, labelX, b, Align.LEFT, plain);
        for (int c = 0; c < nc; c++) {
          dl.text(r.cells().get(c), colRight[c], b, Align.RIGHT, plain);
        }
        double cy = y + rowH / 2;
        if (r.estimable()) {
          if (Double.isFinite(r.weightPercent())) {
            dl.text(weightText(r.weightPercent()), weightRight, b, Align.RIGHT, plain);
          }
          dl.text(effectText(r.estimate(), r.lower(), r.upper()), effRight, b, Align.RIGHT, plain);
          marks.add(studyMark(dl, r, cy, px, aMin, aMax, maxWeight, maxSide, f));
        } else {
          dl.text(model.notEstimable(), effRight, b, Align.RIGHT, plain, GREY);
          marks.add(
              new StudyMark(r.label(), cy, Double.NaN, 0, Double.NaN, Double.NaN, false, false));
        }
        y += rowH;
      }
      if (g.summary() != null) {
        diamonds.add(
            summaryRow(
                dl,
                g.summary(),
                y,
                rowH,
                labelX,
                labelCol,
                colRight,
                weightRight,
                effRight,
                px,
                aMin,
                aMax,
                plain,
                bold));
        y += rowH;
      }
      for (String note : g.notes()) {
        for (String line : DisplayList.wrap(note, plain, noteWidth)) {
          dl.text(line, labelX, DisplayList.baseline(plain, y, rowH * 0.9), Align.LEFT, plain);
          y += rowH * 0.9;
        }
      }
      if (multi) {
        y += rowH * 0.5;
      }
    }
    if (!model.overall().isEmpty() && !multi) {
      y += rowH * 0.4;
    }
    for (Summary s : model.overall()) {
      diamonds.add(
          summaryRow(
              dl,
              s,
              y,
              rowH,
              labelX,
              labelCol,
              colRight,
              weightRight,
              effRight,
              px,
              aMin,
              aMax,
              plain,
              bold));
      y += rowH;
    }
    IntervalMark piMark = null;
    if (model.predictionInterval() != null && model.predictionInterval().estimable()) {
      ForestPlotModel.Interval pi = model.predictionInterval();
      double b = DisplayList.baseline(plain, y, rowH);
      dl.text(DisplayList.ellipsize(pi.label(), plain, labelCol), labelX, b, Align.LEFT, plain);
      dl.text(piText(), effRight, b, Align.RIGHT, plain);
      double cy = y + rowH / 2;
      double l = px.applyAsDouble(Math.max(pi.lower(), aMin));
      double r = px.applyAsDouble(Math.min(pi.upper(), aMax));
      double h = rowH * 0.16;
      dl.fill(new Rectangle2D.Double(l, cy - h / 2, r - l, h), PI);
      if (pi.lower() < aMin) {
        arrow(dl, l, cy, -1, f, PI);
      }
      if (pi.upper() > aMax) {
        arrow(dl, r, cy, 1, f, PI);
      }
      piMark = new IntervalMark(cy, l, r);
      y += rowH;
    }
    double plotBottom = y + rowH * 0.2;

    // ---- line of no effect and axis
    double nullX = px.applyAsDouble(model.nullValue());
    dl.line(nullX, plotTop, nullX, plotBottom, Color.BLACK, 0.6);
    double axisY = plotBottom;
    dl.line(graphLeft, axisY, graphRight, axisY, Color.BLACK, 0.6);
    double tick = f * 0.4;
    double tb = axisY + tick + f * 1.05;
    for (double t : ticks.values()) {
      double tx = px.applyAsDouble(t);
      dl.line(tx, axisY, tx, axisY + tick, Color.BLACK, 0.6);
      dl.text(Axis.label(model.logScale() ? Math.exp(t) : t), tx, tb, Align.CENTER, plain);
    }
    double fy = tb + f * 0.5;
    double fLines = 0;
    double side = Math.max(f * 3, Math.min(nullX - graphLeft, graphRight - nullX) * 2 - f);
    List<String> left = DisplayList.wrap(model.favoursLeft(), plain, side);
    List<String> right = DisplayList.wrap(model.favoursRight(), plain, side);
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      double b = DisplayList.baseline(plain, fy + i * f * 1.2, f * 1.2);
      if (i < left.size()) {
        dl.text(left.get(i), nullX - f * 0.6, b, Align.RIGHT, plain);
      }
      if (i < right.size()) {
        dl.text(right.get(i), nullX + f * 0.6, b, Align.LEFT, plain);
      }
      fLines++;
    }
    double axisBottom = fy + fLines * f * 1.2;

    // ---- footnotes at the left, beside the axis
    double ny = axisY + rowH * 0.1;
    for (String note : model.footnotes()) {
      for (String line : DisplayList.wrap(note, plain, noteWidth)) {
        dl.text(line, labelX, DisplayList.baseline(plain, ny, rowH * 0.9), Align.LEFT, plain);
        ny += rowH * 0.9;
      }
    }
    double height = Math.max(axisBottom, ny) + margin;
    return new ForestLayout(
        f,
        rowH,
        width,
        height,
        graphLeft,
        graphRight,
        aMin,
        aMax,
        axisY,
        ticks.values(),
        marks,
        diamonds,
        piMark,
        truncated,
        dl);
  }

  private DiamondMark summaryRow(
      DisplayList dl,
      Summary s,
      double y,
      double rowH,
      double labelX,
      double labelCol,
      double[] colRight,
      double weightRight,
      double effRight,
      java.util.function.DoubleUnaryOperator px,
      double aMin,
      double aMax,
      Font plain,
      Font bold) {
    double b = DisplayList.baseline(bold, y, rowH);
    dl.text(DisplayList.ellipsize(s.label(), bold, labelCol), labelX, b, Align.LEFT, bold);
    for (int c = 0; c < colRight.length && c < s.cells().size(); c++) {
      dl.text(s.cells().get(c), colRight[c], b, Align.RIGHT, bold);
    }
    if (Double.isFinite(s.weightPercent())) {
      dl.text(weightText(s.weightPercent()), weightRight, b, Align.RIGHT, bold);
    }
    double cy = y + rowH / 2;
    if (!(Double.isFinite(s.estimate())
        && Double.isFinite(s.lower())
        && Double.isFinite(s.upper()))) {
      dl.text(model.notEstimable(), effRight, b, Align.RIGHT, plain, GREY);
      return new DiamondMark(s.label(), cy, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    dl.text(effectText(s.estimate(), s.lower(), s.upper()), effRight, b, Align.RIGHT, bold);
    double h = rowH * 0.36;
    double cx = px.applyAsDouble(s.estimate());
    double l = px.applyAsDouble(s.lower());
    double r = px.applyAsDouble(s.upper());
    Path2D.Double d = new Path2D.Double();
    d.moveTo(Math.max(l, px.applyAsDouble(aMin)), cy);
    // a diamond clipped by the axis keeps its slope and gets a flat edge at the axis end
    addClipped(d, l, r, cx, cy, h, px.applyAsDouble(aMin), px.applyAsDouble(aMax));
    dl.fill(d, DIAMOND);
    return new DiamondMark(s.label(), cy, cx, l, r, h);
  }

  private static void addClipped(
      Path2D.Double d, double l, double r, double cx, double cy, double h, double lo, double hi) {
    List<double[]> pts =
        List.of(
            new double[] {l, cy},
            new double[] {cx, cy - h},
            new double[] {r, cy},
            new double[] {cx, cy + h});
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      double[] a = pts.get(i);
      double[] b = pts.get((i + 1) % 4);
      clipEdge(a, b, lo, hi, out);
    }
    d.reset();
    for (int i = 0; i < out.size(); i++) {
      if (i == 0) {
        d.moveTo(out.get(i)[0], out.get(i)[1]);
      } else {
        d.lineTo(out.get(i)[0], out.get(i)[1]);
      }
    }
    d.closePath();
  }

  /** Adds the part of segment a-b inside lo <= x <= hi (start point and crossing points). */
  private static void clipEdge(double[] a, double[] b, double lo, double hi, List<double[]> out) {
    double t0 = 0;
    double t1 = 1;
    double dx = b[0] - a[0];
    if (Math.abs(dx) < 1e-12) {
      if (a[0] < lo || a[0] > hi) {
        return;
      }
    } else {
      double ta = (lo - a[0]) / dx;
      double tb = (hi - a[0]) / dx;
      t0 = Math.max(t0, Math.min(ta, tb));
      t1 = Math.min(t1, Math.max(ta, tb));
      if (t0 > t1) {
        return;
      }
    }
    out.add(new double[] {a[0] + t0 * dx, a[1] + t0 * (b[1] - a[1])});
    if (t1 < 1) {
      out.add(new double[] {a[0] + t1 * dx, a[1] + t1 * (b[1] - a[1])});
    }
  }

  /** The space closest to the middle of {@code s} (0 = none): where a header breaks. */
  private static int splitPoint(String s) {
    int best = 0;
    for (int i = s.indexOf(' '); i > 0; i = s.indexOf(' ', i + 1)) {
      if (best == 0 || Math.abs(i - s.length() / 2) < Math.abs(best - s.length() / 2)) {
        best = i;
      }
    }
    return best;
  }

  private StudyMark studyMark(
      DisplayList dl,
      StudyRow r,
      double cy,
      java.util.function.DoubleUnaryOperator px,
      double aMin,
      double aMax,
      double maxWeight,
      double maxSide,
      double f) {
    boolean arrowL = r.lower() < aMin;
    boolean arrowR = r.upper() > aMax;
    double l = px.applyAsDouble(Math.max(r.lower(), aMin));
    double rr = px.applyAsDouble(Math.min(r.upper(), aMax));
    if (rr > l) {
      dl.line(l, cy, rr, cy, Color.BLACK, 0.7);
    }
    if (arrowL) {
      arrow(dl, l, cy, -1, f, Color.BLACK);
    }
    if (arrowR) {
      arrow(dl, rr, cy, 1, f, Color.BLACK);
    }
    double side = 0;
    double cx = px.applyAsDouble(r.estimate());
    boolean onAxis = r.estimate() >= aMin && r.estimate() <= aMax;
    if (onAxis && Double.isFinite(r.weightPercent()) && maxWeight > 0) {
      // area proportional to weight: side = maxSide * sqrt(w / wmax)
      side = maxSide * Math.sqrt(r.weightPercent() / maxWeight);
      dl.fill(new Rectangle2D.Double(cx - side / 2, cy - side / 2, side, side), SQUARE);
    } else if (onAxis) {
      side = maxSide * 0.3;
      dl.fill(new Rectangle2D.Double(cx - side / 2, cy - side / 2, side, side), SQUARE);
    }
    return new StudyMark(r.label(), cy, onAxis ? cx : Double.NaN, side, l, rr, arrowL, arrowR);
  }

  /** A filled arrow head with its tip at (x, y), pointing left (dir -1) or right (+1). */
  private static void arrow(DisplayList dl, double x, double y, int dir, double f, Color c) {
    double len = f * 0.55;
    double half = f * 0.28;
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x, y);
    p.lineTo(x - dir * len, y - half);
    p.lineTo(x - dir * len, y + half);
    p.closePath();
    dl.fill(p, c);
  }

  private Axis.Ticks axisTicks() {
    if (!Double.isNaN(model.axisExtent())) {
      return Axis.symmetric(
          model.logScale(), model.nullValue(), model.axisExtent(), model.axisExtent());
    }
    double c = model.nullValue();
    double need = 0;
    double want = 0;
    List<Double> bounds = new ArrayList<>();
    for (StudyRow r : model.allStudies()) {
      if (r.estimable()) {
        need = Math.max(need, Math.abs(r.estimate() - c));
        double far = Math.max(Math.abs(r.lower() - c), Math.abs(r.upper() - c));
        want = Math.max(want, far);
        bounds.add(far);
      }
    }
    List<Summary> sums = new ArrayList<>(model.overall());
    model.groups().stream().filter(g -> g.summary() != null).forEach(g -> sums.add(g.summary()));
    for (Summary s : sums) {
      if (Double.isFinite(s.lower()) && Double.isFinite(s.upper())) {
        need = Math.max(need, Math.max(Math.abs(s.lower() - c), Math.abs(s.upper() - c)));
      }
    }
    if (model.predictionInterval() != null && model.predictionInterval().estimable()) {
      ForestPlotModel.Interval pi = model.predictionInterval();
      want = Math.max(want, Math.max(Math.abs(pi.lower() - c), Math.abs(pi.upper() - c)));
    }
    if (need == 0 && want == 0) {
      need = model.logScale() ? Math.log(2) : 1;
    }
    return Axis.symmetric(model.logScale(), c, need, want, bounds);
  }

  String effectText(double est, double lo, double hi) {
    String fmt = "%." + model.decimals() + "f";
    return String.format(Locale.ROOT, fmt + " [" + fmt + ", " + fmt + "]", bt(est), bt(lo), bt(hi));
  }

  private String piText() {
    ForestPlotModel.Interval pi = model.predictionInterval();
    String fmt = "%." + model.decimals() + "f";
    return String.format(Locale.ROOT, "[" + fmt + ", " + fmt + "]", bt(pi.lower()), bt(pi.upper()));
  }

  private double bt(double v) {
    return model.logScale() ? Math.exp(v) : v;
  }

  static String weightText(double w) {
    return String.format(Locale.ROOT, "%.1f%%", w);
  }
}
