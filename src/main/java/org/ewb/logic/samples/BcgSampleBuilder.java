package org.ewb.logic.samples;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;

/**
 * Builds the BCG vaccine sample project: the 13 trials of metafor's {@code dat.bcg} (Colditz et al.
 * 1994, JAMA 271:698-702, doi:10.1001/jama.1994.03510330076038) from {@code
 * sample-projects/sources/bcg.csv}, as a complete dichotomous data set (events = TB cases, total =
 * cases + non-cases per arm), with latitude, allocation and year as characteristics so that
 * meta-regression and subgroup analyses can be checked against metafor.
 */
public final class BcgSampleBuilder {

  /** File name of the sample in {@code sample-projects/}. */
  public static final String FILE_NAME = "bcg-vaccine.ewb";

  public static final String TITLE = "BCG vaccine against tuberculosis (sample, metafor dat.bcg)";

  static final String CITATION =
      "Colditz GA, Brewer TF, Berkey CS, et al. Efficacy of BCG vaccine "
          + "in the prevention of tuberculosis: meta-analysis of the published literature. JAMA "
          + "1994;271(9):698-702. Data as in R package metafor, dat.bcg.";

  private final Path sourcesDir;

  /**
   * @param sourcesDir the folder holding {@code bcg.csv} ({@code sample-projects/sources})
   */
  public BcgSampleBuilder(Path sourcesDir) {
    this.sourcesDir = sourcesDir;
  }

  /** Fills the empty project behind {@code repo}; all edits in one transaction. */
  public void build(ProjectRepository repo) {
    CsvTable bcg =
        CsvTable.read(
            sourcesDir.resolve("bcg.csv"),
            "row",
            "label",
            "trial",
            "author",
            "year",
            "tpos",
            "tneg",
            "cpos",
            "cneg",
            "ablat",
            "alloc");
    for (CsvTable.Row r : bcg.rows()) {
      for (String c : List.of("row", "trial", "year", "tpos", "tneg", "cpos", "cneg", "ablat")) {
        if (!r.get(c).matches("\\d+")) {
          throw new WorkbenchException(
              WorkbenchException.Kind.FILE,
              bcg.file().getFileName()
                  + " record on line "
                  + r.line()
                  + ": "
                  + c
                  + " = '"
                  + r.get(c)
                  + "' is not a whole number");
        }
      }
    }
    repo.inTransaction(() -> write(repo, bcg));
  }

  private static void write(ProjectRepository repo, CsvTable bcg) {
    Project p = repo.project();
    repo.updateProject(
        new Project(
            TITLE,
            "Does BCG vaccination prevent tuberculosis, and does its effect depend on latitude or "
                + "on the method of allocation?",
            "Sample built by 'build-samples' from sample-projects/sources/bcg.csv (metafor dat.bcg)",
            p.created(),
            p.modified(),
            p.schemaVersion()));
    Map<String, CharacteristicField> fields = new LinkedHashMap<>();
    fields.put(
        "ablat",
        repo.insertField(
            new CharacteristicField(
                0,
                "ablat",
                "Absolute latitude",
                "绝对纬度",
                FieldType.INTEGER,
                "degrees",
                List.of(),
                "Trial",
                "试验",
                0)));
    fields.put(
        "alloc",
        repo.insertField(
            new CharacteristicField(
                0,
                "alloc",
                "Allocation",
                "分配方法",
                FieldType.CHOICE,
                "",
                List.of("random", "alternate", "systematic"),
                "Trial",
                "试验",
                1)));
    fields.put(
        "year",
        repo.insertField(
            new CharacteristicField(
                0, "year", "Year", "年份", FieldType.INTEGER, "", List.of(), "Trial", "试验", 2)));
    Outcome tb =
        repo.insertOutcome(new Outcome(0, "Tuberculosis", OutcomeKind.DICHOTOMOUS, "", true, 0));
    // dat.bcg gives no follow-up durations; one time point stands for each trial's end of
    // follow-up.
    TimePoint end = repo.insertTimePoint(new TimePoint(0, tb.id(), 0, "end of follow-up"));
    int order = 0;
    for (CsvTable.Row r : bcg.rows()) {
      String alloc = r.get("alloc");
      if (!fields.get("alloc").choices().contains(alloc)) {
        throw new WorkbenchException(
            WorkbenchException.Kind.FILE,
            bcg.file().getFileName()
                + " record on line "
                + r.line()
                + ": alloc = '"
                + alloc
                + "' is not one of "
                + fields.get("alloc").choices());
      }
      String where = "metafor dat.bcg row " + r.get("row") + " (sample-projects/sources/bcg.csv)";
      Study s =
          repo.insertStudy(
              new Study(
                  0,
                  String.format("bcg%02d", Integer.parseInt(r.get("trial"))),
                  r.get("label"),
                  r.get("author"),
                  Integer.valueOf(r.get("year")),
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "Trial " + r.get("trial") + " of " + CITATION,
                  StudyStatus.INCLUDED,
                  order++));
      for (String key : List.of("ablat", "alloc", "year")) {
        repo.putValue(
            new CharacteristicValue(
                s.id(),
                fields.get(key).id(),
                r.get(key),
                new Provenance(ProvenanceSource.TABLE, where, key + " = " + r.get(key), "")));
      }
      long tpos = Long.parseLong(r.get("tpos"));
      long tneg = Long.parseLong(r.get("tneg"));
      long cpos = Long.parseLong(r.get("cpos"));
      long cneg = Long.parseLong(r.get("cneg"));
      Arm bcgArm =
          repo.insertArm(
              new Arm(
                  0,
                  s.id(),
                  "BCG vaccine",
                  ArmRole.EXPERIMENTAL,
                  "BCG vaccination",
                  Math.toIntExact(tpos + tneg),
                  0));
      Arm control =
          repo.insertArm(
              new Arm(
                  0,
                  s.id(),
                  "control",
                  ArmRole.CONTROL,
                  "no vaccination",
                  Math.toIntExact(cpos + cneg),
                  1));
      String note = "total = TB positive + TB negative; " + CITATION;
      repo.putMeasurement(
          Measurement.dichotomous(
              s.id(),
              tb.id(),
              bcgArm.id(),
              end.id(),
              CellText.of(r.get("tpos")),
              CellText.of(tpos + tneg),
              new Provenance(
                  ProvenanceSource.TABLE,
                  where,
                  "tpos = " + r.get("tpos") + ", tneg = " + r.get("tneg"),
                  note)));
      repo.putMeasurement(
          Measurement.dichotomous(
              s.id(),
              tb.id(),
              control.id(),
              end.id(),
              CellText.of(r.get("cpos")),
              CellText.of(cpos + cneg),
              new Provenance(
                  ProvenanceSource.TABLE,
                  where,
                  "cpos = " + r.get("cpos") + ", cneg = " + r.get("cneg"),
                  note)));
    }
    SampleAnalyses.bcg().forEach(repo::putAnalysis);
  }
}
