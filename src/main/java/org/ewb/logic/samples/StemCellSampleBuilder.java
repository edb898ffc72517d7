package org.ewb.logic.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Project;
import org.ewb.model.Provenance;
import org.ewb.model.ProvenanceSource;
import org.ewb.model.ReportedForm;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TableLayout;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;

/**
 * Builds the stem-cell diabetes sample project from the transcription kept in the repository
 * ({@code sample-projects/sources/seed-data/*.csv}) and the reviewer's mapping decisions ({@code
 * sample-projects/sources/mapping/study-map.csv}: labels and status; {@code arms.csv}: the arms of
 * each included study). It writes only through the {@link ProjectRepository} port, into an empty
 * project, in one transaction.
 *
 * <p>Rules (ADR 0020): values are copied exactly as transcribed, never computed; a result becomes a
 * measurement only if it belongs to an arm of the study, has a single numeric time point (a
 * cumulative window starting at baseline, {@code 0-b}, is stored at its end {@code b}) and is a
 * form the model holds (events / total, mean / SD, a percent change as reported form). Every other
 * result is listed in the study's notes, so nothing in the sources is silently dropped.
 */
public final class StemCellSampleBuilder {

  /** File name of the sample in {@code sample-projects/}. */
  public static final String FILE_NAME = "stem-cell-diabetes.ewb";

  public static final String TITLE = "Stem-cell therapy for type 1 and type 2 diabetes (sample)";

  private static final String REVIEW_QUESTION =
      "In people with type 1 or type 2 diabetes, does stem-cell therapy (MSC, AHSCT, BM-MNC, "
          + "islet + PBSC, stem-cell-derived islets) improve insulin independence, HbA1c, "
          + "C-peptide and insulin dose compared with control or with no cell therapy?";

  private static final String REVIEWERS =
      "Sample built by 'build-samples' from sample-projects/sources (seed documents 000-004 "
          + "and their transcription in seed-data/)";

  private static final Pattern DOI =
      Pattern.compile("(?i)doi(?:\\.org)?[:/\\s]*(10\\.\\d{4,9}/[^\\s\\]\\[;,]+)");
  private static final Pattern PMID = Pattern.compile("PMID:?\\s*(\\d+)");
  private static final Pattern TABLE1_ROW = Pattern.compile("002 Table 1 row (\\d+)");
  private static final Pattern REF_004 = Pattern.compile("004 Table 2 ref (\\d+)");

  /**
   * The reference numbers of seed 004's Table 2 in printed row order (seed 004 L156-L348). The
   * table is not sorted by reference number, so its row order is recorded separately.
   */
  static final List<String> TABLE2_004_PRINTED_REFS =
      List.of(
          "145", "30", "146", "147", "148", "160", "149", "32", "150", "151", "152", "153", "155",
          "156", "157", "158", "159", "85");

  private static final Pattern WINDOW = Pattern.compile("(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?)");

  /** One project outcome and the outcomes.csv names that feed it. */
  private record OutcomeSpec(
      String name, OutcomeKind kind, String unit, boolean lowerIsBetter, List<String> csvNames) {}

  /** Chinese names of the outcomes, in the seeds' wording where they name them. */
  static final Map<String, String> NAMES_ZH =
      Map.ofEntries(
          Map.entry("Insulin independence", "脱离胰岛素"),
          Map.entry("HbA1c", "糖化血红蛋白（HbA1c）"),
          Map.entry("Fasting C-peptide", "空腹C肽"),
          Map.entry("Insulin dose", "胰岛素用量"),
          Map.entry("Fasting blood glucose", "空腹血糖"),
          Map.entry("C-peptide AUC (OGTT)", "C肽曲线下面积（OGTT）"),
          Map.entry("Insulin AUC (OGTT)", "胰岛素曲线下面积（OGTT）"),
          Map.entry("C-peptide positive", "C肽阳性"),
          Map.entry("Insulin reduced by ≥50%", "胰岛素用量减少≥50%"),
          Map.entry("Insulin reduced by 50% (as printed, no '≥')", "胰岛素用量减少50%（原文无“≥”）"),
          Map.entry("Insulin reduced by >60%", "胰岛素用量减少>60%"),
          Map.entry("Insulin reduced by 15-50%", "胰岛素用量减少15%～50%"),
          Map.entry("Insulin unchanged", "胰岛素用量不变"),
          Map.entry("Insulin unchanged or reduced by <15%", "胰岛素用量不变或减少<15%"),
          Map.entry("Insulin increased by 50%", "胰岛素用量增加50%"),
          Map.entry("Insulin increased by 15-45%", "胰岛素用量增加15%～45%"),
          Map.entry("Clinical remission", "临床缓解"),
          Map.entry("Diabetic ketoacidosis", "糖尿病酮症酸中毒"),
          Map.entry("GADA seroconversion to negative", "GADA转阴"),
          Map.entry("Subclinical hypothyroidism", "亚临床甲状腺功能减退"),
          Map.entry("Primary goal achieved", "达到主要目标"));

  /**
   * The project's outcomes in display order. Intervention characteristics (islet / PBSC dose),
   * per-patient-only measures and results without counts are not outcomes here.
   */
  private static final List<OutcomeSpec> OUTCOMES =
      List.of(
          new OutcomeSpec(
              "Insulin independence",
              OutcomeKind.DICHOTOMOUS,
              "",
              false,
              List.of("insulin_independent")),
          new OutcomeSpec("HbA1c", OutcomeKind.CONTINUOUS, "%", true, List.of("HbA1c_percent")),
          new OutcomeSpec(
              "Fasting C-peptide",
              OutcomeKind.CONTINUOUS,
              "ng/mL",
              false,
              List.of("fasting_c_peptide")),
          new OutcomeSpec(
              "Insulin dose",
              OutcomeKind.CONTINUOUS,
              "U/day",
              true,
              List.of("insulin_dose_U_per_day", "insulin_dose_daily", "insulin_dose")),
          new OutcomeSpec(
              "Fasting blood glucose",
              OutcomeKind.CONTINUOUS,
              "mmol/L",
              true,
              List.of("fbg_mmol_L", "fbg")),
          new OutcomeSpec(
              "C-peptide AUC (OGTT)", OutcomeKind.CONTINUOUS, "", false, List.of("c_peptide_auc")),
          new OutcomeSpec(
              "Insulin AUC (OGTT)", OutcomeKind.CONTINUOUS, "", false, List.of("insulin_auc")),
          new OutcomeSpec(
              "C-peptide positive",
              OutcomeKind.DICHOTOMOUS,
              "",
              false,
              List.of("c_peptide_positive", "c_peptide_restored")),
          new OutcomeSpec(
              "Insulin reduced by ≥50%",
              OutcomeKind.DICHOTOMOUS, "", false, List.of("insulin_reduction_ge50")),
          new OutcomeSpec(
              "Insulin reduced by 50% (as printed, no '≥')",
              OutcomeKind.DICHOTOMOUS, "", false, List.of("insulin_reduction_50")),
          new OutcomeSpec(
              "Insulin reduced by >60%",
              OutcomeKind.DICHOTOMOUS, "", false, List.of("insulin_reduction_gt60")),
          new OutcomeSpec(
              "Insulin reduced by 15-50%",
              OutcomeKind.DICHOTOMOUS, "", false, List.of("insulin_reduction_15_to_50")),
          new OutcomeSpec(
              "Insulin unchanged", OutcomeKind.DICHOTOMOUS, "", true, List.of("insulin_unchanged")),
          new OutcomeSpec(
              "Insulin unchanged or reduced by <15%",
              OutcomeKind.DICHOTOMOUS, "", true, List.of("insulin_unchanged_or_reduced_lt15")),
          new OutcomeSpec(
              "Insulin increased by 50%",
              OutcomeKind.DICHOTOMOUS, "", true, List.of("insulin_increase_50")),
          new OutcomeSpec(
              "Insulin increased by 15-45%",
              OutcomeKind.DICHOTOMOUS, "", true, List.of("insulin_increase_15_to_45")),
          new OutcomeSpec(
              "Clinical remission",
              OutcomeKind.DICHOTOMOUS,
              "",
              false,
              List.of("clinical_remission")),
          new OutcomeSpec(
              "Diabetic ketoacidosis", OutcomeKind.DICHOTOMOUS, "", true, List.of("dka_events")),
          new OutcomeSpec(
              "GADA seroconversion to negative",
              OutcomeKind.DICHOTOMOUS,
              "",
              false,
              List.of("gada_seroconversion_to_negative")),
          new OutcomeSpec(
              "Subclinical hypothyroidism",
              OutcomeKind.DICHOTOMOUS,
              "",
              true,
              List.of("subclinical_hypothyroidism")),
          new OutcomeSpec(
              "Primary goal achieved",
              OutcomeKind.DICHOTOMOUS,
              "",
              false,
              List.of("primary_goal_achieved")));

  private final Path sourcesDir;

  /**
   * @param sourcesDir the folder holding {@code seed-data/} and {@code mapping/} (in the
   *     repository: {@code sample-projects/sources})
   */
  public StemCellSampleBuilder(Path sourcesDir) {
    this.sourcesDir = sourcesDir;
  }

  /** Fills the empty project behind {@code repo}; all edits in one transaction. */
  public void build(ProjectRepository repo) {
    CsvTable studies =
        CsvTable.read(
            sourcesDir.resolve("seed-data/studies.csv"),
            "id",
            "first_author",
            "corresponding_author",
            "year",
            "country",
            "institution",
            "institution_en",
            "journal",
            "citation_as_printed",
            "title_as_printed",
            "design",
            "design_as_printed",
            "diabetes_type",
            "cell_type",
            "cell_type_as_printed",
            "allogeneic_or_autologous",
            "allo_auto_as_printed",
            "cell_dose",
            "dose_per_kg",
            "dose_per_kg_max",
            "n_infusions",
            "schedule",
            "route",
            "route_as_printed",
            "n_total",
            "n_treated",
            "n_control",
            "age",
            "bmi",
            "disease_duration",
            "follow_up_months",
            "primary_endpoint",
            "key_findings",
            "safety",
            "source_doc",
            "source_table",
            "possible_duplicate_of",
            "notes");
    CsvTable outcomes =
        CsvTable.read(
            sourcesDir.resolve("seed-data/outcomes.csv"),
            "study_id",
            "outcome",
            "arm",
            "subject",
            "timepoint_months",
            "timepoint_label",
            "value_type",
            "value",
            "unit",
            "source_doc",
            "source",
            "quote",
            "notes");
    CsvTable studyMap =
        CsvTable.read(
            sourcesDir.resolve("mapping/study-map.csv"), "id", "label", "status", "status_note");
    CsvTable armMap =
        CsvTable.read(
            sourcesDir.resolve("mapping/arms.csv"),
            "study_id",
            "arm_key",
            "label",
            "role",
            "intervention",
            "randomised",
            "randomised_from");
    Plan plan = new Plan(studies, outcomes, studyMap, armMap);
    plan.printed = PrintedTables.read(sourcesDir.resolve("printed-tables"));
    for (CsvTable.Row t :
        CsvTable.read(sourcesDir.resolve("translations.csv"), "field", "en", "zh", "source")
            .rows()) {
      plan.translations.put(t.get("field") + "\u0000" + t.get("en"), t.get("zh"));
    }
    repo.inTransaction(() -> plan.write(repo));
  }

  /**
   * Everything computed from the sources before the first write, so a bad source writes nothing.
   */
  private static final class Plan {

    /** The printed tables' transcription (per-layout values of the two layouts). */
    private PrintedTables printed;

    /** Chinese texts of English values, by field key + NUL + English text (translations.csv). */
    private final Map<String, String> translations = new LinkedHashMap<>();

    private final List<CsvTable.Row> studyRows;
    private final Map<String, CsvTable.Row> studyMap = new LinkedHashMap<>();
    private final Map<String, List<CsvTable.Row>> armsByStudy = new LinkedHashMap<>();
    private final Map<String, OutcomeSpec> specByCsvName = new LinkedHashMap<>();

    /** Stored results, by outcome spec name, in outcomes.csv order. */
    private final Map<String, List<Result>> results = new LinkedHashMap<>();

    /** Per study: lines describing results that are not stored as measurements. */
    private final Map<String, List<String>> skipped = new LinkedHashMap<>();

    Plan(CsvTable studies, CsvTable outcomes, CsvTable studyMapTable, CsvTable armTable) {
      this.studyRows = studies.rows();
      Set<String> ids = new LinkedHashSet<>();
      for (CsvTable.Row r : studyRows) {
        if (!ids.add(r.get("id"))) {
          throw bad(r, "duplicate study id '" + r.get("id") + "'");
        }
      }
      Set<String> labels = new LinkedHashSet<>();
      for (CsvTable.Row r : studyMapTable.rows()) {
        if (!ids.contains(r.get("id"))) {
          throw bad(r, "study '" + r.get("id") + "' is not in studies.csv");
        }
        if (r.get("label").isEmpty() || !labels.add(r.get("label"))) {
          throw bad(r, "label '" + r.get("label") + "' is empty or not unique");
        }
        status(r);
        studyMap.put(r.get("id"), r);
      }
      for (String id : ids) {
        if (!studyMap.containsKey(id)) {
          throw new WorkbenchException(
              WorkbenchException.Kind.FILE,
              studyMapTable.file() + ": no row for study '" + id + "' of studies.csv");
        }
      }
      for (CsvTable.Row r : armTable.rows()) {
        String id = r.get("study_id");
        if (!studyMap.containsKey(id) || status(studyMap.get(id)) != StudyStatus.INCLUDED) {
          throw bad(r, "arms are given only for included studies; '" + id + "' is not one");
        }
        role(r);
        if (!r.get("randomised").isEmpty() && !r.get("randomised").matches("\\d+")) {
          throw bad(r, "randomised '" + r.get("randomised") + "' is not a whole number");
        }
        armsByStudy.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
      }
      for (OutcomeSpec s : OUTCOMES) {
        s.csvNames().forEach(n -> specByCsvName.put(n, s));
      }
      planResults(outcomes);
    }

    private void planResults(CsvTable outcomes) {
      Map<List<String>, List<CsvTable.Row>> groups = new LinkedHashMap<>();
      for (CsvTable.Row r : outcomes.rows()) {
        if (!studyMap.containsKey(r.get("study_id"))) {
          throw bad(r, "study '" + r.get("study_id") + "' is not in studies.csv");
        }
        List<String> key =
            List.of(
                r.get("study_id"),
                r.get("outcome"),
                r.get("arm"),
                r.get("subject"),
                r.get("timepoint_months"));
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
      // Per-patient rows are summarised one line per outcome and reason, not listed value by value.
      Map<List<String>, List<List<CsvTable.Row>>> perPatient = new LinkedHashMap<>();
      for (List<CsvTable.Row> g : groups.values()) {
        CsvTable.Row first = g.get(0);
        String why = planGroup(g);
        if (why == null) {
          continue;
        }
        if (!first.get("subject").isEmpty() && !first.get("arm").equals("single_patient")) {
          perPatient
              .computeIfAbsent(
                  List.of(first.get("study_id"), first.get("outcome"), why), k -> new ArrayList<>())
              .add(g);
        } else {
          skipped
              .computeIfAbsent(first.get("study_id"), k -> new ArrayList<>())
              .add(describe(g) + " — " + why);
        }
      }
      for (Map.Entry<List<String>, List<List<CsvTable.Row>>> e : perPatient.entrySet()) {
        Set<String> subjects = new LinkedHashSet<>();
        int n = 0;
        for (List<CsvTable.Row> g : e.getValue()) {
          subjects.add(g.get(0).get("arm") + " " + g.get(0).get("subject"));
          n += g.size();
        }
        skipped
            .computeIfAbsent(e.getKey().get(0), k -> new ArrayList<>())
            .add(
                e.getKey().get(1)
                    + " [per patient: "
                    + String.join(", ", subjects)
                    + "]: "
                    + n
                    + " values — "
                    + e.getKey().get(2)
                    + "; per-patient results are not arm data");
      }
    }

    /**
     * Plans one group of rows (one study x outcome x arm x subject x time); returns why not, or
     * null.
     */
    private String planGroup(List<CsvTable.Row> g) {
      CsvTable.Row first = g.get(0);
      String studyId = first.get("study_id");
      if (status(studyMap.get(studyId)) != StudyStatus.INCLUDED) {
        return "the study is not an included trial";
      }
      OutcomeSpec spec = specByCsvName.get(first.get("outcome"));
      if (spec == null) {
        return "not one of the project's outcomes";
      }
      CsvTable.Row arm =
          armsByStudy.getOrDefault(studyId, List.of()).stream()
              .filter(a -> a.get("arm_key").equals(first.get("arm")))
              .findFirst()
              .orElse(null);
      if (arm == null) {
        return "'"
            + first.get("arm")
            + "' is not an arm of the study (arms pooled, subgroup or "
            + "unspecified)";
      }
      boolean singlePatientArm = "1".equals(arm.get("randomised"));
      if (!first.get("subject").isEmpty() && !singlePatientArm) {
        return "per-patient values are not arm-level data";
      }
      String tp = first.get("timepoint_months");
      Double months;
      String windowNote = "";
      Matcher w = WINDOW.matcher(tp);
      if (tp.isEmpty()) {
        return "no time point given";
      } else if (tp.matches("\\d+(\\.\\d+)?")) {
        months = Double.valueOf(tp);
      } else if (w.matches() && Double.parseDouble(w.group(1)) == 0) {
        months = Double.valueOf(w.group(2));
        windowNote =
            "time window "
                + tp
                + " months (cumulative from baseline) stored at its end, "
                + w.group(2)
                + " months";
      } else {
        return "time point '" + tp + "' is not a single time point";
      }

      Map<String, CsvTable.Row> byType = new LinkedHashMap<>();
      for (CsvTable.Row r : g) {
        if (byType.put(r.get("value_type"), r) != null) {
          throw bad(
              r, "two '" + r.get("value_type") + "' rows for one study, outcome, arm and time");
        }
      }
      List<String> notes = new ArrayList<>();
      if (!first.get("timepoint_label").isEmpty()) {
        notes.add("time point as printed: " + first.get("timepoint_label"));
      }
      if (!windowNote.isEmpty()) {
        notes.add(windowNote);
      }
      Result result;
      if (spec.kind() == OutcomeKind.DICHOTOMOUS) {
        CsvTable.Row ev = byType.get("events");
        CsvTable.Row tot = byType.get("total");
        if (ev == null && tot == null) {
          return "no counts (" + String.join(", ", byType.keySet()) + " only)";
        }
        for (String t : byType.keySet()) {
          if (!t.equals("events") && !t.equals("total") && !t.equals("percent")) {
            throw bad(byType.get(t), "value type '" + t + "' in a dichotomous outcome");
          }
        }
        if (byType.containsKey("percent")) {
          notes.add("also reported as " + byType.get("percent").get("value") + "%");
        }
        result =
            new Result(
                spec,
                studyId,
                arm.get("arm_key"),
                months,
                g,
                null,
                null,
                null,
                ReportedForm.NONE,
                cell(ev),
                cell(tot),
                "",
                notes);
      } else {
        CellText n = CellText.EMPTY;
        CellText mean = CellText.EMPTY;
        CellText sd = CellText.EMPTY;
        CellText min = CellText.EMPTY;
        CellText max = CellText.EMPTY;
        CellText pct = CellText.EMPTY;
        String derivation = "";
        if (singlePatientArm) {
          n = CellText.of("1");
          notes.add("single patient (n = 1)");
        }
        for (Map.Entry<String, CsvTable.Row> e : byType.entrySet()) {
          String v = e.getValue().get("value");
          switch (e.getKey()) {
            case "mean" -> mean = CellText.of(v);
            case "sd" -> sd = CellText.of(v);
            case "individual" -> {
              if (!singlePatientArm) {
                return "individual value in an arm of more than one patient";
              }
              mean = CellText.of(v);
            }
            case "unspecified_summary" -> {
              mean = CellText.of(v);
              derivation = "summary statistic not named in the source; entered as the mean";
            }
            case "range" -> {
              String[] parts = v.split("[–-]");
              if (parts.length != 2) {
                throw bad(e.getValue(), "range '" + v + "' is not 'low–high'");
              }
              min = CellText.of(parts[0]);
              max = CellText.of(parts[1]);
            }
            case "percent_change", "percent_change_mean" -> {
              pct = CellText.of(v);
              notes.add(
                  "relative change from baseline as printed ("
                      + e.getKey()
                      + ")"
                      + (v.isEmpty() ? "; value not given" : ""));
            }
            case "qualitative" -> notes.add("reported in words only: " + v);
            default -> {
              return "value type '" + e.getKey() + "' is not held by the model";
            }
          }
        }
        String size = arm.get("randomised");
        if (n.isEmpty()
            && !mean.isEmpty()
            && !size.isEmpty()
            && g.stream().anyMatch(r -> r.get("quote").contains(size + "例"))) {
          // The group value's own sentence prints the group size ("治疗22例...患者HbA1c从8.2%").
          n = CellText.of(size);
          notes.add(
              "n = the "
                  + size
                  + " patients treated, printed in the same sentence ("
                  + size
                  + "例); the number analysed is not stated");
        }
        ReportedForm form = new ReportedForm(null, null, null, null, null, null, min, max, pct);
        result =
            new Result(
                spec,
                studyId,
                arm.get("arm_key"),
                months,
                g,
                n,
                mean,
                sd,
                form,
                null,
                null,
                derivation,
                notes);
      }
      results.computeIfAbsent(spec.name(), k -> new ArrayList<>()).add(result);
      return null;
    }

    void write(ProjectRepository repo) {
      Project p = repo.project();
      repo.updateProject(
          new Project(
              TITLE, REVIEW_QUESTION, REVIEWERS, p.created(), p.modified(), p.schemaVersion()));
      Map<String, CharacteristicField> fields = new LinkedHashMap<>();
      for (CharacteristicField f : SampleFields.all()) {
        fields.put(f.key(), repo.insertField(f));
      }
      Map<String, Long> studyIds = new LinkedHashMap<>();
      Map<String, Long> armIds = new LinkedHashMap<>();
      int order = 0;
      for (CsvTable.Row r : studyRows) {
        Study s = repo.insertStudy(study(r, order++));
        studyIds.put(r.get("id"), s.id());
        for (Map.Entry<String, Value> e : values(r).entrySet()) {
          CharacteristicField f = fields.get(e.getKey());
          Value v = e.getValue();
          checkType(r, f, v.text());
          // a text field's Chinese text: the source's own, else the transcriber's translation
          String en = v.text();
          String zh = v.zh();
          String[] split = SPLIT_FIELDS.contains(f.key()) ? splitLanguages(en) : null;
          if (zh.isEmpty() && split != null) {
            en = split[0];
            zh = split[1];
          } else if (zh.isEmpty() && f.type() == FieldType.TEXT) {
            zh = translations.getOrDefault(f.key() + "\u0000" + en, "");
          }
          repo.putValue(new CharacteristicValue(s.id(), f.id(), en, v.provenance(), zh));
        }
        int armOrder = 0;
        for (CsvTable.Row a : armsByStudy.getOrDefault(r.get("id"), List.of())) {
          String n = a.get("randomised");
          Arm arm =
              repo.insertArm(
                  new Arm(
                      0,
                      s.id(),
                      a.get("label"),
                      role(a),
                      a.get("intervention"),
                      n.isEmpty() ? null : Integer.valueOf(n),
                      armOrder++));
          armIds.put(r.get("id") + "\u0000" + a.get("arm_key"), arm.id());
        }
      }
      int outcomeOrder = 0;
      for (OutcomeSpec spec : OUTCOMES) {
        List<Result> rs = results.get(spec.name());
        if (rs == null) {
          continue;
        }
        Outcome o =
            repo.insertOutcome(
                new Outcome(
                    0,
                    spec.name(),
                    spec.kind(),
                    spec.unit(),
                    spec.lowerIsBetter(),
                    outcomeOrder++,
                    NAMES_ZH.getOrDefault(spec.name(), ""),
                    "",
                    null));
        Map<Double, Long> tps = new TreeMap<>();
        rs.forEach(x -> tps.put(x.months(), 0L));
        for (Double m : List.copyOf(tps.keySet())) {
          tps.put(m, repo.insertTimePoint(new TimePoint(0, o.id(), m, timeLabel(m))).id());
        }
        for (Result x : rs) {
          long sid = studyIds.get(x.studyId());
          long aid = armIds.get(x.studyId() + "\u0000" + x.armKey());
          repo.putMeasurement(
              new Measurement(
                  0,
                  sid,
                  o.id(),
                  aid,
                  tps.get(x.months()),
                  x.n(),
                  x.mean(),
                  x.sd(),
                  x.events(),
                  x.total(),
                  x.reported(),
                  x.derivation(),
                  x.provenance()));
        }
      }
      for (TableLayout l : SampleLayouts.all()) {
        TableLayout stored = repo.putLayout(l);
        PrintedTables.Table t = printed.table(SampleLayouts.printedTable(stored));
        List<String> keys = SampleLayouts.printedColumns(stored);
        Map<Integer, Long> studyOfRow = new LinkedHashMap<>();
        long rowField = fields.get(stored.rowFieldKey()).id();
        for (CharacteristicValue v : repo.snapshot().values()) {
          if (v.fieldId() == rowField) {
            studyOfRow.put(Integer.valueOf(v.value().strip()), v.studyId());
          }
        }
        repo.putLayoutContent(
            SampleLayouts.options(stored),
            PrintedTables.columns(t, stored.id(), keys),
            PrintedTables.cells(t, stored.id(), keys, studyOfRow));
      }
      repo.putGlossary(printed.glossary());
      SampleAnalyses.stemCell().forEach(repo::putAnalysis);
    }

    private Study study(CsvTable.Row r, int order) {
      CsvTable.Row m = studyMap.get(r.get("id"));
      String citation = r.get("citation_as_printed");
      List<String> notes = new ArrayList<>();
      addIf(notes, "", m.get("status_note"));
      addIf(notes, "", r.get("notes"));
      addIf(notes, "Possible duplicate of (unconfirmed): ", r.get("possible_duplicate_of"));
      addIf(notes, "Citation as printed: ", citation);
      addIf(notes, "Sources: ", r.get("source_table") + " (" + r.get("source_doc") + ")");
      List<String> sk = skipped.getOrDefault(r.get("id"), List.of());
      if (!sk.isEmpty()) {
        notes.add(
            "Results in outcomes.csv not entered as measurements:\n- " + String.join("\n- ", sk));
      }
      String year = r.get("year");
      return new Study(
          0,
          r.get("id"),
          m.get("label"),
          authors(r),
          year.isEmpty() ? null : Integer.valueOf(year),
          r.get("title_as_printed"),
          r.get("journal"),
          first(DOI, citation),
          first(PMID, citation),
          "",
          r.get("country"),
          r.get("design"),
          String.join("\n\n", notes),
          status(m),
          order);
    }

    /** Field values of a study (empty source cells give no value). */
    private Map<String, Value> values(CsvTable.Row r) {
      Map<String, Value> v = new LinkedHashMap<>();
      String st = r.get("source_table");
      Matcher t1 = TABLE1_ROW.matcher(st);
      if (t1.find()) {
        v.put(
            "table1_row_002",
            new Value(
                t1.group(1),
                new Provenance(ProvenanceSource.TABLE, t1.group(), "", "row number of 002 表1")));
      }
      Matcher ref = REF_004.matcher(st);
      if (ref.find()) {
        v.put(
            "ref_004",
            new Value(
                ref.group(1),
                new Provenance(
                    ProvenanceSource.TABLE,
                    ref.group(),
                    "",
                    "reference number of the review behind seed 004")));
        int row = TABLE2_004_PRINTED_REFS.indexOf(ref.group(1)) + 1;
        if (row == 0) {
          throw new WorkbenchException(
              WorkbenchException.Kind.DATA,
              "studies.csv, study "
                  + r.get("id")
                  + ": '"
                  + ref.group()
                  + "' is not a row of seed 004 Table 2 (printed references: "
                  + String.join(", ", TABLE2_004_PRINTED_REFS)
                  + ")");
        }
        v.put(
            "table2_row_004",
            new Value(
                Integer.toString(row),
                new Provenance(
                    ProvenanceSource.TABLE,
                    ref.group(),
                    "",
                    "printed row of seed 004 Table 2 (the table is not in reference order)")));
      }
      put(
          v,
          r,
          "design",
          "design",
          "design_as_printed",
          "normalised design; quote = wording as printed");
      put(v, r, "country", "country", "", "");
      if (!r.get("institution").isEmpty() || !r.get("institution_en").isEmpty()) {
        // English rendering by the transcriber; Chinese as printed
        v.put(
            "institution",
            new Value(
                r.get("institution_en"),
                prov(r, "", "Chinese as printed; English rendering by the transcriber"),
                r.get("institution")));
      }
      String authors = authors(r);
      if (!authors.isEmpty()) {
        v.put(
            "authors_first_corresponding",
            new Value(
                authors,
                prov(
                    r,
                    "",
                    "first author and corresponding author as printed (one name when they coincide or "
                        + "only one is given)")));
      }
      put(v, r, "year", "year", "", "");
      put(
          v,
          r,
          "follow_up",
          "follow_up_months",
          "",
          "as printed; conflicting sources separated by ' | '");
      put(v, r, "primary_endpoint", "primary_endpoint", "", "");
      put(v, r, "diabetes_type", "diabetes_type", "", "");
      boolean hasControl =
          armsByStudy.getOrDefault(r.get("id"), List.of()).stream()
              .anyMatch(a -> role(a) == ArmRole.CONTROL);
      if (!r.get("n_total").isEmpty()) {
        v.put("n_participants", new Value(r.get("n_total"), prov(r, "", "= N total (n_total)")));
      } else if (!hasControl && !r.get("n_treated").isEmpty()) {
        v.put(
            "n_participants",
            new Value(
                r.get("n_treated"),
                prov(
                    r,
                    "",
                    "= N treated (n_treated): every participant received cells (no control arm)")));
      }
      put(v, r, "n_total", "n_total", "", "printed randomised / enrolled total");
      put(v, r, "n_treated", "n_treated", "", "printed number treated with cells");
      put(v, r, "n_control", "n_control", "", "printed number in the control arm");
      put(v, r, "age", "age", "", "");
      put(v, r, "bmi", "bmi", "", "");
      put(v, r, "disease_duration", "disease_duration", "", "");
      put(
          v,
          r,
          "cell_type",
          "cell_type",
          "cell_type_as_printed",
          "normalised cell type; quote = wording as printed");
      put(
          v,
          r,
          "allo_auto",
          "allogeneic_or_autologous",
          "allo_auto_as_printed",
          "normalised; quote = wording as printed");
      put(v, r, "cell_dose", "cell_dose", "", "dose text exactly as transcribed");
      put(
          v,
          r,
          "dose_per_kg",
          "dose_per_kg",
          "",
          "cells/kg per dose from a printed per-kg figure (lower end if a range)");
      put(v, r, "dose_per_kg_max", "dose_per_kg_max", "", "upper end of a printed per-kg range");
      put(v, r, "n_infusions", "n_infusions", "", "");
      put(v, r, "schedule", "schedule", "", "");
      put(
          v,
          r,
          "route",
          "route",
          "route_as_printed",
          "normalised route; quote = wording as printed");
      put(
          v,
          r,
          "key_findings",
          "key_findings",
          "",
          "English summary of the seed text by the transcriber (not a quote)");
      put(
          v,
          r,
          "safety",
          "safety",
          "",
          "English summary of the seed text by the transcriber (not a quote)");
      return v;
    }

    private static void put(
        Map<String, Value> v,
        CsvTable.Row r,
        String key,
        String column,
        String quoteColumn,
        String note) {
      String text = r.get(column);
      if (!text.isEmpty()) {
        v.put(key, new Value(text, prov(r, quoteColumn.isEmpty() ? "" : r.get(quoteColumn), note)));
      }
    }

    private static Provenance prov(CsvTable.Row r, String quote, String note) {
      String st = r.get("source_table");
      ProvenanceSource src = st.contains("Table") ? ProvenanceSource.TABLE : ProvenanceSource.TEXT;
      return new Provenance(src, st + " (" + r.get("source_doc") + ")", quote, note);
    }

    private static void checkType(CsvTable.Row r, CharacteristicField f, String text) {
      boolean ok =
          switch (f.type()) {
            case INTEGER -> text.matches("\\d+");
            case DECIMAL -> CellText.of(text).number().isPresent();
            case CHOICE -> f.choices().contains(text);
            case TEXT, DATE -> f.type() == FieldType.TEXT;
          };
      if (!ok) {
        throw bad(
            r,
            "study '"
                + r.get("id")
                + "', field '"
                + f.key()
                + "' ("
                + f.type()
                + "): value '"
                + text
                + "' does not fit the field type");
      }
    }

    private static String authors(CsvTable.Row r) {
      String first = r.get("first_author");
      String corr = r.get("corresponding_author");
      if (corr.isEmpty() || corr.equals(first)) {
        return first;
      }
      return first.isEmpty() ? corr : first + ", " + corr;
    }

    private static String timeLabel(double months) {
      if (months == 0) {
        return "baseline";
      }
      String m =
          months == Math.rint(months) ? Long.toString((long) months) : Double.toString(months);
      return m + (months == 1 ? " month" : " months");
    }

    private static String describe(List<CsvTable.Row> g) {
      CsvTable.Row f = g.get(0);
      StringBuilder sb = new StringBuilder(f.get("outcome")).append(" [").append(f.get("arm"));
      if (!f.get("subject").isEmpty()) {
        sb.append(", ").append(f.get("subject"));
      }
      sb.append("; time ")
          .append(f.get("timepoint_months").isEmpty() ? "not stated" : f.get("timepoint_months"));
      if (!f.get("timepoint_label").isEmpty()) {
        sb.append(" (").append(f.get("timepoint_label")).append(')');
      }
      sb.append("]: ");
      List<String> vals = new ArrayList<>();
      for (CsvTable.Row r : g) {
        vals.add(
            r.get("value_type")
                + " "
                + (r.get("value").isEmpty() ? "(empty)" : r.get("value"))
                + (r.get("unit").isEmpty() ? "" : " " + r.get("unit")));
      }
      return sb.append(String.join(", ", vals)).toString();
    }

    private static StudyStatus status(CsvTable.Row r) {
      try {
        return StudyStatus.valueOf(r.get("status"));
      } catch (IllegalArgumentException e) {
        throw bad(
            r, "status '" + r.get("status") + "' is not INCLUDED, EXCLUDED or RELATED_REVIEW");
      }
    }

    private static ArmRole role(CsvTable.Row r) {
      try {
        return ArmRole.valueOf(r.get("role"));
      } catch (IllegalArgumentException e) {
        throw bad(r, "role '" + r.get("role") + "' is not EXPERIMENTAL, CONTROL or OTHER");
      }
    }

    private static String first(Pattern p, String text) {
      Matcher m = p.matcher(text);
      return m.find() ? m.group(1).replaceAll("\\.$", "") : "";
    }

    private static void addIf(List<String> out, String prefix, String text) {
      if (!text.isBlank()) {
        out.add(prefix + text);
      }
    }

    private static CellText cell(CsvTable.Row r) {
      return r == null ? CellText.EMPTY : CellText.of(r.get("value"));
    }
  }

  /**
   * Fields whose transcription gives one text in both languages as "Chinese (English)" or "English
   * (Chinese)": stored as the English and the Chinese text of the value.
   */
  static final java.util.Set<String> SPLIT_FIELDS =
      java.util.Set.of(
          "primary_endpoint", "schedule", "disease_duration", "authors_first_corresponding");

  private static final Pattern TWO_LANGUAGES = Pattern.compile("^([^()]+?) \\(([^()]+)\\)$");
  private static final Pattern CJK = Pattern.compile("[\\u3000-\\u9fff\\uff00-\\uffef]");

  /**
   * {English, Chinese} of a text "A (B)" where exactly one of A and B has Chinese characters, or
   * null.
   */
  static String[] splitLanguages(String text) {
    Matcher m = TWO_LANGUAGES.matcher(text);
    if (!m.matches()) {
      return null;
    }
    boolean firstZh = CJK.matcher(m.group(1)).find();
    boolean secondZh = CJK.matcher(m.group(2)).find();
    if (firstZh == secondZh) {
      return null;
    }
    return firstZh
        ? new String[] {m.group(2).strip(), m.group(1).strip()}
        : new String[] {m.group(1).strip(), m.group(2).strip()};
  }

  /** A value to store: its (English or only) text, provenance and Chinese text. */
  private record Value(String text, Provenance provenance, String zh) {
    Value(String text, Provenance provenance) {
      this(text, provenance, "");
    }
  }

  /** One planned measurement with the rows it came from. */
  private record Result(
      OutcomeSpec spec,
      String studyId,
      String armKey,
      double months,
      List<CsvTable.Row> rows,
      CellText n,
      CellText mean,
      CellText sd,
      ReportedForm reported,
      CellText events,
      CellText total,
      String derivation,
      List<String> notes) {

    Provenance provenance() {
      Set<String> locations = new LinkedHashSet<>();
      Set<String> docs = new LinkedHashSet<>();
      Set<String> quotes = new LinkedHashSet<>();
      Set<String> rowNotes = new LinkedHashSet<>(notes);
      boolean table = false;
      boolean several = rows.stream().map(r -> r.get("source")).distinct().count() > 1;
      for (CsvTable.Row r : rows) {
        locations.add(r.get("source") + (several ? " (" + r.get("value_type") + ")" : ""));
        docs.add(r.get("source_doc"));
        if (!r.get("quote").isEmpty()) {
          quotes.add(r.get("quote"));
        }
        if (!r.get("notes").isEmpty()) {
          rowNotes.add(r.get("notes"));
        }
        table |= r.get("source").contains("Table");
      }
      return new Provenance(
          table ? ProvenanceSource.TABLE : ProvenanceSource.TEXT,
          String.join("; ", locations) + " in " + String.join(", ", docs),
          String.join(" | ", quotes),
          String.join("; ", rowNotes));
    }
  }

  private static WorkbenchException bad(CsvTable.Row r, String problem) {
    return new WorkbenchException(
        WorkbenchException.Kind.FILE,
        r.file().getFileName() + " record on line " + r.line() + ": " + problem);
  }
}
