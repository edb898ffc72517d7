package org.ewb.logic.meta.overtime;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.EffectSize;
import org.ewb.logic.meta.MetaAnalysisRunner;
import org.ewb.logic.meta.Prediction;
import org.ewb.logic.meta.ProjectAnalysisInput;
import org.ewb.logic.meta.StudyData;
import org.ewb.logic.meta.StudyTable;
import org.ewb.logic.meta.multivariate.TimeSeriesData;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;

/**
 * A meta-analysis at every time point (or time window) of one outcome, with the analysis settings
 * of the analysis view: at each point the studies are built exactly as for a single analysis at
 * that time point ({@link ProjectAnalysisInput}) and fitted by the same engine ({@link
 * MetaAnalysisRunner}), so the pooled value at a time point is the single analysis's. With a
 * subgroup field, each level of the field is a separate series (each fitted on its own studies, as
 * metafor's separate-τ² subgroup analysis does).
 */
public final class OverTimeAnalysis {

  private OverTimeAnalysis() {}

  /** One study's effect at a point (on the analysis scale). */
  public record StudyPoint(String study, double yi, double vi) {}

  /**
   * The pooled result at one time point or window.
   *
   * @param months where the point is drawn (the time point, or the window's centre)
   * @param label "12" or "3–6"
   * @param outcome the engine's full result of the analysis at this point
   */
  public record Point(
      double months,
      String label,
      int k,
      double estimate,
      double se,
      double ciLb,
      double ciUb,
      double piLb,
      double piUb,
      double tau2,
      double i2,
      List<StudyPoint> studies,
      AnalysisOutcome outcome) {

    public Point {
      studies = List.copyOf(studies);
    }
  }

  /** One line of the chart: all studies, or one subgroup level. */
  public record Series(String label, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  /**
   * @param measure measure name (RR, MD, ...)
   * @param backTransform EXP for ratio measures: {@link Point} values are on the log scale
   * @param subgroup the subgroup field key, null = one series
   * @param derivation how the values were derived ("" = as reported; e.g. change from baseline with
   *     SDs from a correlation, see {@link ChangeFromBaseline#derivation})
   */
  public record Result(
      String outcome,
      String measure,
      BackTransform backTransform,
      String subgroup,
      List<Series> series,
      List<String> notes,
      String derivation) {

    public Result {
      series = List.copyOf(series);
      notes = List.copyOf(notes);
      derivation = derivation == null ? "" : derivation;
    }

    /** A result of values as reported (nothing derived). */
    public Result(
        String outcome,
        String measure,
        BackTransform backTransform,
        String subgroup,
        List<Series> series,
        List<String> notes) {
      this(outcome, measure, backTransform, subgroup, series, notes, "");
    }

    /** Whether the series are per-arm values (MN, PR, PLO) rather than comparisons. */
    public boolean perArm() {
      return ArmMeasure.parse(measure).isPresent();
    }

    /**
     * The effect sizes of every study at every point (all series) as long-format data for the
     * multivariate model.
     */
    public TimeSeriesData timeSeries() {
      List<TimeSeriesData.Observation> obs = new ArrayList<>();
      for (Series s : series) {
        for (Point p : s.points()) {
          for (StudyPoint sp : p.studies()) {
            obs.add(new TimeSeriesData.Observation(sp.study(), p.months(), sp.yi(), sp.vi()));
          }
        }
      }
      return new TimeSeriesData(obs);
    }
  }

  /**
   * Runs the analysis.
   *
   * @param options engine options (its {@code subgroup} and {@code moderator} are ignored)
   * @param subgroup characteristic field key whose levels become separate series, or null
   * @param windows time windows, or an empty list for every time point of the outcome
   * @throws WorkbenchException (USAGE) for an unknown outcome or field; (DATA) for invalid data,
   *     naming the study, arm and time point, or when no time point has data
   */
  public static Result run(
      ProjectData data,
      String outcomeName,
      AnalysisOptions options,
      String subgroup,
      List<TimeWindow> windows) {
    Outcome outcome =
        data.outcome(outcomeName)
            .orElseThrow(
                () ->
                    new WorkbenchException(
                        WorkbenchException.Kind.USAGE,
                        lang(
                            "meta.project.noOutcome",
                            outcomeName,
                            String.join(
                                ", ", data.outcomes().stream().map(Outcome::name).toList()))));
    AnalysisOptions o =
        new AnalysisOptions(
            options.measure(),
            options.model(),
            options.test(),
            null,
            null,
            options.drop00(),
            options.add(),
            options.mhCc());
    List<Slot> slots = slots(data, outcome, windows);
    List<String> notes = new ArrayList<>();
    Map<String, List<Point>> bySeries = new LinkedHashMap<>();
    String all = lang("overtime.series.all");
    if (subgroup == null) {
      bySeries.put(all, new ArrayList<>());
    }
    String measure = o.measure().name();
    BackTransform bt = o.measure().backTransform();
    for (Slot slot : slots) {
      StudyTable table = table(data, outcome, slot);
      if (table == null) {
        notes.add(lang("overtime.note.noData", outcome.name(), slot.label()));
        continue;
      }
      if (subgroup == null) {
        AnalysisOutcome out = MetaAnalysisRunner.run(table, o);
        bt = out.backTransform();
        bySeries.get(all).add(point(slot, out));
        continue;
      }
      List<String> col = column(table, subgroup);
      LinkedHashMap<String, List<Integer>> levels = new LinkedHashMap<>();
      for (int i = 0; i < col.size(); i++) {
        if (col.get(i).isEmpty()) {
          notes.add(
              lang(
                  "overtime.note.noLevel", table.studies().get(i).label(), subgroup, slot.label()));
          continue;
        }
        levels.computeIfAbsent(col.get(i), x -> new ArrayList<>()).add(i);
      }
      for (var e : levels.entrySet()) {
        AnalysisOutcome out = MetaAnalysisRunner.run(subset(table, e.getValue()), o);
        bt = out.backTransform();
        bySeries.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(point(slot, out));
      }
    }
    List<Series> series = new ArrayList<>();
    bySeries.forEach((k, v) -> series.add(new Series(k, v)));
    if (series.stream().allMatch(s -> s.points().isEmpty())) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("overtime.error.noData", outcome.name()));
    }
    return new Result(outcome.name(), measure, bt, subgroup, series, notes);
  }

  /** The points of the chart: every time point, or the windows (time points latest first). */
  static List<Slot> slots(ProjectData data, Outcome outcome, List<TimeWindow> windows) {
    List<TimePoint> tps = new ArrayList<>(data.timePointsOf(outcome.id()));
    tps.sort(Comparator.comparingDouble(TimePoint::months));
    List<Slot> slots = new ArrayList<>();
    if (windows.isEmpty()) {
      for (TimePoint tp : tps) {
        slots.add(new Slot(TimeWindow.fmt(tp.months()), tp.months(), List.of(tp)));
      }
    } else {
      for (TimeWindow w : windows) {
        List<TimePoint> in =
            new ArrayList<>(tps.stream().filter(t -> w.contains(t.months())).toList());
        // latest first: a study contributes its latest time point in the window
        in.sort(Comparator.comparingDouble(TimePoint::months).reversed());
        slots.add(new Slot(w.label(), w.from() == w.to() ? w.from() : w.centre(), in));
      }
    }
    return slots;
  }

  record Slot(String label, double months, List<TimePoint> timePoints) {}

  static Point point(Slot slot, AnalysisOutcome out) {
    List<StudyPoint> studies = new ArrayList<>();
    for (EffectSize e : out.effectSizes()) {
      if (e.included()) {
        studies.add(new StudyPoint(e.label(), e.yi(), e.vi()));
      }
    }
    if (out.model() != null) {
      Prediction pi = out.model().prediction();
      return new Point(
          slot.months(),
          slot.label(),
          out.model().k(),
          out.model().estimate(),
          out.model().se(),
          out.model().ciLb(),
          out.model().ciUb(),
          pi.piLb(),
          pi.piUb(),
          out.model().tau2(),
          out.model().i2(),
          studies,
          out);
    }
    var mh = out.mh();
    return new Point(
        slot.months(),
        slot.label(),
        studies.size(),
        mh.estimate(),
        mh.se(),
        mh.ciLb(),
        mh.ciUb(),
        Double.NaN,
        Double.NaN,
        0,
        mh.i2(),
        studies,
        out);
  }

  /** The studies at a slot: per study its data at the first of the slot's time points with data. */
  private static StudyTable table(ProjectData data, Outcome outcome, Slot slot) {
    List<StudyTable> tables = new ArrayList<>();
    for (TimePoint tp : slot.timePoints()) {
      if (hasData(data, outcome, tp)) {
        tables.add(ProjectAnalysisInput.build(data, outcome.name(), tp.months()));
      }
    }
    if (tables.isEmpty()) {
      return null;
    }
    if (tables.size() == 1) {
      return tables.get(0);
    }
    Map<String, Integer> order = new HashMap<>();
    List<Study> studies = new ArrayList<>(data.studies());
    studies.sort(Comparator.comparingInt(Study::displayOrder));
    for (Study s : studies) {
      order.put(s.label().isEmpty() ? s.key() : s.label(), order.size());
    }
    record Row(int order, StudyData data, Map<String, String> values) {}
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> notes = new ArrayList<>();
    for (StudyTable t : tables) {
      for (int i = 0; i < t.studies().size(); i++) {
        StudyData d = t.studies().get(i);
        if (seen.add(d.label())) {
          Map<String, String> vals = new LinkedHashMap<>();
          for (var c : t.columns().entrySet()) {
            vals.put(c.getKey(), c.getValue().get(i));
          }
          rows.add(new Row(order.getOrDefault(d.label(), Integer.MAX_VALUE), d, vals));
        }
      }
    }
    rows.sort(Comparator.comparingInt(Row::order));
    Map<String, List<String>> columns = new LinkedHashMap<>();
    tables.get(0).columns().keySet().forEach(k -> columns.put(k, new ArrayList<>()));
    List<StudyData> list = new ArrayList<>();
    for (Row r : rows) {
      list.add(r.data());
      columns.forEach((k, v) -> v.add(r.values().getOrDefault(k, "")));
    }
    StudyTable first = tables.get(0);
    return new StudyTable(first.kind(), list, columns, notes, first.genericBackTransform());
  }

  static StudyTable subset(StudyTable t, List<Integer> rows) {
    List<StudyData> studies = new ArrayList<>();
    Map<String, List<String>> columns = new LinkedHashMap<>();
    t.columns().keySet().forEach(k -> columns.put(k, new ArrayList<>()));
    for (int i : rows) {
      studies.add(t.studies().get(i));
      t.columns().forEach((k, v) -> columns.get(k).add(v.get(i)));
    }
    return new StudyTable(t.kind(), studies, columns, List.of(), t.genericBackTransform());
  }

  static List<String> column(StudyTable t, String name) {
    for (var e : t.columns().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    throw new WorkbenchException(
        WorkbenchException.Kind.USAGE,
        lang("meta.run.noColumn", name, String.join(", ", t.columns().keySet())));
  }

  /**
   * Whether any included study has a value at this time point in an experimental and a control arm
   * (or a generic estimate); a time point without one is skipped with a note. Half-filled or
   * invalid entries are left to {@link ProjectAnalysisInput}, which names them.
   */
  private static boolean hasData(ProjectData data, Outcome outcome, TimePoint tp) {
    Set<Long> included = new HashSet<>();
    data.studies().stream()
        .filter(s -> s.status() == StudyStatus.INCLUDED)
        .forEach(s -> included.add(s.id()));
    Map<Long, Arm> arms = new HashMap<>();
    data.arms().forEach(a -> arms.put(a.id(), a));
    Map<Long, Set<ArmRole>> roles = new HashMap<>();
    for (Measurement m : data.measurements()) {
      Arm a = arms.get(m.armId());
      if (m.outcomeId() == outcome.id()
          && m.timePointId() == tp.id()
          && included.contains(m.studyId())
          && a != null
          && !(m.mean().isEmpty() && m.events().isEmpty())) {
        Set<ArmRole> r = roles.computeIfAbsent(m.studyId(), x -> new HashSet<>());
        r.add(a.role());
        if (r.contains(ArmRole.EXPERIMENTAL) && r.contains(ArmRole.CONTROL)) {
          return true;
        }
      }
    }
    for (GenericEstimate g : data.genericEstimates()) {
      if (g.outcomeId() == outcome.id()
          && g.timePointId() == tp.id()
          && included.contains(g.studyId())
          && !g.effect().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
