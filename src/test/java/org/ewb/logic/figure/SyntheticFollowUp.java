package org.ewb.logic.figure;

import java.util.List;
import org.ewb.logic.figure.FollowUpChartModel.ArmStyle;
import org.ewb.logic.figure.FollowUpChartModel.Point;
import org.ewb.logic.figure.FollowUpChartModel.PooledPoint;
import org.ewb.logic.figure.FollowUpChartModel.Series;

/** A synthetic follow-up chart model (invented values, for geometry tests only). */
final class SyntheticFollowUp {

  private SyntheticFollowUp() {}

  static FollowUpChartModel model(boolean pooled) {
    List<Series> series =
        List.of(
            new Series(
                "Study A: cells + islets",
                0,
                ArmStyle.EXPERIMENTAL,
                List.of(
                    new Point(0, 8.1, 7.5, 8.7),
                    new Point(3, 6.9, 6.4, 7.4),
                    new Point(6, 6.5, 6.0, 7.0),
                    new Point(12, 6.3, 5.8, 6.8),
                    new Point(24, 6.4, 5.9, 6.9),
                    new Point(36, 6.6, 6.0, 7.2))),
            new Series(
                "Study A: islets alone",
                0,
                ArmStyle.CONTROL,
                List.of(
                    new Point(0, 8.0, 7.3, 8.7),
                    new Point(3, 7.1, 6.5, 7.7),
                    new Point(6, 6.9, 6.3, 7.5),
                    new Point(12, 6.9, 6.2, 7.6),
                    new Point(24, 7.2, 6.5, 7.9),
                    new Point(36, 7.5, 6.7, 8.3))),
            new Series(
                "研究 B：干细胞",
                1,
                ArmStyle.EXPERIMENTAL,
                List.of(new Point(0, 8.6, 7.9, 9.3), new Point(12, 7.4, 6.8, 8.0))),
            new Series(
                "研究 B：对照",
                1,
                ArmStyle.CONTROL,
                List.of(new Point(0, 8.5, 7.9, 9.1), new Point(12, 8.2, 7.6, 8.8))));
    List<PooledPoint> p =
        pooled
            ? List.of(new PooledPoint(0, 0.05, -0.6, 0.7), new PooledPoint(12, -0.7, -1.3, -0.1))
            : List.of();
    return new FollowUpChartModel(
        "Months after transplantation",
        "HbA1c (%)",
        series,
        "Mean ± SD",
        p,
        "MD (95% CI)",
        0,
        false);
  }
}
