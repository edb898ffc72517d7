package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ewb.logic.extraction.Edit;
import org.ewb.logic.extraction.Edits;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.extraction.ReportedForms;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.validation.CellIssue;
import org.ewb.logic.validation.Column;
import org.ewb.logic.validation.ProjectValidator;
import org.ewb.model.Arm;
import org.ewb.model.CellText;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Provenance;
import org.ewb.model.ReportedForm;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.MainViewModel;

/**
 * The data grid of one outcome: rows are study x arm (grouped by study; one row per study for
 * generic effect estimates, and one row for an included study that has no arm yet, whose Arm cell
 * creates its first arm), columns are time point x (n, mean, SD) / (events, total) / (effect, SE).
 * Column 0 is the study, 1 the arm, 2 its role, 3 the number randomised; data column {@code 4 + t *
 * width + k} is part {@code k} of time point {@code t}. Cells are checked with {@link
 * ProjectValidator}.
 */
public final class OutcomeViewModel implements SheetModel<OutcomeViewModel.Row> {

  /**
   * One grid row: a study's arm (null for a generic estimate's study row, or for a study without
   * arms).
   */
  public record Row(Study study, Arm arm, boolean firstOfStudy) {}

  public static final int STUDY = 0;
  public static final int ARM = 1;
  public static final int ROLE = 2;
  public static final int RANDOMISED = 3;
  public static final int FIRST_DATA = 4;

  private final MainViewModel main;
  private final long outcomeId;
  private Outcome outcome;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<TimePoint> timePoints = FXCollections.observableArrayList();

  public OutcomeViewModel(MainViewModel main, long outcomeId) {
    this.main = main;
    this.outcomeId = outcomeId;
    refresh();
  }

  private ProjectCache p() {
    ProjectCache p = main.project();
    if (p == null) {
      throw new WorkbenchException(WorkbenchException.Kind.USAGE, lang("error.noProject"));
    }
    return p;
  }

  /** Re-reads rows and time points; returns whether the columns changed. */
  public boolean refresh() {
    ProjectCache p = main.project();
    if (p == null) {
      rows.clear();
      return false;
    }
    outcome = p.outcome(outcomeId).orElse(null);
    if (outcome == null) {
      rows.clear();
      boolean changed = !timePoints.isEmpty();
      timePoints.clear();
      return changed;
    }
    List<Row> now = new ArrayList<>();
    for (Study s : p.studies()) {
      if (outcome.kind() == OutcomeKind.GENERIC) {
        now.add(new Row(s, null, true));
      } else {
        List<Arm> arms = p.armsOf(s.id());
        for (int i = 0; i < arms.size(); i++) {
          now.add(new Row(s, arms.get(i), i == 0));
        }
        if (arms.isEmpty() && s.status() == org.ewb.model.StudyStatus.INCLUDED) {
          // an included study is a row even before it has arms: its first arm is added here
          now.add(new Row(s, null, true));
        }
      }
    }
    if (!now.equals(rows)) {
      rows.setAll(now);
    }
    List<TimePoint> tps = p.timePointsOf(outcomeId);
    if (!tps.equals(timePoints)) {
      timePoints.setAll(tps);
      return true;
    }
    return false;
  }

  public Outcome outcome() {
    return outcome;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObservableList<TimePoint> timePoints() {
    return timePoints;
  }

  /** The parts of one time point, as {@link Column}s. */
  public List<Column> parts() {
    if (outcome == null) {
      return List.of();
    }
    return switch (outcome.kind()) {
      case CONTINUOUS -> List.of(Column.N, Column.MEAN, Column.SD);
      case DICHOTOMOUS -> List.of(Column.EVENTS, Column.TOTAL);
      case GENERIC -> List.of(Column.EFFECT, Column.EFFECT_SE);
    };
  }

  public static String partTitle(Column c) {
    return switch (c) {
      case N -> "n";
      case MEAN -> lang("grid.mean");
      case SD -> "SD";
      case EVENTS -> lang("grid.events");
      case TOTAL -> lang("grid.total");
      case EFFECT -> lang("grid.effect");
      case EFFECT_SE -> "SE";
      default -> c.label();
    };
  }

  public TimePoint timePoint(int column) {
    return timePoints.get((column - FIRST_DATA) / parts().size());
  }

  public Column part(int column) {
    return parts().get((column - FIRST_DATA) % parts().size());
  }

  public int column(int timePointIndex, Column part) {
    return FIRST_DATA + timePointIndex * parts().size() + parts().indexOf(part);
  }

  public static String timePointTitle(TimePoint t) {
    return org.ewb.logic.extraction.TimePointText.of(t);
  }

  /** The stored measurement of a row at a time point, or an empty one (not stored). */
  public Measurement measurement(Row row, TimePoint t) {
    return p().measurement(row.study().id(), outcomeId, row.arm().id(), t.id())
        .orElse(
            new Measurement(
                0,
                row.study().id(),
                outcomeId,
                row.arm().id(),
                t.id(),
                null,
                null,
                null,
                null,
                null,
                null,
                "",
                null));
  }

  public GenericEstimate estimate(Row row, TimePoint t) {
    return p().estimate(row.study().id(), outcomeId, t.id())
        .orElse(new GenericEstimate(0, row.study().id(), outcomeId, t.id(), null, null, "", null));
  }

  private static CellText get(Measurement m, Column c) {
    return switch (c) {
      case N -> m.n();
      case MEAN -> m.mean();
      case SD -> m.sd();
      case EVENTS -> m.events();
      case TOTAL -> m.total();
      default -> CellText.EMPTY;
    };
  }

  private static Measurement with(Measurement m, Column c, CellText v) {
    return new Measurement(
        m.id(),
        m.studyId(),
        m.outcomeId(),
        m.armId(),
        m.timePointId(),
        c == Column.N ? v : m.n(),
        c == Column.MEAN ? v : m.mean(),
        c == Column.SD ? v : m.sd(),
        c == Column.EVENTS ? v : m.events(),
        c == Column.TOTAL ? v : m.total(),
        m.reported(),
        // typing over a derived mean or SD makes it a reported value again
        (c == Column.MEAN || c == Column.SD) ? "" : m.derivation(),
        m.provenance());
  }

  private static GenericEstimate with(GenericEstimate g, Column c, CellText v) {
    return new GenericEstimate(
        g.id(),
        g.studyId(),
        g.outcomeId(),
        g.timePointId(),
        c == Column.EFFECT ? v : g.effect(),
        c == Column.EFFECT_SE ? v : g.se(),
        g.measure(),
        g.provenance());
  }

  private boolean generic() {
    return outcome != null && outcome.kind() == OutcomeKind.GENERIC;
  }

  // ---- SheetModel ----

  @Override
  public String text(Row row, int column) {
    if (column == STUDY) {
      return row.firstOfStudy() ? row.study().label() : "";
    }
    if (column == ARM) {
      return row.arm() == null ? "" : row.arm().label();
    }
    if (column == ROLE) {
      return row.arm() == null ? "" : ArmRoles.text(row.arm().role());
    }
    if (column == RANDOMISED) {
      return row.arm() == null || row.arm().randomised() == null
          ? ""
          : row.arm().randomised().toString();
    }
    if (main.project() == null || outcome == null || !hasData(row)) {
      return "";
    }
    TimePoint t = timePoint(column);
    Column c = part(column);
    if (generic()) {
      GenericEstimate g = estimate(row, t);
      return (c == Column.EFFECT ? g.effect() : g.se()).text();
    }
    return get(measurement(row, t), c).text();
  }

  /** Whether the row can hold data (an arm, or a study's row of a generic outcome). */
  private boolean hasData(Row row) {
    return row.arm() != null || generic();
  }

  @Override
  public boolean isEditable(Row row, int column) {
    if (column == STUDY) {
      return false;
    }
    if (column == ARM) {
      return !generic();
    }
    if (column == ROLE || column == RANDOMISED) {
      return row.arm() != null;
    }
    return hasData(row);
  }

  @Override
  public List<String> choices(Row row, int column) {
    return column == ROLE ? ArmRoles.choices() : List.of();
  }

  /** Problems of the cell from the project's validation rules (errors before warnings). */
  public List<CellIssue> issues(Row row, int column) {
    if (column < FIRST_DATA || outcome == null || !hasData(row)) {
      return List.of();
    }
    TimePoint t = timePoint(column);
    String key = part(column).key();
    List<CellIssue> all =
        generic()
            ? ProjectValidator.validateGenericEstimate(estimate(row, t))
            : ProjectValidator.validateMeasurement(
                measurement(row, t), outcome.kind(), row.arm().randomised());
    return all.stream()
        .filter(i -> i.column().equals(key))
        .sorted((a, b) -> Boolean.compare(b.isError(), a.isError()))
        .toList();
  }

  @Override
  public Optional<String> problem(Row row, int column) {
    List<CellIssue> issues = issues(row, column);
    return issues.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join("\n", issues.stream().map(CellIssue::detail).toList()));
  }

  @Override
  public boolean isWarningOnly(Row row, int column) {
    List<CellIssue> issues = issues(row, column);
    return !issues.isEmpty() && issues.stream().noneMatch(CellIssue::isError);
  }

  @Override
  public boolean hasProvenanceSlot(Row row, int column) {
    return column >= FIRST_DATA && hasData(row);
  }

  @Override
  public Provenance provenance(Row row, int column) {
    if (column < FIRST_DATA || outcome == null || !hasData(row)) {
      return Provenance.NONE;
    }
    TimePoint t = timePoint(column);
    return generic() ? estimate(row, t).provenance() : measurement(row, t).provenance();
  }

  @Override
  public void setProvenance(Row row, int column, Provenance provenance) {
    ProjectCache p = p();
    TimePoint t = timePoint(column);
    if (generic()) {
      GenericEstimate g = estimate(row, t);
      main.history()
          .perform(
              Edits.putEstimate(
                  p,
                  new GenericEstimate(
                      g.id(),
                      g.studyId(),
                      g.outcomeId(),
                      g.timePointId(),
                      g.effect(),
                      g.se(),
                      g.measure(),
                      provenance)),
              p);
    } else {
      Measurement m = measurement(row, t);
      main.history()
          .perform(
              Edits.putMeasurement(
                  p,
                  new Measurement(
                      m.id(),
                      m.studyId(),
                      m.outcomeId(),
                      m.armId(),
                      m.timePointId(),
                      m.n(),
                      m.mean(),
                      m.sd(),
                      m.events(),
                      m.total(),
                      m.reported(),
                      m.derivation(),
                      provenance)),
              p);
    }
  }

  @Override
  public Optional<String> derivation(Row row, int column) {
    if (column < FIRST_DATA || generic() || outcome == null || row.arm() == null) {
      return Optional.empty();
    }
    Measurement m = measurement(row, timePoint(column));
    Column c = part(column);
    if (!m.isDerived() || get(m, c).isEmpty() || (c != Column.MEAN && c != Column.SD)) {
      return Optional.empty();
    }
    String key = "derivation." + m.derivation().replace('-', '_');
    if (!Localization.has(Localization.locale(), key)) {
      // a free-text note on how the value was obtained (e.g. from the sample sources)
      return Optional.of(m.derivation());
    }
    boolean marked = c == Column.SD || ReportedForms.derivesMean(m.derivation());
    return marked ? Optional.of(lang(key)) : Optional.empty();
  }

  @Override
  public String place(Row row, int column) {
    StringBuilder sb = new StringBuilder(row.study().label());
    if (row.arm() != null) {
      sb.append(" \u00b7 ").append(row.arm().label());
    }
    if (column == ROLE) {
      sb.append(" \u00b7 ").append(lang("arm.role"));
    } else if (column == RANDOMISED) {
      sb.append(" \u00b7 ").append(lang("arm.randomised"));
    }
    if (column >= FIRST_DATA && outcome != null) {
      sb.append(" \u00b7 ")
          .append(outcome.name(org.ewb.logic.l10n.Localization.language()))
          .append(" \u00b7 ")
          .append(timePointTitle(timePoint(column)))
          .append(" \u00b7 ")
          .append(partTitle(part(column)));
    }
    return sb.toString();
  }

  @Override
  public void commit(List<CellChange<Row>> changes, String description) {
    ProjectCache p = p();
    // cells of one measurement are merged into one change of that measurement
    Map<String, Measurement> measurements = new LinkedHashMap<>();
    Map<String, GenericEstimate> estimates = new LinkedHashMap<>();
    Map<Long, Arm> arms = new LinkedHashMap<>();
    List<Edit> newArms = new ArrayList<>();
    for (CellChange<Row> c : changes) {
      Row row = c.row();
      String text = c.text() == null ? "" : c.text();
      if (c.column() == ARM && row.arm() == null) {
        if (!text.isBlank() && !generic()) {
          // the Arm cell of a study without arms: typing a label adds the study's first arm
          newArms.add(
              Edits.addArm(
                  p,
                  row.study().id(),
                  text.strip(),
                  ArmRoles.forNewArm(p.armsOf(row.study().id()))));
        }
        continue;
      }
      if (row.arm() != null
          && (c.column() == ARM || c.column() == ROLE || c.column() == RANDOMISED)) {
        Arm a = arms.getOrDefault(row.arm().id(), p.arm(row.arm().id()).orElseThrow());
        arms.put(
            a.id(),
            ArmCells.with(
                a,
                c.column() == ARM
                    ? ArmCells.LABEL
                    : c.column() == ROLE ? ArmCells.ROLE : ArmCells.RANDOMISED,
                text,
                row.study()));
        continue;
      }
      if (c.column() < FIRST_DATA || !hasData(row)) {
        continue;
      }
      TimePoint t = timePoint(c.column());
      Column part = part(c.column());
      if (generic()) {
        String key = row.study().id() + "/" + t.id();
        GenericEstimate g = estimates.getOrDefault(key, estimate(row, t));
        estimates.put(key, with(g, part, CellText.of(text)));
      } else {
        String key = row.arm().id() + "/" + t.id();
        Measurement m = measurements.getOrDefault(key, measurement(row, t));
        if (!get(m, part).text().equals(CellText.of(text).text())) {
          measurements.put(key, with(m, part, CellText.of(text)));
        }
      }
    }
    List<Edit> edits = new ArrayList<>(newArms);
    arms.values()
        .forEach(
            a -> {
              if (!p.arm(a.id()).orElseThrow().equals(a)) {
                edits.add(Edits.updateArm(p, a));
              }
            });
    measurements.values().forEach(m -> edits.add(Edits.putMeasurement(p, m)));
    estimates.values().forEach(g -> edits.add(Edits.putEstimate(p, g)));
    main.history().performAll(description, edits, p);
  }

  @Override
  public Optional<int[]> locate(Edit edit, List<Row> rows) {
    Edit e = first(edit);
    if (e instanceof Edits.MeasurementEdit me) {
      Measurement m = me.after() != null ? me.after() : me.before();
      Measurement other = me.after() != null && me.before() != null ? me.before() : null;
      for (int r = 0; r < rows.size(); r++) {
        if (rows.get(r).arm() != null && rows.get(r).arm().id() == m.armId()) {
          int t = indexOfTimePoint(m.timePointId());
          if (t < 0) {
            return Optional.empty();
          }
          Column changed = parts().get(0);
          if (other != null) {
            for (Column c : parts()) {
              if (!get(m, c).text().equals(get(other, c).text())) {
                changed = c;
                break;
              }
            }
          }
          return Optional.of(new int[] {r, column(t, changed)});
        }
      }
    } else if (e instanceof Edits.EstimateEdit ge) {
      GenericEstimate g = ge.after() != null ? ge.after() : ge.before();
      for (int r = 0; r < rows.size(); r++) {
        if (rows.get(r).study().id() == g.studyId()) {
          int t = indexOfTimePoint(g.timePointId());
          return t < 0 ? Optional.empty() : Optional.of(new int[] {r, column(t, Column.EFFECT)});
        }
      }
    }
    return Optional.empty();
  }

  private int indexOfTimePoint(long id) {
    for (int i = 0; i < timePoints.size(); i++) {
      if (timePoints.get(i).id() == id) {
        return i;
      }
    }
    return -1;
  }

  /** The first cell edit of a group (a paste), or the edit itself. */
  static Edit first(Edit edit) {
    Edit e = edit;
    while (e instanceof org.ewb.logic.extraction.CompoundEdit c && !c.edits().isEmpty()) {
      e = c.edits().get(0);
    }
    return e;
  }

  @Override
  public java.util.Optional<org.ewb.logic.extraction.Edit> undo() {
    return main.history().undo(p());
  }

  @Override
  public java.util.Optional<org.ewb.logic.extraction.Edit> redo() {
    return main.history().redo(p());
  }

  // ---- reported forms ----

  /** Stores a reported form and, where it allows, the derived mean / SD (one undoable step). */
  public void applyReported(Row row, TimePoint t, ReportedForm r) {
    ProjectCache p = p();
    Measurement m = measurement(row, t);
    Measurement after =
        ReportedForms.apply(m, r, place(row, column(timePoints.indexOf(t), Column.SD)));
    main.history().perform(Edits.putMeasurement(p, after), p);
  }

  // ---- structure ----

  public TimePoint addTimePoint(double months, String label) {
    ProjectCache p = p();
    var e = Edits.addTimePoint(p, outcomeId, months, label);
    main.history().perform(e, p);
    return e.entity();
  }

  public void relabelTimePoint(TimePoint t, double months, String label) {
    ProjectCache p = p();
    main.history()
        .perform(Edits.updateTimePoint(p, new TimePoint(t.id(), t.outcomeId(), months, label)), p);
  }

  public void removeTimePoint(TimePoint t) {
    ProjectCache p = p();
    main.history().perform(Edits.deleteTimePoint(p, t.id()), p);
  }

  public Arm addArm(Study s, String label) {
    return addArm(s, label, null);
  }

  /** Adds an arm to a study; a null role takes {@link ArmRoles#forNewArm}'s default. */
  public Arm addArm(Study s, String label, org.ewb.model.ArmRole role) {
    ProjectCache p = p();
    var e =
        Edits.addArm(p, s.id(), label, role != null ? role : ArmRoles.forNewArm(p.armsOf(s.id())));
    main.history().perform(e, p);
    return e.entity();
  }

  /** The role a new arm of a study gets unless chosen. */
  public org.ewb.model.ArmRole defaultRole(Study s) {
    return ArmRoles.forNewArm(p().armsOf(s.id()));
  }

  public void removeArm(Arm a) {
    ProjectCache p = p();
    main.history().perform(Edits.deleteArm(p, a.id()), p);
  }
}
