package org.ewb.logic.meta.multivariate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;

/**
 * Effect sizes of several studies at several time points (long format): one {@link Observation} per
 * study and time point with its sampling variance. Studies keep the order of their first
 * observation; time points are sorted by months.
 */
public record TimeSeriesData(List<Observation> observations) {

  /**
   * One effect size.
   *
   * @param study study label (observations with the same label belong to one study)
   * @param months time point in months from baseline
   * @param yi effect size
   * @param vi its sampling variance (&gt; 0)
   */
  public record Observation(String study, double months, double yi, double vi) {}

  /**
   * @throws WorkbenchException (DATA) naming the study and time point of a non-finite value, a
   *     variance ≤ 0 or a second value at the same time point
   */
  public TimeSeriesData {
    observations = List.copyOf(observations);
    Map<String, TreeSet<Double>> seen = new LinkedHashMap<>();
    for (Observation o : observations) {
      if (!Double.isFinite(o.yi()) || !Double.isFinite(o.vi()) || !(o.vi() > 0)) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA,
            Localization.lang("mv.error.value", o.study(), fmt(o.months()), o.yi(), o.vi()));
      }
      if (!seen.computeIfAbsent(o.study(), s -> new TreeSet<>()).add(o.months())) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA,
            Localization.lang("mv.error.duplicate", o.study(), fmt(o.months())));
      }
    }
  }

  /** The time points in months, increasing. */
  public double[] times() {
    return observations.stream().mapToDouble(Observation::months).distinct().sorted().toArray();
  }

  /** The study labels in order of first appearance. */
  public List<String> studies() {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    observations.forEach(o -> s.add(o.study()));
    return new ArrayList<>(s);
  }

  static String fmt(double months) {
    return months == Math.rint(months) ? Long.toString((long) months) : Double.toString(months);
  }
}
