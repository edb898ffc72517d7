package org.ewb.logic.meta;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;

/**
 * Builds the studies of one outcome at one time point of a project for analysis: per included study
 * the experimental-arm vs control-arm data (events/total, or n/mean/SD), or the study's generic
 * estimate (effect, SE). Characteristic fields become extra columns, by field key, for subgroups
 * and moderators. A study without data at that time point is left out with a note; a study with a
 * half-filled or invalid entry is an error naming the study, arm and value.
 */
public final class ProjectAnalysisInput {

  private ProjectAnalysisInput() {}

  /**
   * @param data the project snapshot
   * @param outcomeName the outcome (case-insensitive)
   * @param months the time point in months from baseline; null = the outcome's only time point
   */
  public static StudyTable build(ProjectData data, String outcomeName, Double months) {
    Outcome outcome =
        data.outcome(outcomeName)
            .orElseThrow(
                () ->
                    usage(
                        lang(
                            "meta.project.noOutcome",
                            outcomeName,
                            data.outcomes().stream()
                                .map(Outcome::name)
                                .collect(Collectors.joining(", ")))));
    List<TimePoint> tps = data.timePointsOf(outcome.id());
    TimePoint tp;
    String available =
        tps.stream().map(t -> EffectSizes.fmt(t.months())).collect(Collectors.joining(", "));
    if (months == null) {
      if (tps.size() != 1) {
        throw usage(lang("meta.project.whichTimepoint", outcome.name(), available));
      }
      tp = tps.get(0);
    } else {
      tp =
          tps.stream()
              .filter(t -> Math.abs(t.months() - months) < 1e-9)
              .findFirst()
              .orElseThrow(
                  () ->
                      usage(
                          lang(
                              "meta.project.noTimepoint",
                              outcome.name(),
                              EffectSizes.fmt(months),
                              available)));
    }
    List<StudyData> studies = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Study> used = new ArrayList<>();
    String where = outcome.name() + ", " + timeLabel(tp);
    boolean allLog = true;
    for (Study s : data.studies()) {
      if (s.status() != StudyStatus.INCLUDED) {
        continue;
      }
      String label = s.label().isEmpty() ? s.key() : s.label();
      Optional<StudyData> d;
      if (outcome.kind() == OutcomeKind.GENERIC) {
        Optional<GenericEstimate> g =
            data.genericEstimates().stream()
                .filter(
                    x ->
                        x.studyId() == s.id()
                            && x.outcomeId() == outcome.id()
                            && x.timePointId() == tp.id())
                .findFirst();
        d = g.flatMap(x -> generic(label, where, x));
        if (g.isPresent() && !g.get().measure().toLowerCase().startsWith("log")) {
          allLog = false;
        }
      } else {
        d = armData(data, s, label, where, outcome, tp);
      }
      if (d.isPresent()) {
        studies.add(d.get());
        used.add(s);
      } else {
        notes.add(lang("meta.project.noData", label, where));
      }
    }
    if (studies.isEmpty()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("meta.project.nothing", where));
    }
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (CharacteristicField f : data.fields()) {
      List<String> vals = new ArrayList<>();
      for (Study s : used) {
        vals.add(data.value(s.id(), f.key()).strip());
      }
      columns.put(f.key(), vals);
    }
    StudyTable.Kind kind =
        switch (outcome.kind()) {
          case DICHOTOMOUS -> StudyTable.Kind.BINARY;
          case CONTINUOUS -> StudyTable.Kind.CONTINUOUS;
          case GENERIC -> StudyTable.Kind.GENERIC;
        };
    BackTransform bt =
        outcome.kind() == OutcomeKind.GENERIC && allLog ? BackTransform.EXP : BackTransform.NONE;
    return new StudyTable(kind, studies, columns, notes, bt);
  }

  private static Optional<StudyData> armData(
      ProjectData data, Study s, String label, String where, Outcome outcome, TimePoint tp) {
    // a value whose arm is gone (the file was edited by another tool) is not dropped silently
    java.util.Set<Long> studyArms =
        data.armsOf(s.id()).stream().map(Arm::id).collect(java.util.stream.Collectors.toSet());
    for (Measurement m : data.measurements()) {
      if (m.studyId() == s.id()
          && m.outcomeId() == outcome.id()
          && m.timePointId() == tp.id()
          && !studyArms.contains(m.armId())) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA,
            lang("meta.project.orphanArm", label, where, Long.toString(m.armId())));
      }
    }
    Optional<Measurement> e = measurement(data, s, label, ArmRole.EXPERIMENTAL, outcome, tp);
    Optional<Measurement> c = measurement(data, s, label, ArmRole.CONTROL, outcome, tp);
    if (e.isEmpty() || c.isEmpty()) {
      return Optional.empty();
    }
    String we = where + ", " + lang("meta.project.experimental");
    String wc = where + ", " + lang("meta.project.control");
    if (outcome.kind() == OutcomeKind.DICHOTOMOUS) {
      double[] ve =
          values(label, we, new String[] {"events", "total"}, e.get().events(), e.get().total());
      double[] vc =
          values(label, wc, new String[] {"events", "total"}, c.get().events(), c.get().total());
      if (ve == null || vc == null) {
        return Optional.empty();
      }
      return Optional.of(new StudyData.TwoByTwo(label, ve[0], ve[1], vc[0], vc[1]));
    }
    String[] names = {"mean", "SD", "n"};
    double[] ve = values(label, we, names, e.get().mean(), e.get().sd(), e.get().n());
    double[] vc = values(label, wc, names, c.get().mean(), c.get().sd(), c.get().n());
    if (ve == null || vc == null) {
      return Optional.empty();
    }
    return Optional.of(
        new StudyData.ContinuousArms(label, ve[0], ve[1], ve[2], vc[0], vc[1], vc[2]));
  }

  private static Optional<Measurement> measurement(
      ProjectData data, Study s, String label, ArmRole role, Outcome outcome, TimePoint tp) {
    List<Long> arms =
        data.armsOf(s.id()).stream().filter(a -> a.role() == role).map(Arm::id).toList();
    List<Measurement> found =
        data.measurements().stream()
            .filter(
                m ->
                    m.studyId() == s.id()
                        && arms.contains(m.armId())
                        && m.outcomeId() == outcome.id()
                        && m.timePointId() == tp.id())
            .toList();
    // several arms of one role are ambiguous only where they have data: a three-arm study with no
    // result for this outcome must not block the analysis of the others
    if (found.size() > 1) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          lang("meta.project.severalArms", label, role.name().toLowerCase(), arms.size()));
    }
    return found.stream().findFirst();
  }

  /** All values, or null if all are empty; an error if some are empty or any is invalid. */
  private static double[] values(String label, String where, String[] names, CellText... cells) {
    double[] v = new double[cells.length];
    int empty = 0;
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i].isInvalidNumber()) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA,
            lang("meta.project.invalid", label, where, names[i], cells[i].text()));
      }
      OptionalDouble d = cells[i].number();
      if (d.isEmpty()) {
        empty++;
        missing.add(names[i]);
      } else {
        v[i] = d.getAsDouble();
      }
    }
    if (empty == cells.length) {
      return null;
    }
    if (empty > 0) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          lang("meta.project.incomplete", label, where, String.join(", ", missing)));
    }
    return v;
  }

  private static Optional<StudyData> generic(String label, String where, GenericEstimate g) {
    double[] v = values(label, where, new String[] {"effect", "SE"}, g.effect(), g.se());
    if (v == null) {
      return Optional.empty();
    }
    if (!(v[1] > 0)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          lang("meta.project.seNotPositive", label, where, g.se().text()));
    }
    return Optional.of(StudyData.GenericEffect.withSe(label, v[0], v[1]));
  }

  private static String timeLabel(TimePoint tp) {
    return tp.label().isEmpty()
        ? lang("meta.project.months", EffectSizes.fmt(tp.months()))
        : tp.label();
  }

  private static WorkbenchException usage(String m) {
    return new WorkbenchException(WorkbenchException.Kind.USAGE, m);
  }
}
