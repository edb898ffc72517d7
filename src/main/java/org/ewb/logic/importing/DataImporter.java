package org.ewb.logic.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.project.OutcomeData;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.ReportedForm;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;

/**
 * Outcome data from a spreadsheet (ADR 0113), in one of two layouts:
 *
 * <ul>
 *   <li><b>long</b>: one row per study × arm × outcome × time point, columns {@code study, arm,
 *       role, outcome, kind, unit, months, n, mean, sd | events, total | effect, se, measure}, and
 *       optionally the reported forms ({@code reported_se, ci_lower, ci_upper, median, q1, q3, min,
 *       max, percent_change}), {@code timepoint_label} and provenance ({@code source, location,
 *       quote, note});
 *   <li><b>exported</b>: an outcome table written by {@code export csv} (Study, Arm, then "time
 *       point: n / Mean / SD" ...), its outcome named by the file or by the caller.
 * </ul>
 *
 * Missing studies, outcomes, arms and time points are created; values are stored as typed (an entry
 * that is not a number is kept and flagged, as in the grid). All rows are stored in one
 * transaction, or none: a row that contradicts the project is an error that names its line.
 */
public final class DataImporter {

  /** One value row, whatever the layout. {@code role} / {@code kind} null = to be inferred. */
  public record DataRow(
      int line,
      String study,
      String arm,
      ArmRole role,
      String outcome,
      OutcomeKind kind,
      String unit,
      Double months,
      String timePointLabel,
      CellText n,
      CellText mean,
      CellText sd,
      CellText events,
      CellText total,
      CellText effect,
      CellText se,
      String measure,
      ReportedForm reported,
      String derivation,
      Provenance provenance) {}

  /** The rows of a file, its layout ("long" or "exported"), and what was noticed reading it. */
  public record Plan(String file, String layout, List<DataRow> rows, List<String> notes) {}

  /** What the import stored. */
  public record Result(
      int rows,
      int studiesCreated,
      int armsCreated,
      int outcomesCreated,
      int timePointsCreated,
      int measurements,
      int estimates,
      List<String> notes) {}

  private static final Pattern CONTROL =
      Pattern.compile(
          "(?i).*(control|placebo|sham|usual care|standard care|no treatment|对照|安慰剂|常规).*");

  private DataImporter() {}

  /**
   * Reads the rows of a table in either layout.
   *
   * @param outcomeName the outcome of an exported table (null = from the file name)
   */
  public static Plan read(DataTable t, String outcomeName) {
    if (t.column("outcome", "结局") >= 0) {
      return readLong(t);
    }
    if (t.column("study", "研究") >= 0 && exportedSubColumn(t.header()) >= 0) {
      return readExported(t, outcomeName);
    }
    throw ImportErrors.refuse(
        t.file(), 1, "import.error.data.layout", String.join(", ", t.header()));
  }

  // ---------------------------------------------------------------- long layout

  private static Plan readLong(DataTable t) {
    int cStudy = t.column("study", "研究");
    int cArm = t.column("arm", "组别");
    int cRole = t.column("role", "arm role", "角色");
    int cOutcome = t.column("outcome", "结局");
    int cKind = t.column("kind", "type", "data type", "类型");
    int cUnit = t.column("unit", "单位");
    int cMonths = t.column("months", "time point", "timepoint", "time", "time months", "随访月数");
    int cTpLabel = t.column("timepoint label", "time point label");
    int cN = t.column("n");
    int cMean = t.column("mean");
    int cSd = t.column("sd");
    int cEvents = t.column("events");
    int cTotal = t.column("total");
    int cEffect = t.column("effect", "estimate", "yi");
    int cSe = t.column("se");
    int cMeasure = t.column("measure");
    int cRepSe = t.column("reported se");
    int cLo = t.column("ci lower", "ci lb", "lower");
    int cHi = t.column("ci upper", "ci ub", "upper");
    int cMedian = t.column("median");
    int cQ1 = t.column("q1");
    int cQ3 = t.column("q3");
    int cMin = t.column("min");
    int cMax = t.column("max");
    int cPct = t.column("percent change");
    int cSource = t.column("source");
    int cLocation = t.column("location");
    int cQuote = t.column("quote");
    int cNote = t.column("note");
    List<String> errors = new ArrayList<>();
    if (cStudy < 0) {
      errors.add(Localization.lang("import.error.data.noColumn", "study"));
    }
    if (cMonths < 0) {
      errors.add(Localization.lang("import.error.data.noColumn", "months"));
    }
    if (!errors.isEmpty()) {
      throw ImportErrors.refuse(t.file(), 1, "import.error.data.header", String.join("; ", errors));
    }
    List<DataRow> rows = new ArrayList<>();
    for (DataTable.Line l : t.rows()) {
      String where = t.file() + ", " + Localization.lang("import.place.line", l.number());
      String study = l.get(cStudy);
      String outcome = l.get(cOutcome);
      if (study.isEmpty() || outcome.isEmpty()) {
        errors.add(where + ": " + Localization.lang("import.error.data.noStudy"));
        continue;
      }
      Double months = null;
      String m = l.get(cMonths);
      if (m.isEmpty()) {
        errors.add(where + ", months: " + Localization.lang("import.error.data.noMonths"));
        continue;
      }
      try {
        months = Double.parseDouble(m);
      } catch (NumberFormatException e) {
        errors.add(where + ", months: " + Localization.lang("import.error.data.badMonths", m));
        continue;
      }
      ArmRole role = null;
      if (cRole >= 0 && !l.get(cRole).isEmpty()) {
        role = role(l.get(cRole));
        if (role == null) {
          errors.add(
              where + ", role: " + Localization.lang("import.error.data.badRole", l.get(cRole)));
          continue;
        }
      }
      OutcomeKind kind = null;
      if (cKind >= 0 && !l.get(cKind).isEmpty()) {
        kind = kind(l.get(cKind));
        if (kind == null) {
          errors.add(
              where + ", kind: " + Localization.lang("import.error.data.badKind", l.get(cKind)));
          continue;
        }
      }
      CellText se = c(l, cSe);
      CellText repSe = c(l, cRepSe);
      if (kind == null) {
        kind =
            !c(l, cEvents).isEmpty() || !c(l, cTotal).isEmpty()
                ? OutcomeKind.DICHOTOMOUS
                : !c(l, cEffect).isEmpty() ? OutcomeKind.GENERIC : OutcomeKind.CONTINUOUS;
      }
      if (kind == OutcomeKind.CONTINUOUS && repSe.isEmpty()) {
        repSe = se; // in an arm row, "se" is the SE of the mean as reported
      }
      String arm = l.get(cArm);
      if (kind != OutcomeKind.GENERIC && arm.isEmpty()) {
        errors.add(where + ", arm: " + Localization.lang("import.error.data.noArm"));
        continue;
      }
      rows.add(
          new DataRow(
              l.number(),
              study,
              arm,
              role,
              outcome,
              kind,
              l.get(cUnit),
              months,
              l.get(cTpLabel),
              c(l, cN),
              c(l, cMean),
              c(l, cSd),
              c(l, cEvents),
              c(l, cTotal),
              c(l, cEffect),
              kind == OutcomeKind.GENERIC ? se : CellText.EMPTY,
              l.get(cMeasure),
              new ReportedForm(
                  repSe,
                  c(l, cLo),
                  c(l, cHi),
                  c(l, cMedian),
                  c(l, cQ1),
                  c(l, cQ3),
                  c(l, cMin),
                  c(l, cMax),
                  c(l, cPct)),
              "",
              new Provenance(
                  source(l.get(cSource)), l.get(cLocation), l.get(cQuote), l.get(cNote))));
    }
    if (!errors.isEmpty()) {
      throw refuseAll(t.file(), errors);
    }
    return new Plan(t.file(), "long", rows, List.of());
  }

  private static CellText c(DataTable.Line l, int col) {
    return CellText.of(l.get(col));
  }

  static ArmRole role(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "experimental", "e", "exp", "intervention", "treatment", "t", "试验", "试验组", "治疗组" ->
          ArmRole.EXPERIMENTAL;
      case "control", "c", "ctrl", "comparator", "对照", "对照组" -> ArmRole.CONTROL;
      case "other", "o", "其他" -> ArmRole.OTHER;
      default -> null;
    };
  }

  static OutcomeKind kind(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "continuous", "cont", "连续", "连续型" -> OutcomeKind.CONTINUOUS;
      case "dichotomous", "binary", "dich", "二分类" -> OutcomeKind.DICHOTOMOUS;
      case "generic", "iv", "generic inverse variance", "effect", "通用" -> OutcomeKind.GENERIC;
      default -> null;
    };
  }

  private static org.ewb.model.ProvenanceSource source(String s) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      return org.ewb.model.ProvenanceSource.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- exported layout

  /** Sub-headers of an exported outcome table, in both languages, by what they hold. */
  private static Map<String, String> subHeaders() {
    Map<String, String> m = new HashMap<>();
    for (Locale loc : List.of(Locale.ENGLISH, Localization.CHINESE)) {
      for (String k : List.of("n", "mean", "sd", "events", "total", "estimate", "se")) {
        m.put(DataTable.norm(Localization.lang(loc, "export.outcome." + k)), k);
      }
    }
    return m;
  }

  private static int exportedSubColumn(List<String> header) {
    Map<String, String> subs = subHeaders();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      int colon = h.lastIndexOf(": ");
      if (colon > 0 && subs.containsKey(DataTable.norm(h.substring(colon + 2)))) {
        return i;
      }
    }
    return -1;
  }

  private static Plan readExported(DataTable t, String outcomeName) {
    Map<String, String> subs = subHeaders();
    String outcome = outcomeName;
    List<String> notes = new ArrayList<>();
    if (outcome == null || outcome.isBlank()) {
      String base = t.file().replaceFirst("\\.[^.]+$", "").replaceFirst("^outcome-", "");
      outcome =
          base.isEmpty()
              ? "Outcome"
              : base.substring(0, 1).toUpperCase(Locale.ROOT) + base.substring(1).replace('-', ' ');
      notes.add(Localization.lang("import.note.outcomeFromFile", outcome));
    }
    int cStudy = t.column("study", "研究");
    int cArm = t.column("arm", "组别", "measure", "效应量");
    // time point columns: label -> (what -> column)
    Map<String, Map<String, Integer>> tps = new LinkedHashMap<>();
    for (int i = 0; i < t.header().size(); i++) {
      String h = t.header().get(i);
      int colon = h.lastIndexOf(": ");
      if (colon <= 0) {
        continue;
      }
      String what = subs.get(DataTable.norm(h.substring(colon + 2)));
      if (what != null) {
        tps.computeIfAbsent(h.substring(0, colon).strip(), k -> new LinkedHashMap<>()).put(what, i);
      }
    }
    boolean generic = tps.values().stream().anyMatch(m -> m.containsKey("estimate"));
    boolean dich = tps.values().stream().anyMatch(m -> m.containsKey("events"));
    OutcomeKind kind =
        generic ? OutcomeKind.GENERIC : dich ? OutcomeKind.DICHOTOMOUS : OutcomeKind.CONTINUOUS;
    // months of each time point: "12 months" / "12 个月" from the export's pattern, else 0, 1, ...
    Map<String, Double> months = new LinkedHashMap<>();
    double next = 0;
    for (String label : tps.keySet()) {
      Double m = monthsOf(label);
      if (m == null) {
        while (months.containsValue(next)) {
          next++;
        }
        m = next;
        notes.add(Localization.lang("import.note.tpMonths", label, EffectText.fmt(m)));
      }
      months.put(label, m);
    }
    List<DataRow> rows = new ArrayList<>();
    for (DataTable.Line l : t.rows()) {
      String study = l.get(cStudy);
      String arm = generic ? "" : l.get(cArm);
      if (study.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, Map<String, Integer>> tp : tps.entrySet()) {
        Map<String, Integer> col = tp.getValue();
        boolean derived = false;
        CellText[] v = new CellText[7];
        String[] keys = {"n", "mean", "sd", "events", "total", "estimate", "se"};
        boolean any = false;
        for (int k = 0; k < keys.length; k++) {
          String s = l.get(col.getOrDefault(keys[k], -1));
          if (s.endsWith(org.ewb.logic.export.OutcomeDataExporter.DERIVED)) {
            derived = true;
            s = s.substring(0, s.length() - 1).strip();
          }
          v[k] = CellText.of(s);
          any |= !v[k].isEmpty();
        }
        if (!any) {
          continue;
        }
        boolean hasLabel = monthsOf(tp.getKey()) == null;
        rows.add(
            new DataRow(
                l.number(),
                study,
                arm,
                null,
                outcome,
                kind,
                "",
                months.get(tp.getKey()),
                hasLabel ? tp.getKey() : "",
                v[0],
                v[1],
                v[2],
                v[3],
                v[4],
                v[5],
                v[6],
                generic ? l.get(cArm) : "",
                ReportedForm.NONE,
                derived ? Localization.lang("import.data.derivedMarker") : "",
                Provenance.NONE));
      }
    }
    return new Plan(t.file(), "exported", rows, notes);
  }

  private static final Pattern MONTHS_EN =
      Pattern.compile("(?i)^(-?\\d+(?:\\.\\d+)?)\\s*(months?|个月|月)$");

  static Double monthsOf(String label) {
    Matcher m = MONTHS_EN.matcher(label.strip());
    return m.matches() ? Double.parseDouble(m.group(1)) : null;
  }

  // ---------------------------------------------------------------- storing

  /**
   * Stores the rows in one transaction. A measurement that already holds other values is an error
   * unless {@code replace}; every error is collected and the whole file refused.
   */
  public static Result apply(ProjectRepository repo, Plan plan, boolean replace) {
    int[] counts = new int[6];
    List<String> notes = new ArrayList<>(plan.notes());
    repo.inTransaction(
        () -> {
          ProjectData d = repo.snapshotWithoutOutcomeData();
          List<String> errors = new ArrayList<>();
          Map<String, Study> studies = new HashMap<>();
          for (Study s : d.studies()) {
            studies.putIfAbsent(lower(s.label()), s);
          }
          for (Study s : d.studies()) {
            studies.putIfAbsent(lower(s.key()), s);
          }
          Map<String, Outcome> outcomes = new HashMap<>();
          d.outcomes().forEach(o -> outcomes.putIfAbsent(lower(o.name()), o));
          Map<Long, List<Arm>> arms = new HashMap<>();
          d.arms().forEach(a -> arms.computeIfAbsent(a.studyId(), k -> new ArrayList<>()).add(a));
          Map<Long, List<TimePoint>> tps = new HashMap<>();
          d.timePoints()
              .forEach(tp -> tps.computeIfAbsent(tp.outcomeId(), k -> new ArrayList<>()).add(tp));
          int studyOrder = d.studies().stream().mapToInt(Study::displayOrder).max().orElse(-1) + 1;
          int outcomeOrder =
              d.outcomes().stream().mapToInt(Outcome::displayOrder).max().orElse(-1) + 1;
          Map<Long, OutcomeData> existingData = new HashMap<>();
          Map<String, Integer> seen = new HashMap<>();
          Map<String, ArmRole> inferred = inferRoles(plan.rows());
          List<Measurement> newMeasurements = new ArrayList<>();
          for (DataRow r : plan.rows()) {
            String where = plan.file() + ", " + Localization.lang("import.place.line", r.line());
            Study s = studies.get(lower(r.study()));
            if (s == null) {
              s =
                  repo.insertStudy(
                      new Study(
                          0,
                          StudyLabels.key(r.study()),
                          r.study(),
                          "",
                          null,
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          StudyStatus.INCLUDED,
                          studyOrder++));
              studies.put(lower(r.study()), s);
              counts[0]++;
            }
            Outcome o = outcomes.get(lower(r.outcome()));
            if (o == null) {
              o =
                  repo.insertOutcome(
                      new Outcome(0, r.outcome(), r.kind(), r.unit(), false, outcomeOrder++));
              outcomes.put(lower(r.outcome()), o);
              counts[2]++;
            } else if (o.kind() != r.kind()) {
              errors.add(
                  where
                      + ": "
                      + Localization.lang(
                          "import.error.data.kindClash",
                          o.name(),
                          o.kind().name().toLowerCase(Locale.ROOT),
                          r.kind().name().toLowerCase(Locale.ROOT)));
              continue;
            }
            List<TimePoint> otps = tps.computeIfAbsent(o.id(), k -> new ArrayList<>());
            TimePoint tp = null;
            for (TimePoint x : otps) {
              if (Math.abs(x.months() - r.months()) < 1e-9) {
                tp = x;
              }
            }
            if (tp == null) {
              tp = repo.insertTimePoint(new TimePoint(0, o.id(), r.months(), r.timePointLabel()));
              otps.add(tp);
              counts[3]++;
            }
            String cellKey = s.id() + "/" + o.id() + "/" + tp.id() + "/" + lower(r.arm());
            Integer firstLine = seen.putIfAbsent(cellKey, r.line());
            if (firstLine != null) {
              errors.add(where + ": " + Localization.lang("import.error.data.twice", firstLine));
              continue;
            }
            final long studyId = s.id();
            OutcomeData od = existingData.computeIfAbsent(o.id(), id -> repo.outcomeData(id));
            if (r.kind() == OutcomeKind.GENERIC) {
              GenericEstimate g =
                  new GenericEstimate(
                      0, s.id(), o.id(), tp.id(), r.effect(), r.se(), r.measure(), r.provenance());
              final long tpId = tp.id();
              GenericEstimate old =
                  od.genericEstimates().stream()
                      .filter(x -> x.studyId() == studyId && x.timePointId() == tpId)
                      .findFirst()
                      .orElse(null);
              if (old != null && !replace && !same(old, g)) {
                errors.add(
                    where + ": " + Localization.lang("import.error.data.exists", r.study(), ""));
                continue;
              }
              repo.putGenericEstimate(old == null ? g : g.withId(old.id()));
              counts[5]++;
              continue;
            }
            List<Arm> sarms = arms.computeIfAbsent(s.id(), k -> new ArrayList<>());
            Arm arm = null;
            for (Arm a : sarms) {
              if (a.label().equalsIgnoreCase(r.arm())) {
                arm = a;
              }
            }
            if (arm == null) {
              ArmRole role =
                  r.role() != null
                      ? r.role()
                      : inferred.get(lower(r.study()) + "/" + lower(r.arm()));
              arm = repo.insertArm(new Arm(0, s.id(), r.arm(), role, "", null, sarms.size()));
              sarms.add(arm);
              counts[1]++;
            } else if (r.role() != null && arm.role() != r.role()) {
              notes.add(
                  where
                      + ": "
                      + Localization.lang(
                          "import.note.roleKept",
                          r.arm(),
                          arm.role().name().toLowerCase(Locale.ROOT)));
            }
            Measurement m =
                new Measurement(
                    0,
                    s.id(),
                    o.id(),
                    arm.id(),
                    tp.id(),
                    r.n(),
                    r.mean(),
                    r.sd(),
                    r.events(),
                    r.total(),
                    r.reported(),
                    r.derivation(),
                    r.provenance());
            final long armId = arm.id();
            final long tpId = tp.id();
            Measurement old =
                od.measurements().stream()
                    .filter(x -> x.armId() == armId && x.timePointId() == tpId)
                    .findFirst()
                    .orElse(null);
            if (old != null) {
              if (!replace && !same(old, m)) {
                errors.add(
                    where
                        + ": "
                        + Localization.lang("import.error.data.exists", r.study(), r.arm()));
                continue;
              }
              repo.putMeasurement(m.withId(old.id()));
            } else {
              newMeasurements.add(m);
            }
            counts[4]++;
          }
          if (!errors.isEmpty()) {
            throw refuseAll(plan.file(), errors);
          }
          repo.insertMeasurements(newMeasurements);
        });
    if (plan.rows().stream().anyMatch(r -> r.role() == null && r.kind() != OutcomeKind.GENERIC)
        && counts[1] > 0) {
      notes.add(Localization.lang("import.note.rolesInferred"));
    }
    return new Result(
        plan.rows().size(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        counts[5],
        notes);
  }

  /**
   * Roles of arms the file does not give one: an arm named like a control (control, placebo, sham,
   * usual care, 对照...) is the control, the first other arm of the study experimental, the rest
   * "other"; a two-arm study with no control-like name: first experimental, second control.
   */
  static Map<String, ArmRole> inferRoles(List<DataRow> rows) {
    Map<String, List<String>> armsOfStudy = new LinkedHashMap<>();
    for (DataRow r : rows) {
      if (r.kind() == OutcomeKind.GENERIC) {
        continue;
      }
      List<String> l = armsOfStudy.computeIfAbsent(lower(r.study()), k -> new ArrayList<>());
      if (!l.contains(lower(r.arm()))) {
        l.add(lower(r.arm()));
      }
    }
    Map<String, ArmRole> out = new HashMap<>();
    for (Map.Entry<String, List<String>> e : armsOfStudy.entrySet()) {
      List<String> a = e.getValue();
      boolean anyControl = a.stream().anyMatch(x -> CONTROL.matcher(x).matches());
      boolean expGiven = false;
      for (int i = 0; i < a.size(); i++) {
        ArmRole role;
        if (!anyControl && a.size() == 2) {
          role = i == 0 ? ArmRole.EXPERIMENTAL : ArmRole.CONTROL;
        } else if (CONTROL.matcher(a.get(i)).matches()) {
          role = ArmRole.CONTROL;
        } else if (!expGiven) {
          role = ArmRole.EXPERIMENTAL;
          expGiven = true;
        } else {
          role = ArmRole.OTHER;
        }
        out.put(e.getKey() + "/" + a.get(i), role);
      }
    }
    return out;
  }

  private static boolean same(Measurement a, Measurement b) {
    return a.n().equals(b.n())
        && a.mean().equals(b.mean())
        && a.sd().equals(b.sd())
        && a.events().equals(b.events())
        && a.total().equals(b.total());
  }

  private static boolean same(GenericEstimate a, GenericEstimate b) {
    return a.effect().equals(b.effect()) && a.se().equals(b.se());
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  private static WorkbenchException refuseAll(String file, List<String> errors) {
    int shown = Math.min(20, errors.size());
    String list = String.join("\n  ", errors.subList(0, shown));
    if (errors.size() > shown) {
      list += "\n  " + Localization.lang("import.error.data.more", errors.size() - shown);
    }
    return new WorkbenchException(
        WorkbenchException.Kind.DATA,
        Localization.lang("import.error.data.refused", file, errors.size(), list));
  }

  /** Months in the shortest plain form ("12", "1.5"). */
  static final class EffectText {
    private EffectText() {}

    static String fmt(double m) {
      return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }
  }
}
