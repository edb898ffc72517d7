package org.ewb.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ewb.logic.project.OutcomeData;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.testing.FakeRepositories;
import org.ewb.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's partial reads give the same rows as the whole snapshot, filtered. */
class OutcomeDataReadsTest {

  @TempDir Path dir;

  private SqliteProjectStore sample() {
    Path file = dir.resolve("t.ewb");
    ProjectFiles.write(FakeRepositories.sample().snapshot(), file).close();
    return SqliteProjectStore.open(file);
  }

  @Test
  void theSnapshotWithoutOutcomeDataEqualsTheSnapshotMinusItsData() {
    try (SqliteProjectStore s = sample()) {
      ProjectData all = s.snapshot();
      ProjectData without = s.snapshotWithoutOutcomeData();
      assertFalse(all.measurements().isEmpty());
      assertTrue(without.measurements().isEmpty());
      assertTrue(without.genericEstimates().isEmpty());
      assertEquals(all.studies(), without.studies());
      assertEquals(all.values(), without.values());
      assertEquals(all.arms(), without.arms());
      assertEquals(all.timePoints(), without.timePoints());
      assertEquals(all.layouts(), without.layouts());
    }
  }

  @Test
  void outcomeDataHoldsExactlyThatOutcomesRows() {
    try (SqliteProjectStore s = sample()) {
      ProjectData all = s.snapshot();
      for (Outcome o : all.outcomes()) {
        OutcomeData d = s.outcomeData(o.id());
        assertEquals(
            all.measurements().stream().filter(m -> m.outcomeId() == o.id()).toList(),
            d.measurements());
        assertEquals(
            all.genericEstimates().stream().filter(g -> g.outcomeId() == o.id()).toList(),
            d.genericEstimates());
      }
    }
  }

  @Test
  void outcomeDataOfAStudyHoldsExactlyThatStudysRows() {
    try (SqliteProjectStore s = sample()) {
      ProjectData all = s.snapshot();
      for (Study st : all.studies()) {
        assertEquals(
            all.measurements().stream().filter(m -> m.studyId() == st.id()).toList(),
            s.outcomeDataOfStudy(st.id()).measurements());
      }
    }
  }
}
