package org.ewb.logic.figure;

import java.util.List;

/** Where a follow-up chart put its parts: plot rectangle, axis mappings, drawn points. */
public record FollowUpLayout(
    double plotLeft,
    double plotRight,
    double plotTop,
    double plotBottom,
    double xMin,
    double xMax,
    double yMin,
    double yMax,
    List<Mark> points,
    DisplayList display) {

  public double x(double months) {
    return plotLeft + (months - xMin) / (xMax - xMin) * (plotRight - plotLeft);
  }

  public double y(double v) {
    return plotBottom - (v - yMin) / (yMax - yMin) * (plotBottom - plotTop);
  }

  /** A drawn point of series {@code series}: centre and error bar ends (NaN = none). */
  public record Mark(int series, double cx, double cy, double barTop, double barBottom) {}
}
