package org.ewb.logic.extraction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.Study;
import org.ewb.model.TableLayout;
import org.ewb.model.TimePoint;

/**
 * An open project with an in-memory mirror of its content. Every change is passed on to the store
 * (which commits it at once) and then applied to the mirror, so that grids over thousands of
 * studies read cells without touching the file, and an edit costs one store call. Edits and undo
 * work against this class through the {@link ProjectRepository} port, so the mirror can never drift
 * from what the edits did. If a grouped change fails, the mirror is reloaded from the store.
 */
public final class ProjectCache implements ProjectRepository {

  /** The place of one measurement (arm = 0 for a contrast-level generic estimate). */
  public record CellKey(long studyId, long outcomeId, long armId, long timePointId) {}

  private static final Comparator<Study> STUDY_ORDER =
      Comparator.comparingInt(Study::displayOrder).thenComparingLong(Study::id);
  private static final Comparator<CharacteristicField> FIELD_ORDER =
      Comparator.comparingInt(CharacteristicField::displayOrder)
          .thenComparingLong(CharacteristicField::id);
  private static final Comparator<Arm> ARM_ORDER =
      Comparator.comparingInt(Arm::displayOrder).thenComparingLong(Arm::id);
  private static final Comparator<Outcome> OUTCOME_ORDER =
      Comparator.comparingInt(Outcome::displayOrder).thenComparingLong(Outcome::id);
  private static final Comparator<TimePoint> TIME_ORDER =
      Comparator.comparingDouble(TimePoint::months).thenComparingLong(TimePoint::id);

  private final ProjectRepository store;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private Project project;
  private final Map<Long, Study> studies = new HashMap<>();
  private final Map<Long, CharacteristicField> fields = new HashMap<>();
  private final Map<Long, Map<Long, CharacteristicValue>> values = new HashMap<>();
  private final Map<Long, Arm> arms = new HashMap<>();
  private final Map<Long, Outcome> outcomes = new HashMap<>();
  private final Map<Long, TimePoint> timePoints = new HashMap<>();
  private final Map<CellKey, Measurement> measurements = new HashMap<>();
  private final Map<CellKey, GenericEstimate> estimates = new HashMap<>();
  private final Map<Long, TableLayout> layouts = new LinkedHashMap<>();
  private final Map<Long, SavedAnalysis> analyses = new LinkedHashMap<>();
  private List<Study> sortedStudies;
  private int transactionDepth;
  private boolean changedInTransaction;

  private ProjectCache(ProjectRepository store) {
    this.store = store;
  }

  /** Reads the whole store once into memory. */
  public static ProjectCache load(ProjectRepository store) {
    ProjectCache cache = new ProjectCache(store);
    cache.reload();
    return cache;
  }

  /** The store this cache writes through to. */
  public ProjectRepository store() {
    return store;
  }

  private void reload() {
    ProjectData d = store.snapshot();
    project = d.project();
    studies.clear();
    fields.clear();
    values.clear();
    arms.clear();
    outcomes.clear();
    timePoints.clear();
    measurements.clear();
    estimates.clear();
    layouts.clear();
    analyses.clear();
    d.studies().forEach(s -> studies.put(s.id(), s));
    d.fields().forEach(f -> fields.put(f.id(), f));
    d.values().forEach(this::mirrorValue);
    d.arms().forEach(a -> arms.put(a.id(), a));
    d.outcomes().forEach(o -> outcomes.put(o.id(), o));
    d.timePoints().forEach(t -> timePoints.put(t.id(), t));
    d.measurements().forEach(m -> measurements.put(key(m), m));
    d.genericEstimates().forEach(g -> estimates.put(key(g), g));
    d.layouts().forEach(l -> layouts.put(l.id(), l));
    d.analyses().forEach(a -> analyses.put(a.id(), a));
    sortedStudies = null;
  }

  // ---- reads (from memory) ----

  /** Studies in display order. */
  public List<Study> studies() {
    if (sortedStudies == null) {
      sortedStudies = studies.values().stream().sorted(STUDY_ORDER).toList();
    }
    return sortedStudies;
  }

  public Optional<Study> study(long id) {
    return Optional.ofNullable(studies.get(id));
  }

  public List<CharacteristicField> fields() {
    return fields.values().stream().sorted(FIELD_ORDER).toList();
  }

  public Optional<CharacteristicField> field(long id) {
    return Optional.ofNullable(fields.get(id));
  }

  /** The stored value of a study's field, or an empty value (not stored) if none. */
  public CharacteristicValue value(long studyId, long fieldId) {
    Map<Long, CharacteristicValue> byField = values.get(studyId);
    CharacteristicValue v = byField == null ? null : byField.get(fieldId);
    return v != null ? v : new CharacteristicValue(studyId, fieldId, "", null);
  }

  /** Every stored value of a study, keyed by field id. */
  public Map<Long, CharacteristicValue> valuesOf(long studyId) {
    return Map.copyOf(values.getOrDefault(studyId, Map.of()));
  }

  /** Every stored value of a field. */
  public List<CharacteristicValue> valuesOfField(long fieldId) {
    List<CharacteristicValue> result = new ArrayList<>();
    for (Map<Long, CharacteristicValue> byField : values.values()) {
      CharacteristicValue v = byField.get(fieldId);
      if (v != null) {
        result.add(v);
      }
    }
    return result;
  }

  public List<Arm> armsOf(long studyId) {
    return arms.values().stream().filter(a -> a.studyId() == studyId).sorted(ARM_ORDER).toList();
  }

  public Optional<Arm> arm(long id) {
    return Optional.ofNullable(arms.get(id));
  }

  public List<Outcome> outcomes() {
    return outcomes.values().stream().sorted(OUTCOME_ORDER).toList();
  }

  public Optional<Outcome> outcome(long id) {
    return Optional.ofNullable(outcomes.get(id));
  }

  public List<TimePoint> timePointsOf(long outcomeId) {
    return timePoints.values().stream()
        .filter(t -> t.outcomeId() == outcomeId)
        .sorted(TIME_ORDER)
        .toList();
  }

  public Optional<TimePoint> timePoint(long id) {
    return Optional.ofNullable(timePoints.get(id));
  }

  public Optional<Measurement> measurement(long studyId, long outcomeId, long armId, long tpId) {
    return Optional.ofNullable(measurements.get(new CellKey(studyId, outcomeId, armId, tpId)));
  }

  public Optional<GenericEstimate> estimate(long studyId, long outcomeId, long tpId) {
    return Optional.ofNullable(estimates.get(new CellKey(studyId, outcomeId, 0, tpId)));
  }

  /** Measurements of one study (any outcome), for undoing its deletion. */
  public List<Measurement> measurementsOfStudy(long studyId) {
    return measurements.values().stream().filter(m -> m.studyId() == studyId).toList();
  }

  public List<Measurement> measurementsWhere(java.util.function.Predicate<Measurement> p) {
    return measurements.values().stream().filter(p).toList();
  }

  public List<GenericEstimate> estimatesWhere(java.util.function.Predicate<GenericEstimate> p) {
    return estimates.values().stream().filter(p).toList();
  }

  public int studyCount() {
    return studies.size();
  }

  public int measurementCount() {
    return measurements.size();
  }

  public int armCount() {
    return arms.size();
  }

  // ---- the port: write through, then mirror ----

  @Override
  public Path file() {
    return store.file();
  }

  @Override
  public ProjectData snapshot() {
    List<CharacteristicValue> vals = new ArrayList<>();
    values.values().forEach(m -> vals.addAll(m.values()));
    List<Arm> armList = new ArrayList<>();
    studies().forEach(s -> armList.addAll(armsOf(s.id())));
    List<TimePoint> tps = new ArrayList<>();
    outcomes().forEach(o -> tps.addAll(timePointsOf(o.id())));
    return new ProjectData(
        project,
        studies(),
        fields(),
        vals,
        armList,
        outcomes(),
        tps,
        new ArrayList<>(measurements.values()),
        new ArrayList<>(estimates.values()),
        new ArrayList<>(layouts.values()),
        new ArrayList<>(analyses.values()));
  }

  @Override
  public Project project() {
    return project;
  }

  @Override
  public void updateProject(Project p) {
    store.updateProject(p);
    project = p;
    changed();
  }

  @Override
  public Study insertStudy(Study study) {
    Study stored = store.insertStudy(study);
    studies.put(stored.id(), stored);
    sortedStudies = null;
    changed();
    return stored;
  }

  @Override
  public void updateStudy(Study study) {
    store.updateStudy(study);
    studies.put(study.id(), study);
    sortedStudies = null;
    changed();
  }

  @Override
  public void deleteStudy(long studyId) {
    store.deleteStudy(studyId);
    studies.remove(studyId);
    values.remove(studyId);
    arms.values().removeIf(a -> a.studyId() == studyId);
    measurements.keySet().removeIf(k -> k.studyId() == studyId);
    estimates.keySet().removeIf(k -> k.studyId() == studyId);
    sortedStudies = null;
    changed();
  }

  @Override
  public CharacteristicField insertField(CharacteristicField field) {
    CharacteristicField stored = store.insertField(field);
    fields.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void updateField(CharacteristicField field) {
    store.updateField(field);
    fields.put(field.id(), field);
    changed();
  }

  @Override
  public void deleteField(long fieldId) {
    store.deleteField(fieldId);
    fields.remove(fieldId);
    values.values().forEach(m -> m.remove(fieldId));
    changed();
  }

  @Override
  public void putValue(CharacteristicValue value) {
    store.putValue(value);
    mirrorValue(value);
    changed();
  }

  private void mirrorValue(CharacteristicValue value) {
    if (value.value().isEmpty() && value.provenance().isEmpty()) {
      Map<Long, CharacteristicValue> byField = values.get(value.studyId());
      if (byField != null) {
        byField.remove(value.fieldId());
      }
    } else {
      values.computeIfAbsent(value.studyId(), k -> new HashMap<>()).put(value.fieldId(), value);
    }
  }

  @Override
  public Arm insertArm(Arm arm) {
    Arm stored = store.insertArm(arm);
    arms.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void updateArm(Arm arm) {
    store.updateArm(arm);
    arms.put(arm.id(), arm);
    changed();
  }

  @Override
  public void deleteArm(long armId) {
    store.deleteArm(armId);
    arms.remove(armId);
    measurements.keySet().removeIf(k -> k.armId() == armId);
    changed();
  }

  @Override
  public Outcome insertOutcome(Outcome outcome) {
    Outcome stored = store.insertOutcome(outcome);
    outcomes.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void updateOutcome(Outcome outcome) {
    store.updateOutcome(outcome);
    outcomes.put(outcome.id(), outcome);
    changed();
  }

  @Override
  public void deleteOutcome(long outcomeId) {
    store.deleteOutcome(outcomeId);
    outcomes.remove(outcomeId);
    timePoints.values().removeIf(t -> t.outcomeId() == outcomeId);
    measurements.keySet().removeIf(k -> k.outcomeId() == outcomeId);
    estimates.keySet().removeIf(k -> k.outcomeId() == outcomeId);
    changed();
  }

  @Override
  public TimePoint insertTimePoint(TimePoint timePoint) {
    TimePoint stored = store.insertTimePoint(timePoint);
    timePoints.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void updateTimePoint(TimePoint timePoint) {
    store.updateTimePoint(timePoint);
    timePoints.put(timePoint.id(), timePoint);
    changed();
  }

  @Override
  public void deleteTimePoint(long timePointId) {
    store.deleteTimePoint(timePointId);
    timePoints.remove(timePointId);
    measurements.keySet().removeIf(k -> k.timePointId() == timePointId);
    estimates.keySet().removeIf(k -> k.timePointId() == timePointId);
    changed();
  }

  @Override
  public Measurement putMeasurement(Measurement measurement) {
    Measurement stored = store.putMeasurement(measurement);
    CellKey k = key(measurement);
    if (isEmpty(measurement)) {
      measurements.remove(k);
    } else {
      measurements.put(k, stored != null ? stored : measurement);
    }
    changed();
    return stored;
  }

  @Override
  public GenericEstimate putGenericEstimate(GenericEstimate estimate) {
    GenericEstimate stored = store.putGenericEstimate(estimate);
    CellKey k = key(estimate);
    if (estimate.effect().isEmpty() && estimate.se().isEmpty() && estimate.provenance().isEmpty()) {
      estimates.remove(k);
    } else {
      estimates.put(k, stored != null ? stored : estimate);
    }
    changed();
    return stored;
  }

  /** Whether a measurement holds nothing (the store deletes such a measurement). */
  public static boolean isEmpty(Measurement m) {
    return m.n().isEmpty()
        && m.mean().isEmpty()
        && m.sd().isEmpty()
        && m.events().isEmpty()
        && m.total().isEmpty()
        && m.reported().isEmpty()
        && m.provenance().isEmpty();
  }

  @Override
  public TableLayout putLayout(TableLayout layout) {
    TableLayout stored = store.putLayout(layout);
    layouts.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void deleteLayout(long layoutId) {
    store.deleteLayout(layoutId);
    layouts.remove(layoutId);
    changed();
  }

  @Override
  public SavedAnalysis putAnalysis(SavedAnalysis analysis) {
    SavedAnalysis stored = store.putAnalysis(analysis);
    analyses.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void deleteAnalysis(long analysisId) {
    store.deleteAnalysis(analysisId);
    analyses.remove(analysisId);
    changed();
  }

  /**
   * Runs the edits in one store transaction; listeners hear one change at the end. If the
   * transaction fails the mirror is re-read, since it already holds part of the edits.
   */
  @Override
  public void inTransaction(Runnable edits) {
    transactionDepth++;
    try {
      store.inTransaction(edits);
    } catch (RuntimeException e) {
      if (transactionDepth == 1) {
        reload();
      }
      throw e;
    } finally {
      transactionDepth--;
    }
    if (transactionDepth == 0 && changedInTransaction) {
      changedInTransaction = false;
      fire();
    }
  }

  @Override
  public void saveAs(Path target) {
    store.saveAs(target);
  }

  @Override
  public void addChangeListener(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    store.close();
  }

  private void changed() {
    if (transactionDepth > 0) {
      changedInTransaction = true;
    } else {
      fire();
    }
  }

  private void fire() {
    listeners.forEach(Runnable::run);
  }

  private static CellKey key(Measurement m) {
    return new CellKey(m.studyId(), m.outcomeId(), m.armId(), m.timePointId());
  }

  private static CellKey key(GenericEstimate g) {
    return new CellKey(g.studyId(), g.outcomeId(), 0, g.timePointId());
  }
}
