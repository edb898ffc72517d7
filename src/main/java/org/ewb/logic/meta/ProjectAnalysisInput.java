package org.ewb.logic.meta;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.ewb.logic.extraction.TimePointText;
import org.ewb.logic.l10n.Localization;
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
    return build(data, outcomeName, months, ArmSelection.BY_ROLE);
  }

  /**
   * @param arms which arms form each study's comparison (by role unless chosen per study)
   */
  public static StudyTable build(
      ProjectData data, String outcomeName, Double months, ArmSelection arms) {
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
    String shownName = outcome.name(Localization.language());
    TimePoint tp;
    String available =
        tps.stream().map(t -> EffectSizes.fmt(t.months())).collect(Collectors.joining(", "));
    if (months == null) {
      if (tps.size() != 1) {
        throw usage(lang("meta.project.whichTimepoint", shownName, available));
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
                              shownName,
                              EffectSizes.fmt(months),
                              available)));
    }
    List<StudyData> studies = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Study> used = new ArrayList<>();
    String where = shownName + ", " + TimePointText.of(tp);
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
        d = armData(data, s, label, where, outcome, tp, arms, notes);
      }
      if (d.isPresent()) {
        studies.add(d.get());
        used.add(s);
      } else if (outcome.kind() == OutcomeKind.GENERIC) {
        notes.add(lang("meta.project.noData", label, where));
      }
    }
    if (studies.isEmpty()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          lang(
              outcome.kind() == OutcomeKind.GENERIC
                  ? "meta.project.nothing"
                  : "meta.project.nothingArms",
              where));
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
      ProjectData data,
      Study s,
      String label,
      String where,
      Outcome outcome,
      TimePoint tp,
      ArmSelection selection,
      List<String> notes) {
    List<Arm> arms = data.armsOf(s.id());
    // a value whose arm is gone (the file was edited by another tool) is not dropped silently
    java.util.Set<Long> studyArms =
        arms.stream().map(Arm::id).collect(java.util.stream.Collectors.toSet());
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
    ArmSelection.Sides chosen = selection.perStudy().get(s.id());
    List<Arm> expArms =
        chosen != null
            ? arms.stream().filter(a -> chosen.experimental().contains(a.id())).toList()
            : arms.stream().filter(a -> a.role() == ArmRole.EXPERIMENTAL).toList();
    List<Arm> ctlArms =
        chosen != null
            ? arms.stream().filter(a -> chosen.control().contains(a.id())).toList()
            : arms.stream().filter(a -> a.role() == ArmRole.CONTROL).toList();
    if (expArms.isEmpty() || ctlArms.isEmpty()) {
      // say which side is missing, so the reviewer knows to set a role rather than look for data
      String missing =
          expArms.isEmpty() && ctlArms.isEmpty()
              ? lang("meta.project.noArmsMarked")
              : expArms.isEmpty()
                  ? lang("meta.project.noExperimentalArm")
                  : lang("meta.project.noControlArm");
      notes.add(lang("meta.project.leftOut", label, missing));
      return Optional.empty();
    }
    String we = where + ", " + lang("meta.project.experimental");
    String wc = where + ", " + lang("meta.project.control");
    Optional<double[]> e = side(data, s, label, we, outcome, tp, expArms, notes);
    Optional<double[]> c = side(data, s, label, wc, outcome, tp, ctlArms, notes);
    if (e.isEmpty() && c.isEmpty()) {
      notes.add(lang("meta.project.noData", label, where));
      return Optional.empty();
    }
    if (e.isEmpty() || c.isEmpty()) {
      notes.add(
          lang(
              "meta.project.leftOut",
              label,
              lang(
                  e.isEmpty() ? "meta.project.noExperimentalData" : "meta.project.noControlData",
                  where)));
      return Optional.empty();
    }
    double[] ve = e.get();
    double[] vc = c.get();
    if (outcome.kind() == OutcomeKind.DICHOTOMOUS) {
      return Optional.of(new StudyData.TwoByTwo(label, ve[0], ve[1], vc[0], vc[1]));
    }
    return Optional.of(
        new StudyData.ContinuousArms(label, ve[0], ve[1], ve[2], vc[0], vc[1], vc[2]));
  }

  /**
   * One side of a comparison: the values of its arm, or of its arms combined (events and totals
   * added; n, mean and SD pooled by the Cochrane Handbook's formula, Table 6.5.a). Empty when no
   * arm of the side has data at the time point.
   */
  private static Optional<double[]> side(
      ProjectData data,
      Study s,
      String label,
      String where,
      Outcome outcome,
      TimePoint tp,
      List<Arm> arms,
      List<String> notes) {
    List<double[]> groups = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Arm a : arms) {
      Optional<Measurement> m =
          data.measurements().stream()
              .filter(
                  x ->
                      x.armId() == a.id()
                          && x.outcomeId() == outcome.id()
                          && x.timePointId() == tp.id())
              .findFirst();
      if (m.isEmpty()) {
        continue;
      }
      String w = arms.size() > 1 ? where + " (" + a.label() + ")" : where;
      double[] v =
          outcome.kind() == OutcomeKind.DICHOTOMOUS
              ? values(
                  label, w, new String[] {"events", "total"}, m.get().events(), m.get().total())
              : values(
                  label,
                  w,
                  new String[] {"mean", "SD", "n"},
                  m.get().mean(),
                  m.get().sd(),
                  m.get().n());
      if (v != null) {
        groups.add(v);
        names.add(a.label());
        if (m.get().isDerived()) {
          String key = "derivation." + m.get().derivation().replace('-', '_');
          notes.add(
              lang(
                  "meta.project.derived",
                  label,
                  a.label(),
                  org.ewb.logic.l10n.Localization.has(org.ewb.logic.l10n.Localization.locale(), key)
                      ? lang(key)
                      : m.get().derivation()));
        }
      }
    }
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    if (groups.size() > 1) {
      notes.add(lang("meta.project.combined", label, String.join(" + ", names), where));
    }
    double[] acc = groups.get(0);
    for (int i = 1; i < groups.size(); i++) {
      acc =
          outcome.kind() == OutcomeKind.DICHOTOMOUS
              ? new double[] {acc[0] + groups.get(i)[0], acc[1] + groups.get(i)[1]}
              : combineContinuous(acc, groups.get(i));
    }
    return Optional.of(acc);
  }

  /**
   * Two groups {mean, SD, n} as one: N = N1 + N2, M = (N1 M1 + N2 M2) / N, SD² = [(N1 − 1) SD1² +
   * (N2 − 1) SD2² + N1 N2 / N (M1² + M2² − 2 M1 M2)] / (N − 1) (Cochrane Handbook for Systematic
   * Reviews of Interventions, version 6.4, Table 6.5.a).
   */
  public static double[] combineContinuous(double[] a, double[] b) {
    double n1 = a[2];
    double n2 = b[2];
    double n = n1 + n2;
    double mean = (n1 * a[0] + n2 * b[0]) / n;
    double var =
        ((n1 - 1) * a[1] * a[1]
                + (n2 - 1) * b[1] * b[1]
                + n1 * n2 / n * (a[0] * a[0] + b[0] * b[0] - 2 * a[0] * b[0]))
            / (n - 1);
    return new double[] {mean, Math.sqrt(var), n};
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

  private static WorkbenchException usage(String m) {
    return new WorkbenchException(WorkbenchException.Kind.USAGE, m);
  }
}
