package org.ewb.logic.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ewb.model.Study;
import org.ewb.model.StudyReference;
import org.ewb.model.StudyStatus;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import into a real project file: merging, labels, and the all-or-nothing transaction. */
class ReferenceImporterTest {

  @TempDir Path dir;

  private static ReferenceImporter.Result importFile(SqliteProjectStore s, String name) {
    ReferenceReader.Parsed p = ReferenceParsersTest.read(name);
    ReferenceImporter.Plan plan = ReferenceImporter.plan(p, s.studies(), s.references());
    return ReferenceImporter.apply(
        s,
        s,
        plan,
        ReferenceImporter.defaults(plan, false),
        StudyStatus.INCLUDED,
        ImportProgress.NONE);
  }

  @Test
  void sameThreeRecordsInFourFormatsGiveThreeStudies() {
    try (SqliteProjectStore s = SqliteProjectStore.create(dir.resolve("p.ewb"), "p")) {
      ReferenceImporter.Result ris = importFile(s, "three.ris");
      assertEquals(3, ris.studiesCreated());
      assertEquals(1, ris.recordsMergedWithinFile());
      for (String f : List.of("three.nbib", "three.bib", "three.xml")) {
        ReferenceImporter.Result r = importFile(s, f);
        assertEquals(0, r.studiesCreated(), f);
        assertEquals(4, r.recordsMergedIntoExisting(), f);
      }
      List<Study> studies = s.studies();
      assertEquals(
          List.of("Hu 2013", "Li 2016", "胡建新 2015"), studies.stream().map(Study::label).toList());
      Study hu = studies.get(0);
      assertEquals("Hu, Jianxin; Yu, Xiaolong; Wang, Zhiqiang", hu.authors());
      assertEquals("10.5555/ewb.2013.001", hu.doi());
      assertEquals("90000001", hu.pmid());
      assertEquals("NCT90000001", hu.registration());
      assertEquals("Endocrine Journal", hu.journal());
      assertEquals(2013, hu.year());
      assertEquals("ChiCTR-TRC-12002345", studies.get(1).registration());
      // every record is kept: 4 files x 4 records
      List<StudyReference> refs = s.references();
      assertEquals(16, refs.size());
      List<StudyReference> ofHu = s.referencesOf(hu.id());
      assertEquals(6, ofHu.size(), "A in 4 files, its RIS duplicate, its conference abstract");
      assertEquals("three.ris, record 1", ofHu.get(0).source());
      assertEquals("60", ofHu.get(0).volume());
      assertTrue(ofHu.get(0).abstractText().contains("Twenty-nine"));
    }
  }

  @Test
  void possibleDuplicatesAreKeptApartUnlessMerged() {
    String a =
        "TY  - JOUR\nAU  - Hu, J\nTI  - Umbilical cord mesenchymal stem cells for newly"
            + " diagnosed type 1 diabetes\nPY  - 2013\nER  - \n";
    String b = a.replace("newly", "early");
    ReferenceReader.Parsed p = ReferenceReader.parse("x.ris", a + b, "UTF-8", null, Map.of());
    try (SqliteProjectStore s = SqliteProjectStore.create(dir.resolve("q.ewb"), "q")) {
      ReferenceImporter.Plan plan = ReferenceImporter.plan(p, s.studies(), s.references());
      assertEquals(1, plan.duplicates().size());
      ReferenceImporter.Result kept =
          ReferenceImporter.dryRun(plan, ReferenceImporter.defaults(plan, false));
      assertEquals(2, kept.studiesCreated());
      assertEquals(1, kept.duplicatesKeptApart());
      ReferenceImporter.Result merged =
          ReferenceImporter.apply(
              s,
              s,
              plan,
              Map.of(0, ReferenceImporter.Decision.MERGE),
              StudyStatus.EXCLUDED,
              ImportProgress.NONE);
      assertEquals(1, merged.studiesCreated());
      assertEquals(StudyStatus.EXCLUDED, s.studies().get(0).status());
      assertEquals(2, s.references().size());
    }
  }

  @Test
  void clashingLabelsGetLetters() {
    String rec = "TY  - JOUR\nAU  - Hu, J\nTI  - %s\nPY  - 2013\nER  - \n";
    String text =
        String.format(rec, "Stem cells for type 1 diabetes in adults")
            + String.format(rec, "Insulin pumps in children with diabetes");
    try (SqliteProjectStore s = SqliteProjectStore.create(dir.resolve("l.ewb"), "l")) {
      ReferenceImporter.Plan plan =
          ReferenceImporter.plan(
              ReferenceReader.parse("l.ris", text, "UTF-8", null, Map.of()),
              s.studies(),
              s.references());
      ReferenceImporter.apply(s, s, plan, Map.of(), StudyStatus.INCLUDED, ImportProgress.NONE);
      assertEquals(
          List.of("Hu 2013a", "Hu 2013b"), s.studies().stream().map(Study::label).toList());
    }
  }

  @Test
  void failureHalfWayAddsNothing() {
    try (SqliteProjectStore s = SqliteProjectStore.create(dir.resolve("f.ewb"), "f")) {
      importFile(s, "three.csv"); // 3 studies already there
      ReferenceReader.Parsed p =
          ReferenceReader.parse("big.ris", syntheticRis(600), "UTF-8", null, Map.of());
      ReferenceImporter.Plan plan = ReferenceImporter.plan(p, s.studies(), s.references());
      // the store fails on the 400th record: the 399 before it must go too
      ReferenceStore failing =
          new ReferenceStore() {
            int n;

            @Override
            public StudyReference insertReference(StudyReference r) {
              if (++n == 400) {
                throw new WorkbenchException(WorkbenchException.Kind.FILE, "disk full");
              }
              return s.insertReference(r);
            }

            @Override
            public List<StudyReference> references() {
              return s.references();
            }
          };
      assertThrows(
          WorkbenchException.class,
          () ->
              ReferenceImporter.apply(
                  s, failing, plan, Map.of(), StudyStatus.INCLUDED, ImportProgress.NONE));
      assertEquals(3, s.studies().size());
      assertEquals(3, s.references().size());
      // and a cancel after the first progress report rolls back the same way
      ImportProgress cancel =
          new ImportProgress() {
            long seen;

            @Override
            public void update(long done, long total) {
              seen = done;
            }

            @Override
            public boolean cancelled() {
              return seen > 0;
            }
          };
      WorkbenchException e =
          assertThrows(
              WorkbenchException.class,
              () -> ReferenceImporter.apply(s, s, plan, Map.of(), StudyStatus.INCLUDED, cancel));
      assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
      assertEquals(3, s.studies().size());
      assertEquals(3, s.references().size());
    }
  }

  static String syntheticRis(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("TY  - JOUR\nAU  - Author")
          .append(i)
          .append(", A\nTI  - Study number ")
          .append(i)
          .append(" of a synthetic list\nPY  - 2001\nDO  - 10.9999/syn.")
          .append(i)
          .append("\nER  - \n");
    }
    return b.toString();
  }
}
