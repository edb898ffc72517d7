package org.ewb.logic.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.ewb.logic.project.OutcomeData;
import org.ewb.model.Arm;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.ewb.persistence.SqliteProjectStore;
import org.ewb.testing.FakeRepositories;
import org.ewb.testing.ProjectFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's lazy outcome data: loaded per outcome on first use, and written through always. */
class ProjectCacheTest {

  @TempDir Path dir;
  private Path file;
  private ProjectCache p;
  private final UndoHistory history = new UndoHistory();

  @BeforeEach
  void setUp() {
    file = dir.resolve("t.ewb");
    ProjectFiles.write(FakeRepositories.sample().snapshot(), file).close();
    p = ProjectCache.load(SqliteProjectStore.open(file));
  }

  @AfterEach
  void tearDown() {
    p.close();
  }

  private Outcome outcome(String name) {
    return p.outcomes().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  private static ProjectData stored(Path file) {
    try (SqliteProjectStore s = SqliteProjectStore.open(file)) {
      return s.snapshot();
    }
  }

  @Test
  void openingReadsNoOutcomeDataButCountsIt() {
    assertEquals(p.outcomes(), p.unloadedOutcomes());
    assertEquals(stored(file).measurements().size(), p.measurementCount());
  }

  @Test
  void readingACellLoadsOnlyItsOutcome() {
    Outcome hba1c = outcome("HbA1c");
    Study hu = p.studies().get(0);
    Arm msc = p.armsOf(hu.id()).get(0);
    TimePoint t0 = p.timePointsOf(hba1c.id()).get(0);
    assertEquals(
        "8.1", p.measurement(hu.id(), hba1c.id(), msc.id(), t0.id()).orElseThrow().mean().text());
    assertTrue(p.isLoaded(hba1c.id()));
    assertFalse(p.isLoaded(outcome("Insulin independence").id()));
  }

  @Test
  void anEditInAnOutcomeLoadedLaterIsStoredAndShownAfterReopening() {
    Outcome indep = outcome("Insulin independence");
    Study carl = p.studies().get(2);
    Arm control = p.armsOf(carl.id()).get(1);
    TimePoint t12 = p.timePointsOf(indep.id()).get(0);
    Measurement m =
        Measurement.dichotomous(
            carl.id(),
            indep.id(),
            control.id(),
            t12.id(),
            CellText.of("3"),
            CellText.of("14"),
            null);
    history.perform(Edits.putMeasurement(p, m), p);
    p.close();
    p = ProjectCache.load(SqliteProjectStore.open(file));
    assertFalse(p.isLoaded(indep.id()));
    Measurement back = p.measurement(carl.id(), indep.id(), control.id(), t12.id()).orElseThrow();
    assertEquals(List.of("3", "14"), List.of(back.events().text(), back.total().text()));
    history.clear();
    Measurement four =
        Measurement.dichotomous(
            carl.id(),
            indep.id(),
            control.id(),
            t12.id(),
            CellText.of("4"),
            CellText.of("14"),
            null);
    history.perform(Edits.putMeasurement(p, four), p);
    history.undo(p);
    p.close();
    p = ProjectCache.load(SqliteProjectStore.open(file));
    assertEquals(
        "3",
        p.measurement(carl.id(), indep.id(), control.id(), t12.id()).orElseThrow().events().text());
  }

  @Test
  void deletingAStudyWhoseOutcomesAreNotLoadedIsUndoneWithItsMeasurements() {
    Study hu = p.studies().get(0);
    List<Measurement> before = sorted(stored(file).measurements());
    history.perform(Edits.deleteStudy(p, hu.id()), p);
    assertEquals(0, p.measurementCount());
    history.undo(p);
    assertEquals(before, sorted(stored(file).measurements()));
    assertEquals(before.size(), p.measurementCount());
    assertEquals(before, sorted(p.snapshot().measurements()));
  }

  @Test
  void dataReadElsewhereIsRefusedAfterAWriteOfOutcomeData() {
    Outcome hba1c = outcome("HbA1c");
    long version = p.dataVersion();
    OutcomeData read = p.store().outcomeData(hba1c.id());
    Study hu = p.studies().get(0);
    history.perform(Edits.deleteStudy(p, hu.id()), p);
    assertFalse(p.offer(hba1c.id(), read, version), "stale data must not be installed");
    assertTrue(p.outcomeData(hba1c.id()).measurements().isEmpty());
  }

  @Test
  void dataReadElsewhereIsTakenWhenNothingWasWritten() {
    Outcome hba1c = outcome("HbA1c");
    long version = p.dataVersion();
    OutcomeData read = p.store().outcomeData(hba1c.id());
    assertTrue(p.offer(hba1c.id(), read, version));
    assertTrue(p.isLoaded(hba1c.id()));
    assertEquals(2, p.outcomeData(hba1c.id()).measurements().size());
  }

  private static List<Measurement> sorted(List<Measurement> ms) {
    return ms.stream().sorted(Comparator.comparingLong(Measurement::id)).toList();
  }
}
