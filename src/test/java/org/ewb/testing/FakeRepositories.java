package org.ewb.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.ProvenanceSource;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TableLayout;
import org.ewb.model.TimePoint;

/**
 * In-memory project repositories for tests: a {@link ProjectCache} over a store that only hands out
 * ids, so the cache's mirror is the whole project. Used until (and beside) the SQLite store.
 */
public final class FakeRepositories {

  private FakeRepositories() {}

  /** An empty in-memory project. */
  public static ProjectCache empty(String title) {
    return ProjectCache.load(new IdStore(Path.of("memory.ewb"), title));
  }

  /**
   * A small review: 3 studies (one with a Chinese label), 3 fields in two groups, two arms each, a
   * continuous outcome (HbA1c at 0 / 12 months) and a dichotomous one.
   */
  public static ProjectCache sample() {
    ProjectCache p = empty("Stem cells for diabetes");
    Study hu =
        p.insertStudy(
            new Study(
                0,
                "hu2013",
                "Hu 2013",
                "Hu J",
                2013,
                "WJ-MSC in T1D",
                "Endocr J",
                "",
                "",
                "",
                "China",
                "RCT",
                "",
                StudyStatus.INCLUDED,
                1));
    Study zhang =
        p.insertStudy(
            new Study(
                0,
                "zhang2012",
                "张 2012",
                "Zhang",
                2012,
                "",
                "",
                "",
                "",
                "",
                "China",
                "non-randomised",
                "",
                StudyStatus.INCLUDED,
                2));
    Study carl =
        p.insertStudy(
            new Study(
                0,
                "carlsson2015",
                "Carlsson 2015",
                "Carlsson",
                2015,
                "",
                "",
                "",
                "",
                "",
                "Sweden",
                "RCT",
                "",
                StudyStatus.INCLUDED,
                3));
    CharacteristicField cell =
        p.insertField(
            new CharacteristicField(
                0,
                "cell_type",
                "Cell type",
                "细胞类型",
                FieldType.CHOICE,
                "",
                List.of("WJ-MSC", "BM-MSC", "UC-MSC"),
                "Cells",
                "干细胞",
                1));
    CharacteristicField dose =
        p.insertField(
            new CharacteristicField(
                0,
                "dose",
                "Dose",
                "剂量",
                FieldType.DECIMAL,
                "10^6/kg",
                List.of(),
                "Cells",
                "干细胞",
                2));
    CharacteristicField n =
        p.insertField(
            new CharacteristicField(
                0, "n", "N", "例数", FieldType.INTEGER, "", List.of(), "Patients", "患者", 3));
    p.putValue(
        new CharacteristicValue(
            hu.id(),
            cell.id(),
            "WJ-MSC",
            new Provenance(ProvenanceSource.TABLE, "Table 1", "WJ-MSCs were infused", "")));
    p.putValue(new CharacteristicValue(hu.id(), dose.id(), "2.6", null));
    p.putValue(new CharacteristicValue(hu.id(), n.id(), "29", null));
    p.putValue(new CharacteristicValue(zhang.id(), cell.id(), "UC-MSC", null));
    p.putValue(new CharacteristicValue(carl.id(), n.id(), "20", null));
    Outcome hba1c = p.insertOutcome(new Outcome(0, "HbA1c", OutcomeKind.CONTINUOUS, "%", true, 1));
    TimePoint t0 = p.insertTimePoint(new TimePoint(0, hba1c.id(), 0, "baseline"));
    TimePoint t12 = p.insertTimePoint(new TimePoint(0, hba1c.id(), 12, "12 months"));
    Outcome indep =
        p.insertOutcome(
            new Outcome(0, "Insulin independence", OutcomeKind.DICHOTOMOUS, "", false, 2));
    p.insertTimePoint(new TimePoint(0, indep.id(), 12, "12 months"));
    for (Study s : List.of(hu, zhang, carl)) {
      Arm e = p.insertArm(new Arm(0, s.id(), "MSC", ArmRole.EXPERIMENTAL, "", 15, 1));
      p.insertArm(new Arm(0, s.id(), "Control", ArmRole.CONTROL, "", 14, 2));
      if (s == hu) {
        p.putMeasurement(
            Measurement.continuous(
                s.id(),
                hba1c.id(),
                e.id(),
                t0.id(),
                CellText.of("15"),
                CellText.of("8.1"),
                CellText.of("1.2"),
                new Provenance(ProvenanceSource.TABLE, "Table 2", "8.1 ± 1.2", "")));
        p.putMeasurement(
            Measurement.continuous(
                s.id(),
                hba1c.id(),
                e.id(),
                t12.id(),
                CellText.of("15"),
                CellText.of("6.9"),
                CellText.of("1.0"),
                null));
      }
    }
    return p;
  }

  /** A store that keeps nothing itself; the {@link ProjectCache} over it holds the data. */
  private static final class IdStore implements ProjectRepository {
    private final Path file;
    private Project project;
    private final AtomicLong ids = new AtomicLong(1000);

    IdStore(Path file, String title) {
      this.file = file;
      this.project = new Project(title, "", "", Instant.now(), Instant.now(), 1);
    }

    private long id(long given) {
      return given != 0 ? given : ids.incrementAndGet();
    }

    @Override
    public Path file() {
      return file;
    }

    @Override
    public ProjectData snapshot() {
      return new ProjectData(
          project, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of());
    }

    @Override
    public Project project() {
      return project;
    }

    @Override
    public void updateProject(Project p) {
      project = p;
    }

    @Override
    public Study insertStudy(Study s) {
      return s.withId(id(s.id()));
    }

    @Override
    public void updateStudy(Study s) {}

    @Override
    public void deleteStudy(long id) {}

    @Override
    public CharacteristicField insertField(CharacteristicField f) {
      return f.withId(id(f.id()));
    }

    @Override
    public void updateField(CharacteristicField f) {}

    @Override
    public void deleteField(long id) {}

    @Override
    public void putValue(CharacteristicValue v) {}

    @Override
    public Arm insertArm(Arm a) {
      return a.withId(id(a.id()));
    }

    @Override
    public void updateArm(Arm a) {}

    @Override
    public void deleteArm(long id) {}

    @Override
    public Outcome insertOutcome(Outcome o) {
      return o.withId(id(o.id()));
    }

    @Override
    public void updateOutcome(Outcome o) {}

    @Override
    public void deleteOutcome(long id) {}

    @Override
    public TimePoint insertTimePoint(TimePoint t) {
      return t.withId(id(t.id()));
    }

    @Override
    public void updateTimePoint(TimePoint t) {}

    @Override
    public void deleteTimePoint(long id) {}

    @Override
    public Measurement putMeasurement(Measurement m) {
      return m.withId(id(m.id()));
    }

    @Override
    public GenericEstimate putGenericEstimate(GenericEstimate g) {
      return g.withId(id(g.id()));
    }

    @Override
    public TableLayout putLayout(TableLayout l) {
      return l.withId(id(l.id()));
    }

    @Override
    public void deleteLayout(long id) {}

    @Override
    public SavedAnalysis putAnalysis(SavedAnalysis a) {
      return new SavedAnalysis(id(a.id()), a.name(), a.settingsJson(), a.displayOrder());
    }

    @Override
    public void deleteAnalysis(long id) {}

    @Override
    public void inTransaction(Runnable edits) {
      edits.run();
    }

    @Override
    public void saveAs(Path target) {}

    @Override
    public void addChangeListener(Runnable l) {}

    @Override
    public void close() {}
  }
}
