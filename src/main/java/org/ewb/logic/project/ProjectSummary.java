package org.ewb.logic.project;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ewb.model.Outcome;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;

/**
 * What a project holds, in counts: enough for {@code info} and a file chooser's preview, and cheap
 * to read from a large file (no measurement is loaded).
 */
public record ProjectSummary(
    Project project,
    int studies,
    Map<StudyStatus, Integer> studiesByStatus,
    int arms,
    int fields,
    int characteristicValues,
    long measurements,
    long genericEstimates,
    List<OutcomeSummary> outcomes,
    int tableLayouts,
    int savedAnalyses) {

  /** One outcome with its time points (by months) and how many data rows it has. */
  public record OutcomeSummary(
      Outcome outcome, List<TimePoint> timePoints, long measurements, long genericEstimates) {

    public OutcomeSummary {
      timePoints = List.copyOf(timePoints);
    }
  }

  public ProjectSummary {
    studiesByStatus = Map.copyOf(studiesByStatus);
    outcomes = List.copyOf(outcomes);
  }

  /** The summary of a snapshot already in memory. */
  public static ProjectSummary of(ProjectData d) {
    Map<StudyStatus, Integer> byStatus = new EnumMap<>(StudyStatus.class);
    for (StudyStatus s : StudyStatus.values()) {
      byStatus.put(s, 0);
    }
    for (Study s : d.studies()) {
      byStatus.merge(s.status(), 1, Integer::sum);
    }
    Map<Long, Long> perOutcome =
        d.measurements().stream()
            .collect(Collectors.groupingBy(m -> m.outcomeId(), Collectors.counting()));
    Map<Long, Long> genericPerOutcome =
        d.genericEstimates().stream()
            .collect(Collectors.groupingBy(g -> g.outcomeId(), Collectors.counting()));
    List<OutcomeSummary> outcomes = new ArrayList<>();
    for (Outcome o : d.outcomes()) {
      outcomes.add(
          new OutcomeSummary(
              o,
              d.timePointsOf(o.id()),
              perOutcome.getOrDefault(o.id(), 0L),
              genericPerOutcome.getOrDefault(o.id(), 0L)));
    }
    return new ProjectSummary(
        d.project(),
        d.studies().size(),
        byStatus,
        d.arms().size(),
        d.fields().size(),
        d.values().size(),
        d.measurements().size(),
        d.genericEstimates().size(),
        outcomes,
        d.layouts().size(),
        d.analyses().size());
  }
}
