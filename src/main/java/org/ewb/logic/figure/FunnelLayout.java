package org.ewb.logic.figure;

import java.util.List;

/**
 * Where a funnel plot put its parts, in points: the plot rectangle, the axis mappings (x on the
 * analysis scale, y = standard error growing downwards) and each drawn point.
 */
public record FunnelLayout(
    double width,
    double height,
    double plotLeft,
    double plotRight,
    double plotTop,
    double plotBottom,
    double xMin,
    double xMax,
    double seMax,
    List<Mark> points,
    DisplayList display) {

  public double x(double v) {
    return plotLeft + (v - xMin) / (xMax - xMin) * (plotRight - plotLeft);
  }

  public double y(double se) {
    return plotTop + se / seMax * (plotBottom - plotTop);
  }

  /** A drawn point; {@code filled} marks a study added by trim and fill. */
  public record Mark(String label, double cx, double cy, boolean filled) {}
}
