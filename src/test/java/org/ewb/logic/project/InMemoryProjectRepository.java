package org.ewb.logic.project;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewb.model.Arm;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.ReportedForm;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.Study;
import org.ewb.model.TableLayout;
import org.ewb.model.TimePoint;

/**
 * Test double of the repository port kept in memory, so logic that writes projects can be tested
 * without the SQLite store. Ids are assigned 1, 2, 3... per entity kind in insertion order, and
 * lists keep insertion order. Transactions are not rolled back (tests here do not need it).
 */
public final class InMemoryProjectRepository implements ProjectRepository {

  private Project project = new Project("", "", "", Instant.EPOCH, Instant.EPOCH, 1);
  private final Map<Long, Study> studies = new LinkedHashMap<>();
  private final Map<Long, CharacteristicField> fields = new LinkedHashMap<>();
  private final Map<List<Long>, CharacteristicValue> values = new LinkedHashMap<>();
  private final Map<Long, Arm> arms = new LinkedHashMap<>();
  private final Map<Long, Outcome> outcomes = new LinkedHashMap<>();
  private final Map<Long, TimePoint> timePoints = new LinkedHashMap<>();
  private final Map<List<Long>, Measurement> measurements = new LinkedHashMap<>();
  private final Map<List<Long>, GenericEstimate> estimates = new LinkedHashMap<>();
  private final Map<Long, TableLayout> layouts = new LinkedHashMap<>();
  private final Map<Long, SavedAnalysis> analyses = new LinkedHashMap<>();
  private final List<Runnable> listeners = new ArrayList<>();
  private long nextId = 1;

  @Override
  public Path file() {
    return Path.of("in-memory.ewb");
  }

  @Override
  public ProjectData snapshot() {
    return new ProjectData(
        project,
        List.copyOf(studies.values()),
        List.copyOf(fields.values()),
        List.copyOf(values.values()),
        List.copyOf(arms.values()),
        List.copyOf(outcomes.values()),
        List.copyOf(timePoints.values()),
        List.copyOf(measurements.values()),
        List.copyOf(estimates.values()),
        List.copyOf(layouts.values()),
        List.copyOf(analyses.values()),
        layoutContent());
  }

  private final List<org.ewb.model.LayoutCell> layoutCells = new java.util.ArrayList<>();
  private final List<org.ewb.model.LayoutColumn> layoutColumns = new java.util.ArrayList<>();
  private final List<org.ewb.model.LayoutOptions> layoutOptions = new java.util.ArrayList<>();
  private final List<org.ewb.model.GlossaryEntry> glossary = new java.util.ArrayList<>();

  @Override
  public org.ewb.model.LayoutContent layoutContent() {
    return new org.ewb.model.LayoutContent(layoutCells, layoutColumns, layoutOptions, glossary);
  }

  @Override
  public void putLayoutContent(
      org.ewb.model.LayoutOptions options,
      List<org.ewb.model.LayoutColumn> columns,
      List<org.ewb.model.LayoutCell> cells) {
    long id = options.layoutId();
    layoutCells.removeIf(c -> c.layoutId() == id);
    layoutColumns.removeIf(c -> c.layoutId() == id);
    layoutOptions.removeIf(o -> o.layoutId() == id);
    layoutOptions.add(options);
    layoutColumns.addAll(columns);
    cells.forEach(this::putLayoutCell);
  }

  @Override
  public void putLayoutCell(org.ewb.model.LayoutCell cell) {
    layoutCells.removeIf(
        c ->
            c.layoutId() == cell.layoutId()
                && c.studyId() == cell.studyId()
                && c.column().equals(cell.column()));
    if (!cell.isEmpty()) {
      layoutCells.add(cell);
    }
  }

  @Override
  public void putGlossary(List<org.ewb.model.GlossaryEntry> entries) {
    glossary.clear();
    glossary.addAll(entries);
  }

  @Override
  public Project project() {
    return project;
  }

  @Override
  public void updateProject(Project p) {
    project = p;
    changed();
  }

  @Override
  public Study insertStudy(Study s) {
    Study stored = s.withId(s.id() != 0 ? s.id() : nextId++);
    studies.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void updateStudy(Study s) {
    studies.put(s.id(), s);
    changed();
  }

  @Override
  public void deleteStudy(long studyId) {
    studies.remove(studyId);
    values.keySet().removeIf(k -> k.get(0) == studyId);
    arms.values().removeIf(a -> a.studyId() == studyId);
    measurements.values().removeIf(m -> m.studyId() == studyId);
    estimates.values().removeIf(m -> m.studyId() == studyId);
    changed();
  }

  @Override
  public CharacteristicField insertField(CharacteristicField f) {
    CharacteristicField stored = f.withId(f.id() != 0 ? f.id() : nextId++);
    fields.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void updateField(CharacteristicField f) {
    fields.put(f.id(), f);
    changed();
  }

  @Override
  public void deleteField(long fieldId) {
    fields.remove(fieldId);
    values.keySet().removeIf(k -> k.get(1) == fieldId);
    changed();
  }

  @Override
  public void putValue(CharacteristicValue v) {
    List<Long> key = List.of(v.studyId(), v.fieldId());
    if (v.value().isEmpty() && v.provenance().isEmpty()) {
      values.remove(key);
    } else {
      values.put(key, v);
    }
    changed();
  }

  @Override
  public Arm insertArm(Arm a) {
    Arm stored = a.withId(a.id() != 0 ? a.id() : nextId++);
    arms.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void updateArm(Arm a) {
    arms.put(a.id(), a);
    changed();
  }

  @Override
  public void deleteArm(long armId) {
    arms.remove(armId);
    measurements.values().removeIf(m -> m.armId() == armId);
    changed();
  }

  @Override
  public Outcome insertOutcome(Outcome o) {
    Outcome stored = o.withId(o.id() != 0 ? o.id() : nextId++);
    outcomes.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void updateOutcome(Outcome o) {
    outcomes.put(o.id(), o);
    changed();
  }

  @Override
  public void deleteOutcome(long outcomeId) {
    outcomes.remove(outcomeId);
    timePoints.values().removeIf(t -> t.outcomeId() == outcomeId);
    measurements.values().removeIf(m -> m.outcomeId() == outcomeId);
    estimates.values().removeIf(m -> m.outcomeId() == outcomeId);
    changed();
  }

  @Override
  public TimePoint insertTimePoint(TimePoint t) {
    TimePoint stored = t.withId(t.id() != 0 ? t.id() : nextId++);
    timePoints.put(stored.id(), stored);
    changed();
    return stored;
  }

  @Override
  public void updateTimePoint(TimePoint t) {
    timePoints.put(t.id(), t);
    changed();
  }

  @Override
  public void deleteTimePoint(long timePointId) {
    timePoints.remove(timePointId);
    measurements.values().removeIf(m -> m.timePointId() == timePointId);
    estimates.values().removeIf(m -> m.timePointId() == timePointId);
    changed();
  }

  @Override
  public Measurement putMeasurement(Measurement m) {
    List<Long> key = List.of(m.studyId(), m.outcomeId(), m.armId(), m.timePointId());
    boolean empty =
        m.n().isEmpty()
            && m.mean().isEmpty()
            && m.sd().isEmpty()
            && m.events().isEmpty()
            && m.total().isEmpty()
            && m.reported().equals(ReportedForm.NONE)
            && m.provenance().isEmpty();
    if (empty) {
      measurements.remove(key);
      changed();
      return m;
    }
    Measurement old = measurements.get(key);
    Measurement stored = m.withId(old != null ? old.id() : m.id() != 0 ? m.id() : nextId++);
    measurements.put(key, stored);
    changed();
    return stored;
  }

  @Override
  public GenericEstimate putGenericEstimate(GenericEstimate e) {
    List<Long> key = List.of(e.studyId(), e.outcomeId(), e.timePointId());
    GenericEstimate old = estimates.get(key);
    GenericEstimate stored = e.withId(old != null ? old.id() : e.id() != 0 ? e.id() : nextId++);
    estimates.put(key, stored);
    changed();
    return stored;
  }

  @Override
  public TableLayout putLayout(TableLayout l) {
    long id = l.id() != 0 ? l.id() : nextId++;
    TableLayout stored = l.withId(id);
    layouts.put(id, stored);
    changed();
    return stored;
  }

  @Override
  public void deleteLayout(long layoutId) {
    layouts.remove(layoutId);
    changed();
  }

  @Override
  public SavedAnalysis putAnalysis(SavedAnalysis a) {
    long id = a.id() != 0 ? a.id() : nextId++;
    SavedAnalysis stored = new SavedAnalysis(id, a.name(), a.settingsJson(), a.displayOrder());
    analyses.put(id, stored);
    changed();
    return stored;
  }

  @Override
  public void deleteAnalysis(long analysisId) {
    analyses.remove(analysisId);
    changed();
  }

  @Override
  public void inTransaction(Runnable edits) {
    edits.run();
  }

  @Override
  public void saveAs(Path target) {
    throw new UnsupportedOperationException("in-memory test repository has no file");
  }

  @Override
  public void addChangeListener(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {}

  private void changed() {
    listeners.forEach(Runnable::run);
  }
}
