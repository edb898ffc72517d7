package org.ewb.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.ewb.model.ReportedForm;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TableLayout;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project store: round trips, transactions, cascades, ids, save-as, listeners. */
class SqliteProjectStoreTest {

  @TempDir Path dir;

  static CellText c(String s) {
    return CellText.of(s);
  }

  /** Every entity with every field set to a non-default value, stored in {@code store}. */
  static ProjectData fill(SqliteProjectStore store) {
    Instant created = Instant.parse("2024-01-02T03:04:05.678Z");
    Instant modified = Instant.parse("2024-02-03T04:05:06Z");
    store.updateProject(
        new Project("干细胞 review", "Does it work?", "A. B; C. D", created, modified, 0));
    Study s1 =
        store.insertStudy(
            new Study(
                0,
                "hu2013",
                "Hu 2013",
                "Hu J, Yu X",
                2013,
                "Long term effects",
                "Endocr J",
                "10.1507/x",
                "23123456",
                "NCT01",
                "China",
                "RCT",
                "note \"quoted\"\nline 2",
                StudyStatus.INCLUDED,
                2));
    Study s2 =
        store.insertStudy(
            new Study(
                0,
                "rev2020",
                "Review 2020",
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
                StudyStatus.RELATED_REVIEW,
                1));
    Study s3 =
        store.insertStudy(
            Study.of("ex", "Excluded 1999").withStatus(StudyStatus.EXCLUDED).withDisplayOrder(3));
    CharacteristicField f1 =
        store.insertField(
            new CharacteristicField(
                0,
                "cell_type",
                "Cell type",
                "细胞类型",
                FieldType.CHOICE,
                "",
                List.of("MSC", "UC-MSC", "BM-MNC"),
                "Intervention",
                "干预",
                1));
    CharacteristicField f2 =
        store.insertField(
            new CharacteristicField(
                0, "dose", "Dose", "剂量", FieldType.DECIMAL, "10^6/kg", null, "", "", 0));
    CharacteristicField f3 =
        store.insertField(
            new CharacteristicField(
                0, "n", "N", "例数", FieldType.INTEGER, "", List.of(), "", "", 2));
    Provenance prov = new Provenance(ProvenanceSource.TABLE, "Table 1 row 4", "n = 29", "checked");
    store.putValue(new CharacteristicValue(s1.id(), f1.id(), "UC-MSC", prov));
    store.putValue(new CharacteristicValue(s1.id(), f2.id(), "1.50", Provenance.NONE));
    store.putValue(
        new CharacteristicValue(s1.id(), f3.id(), "29", new Provenance(null, "", "", "n")));
    store.putValue(new CharacteristicValue(s2.id(), f2.id(), "2.5", Provenance.NONE));
    Arm a1 = store.insertArm(new Arm(0, s1.id(), "MSC", ArmRole.EXPERIMENTAL, "WJ-MSC iv", 15, 0));
    Arm a2 = store.insertArm(new Arm(0, s1.id(), "Control", ArmRole.CONTROL, "insulin", null, 1));
    Arm a3 = store.insertArm(new Arm(0, s3.id(), "Only", ArmRole.OTHER, "", 7, 0));
    Outcome o1 = store.insertOutcome(new Outcome(0, "HbA1c", OutcomeKind.CONTINUOUS, "%", true, 0));
    Outcome o2 =
        store.insertOutcome(
            new Outcome(0, "Insulin independence", OutcomeKind.DICHOTOMOUS, "", false, 1));
    Outcome o3 =
        store.insertOutcome(new Outcome(0, "C-peptide ratio", OutcomeKind.GENERIC, "", false, 2));
    TimePoint t0 = store.insertTimePoint(new TimePoint(0, o1.id(), 0, "baseline"));
    TimePoint t12 = store.insertTimePoint(new TimePoint(0, o1.id(), 12, "12 months"));
    TimePoint t2 = store.insertTimePoint(new TimePoint(0, o2.id(), 2.5, "2.5 months"));
    TimePoint t3 = store.insertTimePoint(new TimePoint(0, o3.id(), 6, ""));
    store.putMeasurement(
        Measurement.continuous(
            s1.id(), o1.id(), a1.id(), t0.id(), c("15"), c("8.60"), c("1.2"), prov));
    store.putMeasurement(
        new Measurement(
            0,
            s1.id(),
            o1.id(),
            a2.id(),
            t12.id(),
            c("14"),
            c("7.1"),
            c("0.9"),
            c(""),
            c(""),
            new ReportedForm(
                c("0.24"),
                c("6.5"),
                c("7.7"),
                c("7.0"),
                c("6.6"),
                c("7.6"),
                c("5.9"),
                c("8.8"),
                c("-12.5")),
            "Wan 2014 (median/IQR)",
            prov));
    store.putMeasurement(
        Measurement.dichotomous(
            s1.id(), o2.id(), a1.id(), t2.id(), c("3"), c("15"), Provenance.NONE));
    store.putMeasurement(
        Measurement.dichotomous(
            s1.id(),
            o2.id(),
            a2.id(),
            t2.id(),
            c("12,5a"),
            c("1e3"),
            new Provenance(ProvenanceSource.FIGURE, "Fig 2", "", "")));
    store.putMeasurement(
        Measurement.continuous(
            s3.id(),
            o1.id(),
            a3.id(),
            t0.id(),
            c("-0"),
            c("12345678901234567890"),
            c("0.001"),
            new Provenance(ProvenanceSource.TEXT, "", "", "")));
    store.putMeasurement(
        Measurement.continuous(
            s1.id(),
            o1.id(),
            a1.id(),
            t12.id(),
            c("1"),
            c("2"),
            c("3"),
            new Provenance(null, "a\u001fb", "\u001f", "")));
    store.putGenericEstimate(
        new GenericEstimate(
            0,
            s1.id(),
            o3.id(),
            t3.id(),
            c("-0.35"),
            c("0.12"),
            "logRR",
            new Provenance(ProvenanceSource.PAGE, "p. 3", "RR 0.70", "")));
    store.putLayout(
        new TableLayout(
            0, "Seed 002 表1", "Table 1", "表1", List.of("cell_type", "dose"), "a: mean", "注：均值"));
    store.putLayout(
        new TableLayout(0, "By row", "", "", List.of("dose"), "", "", "table1_row_002"));
    store.putAnalysis(
        new SavedAnalysis(0, "HbA1c 12 m", "{\"measure\":\"MD\",\"model\":\"REML\"}", 0));
    return store.snapshot();
  }

  @Test
  void everyEntityAndFieldRoundTripsThroughTheFile() {
    Path f = dir.resolve("p.ewb");
    ProjectData written;
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      written = fill(store);
    }
    ProjectData reopened;
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      reopened = store.snapshot();
    }
    assertEquals(written, reopened);
    assertEquals(written, SqliteProjectStore.readSnapshot(f));
    // spot checks that the values are the typed ones, not defaults
    assertEquals("干细胞 review", reopened.project().title());
    assertEquals(Instant.parse("2024-01-02T03:04:05.678Z"), reopened.project().created());
    assertEquals(SqliteProjectStore.currentSchemaVersion(), reopened.project().schemaVersion());
    assertEquals(
        List.of("Review 2020", "Hu 2013", "Excluded 1999"),
        reopened.studies().stream().map(Study::label).toList());
    assertEquals("note \"quoted\"\nline 2", reopened.studies().get(1).notes());
    assertEquals(3, reopened.fields().size());
    assertEquals(List.of("MSC", "UC-MSC", "BM-MNC"), reopened.fields().get(1).choices());
    assertEquals("1.50", reopened.value(reopened.studies().get(1).id(), "dose"));
    assertEquals(
        List.of("", "table1_row_002"),
        reopened.layouts().stream().map(TableLayout::rowFieldKey).toList());
    assertEquals(6, reopened.measurements().size());
    assertEquals(
        new Provenance(null, "a\u001fb", "\u001f", ""),
        reopened.measurements().get(5).provenance());
    Measurement m2 = reopened.measurements().get(1);
    assertEquals("-12.5", m2.reported().percentChange().text());
    assertEquals("Wan 2014 (median/IQR)", m2.derivation());
    assertEquals("12,5a", reopened.measurements().get(3).events().text());
    assertEquals("12345678901234567890", reopened.measurements().get(4).mean().text());
    assertEquals("logRR", reopened.genericEstimates().get(0).measure());
    assertEquals(List.of("cell_type", "dose"), reopened.layouts().get(0).fieldKeys());
    assertEquals(
        "{\"measure\":\"MD\",\"model\":\"REML\"}", reopened.analyses().get(0).settingsJson());
  }

  @Test
  void aTextKeepsEachLanguageAndAValueWithNeitherIsDeleted() {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      ProjectData d = fill(store);
      CharacteristicField route =
          store.insertField(
              new CharacteristicField(
                  0, "route", "Route", "途径", FieldType.TEXT, "", List.of(), "", "", 3));
      long s1 = d.studies().get(0).id();
      long s2 = d.studies().get(1).id();
      Provenance prov = new Provenance(ProvenanceSource.TABLE, "Table 1", "iv", "");
      store.putValue(new CharacteristicValue(s1, route.id(), "intravenous", prov, "静脉注射"));
      store.putValue(new CharacteristicValue(s2, route.id(), "", Provenance.NONE, "胰腺动脉"));
      ProjectData both = SqliteProjectStore.readSnapshot(f);
      assertTrue(
          both.values()
              .contains(new CharacteristicValue(s1, route.id(), "intravenous", prov, "静脉注射")));
      assertTrue(
          both.values()
              .contains(new CharacteristicValue(s2, route.id(), "", Provenance.NONE, "胰腺动脉")));
      store.putValue(
          both.values().stream()
              .filter(v -> v.value().equals("intravenous"))
              .findFirst()
              .get()
              .withText("en", ""));
    }
    ProjectData read = SqliteProjectStore.readSnapshot(f);
    CharacteristicValue zhOnly =
        read.values().stream().filter(v -> v.valueZh().equals("静脉注射")).findFirst().get();
    assertEquals("", zhOnly.value());
    assertEquals("静脉注射", zhOnly.text("en"), "the Chinese text stands in for the English");
    assertTrue(zhOnly.missing("en"));
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      store.putValue(new CharacteristicValue(zhOnly.studyId(), zhOnly.fieldId(), "", null, ""));
    }
    assertTrue(
        SqliteProjectStore.readSnapshot(f).values().stream()
            .noneMatch(v -> v.fieldId() == zhOnly.fieldId() && v.studyId() == zhOnly.studyId()),
        "no text and no provenance: the row is gone");
  }

  @Test
  void theSummaryCountsWhatTheSnapshotHolds() {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      fill(store);
    }
    ProjectData d = SqliteProjectStore.readSnapshot(f);
    org.ewb.logic.project.ProjectSummary s = SqliteProjectStore.readSummary(f);
    assertEquals(org.ewb.logic.project.ProjectSummary.of(d), s);
    assertEquals(6, s.measurements());
    assertEquals(
        List.of(4L, 2L, 0L),
        s.outcomes().stream()
            .map(org.ewb.logic.project.ProjectSummary.OutcomeSummary::measurements)
            .toList());
    assertEquals(1, s.outcomes().get(2).genericEstimates());
    assertEquals(
        List.of(0.0, 12.0),
        s.outcomes().get(0).timePoints().stream().map(TimePoint::months).toList());
  }

  @Test
  void studiesAndSummaryOfAnOpenStoreMatchTheSnapshot() {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      ProjectData d = fill(store);
      assertEquals(d.studies(), store.studies());
      assertEquals(org.ewb.logic.project.ProjectSummary.of(d), store.summary());
    }
  }

  @Test
  void numericCellsAreStoredAsNumbersOnlyWhenTheyReadBackAsTyped() throws Exception {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      fill(store);
    }
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT typeof(n), typeof(mean), typeof(sd), typeof(events),"
                    + " typeof(total) FROM measurement ORDER BY id")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getString(4)
                + " "
                + rs.getString(5));
      }
      assertEquals(
          List.of(
              "integer text real null null", // 15, "8.60" (would lose its zero), 1.2
              "integer real real null null",
              "null null null integer integer",
              "null null null text text", // "12,5a", "1e3"
              "text text real null null", // "-0", a number too large for a long, 0.001
              "integer integer integer null null"),
          rows);
    }
  }

  @Test
  void anOutcomeWithoutDecimalsReadsBackWithoutDecimalsWhateverItsDefaultMeasure() {
    Path f = dir.resolve("decimals.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      store.insertOutcome(
          new Outcome(0, "HbA1c", OutcomeKind.CONTINUOUS, "%", true, 0, "", "MD", null));
      store.insertOutcome(new Outcome(0, "FPG", OutcomeKind.CONTINUOUS, "", true, 1, "", "", null));
      store.insertOutcome(
          new Outcome(0, "C-peptide", OutcomeKind.CONTINUOUS, "", false, 2, "", "MD", 3));
    }
    List<Outcome> read = SqliteProjectStore.readSnapshot(f).outcomes();
    // a NULL decimals once read as 0 when the default measure was set: forest plots showed 7.88
    // as 8
    assertEquals(null, read.get(0).decimals(), read.get(0).toString());
    assertEquals(null, read.get(1).decimals(), read.get(1).toString());
    assertEquals(Integer.valueOf(3), read.get(2).decimals());
  }

  @Test
  void insertWithExplicitIdKeepsTheId() {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      Study s = store.insertStudy(Study.of("k", "Deleted").withId(42));
      assertEquals(42, s.id());
      Arm a = store.insertArm(new Arm(77, 42, "A", ArmRole.CONTROL, "", null, 0));
      Outcome o = store.insertOutcome(new Outcome(9, "O", OutcomeKind.CONTINUOUS, "", false, 0));
      TimePoint t = store.insertTimePoint(new TimePoint(5, 9, 1, ""));
      Measurement m =
          store.putMeasurement(
              Measurement.continuous(42, 9, 77, 5, c("1"), c("2"), c("3"), null).withId(1000));
      assertEquals(List.of(77L, 9L, 5L, 1000L), List.of(a.id(), o.id(), t.id(), m.id()));
      ProjectData d = store.snapshot();
      assertEquals(42, d.studies().get(0).id());
      assertEquals(1000, d.measurements().get(0).id());
      // a new study after an explicit id continues above it
      assertTrue(store.insertStudy(Study.of("n", "New")).id() > 42);
      // an id that is taken is refused
      WorkbenchException e =
          assertThrows(
              WorkbenchException.class, () -> store.insertStudy(Study.of("x", "X").withId(42)));
      assertEquals(WorkbenchException.Kind.DATA, e.kind());
    }
  }

  @Test
  void putMeasurementReplacesTheOneAtTheSameCellAndKeepsItsId() {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      ProjectData d = fill(store);
      Measurement first = d.measurements().get(0);
      Measurement again =
          store.putMeasurement(
              Measurement.continuous(
                  first.studyId(),
                  first.outcomeId(),
                  first.armId(),
                  first.timePointId(),
                  c("16"),
                  c("8"),
                  c("1"),
                  null));
      assertEquals(first.id(), again.id());
      ProjectData after = store.snapshot();
      assertEquals(d.measurements().size(), after.measurements().size());
      assertEquals("16", after.measurements().get(0).n().text());
      // all cells empty: deleted
      Measurement blank =
          store.putMeasurement(
              Measurement.continuous(
                  first.studyId(),
                  first.outcomeId(),
                  first.armId(),
                  first.timePointId(),
                  null,
                  null,
                  null,
                  null));
      assertEquals(0, blank.id());
      assertEquals(d.measurements().size() - 1, store.snapshot().measurements().size());
    }
  }

  @Test
  void aMeasurementMustUseAnArmOfItsStudyAndATimePointOfItsOutcome() {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      ProjectData d = fill(store);
      Measurement m = d.measurements().get(0);
      Study other = d.studies().get(0); // "Review 2020" has no arms
      WorkbenchException e =
          assertThrows(
              WorkbenchException.class,
              () ->
                  store.putMeasurement(
                      Measurement.continuous(
                          other.id(),
                          m.outcomeId(),
                          m.armId(),
                          m.timePointId(),
                          c("1"),
                          c("1"),
                          c("1"),
                          null)));
      assertEquals(WorkbenchException.Kind.DATA, e.kind());
      assertEquals(d.measurements(), store.snapshot().measurements());
    }
  }

  @Test
  void deletingAStudyCascadesToArmsValuesMeasurementsAndEstimates() {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      ProjectData d = fill(store);
      long hu = d.studies().get(1).id();
      store.deleteStudy(hu);
      ProjectData after = store.snapshot();
      assertTrue(after.studies().stream().noneMatch(s -> s.id() == hu));
      assertTrue(after.arms().stream().noneMatch(a -> a.studyId() == hu));
      assertTrue(after.values().stream().noneMatch(v -> v.studyId() == hu));
      assertTrue(after.measurements().stream().noneMatch(m -> m.studyId() == hu));
      assertTrue(after.genericEstimates().isEmpty());
      assertEquals(1, after.measurements().size()); // the excluded study's one
      assertEquals(1, after.values().size()); // Review 2020's dose
    }
  }

  @Test
  void deletingAnOutcomeCascadesToTimePointsMeasurementsAndEstimates() {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      ProjectData d = fill(store);
      long hba1c = d.outcomes().get(0).id();
      store.deleteOutcome(hba1c);
      ProjectData after = store.snapshot();
      assertTrue(after.timePoints().stream().noneMatch(t -> t.outcomeId() == hba1c));
      assertTrue(after.measurements().stream().noneMatch(m -> m.outcomeId() == hba1c));
      assertEquals(2, after.measurements().size());
      long generic = d.outcomes().get(2).id();
      store.deleteTimePoint(store.snapshot().timePointsOf(generic).get(0).id());
      assertTrue(store.snapshot().genericEstimates().isEmpty());
    }
  }

  @Test
  void deletingAnArmOrAFieldCascades() {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      ProjectData d = fill(store);
      Arm control = d.arms().stream().filter(a -> a.role() == ArmRole.CONTROL).findFirst().get();
      store.deleteArm(control.id());
      assertTrue(
          store.snapshot().measurements().stream().noneMatch(m -> m.armId() == control.id()));
      assertEquals(4, store.snapshot().measurements().size());
      long dose = d.fields().stream().filter(f -> f.key().equals("dose")).findFirst().get().id();
      store.deleteField(dose);
      assertTrue(store.snapshot().values().stream().noneMatch(v -> v.fieldId() == dose));
      assertEquals(2, store.snapshot().values().size());
    }
  }

  @Test
  void aFailingTransactionLeavesThePreviousState() {
    Path f = dir.resolve("p.ewb");
    ProjectData before;
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      before = fill(store);
      RuntimeException boom = new IllegalStateException("paste failed at row 3");
      RuntimeException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  store.inTransaction(
                      () -> {
                        store.insertStudy(Study.of("new", "New 2024"));
                        store.deleteStudy(before.studies().get(1).id());
                        store.updateProject(store.project().withTitle("changed"));
                        throw boom;
                      }));
      assertEquals(boom, thrown);
      assertEquals(withoutModified(before), withoutModified(store.snapshot()));
    }
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      assertEquals(withoutModified(before), withoutModified(store.snapshot()));
    }
  }

  @Test
  void aFailingInnerTransactionIsRolledBackAloneWhenTheOuterCatchesIt() {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      store.inTransaction(
          () -> {
            store.insertStudy(Study.of("a", "Kept"));
            assertThrows(
                IllegalStateException.class,
                () ->
                    store.inTransaction(
                        () -> {
                          store.insertStudy(Study.of("b", "Dropped"));
                          throw new IllegalStateException("inner");
                        }));
            store.insertStudy(Study.of("c", "Also kept"));
          });
      assertEquals(
          List.of("Kept", "Also kept"),
          store.snapshot().studies().stream().map(Study::label).toList());
    }
  }

  @Test
  void editsAreCommittedBeforeTheCallReturns() throws Exception {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      store.insertStudy(Study.of("a", "Visible"));
      // a second, independent connection (another process would see the same) sees the study
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + f);
          Statement st = other.createStatement();
          ResultSet rs = st.executeQuery("SELECT label FROM study")) {
        assertTrue(rs.next());
        assertEquals("Visible", rs.getString(1));
      }
    }
  }

  @Test
  void listenersRunOnceAfterEachCommitAndNotAfterARollback() {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      AtomicInteger calls = new AtomicInteger();
      List<Integer> studiesSeen = new ArrayList<>();
      store.addChangeListener(
          () -> {
            calls.incrementAndGet();
            studiesSeen.add(store.snapshot().studies().size());
          });
      store.insertStudy(Study.of("a", "A"));
      store.inTransaction(
          () -> {
            store.insertStudy(Study.of("b", "B"));
            store.insertStudy(Study.of("c", "C"));
          });
      assertThrows(
          IllegalStateException.class,
          () ->
              store.inTransaction(
                  () -> {
                    store.insertStudy(Study.of("d", "D"));
                    throw new IllegalStateException("x");
                  }));
      assertEquals(2, calls.get());
      assertEquals(List.of(1, 3), studiesSeen);
    }
  }

  @Test
  void modifiedIsUpdatedByEveryEdit() throws Exception {
    try (SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t")) {
      Instant before = store.project().modified();
      Thread.sleep(5);
      store.insertStudy(Study.of("a", "A"));
      assertTrue(store.project().modified().isAfter(before));
      assertEquals("t", store.project().title());
    }
  }

  @Test
  void saveAsWritesAConsistentCopyThatOpens() throws Exception {
    Path f = dir.resolve("p.ewb");
    Path copy = dir.resolve("copy.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      ProjectData d = fill(store);
      store.saveAs(copy);
      WorkbenchException e = assertThrows(WorkbenchException.class, () -> store.saveAs(copy));
      assertEquals(WorkbenchException.Kind.FILE, e.kind());
      assertEquals(d, SqliteProjectStore.readSnapshot(copy));
      // the original stays open and editable
      store.insertStudy(Study.of("x", "After"));
      assertEquals(d.studies().size(), SqliteProjectStore.readSnapshot(copy).studies().size());
    }
    try (SqliteProjectStore store = SqliteProjectStore.open(copy)) {
      assertEquals(3, store.snapshot().studies().size());
    }
  }

  @Test
  void createRefusesAnExistingFile() throws Exception {
    Path f = dir.resolve("p.ewb");
    Files.writeString(f, "keep me");
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> SqliteProjectStore.create(f, "t"));
    assertEquals(WorkbenchException.Kind.FILE, e.kind());
    assertEquals("keep me", Files.readString(f));
  }

  @Test
  void theFileIsMarkedAsAProjectAndUsesWalAndForeignKeys() throws Exception {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      store.insertStudy(Study.of("a", "A"));
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + f);
          Statement st = other.createStatement()) {
        assertEquals(Schema.APPLICATION_ID, intPragma(st, "application_id"));
        assertEquals(Schema.CURRENT_VERSION, intPragma(st, "user_version"));
        try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
          rs.next();
          assertEquals("wal", rs.getString(1));
        }
      }
    }
    // after close the log is merged into the file: one file to copy or e-mail
    assertFalse(Files.exists(FileCheck.walOf(f)));
  }

  /**
   * Opening a project to look at it (the README's first command on a sample in git) must not change
   * the file: it is switched to WAL only before its first edit, and back on close.
   */
  @Test
  void aProjectOpenedAndClosedWithoutAnEditStaysByteIdentical() throws Exception {
    Path f = dir.resolve("p.ewb");
    int n;
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      n = fill(store).studies().size();
    }
    byte[] before = FileRefusalTest.sha256(f);
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      assertEquals(n, store.snapshot().studies().size());
      assertFalse(Files.exists(FileCheck.walOf(f)));
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(before, FileRefusalTest.sha256(f));
    assertFalse(Files.exists(FileCheck.walOf(f)));
    assertFalse(Files.exists(FileCheck.shmOf(f)));

    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      store.insertStudy(Study.of("x", "X"));
      assertTrue(Files.exists(FileCheck.walOf(f)), "the first edit switches the file to WAL");
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + f);
          Statement st = other.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertEquals("wal", rs.getString(1));
      }
    }
    byte[] header = Files.readAllBytes(f);
    assertEquals(List.of((byte) 1, (byte) 1), List.of(header[18], header[19]));
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      assertEquals(n + 1, store.snapshot().studies().size());
    }
  }

  @Test
  void aClosedProjectIsOneFileThatReadOnlyToolsLeaveAlone() throws Exception {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      fill(store);
    }
    byte[] header = Files.readAllBytes(f);
    // file format write/read version 1 = rollback journal (2 would be WAL)
    assertEquals(List.of((byte) 1, (byte) 1), List.of(header[18], header[19]));
    byte[] before = FileRefusalTest.sha256(f);
    // what Python's sqlite3.connect("file:...?mode=ro", uri=True) does
    try (Connection ro =
            DriverManager.getConnection(
                "jdbc:sqlite:file:" + f + "?mode=ro", new java.util.Properties());
        Statement st = ro.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertEquals("ok", rs.getString(1));
    }
    assertFalse(Files.exists(FileCheck.walOf(f)));
    assertFalse(Files.exists(FileCheck.shmOf(f)));
    org.junit.jupiter.api.Assertions.assertArrayEquals(before, FileRefusalTest.sha256(f));
    // and it opens for editing in WAL mode again
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      store.insertStudy(Study.of("x", "X"));
      assertTrue(Files.exists(FileCheck.walOf(f)));
    }
  }

  @Test
  void aProjectOpenTwiceStaysUsableWhenOneCloses() {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore a = SqliteProjectStore.create(f, "t");
        SqliteProjectStore b = SqliteProjectStore.open(f)) {
      a.insertStudy(Study.of("a", "A"));
      a.close();
      b.insertStudy(Study.of("b", "B"));
      assertEquals(2, b.snapshot().studies().size());
    }
    assertEquals(2, SqliteProjectStore.readSnapshot(f).studies().size());
  }

  @Test
  void closedStoreRefusesCalls() {
    SqliteProjectStore store = SqliteProjectStore.create(dir.resolve("p.ewb"), "t");
    store.close();
    assertThrows(WorkbenchException.class, store::snapshot);
    assertNotEquals(null, store.file());
  }

  static int intPragma(Statement st, String name) throws Exception {
    try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static ProjectData withoutModified(ProjectData d) {
    Project p = d.project();
    return new ProjectData(
        new Project(
            p.title(), p.reviewQuestion(), p.reviewers(), p.created(), null, p.schemaVersion()),
        d.studies(),
        d.fields(),
        d.values(),
        d.arms(),
        d.outcomes(),
        d.timePoints(),
        d.measurements(),
        d.genericEstimates(),
        d.layouts(),
        d.analyses());
  }
}
