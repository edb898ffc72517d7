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
import org.ewb.logic.project.OutcomeData;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.logic.project.ProjectSummary;
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
 *
 * <p>Outcome data (measurements and generic estimates) is loaded per outcome on first use, so that
 * a large project opens without reading its hundreds of thousands of measurements (ADR 0073). An
 * outcome is "loaded" once its data is in memory; a write into an outcome that is not loaded goes
 * to the store only (it is read from there when the outcome is loaded). Not thread-safe: use it on
 * one thread; other threads may read outcome data from {@link #store()} and hand it over with
 * {@link #offer}.
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

  /** Outcome data of the loaded outcomes only, by outcome id. */
  private final Map<Long, Map<CellKey, Measurement>> measurements = new HashMap<>();

  private final Map<Long, Map<CellKey, GenericEstimate>> estimates = new HashMap<>();
  private final java.util.Set<Long> loaded = new java.util.HashSet<>();

  /** Measurement counts of the outcomes not loaded (for the status line); null when stale. */
  private Map<Long, Long> unloadedCounts = new HashMap<>();

  /** Bumped by every write that may change outcome data in the store (see {@link #offer}). */
  private long dataVersion;

  private Map<Long, List<Arm>> armsByStudy;
  private final Map<Long, TableLayout> layouts = new LinkedHashMap<>();
  private final Map<Long, SavedAnalysis> analyses = new LinkedHashMap<>();
  private List<Study> sortedStudies;
  private int transactionDepth;
  private boolean changedInTransaction;

  private ProjectCache(ProjectRepository store) {
    this.store = store;
  }

  /** Reads the store into memory, except outcome data, which is read per outcome when needed. */
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
    ProjectData d = store.snapshotWithoutOutcomeData();
    project = d.project();
    studies.clear();
    fields.clear();
    values.clear();
    arms.clear();
    outcomes.clear();
    timePoints.clear();
    measurements.clear();
    estimates.clear();
    loaded.clear();
    unloadedCounts = null;
    dataVersion++;
    armsByStudy = null;
    layouts.clear();
    analyses.clear();
    d.studies().forEach(s -> studies.put(s.id(), s));
    d.fields().forEach(f -> fields.put(f.id(), f));
    d.values().forEach(this::mirrorValue);
    d.arms().forEach(a -> arms.put(a.id(), a));
    d.outcomes().forEach(o -> outcomes.put(o.id(), o));
    d.timePoints().forEach(t -> timePoints.put(t.id(), t));
    d.layouts().forEach(l -> layouts.put(l.id(), l));
    d.analyses().forEach(a -> analyses.put(a.id(), a));
    sortedStudies = null;
  }

  // ---- lazy outcome data ----

  /** Whether an outcome's data is in memory (or the outcome does not exist). */
  public boolean isLoaded(long outcomeId) {
    return loaded.contains(outcomeId) || !outcomes.containsKey(outcomeId);
  }

  /** Outcomes whose data is not in memory yet, in display order. */
  public List<Outcome> unloadedOutcomes() {
    return outcomes().stream().filter(o -> !loaded.contains(o.id())).toList();
  }

  /** Reads an outcome's data from the store unless it is in memory already. */
  public void ensureLoaded(long outcomeId) {
    if (!isLoaded(outcomeId)) {
      install(outcomeId, store.outcomeData(outcomeId));
    }
  }

  /** Reads the data of every outcome not in memory yet. */
  public void ensureAllLoaded() {
    for (Outcome o : unloadedOutcomes()) {
      ensureLoaded(o.id());
    }
  }

  /**
   * A number that changes whenever outcome data may have been written. Another thread that reads an
   * outcome's data from {@link #store()} takes this number before it starts and hands the data over
   * with {@link #offer}, which refuses it if anything was written in the meantime.
   */
  public long dataVersion() {
    return dataVersion;
  }

  /**
   * Takes an outcome's data read elsewhere (on another thread, from {@link #store()}) if the
   * outcome is still not loaded and no outcome data was written since {@code version} was taken.
   *
   * @return whether the outcome is loaded now
   */
  public boolean offer(long outcomeId, OutcomeData data, long version) {
    if (isLoaded(outcomeId)) {
      return true;
    }
    if (version != dataVersion) {
      return false;
    }
    install(outcomeId, data);
    return true;
  }

  private void install(long outcomeId, OutcomeData data) {
    Map<CellKey, Measurement> ms = new HashMap<>(data.measurements().size() * 4 / 3 + 1);
    data.measurements().forEach(m -> ms.put(key(m), m));
    Map<CellKey, GenericEstimate> gs = new HashMap<>();
    data.genericEstimates().forEach(g -> gs.put(key(g), g));
    measurements.put(outcomeId, ms);
    estimates.put(outcomeId, gs);
    loaded.add(outcomeId);
    if (unloadedCounts != null) {
      unloadedCounts.remove(outcomeId);
    }
  }

  private Map<CellKey, Measurement> measurementsOf(long outcomeId) {
    ensureLoaded(outcomeId);
    return measurements.getOrDefault(outcomeId, Map.of());
  }

  private Map<CellKey, GenericEstimate> estimatesOf(long outcomeId) {
    ensureLoaded(outcomeId);
    return estimates.getOrDefault(outcomeId, Map.of());
  }

  private boolean allLoaded() {
    return loaded.containsAll(outcomes.keySet());
  }

  /** Marks that outcome data may have changed in outcomes not loaded (their counts are stale). */
  private void outcomeDataWritten(boolean touchesUnloaded) {
    dataVersion++;
    if (touchesUnloaded) {
      unloadedCounts = null;
    }
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
    if (armsByStudy == null) {
      Map<Long, List<Arm>> byStudy = new HashMap<>();
      arms.values().stream()
          .sorted(ARM_ORDER)
          .forEach(a -> byStudy.computeIfAbsent(a.studyId(), k -> new ArrayList<>()).add(a));
      byStudy.replaceAll((k, v) -> List.copyOf(v));
      armsByStudy = byStudy;
    }
    return armsByStudy.getOrDefault(studyId, List.of());
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

  /** A measurement (loading its outcome's data on first use). */
  public Optional<Measurement> measurement(long studyId, long outcomeId, long armId, long tpId) {
    return Optional.ofNullable(
        measurementsOf(outcomeId).get(new CellKey(studyId, outcomeId, armId, tpId)));
  }

  /** A generic estimate (loading its outcome's data on first use). */
  public Optional<GenericEstimate> estimate(long studyId, long outcomeId, long tpId) {
    return Optional.ofNullable(
        estimatesOf(outcomeId).get(new CellKey(studyId, outcomeId, 0, tpId)));
  }

  /**
   * Measurements of one study (any outcome), for undoing its deletion: from memory for loaded
   * outcomes, from the store for the others (without loading them).
   */
  public List<Measurement> measurementsOfStudy(long studyId) {
    return outcomeDataOfStudy(studyId).measurements();
  }

  /** Generic estimates of one study (any outcome), as {@link #measurementsOfStudy}. */
  public List<GenericEstimate> estimatesOfStudy(long studyId) {
    return outcomeDataOfStudy(studyId).genericEstimates();
  }

  /** Measurements of one arm (any outcome). */
  public List<Measurement> measurementsOfArm(long armId) {
    Arm a = arms.get(armId);
    return a == null
        ? List.of()
        : measurementsOfStudy(a.studyId()).stream().filter(m -> m.armId() == armId).toList();
  }

  /** Measurements at one time point (loading its outcome's data). */
  public List<Measurement> measurementsOfTimePoint(long timePointId) {
    TimePoint t = timePoints.get(timePointId);
    return t == null
        ? List.of()
        : measurementsOf(t.outcomeId()).values().stream()
            .filter(m -> m.timePointId() == timePointId)
            .toList();
  }

  /** Whether an outcome holds any measurement or estimate (loading its data). */
  public boolean hasOutcomeData(long outcomeId) {
    return !measurementsOf(outcomeId).isEmpty() || !estimatesOf(outcomeId).isEmpty();
  }

  /** Generic estimates at one time point (loading its outcome's data). */
  public List<GenericEstimate> estimatesOfTimePoint(long timePointId) {
    TimePoint t = timePoints.get(timePointId);
    return t == null
        ? List.of()
        : estimatesOf(t.outcomeId()).values().stream()
            .filter(g -> g.timePointId() == timePointId)
            .toList();
  }

  public int studyCount() {
    return studies.size();
  }

  /** Measurements in the project (counted in the store for outcomes not loaded). */
  public long measurementCount() {
    long n = 0;
    for (Map<CellKey, Measurement> ms : measurements.values()) {
      n += ms.size();
    }
    if (!allLoaded()) {
      if (unloadedCounts == null) {
        Map<Long, Long> counts = new HashMap<>();
        for (ProjectSummary.OutcomeSummary o : store.summary().outcomes()) {
          if (!loaded.contains(o.outcome().id())) {
            counts.put(o.outcome().id(), o.measurements());
          }
        }
        unloadedCounts = counts;
      }
      for (long id : outcomes.keySet()) {
        if (!loaded.contains(id)) {
          n += unloadedCounts.getOrDefault(id, 0L);
        }
      }
    }
    return n;
  }

  public int armCount() {
    return arms.size();
  }

  // ---- the port: write through, then mirror ----

  @Override
  public Path file() {
    return store.file();
  }

  /** The whole project, loading the data of every outcome not in memory yet. */
  @Override
  public ProjectData snapshot() {
    ensureAllLoaded();
    List<Measurement> ms = new ArrayList<>();
    List<GenericEstimate> gs = new ArrayList<>();
    for (Outcome o : outcomes()) {
      ms.addAll(measurements.getOrDefault(o.id(), Map.of()).values());
      gs.addAll(estimates.getOrDefault(o.id(), Map.of()).values());
    }
    return snapshot(ms, gs);
  }

  @Override
  public ProjectData snapshotWithoutOutcomeData() {
    return snapshot(List.of(), List.of());
  }

  /** One outcome's data, from memory (loaded on first use). */
  @Override
  public OutcomeData outcomeData(long outcomeId) {
    return new OutcomeData(
        new ArrayList<>(measurementsOf(outcomeId).values()),
        new ArrayList<>(estimatesOf(outcomeId).values()));
  }

  /** A study's data: loaded outcomes from memory, the others from the store. */
  @Override
  public OutcomeData outcomeDataOfStudy(long studyId) {
    List<Measurement> ms = new ArrayList<>();
    List<GenericEstimate> gs = new ArrayList<>();
    for (Map<CellKey, Measurement> byKey : measurements.values()) {
      byKey.values().stream().filter(m -> m.studyId() == studyId).forEach(ms::add);
    }
    for (Map<CellKey, GenericEstimate> byKey : estimates.values()) {
      byKey.values().stream().filter(g -> g.studyId() == studyId).forEach(gs::add);
    }
    if (!allLoaded()) {
      OutcomeData stored = store.outcomeDataOfStudy(studyId);
      stored.measurements().stream().filter(m -> !loaded.contains(m.outcomeId())).forEach(ms::add);
      stored.genericEstimates().stream()
          .filter(g -> !loaded.contains(g.outcomeId()))
          .forEach(gs::add);
    }
    return new OutcomeData(ms, gs);
  }

  private ProjectData snapshot(List<Measurement> ms, List<GenericEstimate> gs) {
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
        ms,
        gs,
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
    armsByStudy = null;
    measurements.values().forEach(m -> m.keySet().removeIf(k -> k.studyId() == studyId));
    estimates.values().forEach(m -> m.keySet().removeIf(k -> k.studyId() == studyId));
    outcomeDataWritten(!allLoaded());
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
    if (value.isEmpty()) {
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
    armsByStudy = null;
    changed();
    return stored;
  }

  @Override
  public void updateArm(Arm arm) {
    store.updateArm(arm);
    arms.put(arm.id(), arm);
    armsByStudy = null;
    changed();
  }

  @Override
  public void deleteArm(long armId) {
    store.deleteArm(armId);
    arms.remove(armId);
    armsByStudy = null;
    measurements.values().forEach(m -> m.keySet().removeIf(k -> k.armId() == armId));
    outcomeDataWritten(!allLoaded());
    changed();
  }

  @Override
  public Outcome insertOutcome(Outcome outcome) {
    Outcome stored = store.insertOutcome(outcome);
    outcomes.put(stored.id(), stored);
    // a new outcome holds no data (a re-inserted one on undo gets its data through this cache)
    install(stored.id(), new OutcomeData(List.of(), List.of()));
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
    measurements.remove(outcomeId);
    estimates.remove(outcomeId);
    loaded.remove(outcomeId);
    if (unloadedCounts != null) {
      unloadedCounts.remove(outcomeId);
    }
    outcomeDataWritten(false);
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
    TimePoint t = timePoints.remove(timePointId);
    measurements.values().forEach(m -> m.keySet().removeIf(k -> k.timePointId() == timePointId));
    estimates.values().forEach(m -> m.keySet().removeIf(k -> k.timePointId() == timePointId));
    outcomeDataWritten(t != null && !loaded.contains(t.outcomeId()));
    changed();
  }

  @Override
  public Measurement putMeasurement(Measurement measurement) {
    Measurement stored = store.putMeasurement(measurement);
    Map<CellKey, Measurement> ms = measurements.get(measurement.outcomeId());
    outcomeDataWritten(ms == null);
    if (ms != null) {
      CellKey k = key(measurement);
      if (isEmpty(measurement)) {
        ms.remove(k);
      } else {
        ms.put(k, stored != null ? stored : measurement);
      }
    }
    changed();
    return stored;
  }

  @Override
  public GenericEstimate putGenericEstimate(GenericEstimate estimate) {
    GenericEstimate stored = store.putGenericEstimate(estimate);
    Map<CellKey, GenericEstimate> gs = estimates.get(estimate.outcomeId());
    outcomeDataWritten(gs == null);
    if (gs != null) {
      CellKey k = key(estimate);
      if (estimate.effect().isEmpty()
          && estimate.se().isEmpty()
          && estimate.provenance().isEmpty()) {
        gs.remove(k);
      } else {
        gs.put(k, stored != null ? stored : estimate);
      }
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
