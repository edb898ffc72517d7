package org.ewb.logic.meta.overtime;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.MetaAnalysisRunner;
import org.ewb.logic.meta.ProjectAnalysisInput;
import org.ewb.logic.meta.StudyData;
import org.ewb.logic.meta.StudyTable;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;

/**
 * Series over time built from the arms' own values: the pooled mean or proportion per arm role
 * (experimental arms in one series, control arms in another; {@link ArmMeasure}), and change from
 * baseline ({@link ChangeFromBaseline}) per arm or as a comparison (MD, SMD). Each point is fitted
 * by the engine's single analysis ({@link MetaAnalysisRunner}; per-arm values as generic effects
 * with their variances), so a pooled value equals a direct single-group meta-analysis of the same
 * arms. Several arms of one role in a study are combined first (events added; mean and SD by the
 * Cochrane Handbook's Table 6.5.a), as the comparison analyses do.
 */
public final class ArmOverTime {

  private static final ArmRole[] ROLES = {ArmRole.EXPERIMENTAL, ArmRole.CONTROL};

  private ArmOverTime() {}

  /**
   * The pooled mean (MN) or proportion (PR, PLO) of each arm role at every time point or window.
   *
   * @param options model and test of the analysis view (measure, subgroup, moderator are ignored)
   * @param subgroup characteristic field whose levels become separate series per role, or null
   * @param change change from baseline (MN only), or null for the values as reported
   * @throws WorkbenchException (USAGE) when the measure does not fit the outcome's data, (DATA) for
   *     invalid arm values or when no time point has data
   */
  public static OverTimeAnalysis.Result perArm(
      ProjectData data,
      String outcomeName,
      ArmMeasure measure,
      AnalysisOptions options,
      String subgroup,
      List<TimeWindow> windows,
      ChangeFromBaseline change) {
    Outcome outcome = outcome(data, outcomeName);
    boolean binary = outcome.kind() == OutcomeKind.DICHOTOMOUS;
    if (outcome.kind() == OutcomeKind.GENERIC || binary != measure.isProportion()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE,
          lang("overtime.error.armMeasure", measure.name(), outcome.name()));
    }
    if (change != null && binary) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, lang("overtime.error.changeMeans", outcome.name()));
    }
    AnalysisOptions o =
        new AnalysisOptions(
            Measure.GEN, options.model(), options.test(), null, null, false, null, false);
    TimePoint baseline = change == null ? null : baseline(data, outcome);
    List<String> notes = new ArrayList<>();
    Map<String, List<OverTimeAnalysis.Point>> bySeries = new LinkedHashMap<>();
    for (OverTimeAnalysis.Slot slot : OverTimeAnalysis.slots(data, outcome, windows)) {
      if (baseline != null && slot.months() == baseline.months()) {
        continue;
      }
      for (ArmRole role : ROLES) {
        String roleName = lang("overtime.series." + role.name().toLowerCase(java.util.Locale.ROOT));
        List<StudyData> rows = new ArrayList<>();
        List<Study> used = new ArrayList<>();
        for (Study s : included(data)) {
          String label = label(s);
          String where = outcome.name() + ", " + slot.label() + ", " + roleName;
          Optional<double[]> v = valueInSlot(data, s, outcome, slot, role, notes, label);
          if (v.isEmpty()) {
            continue;
          }
          double[] x = v.get();
          if (baseline != null) {
            Optional<double[]> b = armValues(data, s, outcome, baseline, role, notes, label);
            if (b.isEmpty()) {
              notes.add(lang("overtime.note.noBaseline", label, roleName, slot.label()));
              continue;
            }
            x = change.change(label + ", " + where, b.get(), x);
          }
          double[] e =
              binary
                  ? measure.ofEvents(label + ", " + where, x[0], x[1])
                  : measure.ofMean(label + ", " + where, x[0], x[1], x[2]);
          rows.add(new StudyData.GenericEffect(label, e[0], e[1]));
          used.add(s);
        }
        if (rows.isEmpty()) {
          continue;
        }
        fit(data, table(data, StudyTable.Kind.GENERIC, rows, used), o, slot, subgroup, roleName)
            .forEach((k, p) -> bySeries.computeIfAbsent(k, x -> new ArrayList<>()).add(p));
      }
    }
    String name = measure.name();
    return result(outcome, name, measure.backTransform(), subgroup, bySeries, notes, change);
  }

  /**
   * Change from baseline compared between the arms (MD or SMD of the change scores) at every time
   * point or window after baseline.
   *
   * @param options the analysis options; the measure must be MD or SMD
   */
  public static OverTimeAnalysis.Result comparison(
      ProjectData data,
      String outcomeName,
      AnalysisOptions options,
      String subgroup,
      List<TimeWindow> windows,
      ChangeFromBaseline change) {
    Outcome outcome = outcome(data, outcomeName);
    if (outcome.kind() != OutcomeKind.CONTINUOUS
        || (options.measure() != Measure.MD && options.measure() != Measure.SMD)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, lang("overtime.error.changeMeans", outcome.name()));
    }
    AnalysisOptions o =
        new AnalysisOptions(
            options.measure(), options.model(), options.test(), null, null, false, null, false);
    TimePoint baseline = baseline(data, outcome);
    List<String> notes = new ArrayList<>();
    Map<String, List<OverTimeAnalysis.Point>> bySeries = new LinkedHashMap<>();
    for (OverTimeAnalysis.Slot slot : OverTimeAnalysis.slots(data, outcome, windows)) {
      if (slot.months() == baseline.months()) {
        continue;
      }
      List<StudyData> rows = new ArrayList<>();
      List<Study> used = new ArrayList<>();
      for (Study s : included(data)) {
        String label = label(s);
        double[][] sides = new double[2][];
        for (int i = 0; i < 2; i++) {
          Optional<double[]> f = valueInSlot(data, s, outcome, slot, ROLES[i], notes, label);
          Optional<double[]> b = armValues(data, s, outcome, baseline, ROLES[i], notes, label);
          if (f.isPresent() && b.isPresent()) {
            sides[i] = change.change(label + ", " + outcome.name(), b.get(), f.get());
          } else if (f.isPresent()) {
            notes.add(
                lang(
                    "overtime.note.noBaseline",
                    label,
                    lang("overtime.series." + ROLES[i].name().toLowerCase(java.util.Locale.ROOT)),
                    slot.label()));
          }
        }
        if (sides[0] == null || sides[1] == null) {
          continue;
        }
        rows.add(
            new StudyData.ContinuousArms(
                label,
                sides[0][0],
                sides[0][1],
                sides[0][2],
                sides[1][0],
                sides[1][1],
                sides[1][2]));
        used.add(s);
      }
      if (rows.isEmpty()) {
        notes.add(lang("overtime.note.noData", outcome.name(), slot.label()));
        continue;
      }
      String all = lang("overtime.series.all");
      fit(data, table(data, StudyTable.Kind.CONTINUOUS, rows, used), o, slot, subgroup, null)
          .forEach(
              (k, p) ->
                  bySeries.computeIfAbsent(k == null ? all : k, x -> new ArrayList<>()).add(p));
    }
    return result(
        outcome, options.measure().name(), BackTransform.NONE, subgroup, bySeries, notes, change);
  }

  private static OverTimeAnalysis.Result result(
      Outcome outcome,
      String measure,
      BackTransform bt,
      String subgroup,
      Map<String, List<OverTimeAnalysis.Point>> bySeries,
      List<String> notes,
      ChangeFromBaseline change) {
    List<OverTimeAnalysis.Series> series = new ArrayList<>();
    bySeries.forEach((k, v) -> series.add(new OverTimeAnalysis.Series(k, v)));
    if (series.isEmpty()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("overtime.error.noData", outcome.name()));
    }
    if (change != null) {
      notes.add(0, lang("overtime.note.changeDerived", String.valueOf(change.rho())));
    }
    return new OverTimeAnalysis.Result(
        outcome.name(),
        measure,
        bt,
        subgroup,
        series,
        notes,
        change == null ? "" : change.derivation());
  }

  /**
   * The point of each series at one slot: one fit of the whole table, or one per subgroup level.
   * Keys: {@code prefix}, or "prefix · level" (the level alone when prefix is null).
   */
  private static Map<String, OverTimeAnalysis.Point> fit(
      ProjectData data,
      StudyTable table,
      AnalysisOptions o,
      OverTimeAnalysis.Slot slot,
      String subgroup,
      String prefix) {
    Map<String, OverTimeAnalysis.Point> out = new LinkedHashMap<>();
    if (subgroup == null) {
      out.put(prefix, OverTimeAnalysis.point(slot, MetaAnalysisRunner.run(table, o)));
      return out;
    }
    List<String> col = OverTimeAnalysis.column(table, subgroup);
    LinkedHashMap<String, List<Integer>> levels = new LinkedHashMap<>();
    for (int i = 0; i < col.size(); i++) {
      if (!col.get(i).isEmpty()) {
        levels.computeIfAbsent(col.get(i), x -> new ArrayList<>()).add(i);
      }
    }
    for (var e : levels.entrySet()) {
      AnalysisOutcome r = MetaAnalysisRunner.run(OverTimeAnalysis.subset(table, e.getValue()), o);
      out.put(
          prefix == null ? e.getKey() : prefix + " · " + e.getKey(),
          OverTimeAnalysis.point(slot, r));
    }
    return out;
  }

  private static StudyTable table(
      ProjectData data, StudyTable.Kind kind, List<StudyData> rows, List<Study> used) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (CharacteristicField f : data.fields()) {
      List<String> vals = new ArrayList<>();
      for (Study s : used) {
        vals.add(data.value(s.id(), f.key()).strip());
      }
      columns.put(f.key(), vals);
    }
    return new StudyTable(kind, rows, columns, List.of(), BackTransform.NONE);
  }

  /** The arm values at the first of the slot's time points where the study has them. */
  private static Optional<double[]> valueInSlot(
      ProjectData data,
      Study s,
      Outcome outcome,
      OverTimeAnalysis.Slot slot,
      ArmRole role,
      List<String> notes,
      String label) {
    for (TimePoint tp : slot.timePoints()) {
      Optional<double[]> v = armValues(data, s, outcome, tp, role, notes, label);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /**
   * {mean, SD, n} (continuous) or {events, total} (dichotomous) of the study's arms of one role at
   * a time point, several arms combined; empty when none has complete values.
   */
  private static Optional<double[]> armValues(
      ProjectData data,
      Study s,
      Outcome outcome,
      TimePoint tp,
      ArmRole role,
      List<String> notes,
      String label) {
    boolean binary = outcome.kind() == OutcomeKind.DICHOTOMOUS;
    double[] acc = null;
    for (Arm a : data.armsOf(s.id())) {
      if (a.role() != role) {
        continue;
      }
      for (Measurement m : data.measurements()) {
        if (m.armId() != a.id() || m.outcomeId() != outcome.id() || m.timePointId() != tp.id()) {
          continue;
        }
        double[] v = binary ? numbers(m.events(), m.total()) : numbers(m.mean(), m.sd(), m.n());
        if (v == null) {
          continue;
        }
        if (m.isDerived()) {
          String note = lang("overtime.note.derivedArm", label, a.label(), m.derivation());
          if (!notes.contains(note)) {
            notes.add(note);
          }
        }
        if (acc == null) {
          acc = v;
        } else if (binary) {
          acc = new double[] {acc[0] + v[0], acc[1] + v[1]};
        } else {
          acc = ProjectAnalysisInput.combineContinuous(acc, v);
        }
      }
    }
    return Optional.ofNullable(acc);
  }

  private static double[] numbers(CellText... cells) {
    double[] v = new double[cells.length];
    for (int i = 0; i < cells.length; i++) {
      OptionalDouble d = cells[i].number();
      if (d.isEmpty()) {
        return null;
      }
      v[i] = d.getAsDouble();
    }
    return v;
  }

  private static TimePoint baseline(ProjectData data, Outcome outcome) {
    return data.timePointsOf(outcome.id()).stream()
        .filter(t -> t.months() == 0)
        .findFirst()
        .orElseThrow(
            () ->
                new WorkbenchException(
                    WorkbenchException.Kind.DATA,
                    lang("overtime.error.noBaseline", outcome.name())));
  }

  private static List<Study> included(ProjectData data) {
    return data.studies().stream().filter(s -> s.status() == StudyStatus.INCLUDED).toList();
  }

  private static String label(Study s) {
    return s.label().isEmpty() ? s.key() : s.label();
  }

  private static Outcome outcome(ProjectData data, String name) {
    return data.outcome(name)
        .orElseThrow(
            () ->
                new WorkbenchException(
                    WorkbenchException.Kind.USAGE,
                    lang(
                        "meta.project.noOutcome",
                        name,
                        String.join(", ", data.outcomes().stream().map(Outcome::name).toList()))));
  }
}
