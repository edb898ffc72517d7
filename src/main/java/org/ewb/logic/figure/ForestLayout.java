package org.ewb.logic.figure;

import java.util.List;

/**
 * Where a forest plot put its parts, in points: the axis mapping and one mark per study, diamond
 * and prediction interval. Lets tests (and the analysis view) check geometry without pixels.
 *
 * @param graphLeft x of the axis minimum
 * @param graphRight x of the axis maximum
 * @param axisMin axis minimum on the analysis scale (log for ratio measures)
 * @param axisMax axis maximum on the analysis scale
 * @param ticks tick positions on the analysis scale
 * @param labelsTruncated whether some study label had to be cut with an ellipsis
 */
public record ForestLayout(
    double fontSize,
    double rowHeight,
    double width,
    double height,
    double graphLeft,
    double graphRight,
    double axisMin,
    double axisMax,
    double axisY,
    List<Double> ticks,
    List<StudyMark> studies,
    List<DiamondMark> diamonds,
    IntervalMark predictionInterval,
    boolean labelsTruncated,
    DisplayList display) {

  /** x in points of a value on the analysis scale (not clipped). */
  public double x(double v) {
    return graphLeft + (v - axisMin) / (axisMax - axisMin) * (graphRight - graphLeft);
  }

  /**
   * A study's square (centre and side; side 0 when the estimate is off the axis or not estimable)
   * and its CI line (clipped to the axis, with an arrow where it was clipped).
   */
  public record StudyMark(
      String label,
      double y,
      double centreX,
      double side,
      double lineLeft,
      double lineRight,
      boolean arrowLeft,
      boolean arrowRight) {}

  /** A pooled diamond: centre, left and right points, vertical half height. */
  public record DiamondMark(
      String label, double y, double centreX, double leftX, double rightX, double halfHeight) {}

  /** A prediction interval bar. */
  public record IntervalMark(double y, double leftX, double rightX) {}
}
