package org.ewb.logic.figure;

import java.util.List;

/**
 * What a follow-up chart shows for one outcome: one line per study and arm over months (mean with
 * error bars, or % events), arms told apart by line style and marker, studies by colour; and
 * optionally, in a panel below, the pooled effect per time point with its confidence band.
 *
 * @param errorNote what the error bars are (e.g. "Mean ± SD"), shown under the legend
 * @param pooled pooled effect per time point (empty = no lower panel)
 * @param pooledLabel y-axis title of the pooled panel (e.g. "MD (95% CI)")
 * @param percentScale values are percentages: the y axis runs from 0 to 100
 */
public record FollowUpChartModel(
    String xLabel,
    String yLabel,
    List<Series> series,
    String errorNote,
    List<PooledPoint> pooled,
    String pooledLabel,
    double pooledNull,
    boolean percentScale) {

  public FollowUpChartModel {
    xLabel = ForestPlotModel.nz(xLabel);
    yLabel = ForestPlotModel.nz(yLabel);
    series = List.copyOf(series);
    errorNote = ForestPlotModel.nz(errorNote);
    pooled = List.copyOf(pooled);
    pooledLabel = ForestPlotModel.nz(pooledLabel);
  }

  /** How an arm is drawn. */
  public enum ArmStyle {
    /** Solid line, filled circle. */
    EXPERIMENTAL,
    /** Dashed line, open square. */
    CONTROL,
    /** Dotted line, open triangle. */
    OTHER
  }

  /**
   * One line: a study's arm. {@code study} picks the colour (series of one study share it); {@code
   * label} is the legend text.
   */
  public record Series(String label, int study, ArmStyle style, List<Point> points) {
    public Series {
      label = ForestPlotModel.nz(label);
      points = List.copyOf(points);
    }
  }

  /**
   * A value at {@code months} with its error bar (NaN = none); {@code detail} is what a tooltip
   * adds (n, provenance), "" = nothing.
   */
  public record Point(double months, double value, double low, double high, String detail) {
    public Point {
      detail = ForestPlotModel.nz(detail);
    }

    public Point(double months, double value, double low, double high) {
      this(months, value, low, high, "");
    }
  }

  /** The pooled effect at a time point, with CI. */
  public record PooledPoint(double months, double estimate, double lower, double upper) {}

  public String allText() {
    StringBuilder sb =
        new StringBuilder(xLabel).append(yLabel).append(errorNote).append(pooledLabel);
    series.forEach(s -> sb.append(s.label()));
    return sb.toString();
  }
}
