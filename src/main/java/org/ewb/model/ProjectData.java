package org.ewb.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A consistent, immutable snapshot of a whole project, read in one transaction. Used by the command
 * line, export, validation and analysis; lists are in display order.
 */
public record ProjectData(
    Project project,
    List<Study> studies,
    List<CharacteristicField> fields,
    List<CharacteristicValue> values,
    List<Arm> arms,
    List<Outcome> outcomes,
    List<TimePoint> timePoints,
    List<Measurement> measurements,
    List<GenericEstimate> genericEstimates,
    List<TableLayout> layouts,
    List<SavedAnalysis> analyses,
    LayoutContent layoutContent) {

  public ProjectData {
    layoutContent = layoutContent == null ? LayoutContent.EMPTY : layoutContent;
    studies = List.copyOf(studies);
    fields = List.copyOf(fields);
    values = List.copyOf(values);
    arms = List.copyOf(arms);
    outcomes = List.copyOf(outcomes);
    timePoints = List.copyOf(timePoints);
    measurements = List.copyOf(measurements);
    genericEstimates = List.copyOf(genericEstimates);
    layouts = List.copyOf(layouts);
    analyses = List.copyOf(analyses);
  }

  /** A project without per-layout values, headings, print options or glossary. */
  public ProjectData(
      Project project,
      List<Study> studies,
      List<CharacteristicField> fields,
      List<CharacteristicValue> values,
      List<Arm> arms,
      List<Outcome> outcomes,
      List<TimePoint> timePoints,
      List<Measurement> measurements,
      List<GenericEstimate> genericEstimates,
      List<TableLayout> layouts,
      List<SavedAnalysis> analyses) {
    this(
        project,
        studies,
        fields,
        values,
        arms,
        outcomes,
        timePoints,
        measurements,
        genericEstimates,
        layouts,
        analyses,
        LayoutContent.EMPTY);
  }

  /** This snapshot with other layout content (e.g. read from the store beside a cache). */
  public ProjectData withLayoutContent(LayoutContent content) {
    return new ProjectData(
        project,
        studies,
        fields,
        values,
        arms,
        outcomes,
        timePoints,
        measurements,
        genericEstimates,
        layouts,
        analyses,
        content);
  }

  public Optional<Outcome> outcome(String name) {
    return outcomes.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
  }

  public List<TimePoint> timePointsOf(long outcomeId) {
    return timePoints.stream().filter(t -> t.outcomeId() == outcomeId).toList();
  }

  public List<Arm> armsOf(long studyId) {
    return arms.stream().filter(a -> a.studyId() == studyId).toList();
  }

  public Map<Long, Study> studiesById() {
    return studies.stream().collect(Collectors.toMap(Study::id, Function.identity()));
  }

  /**
   * Characteristic value text of a study for a field key (a text field's English text, else its
   * Chinese one), or "" if none.
   */
  public String value(long studyId, String fieldKey) {
    Optional<CharacteristicField> f =
        fields.stream().filter(x -> x.key().equals(fieldKey)).findFirst();
    if (f.isEmpty()) {
      return "";
    }
    long fid = f.get().id();
    return values.stream()
        .filter(v -> v.studyId() == studyId && v.fieldId() == fid)
        .map(v -> v.text("en"))
        .findFirst()
        .orElse("");
  }
}
