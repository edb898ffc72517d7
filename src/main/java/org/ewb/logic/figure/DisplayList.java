package org.ewb.logic.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * What a renderer decided to draw, in order: texts and shapes in points. Renderers first lay a
 * figure out into a display list (measuring text with one fixed {@link FontRenderContext}, so the
 * layout is the same for every medium) and then {@link #paint} it; tests read the same list.
 */
public final class DisplayList {

  /** Horizontal anchor of a text. */
  public enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /**
   * One drawn text: its baseline anchor point, alignment, font and rotation (radians, 0 =
   * horizontal, -pi/2 = reading upwards).
   */
  public record TextOp(
      String text, double x, double y, Align align, Font font, Color color, double angle) {}

  /** One drawn shape, filled and/or stroked. */
  public record ShapeOp(Shape shape, Color fill, Color stroke, float strokeWidth, float[] dash) {}

  /** Text measured with fractional metrics and anti-aliasing, as in every output. */
  public static final FontRenderContext FRC =
      new FontRenderContext(new AffineTransform(), true, true);

  /** Text of a fractional size is drawn this many times larger and scaled down. */
  static final double TEXT_SCALE = 4;

  private final List<Object> ops = new ArrayList<>();
  private final String family;

  public DisplayList(String family) {
    this.family = family;
  }

  public String family() {
    return family;
  }

  public Font font(double size, boolean bold) {
    return new Font(family, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
  }

  /**
   * The longest text (in code points) a figure measures or draws; a longer one (a label pasted with
   * a whole abstract) ends in an ellipsis. Measuring is linear in the length, and a label this long
   * is already wider than any page (ADR 0091).
   */
  public static final int MAX_TEXT = 300;

  /** The longest footnote text that is wrapped; the rest is cut with an ellipsis. */
  public static final int MAX_NOTE = 3000;

  /** {@code s} cut to {@code max} code points, with an ellipsis when cut. */
  public static String clip(String s, int max) {
    if (s.length() <= max || s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max)).stripTrailing() + "…";
  }

  public static double width(String s, Font f) {
    return s.isEmpty() ? 0 : f.getStringBounds(clip(s, MAX_TEXT), FRC).getWidth();
  }

  /** Baseline of a text vertically centred in a band of the given top and height. */
  public static double baseline(Font f, double top, double height) {
    LineMetrics lm = f.getLineMetrics("Hg国", FRC);
    // centre the cap height rather than ascent+descent: CJK fonts have a tall ascent
    double cap = f.getSize2D() * 0.72;
    return top + (height + cap) / 2 - Math.max(0, lm.getDescent() * 0.05);
  }

  /** {@code s} cut with an ellipsis to fit {@code max} points (whole if it fits). */
  public static String ellipsize(String s, Font f, double max) {
    s = clip(s, MAX_TEXT);
    if (width(s, f) <= max) {
      return s;
    }
    // binary search over code points for the longest prefix that fits with its ellipsis
    int lo = 0;
    int hi = s.codePointCount(0, s.length());
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      int end = s.offsetByCodePoints(0, mid);
      if (width(s.substring(0, end).stripTrailing() + "…", f) <= max) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    int end = s.offsetByCodePoints(0, lo);
    return end == 0 ? "" : s.substring(0, end).stripTrailing() + "…";
  }

  /**
   * Greedy line wrap to {@code max} points: breaks at the last space, or between any two characters
   * where there is none (Chinese has no spaces).
   */
  public static List<String> wrap(String s, Font f, double max) {
    List<String> lines = new ArrayList<>();
    String rest = clip(s.strip(), MAX_NOTE);
    while (!rest.isEmpty()) {
      if (rest.length() <= MAX_TEXT && width(rest, f) <= max) {
        lines.add(rest);
        break;
      }
      // binary search for the longest prefix (at most MAX_TEXT code points) that fits
      int lo = 0;
      int hi = Math.min(MAX_TEXT, rest.codePointCount(0, rest.length()));
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (width(rest.substring(0, rest.offsetByCodePoints(0, mid)), f) <= max) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      int i = rest.offsetByCodePoints(0, lo);
      int cut = Math.max(i, rest.offsetByCodePoints(0, 1));
      int space = rest.lastIndexOf(' ', cut);
      if (space > 0 && cut < rest.length() && rest.charAt(cut) != ' ') {
        cut = space;
      }
      lines.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    return lines;
  }

  public void text(String s, double x, double y, Align align, Font f, Color c) {
    if (!s.isEmpty()) {
      ops.add(new TextOp(clip(s, MAX_TEXT), x, y, align, f, c, 0));
    }
  }

  /** A text reading upwards (axis titles), centred on (x, y) along its baseline. */
  public void verticalText(String s, double x, double y, Font f) {
    if (!s.isEmpty()) {
      ops.add(new TextOp(clip(s, MAX_TEXT), x, y, Align.CENTER, f, Color.BLACK, -Math.PI / 2));
    }
  }

  public void text(String s, double x, double y, Align align, Font f) {
    text(s, x, y, align, f, Color.BLACK);
  }

  public void fill(Shape shape, Color c) {
    ops.add(new ShapeOp(shape, c, null, 0, null));
  }

  public void stroke(Shape shape, Color c, double width) {
    ops.add(new ShapeOp(shape, null, c, (float) width, null));
  }

  public void dashed(Shape shape, Color c, double width, double on, double off) {
    ops.add(new ShapeOp(shape, null, c, (float) width, new float[] {(float) on, (float) off}));
  }

  public void fillAndStroke(Shape shape, Color fill, Color stroke, double width) {
    ops.add(new ShapeOp(shape, fill, stroke, (float) width, null));
  }

  public void line(double x1, double y1, double x2, double y2, Color c, double width) {
    stroke(new Line2D.Double(x1, y1, x2, y2), c, width);
  }

  public List<TextOp> texts() {
    return ops.stream().filter(TextOp.class::isInstance).map(TextOp.class::cast).toList();
  }

  public List<ShapeOp> shapes() {
    return ops.stream().filter(ShapeOp.class::isInstance).map(ShapeOp.class::cast).toList();
  }

  /** Paints the list onto {@code g} (white background over {@code width} x {@code height}). */
  public void paint(Graphics2D g, double width, double height) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g2.setColor(Color.WHITE);
      g2.fill(new Rectangle2D.Double(0, 0, width, height));
      for (Object op : ops) {
        if (op instanceof ShapeOp s) {
          if (s.fill() != null) {
            g2.setPaint(s.fill());
            g2.fill(s.shape());
          }
          if (s.stroke() != null) {
            g2.setPaint(s.stroke());
            g2.setStroke(stroke(s));
            g2.draw(s.shape());
          }
        } else if (op instanceof TextOp t) {
          g2.setFont(t.font());
          g2.setPaint(t.color());
          double w = width(t.text(), t.font());
          double x =
              switch (t.align()) {
                case LEFT -> t.x();
                case CENTER -> t.x() - w / 2;
                case RIGHT -> t.x() - w;
              };
          float size = t.font().getSize2D();
          if (t.angle() == 0 && size == Math.rint(size)) {
            g2.drawString(t.text(), (float) x, (float) t.y());
          } else {
            // JFreeSVG writes whole font sizes only: draw a fractional size 4x larger, scaled
            // down by 4 (the layout uses quarter-point steps, so 4 x size is a whole number)
            AffineTransform saved = g2.getTransform();
            g2.rotate(t.angle(), t.x(), t.y());
            g2.translate(x, t.y());
            g2.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE);
            g2.setFont(t.font().deriveFont(size * (float) TEXT_SCALE));
            g2.drawString(t.text(), 0f, 0f);
            g2.setTransform(saved);
          }
        }
      }
    } finally {
      g2.dispose();
    }
  }

  private static Stroke stroke(ShapeOp s) {
    return s.dash() == null
        ? new BasicStroke(s.strokeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER)
        : new BasicStroke(
            s.strokeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, s.dash(), 0f);
  }
}
