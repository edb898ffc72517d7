package org.ewb.logic.meta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Studies ready for analysis, from a CSV file or a project outcome: one {@link StudyData} per study
 * in input order, extra columns (subgroup / moderator candidates, one value per study, "" =
 * missing), notes about studies left out, and the back-transform of generic data (EXP when a
 * project's generic estimates are on a log scale).
 */
public record StudyTable(
    Kind kind,
    List<StudyData> studies,
    Map<String, List<String>> columns,
    List<String> notes,
    BackTransform genericBackTransform) {

  /** The kind of data of all studies. */
  public enum Kind {
    BINARY,
    CONTINUOUS,
    GENERIC
  }

  public StudyTable {
    studies = List.copyOf(studies);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    columns.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    columns = java.util.Collections.unmodifiableMap(copy);
    notes = List.copyOf(notes);
  }

  /** Whether {@code measure} can be computed from this kind of data. */
  public boolean supports(Measure measure) {
    return switch (kind) {
      case BINARY -> measure == Measure.RR || measure == Measure.OR || measure == Measure.RD;
      case CONTINUOUS -> measure == Measure.MD || measure == Measure.SMD;
      case GENERIC -> measure == Measure.GEN;
    };
  }
}
