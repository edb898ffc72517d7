package org.ewb.logic.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ewb.model.Arm;
import org.ewb.model.CharacteristicField;
import org.ewb.model.FieldType;
import org.ewb.model.Measurement;
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

/** Edits and their undo, against a real project file: undo gives back exactly what was there. */
class EditsTest {

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

  private Study hu() {
    return p.studies().get(0);
  }

  private CharacteristicField field(String key) {
    return p.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
  }

  /** The file's content, reopened, in a comparable order. */
  private ProjectData reopened() {
    p.close();
    try (SqliteProjectStore s = SqliteProjectStore.open(file)) {
      ProjectData d = s.snapshot();
      p = ProjectCache.load(SqliteProjectStore.open(file));
      return d;
    }
  }

  private static String canonical(ProjectData d) {
    List<String> lines = new ArrayList<>();
    d.studies().forEach(s -> lines.add(s.toString()));
    d.fields().forEach(f -> lines.add(f.toString()));
    d.values().stream().map(Object::toString).sorted().forEach(lines::add);
    d.arms().stream()
        .sorted(Comparator.comparingLong(Arm::id))
        .forEach(a -> lines.add(a.toString()));
    d.timePoints().forEach(t -> lines.add(t.toString()));
    d.measurements().stream()
        .sorted(Comparator.comparingLong(Measurement::id))
        .forEach(m -> lines.add(m.toString()));
    return String.join("\n", lines);
  }

  @Test
  void settingAValueIsStoredAndUndoneInTheFile() {
    long dose = field("dose").id();
    history.perform(Edits.setValue(p, hu().id(), dose, "3.5"), p);
    assertEquals("3.5", reopened().value(hu().id(), "dose"));
    history.undo(p);
    assertEquals("2.6", reopened().value(hu().id(), "dose"));
    history.redo(p);
    assertEquals("3.5", reopened().value(hu().id(), "dose"));
  }

  @Test
  void settingAValueKeepsItsProvenance() {
    long cell = field("cell_type").id();
    history.perform(Edits.setValue(p, hu().id(), cell, "BM-MSC"), p);
    assertEquals("Table 1", p.value(hu().id(), cell).provenance().location());
  }

  @Test
  void deletingAStudyAndUndoingRestoresArmsValuesAndMeasurementsWithTheSameIds() {
    String before = canonical(reopened());
    history.perform(Edits.deleteStudy(p, hu().id()), p);
    ProjectData afterDelete = reopened();
    assertEquals(2, afterDelete.studies().size());
    assertTrue(afterDelete.measurements().isEmpty());
    history.undo(p);
    assertEquals(before, canonical(reopened()));
  }

  @Test
  void redoingAnAddedStudyKeepsItsId() {
    Edits.InsertStudy add = Edits.addStudy(p, "new2020", "New 2020");
    history.perform(add, p);
    long id = add.study().id();
    history.undo(p);
    assertFalse(p.study(id).isPresent());
    history.redo(p);
    assertEquals("New 2020", reopened().studiesById().get(id).label());
  }

  @Test
  void duplicatingAStudyCopiesCharacteristicsAndArmsButNotOutcomeData() {
    Edits.InsertStudy dup = Edits.duplicateStudy(p, hu().id(), "hu2013_copy");
    history.perform(dup, p);
    ProjectData d = reopened();
    long copy = dup.study().id();
    assertEquals("Hu 2013 (copy)", d.studiesById().get(copy).label());
    assertEquals("WJ-MSC", d.value(copy, "cell_type"));
    assertEquals(2, d.armsOf(copy).size());
    assertTrue(d.measurements().stream().noneMatch(m -> m.studyId() == copy));
  }

  @Test
  void deletingAFieldIsUndoneWithItsValues() {
    String before = canonical(reopened());
    history.perform(Edits.deleteField(p, field("cell_type").id()), p);
    assertEquals("", reopened().value(hu().id(), "cell_type"));
    history.undo(p);
    assertEquals(before, canonical(reopened()));
  }

  @Test
  void renamingRetypingAndMovingAFieldAreUndoable() {
    CharacteristicField n = field("n");
    CharacteristicField renamed =
        new CharacteristicField(
            n.id(),
            n.key(),
            "Patients",
            "患者数",
            FieldType.TEXT,
            "",
            null,
            "Patients",
            "患者",
            n.displayOrder());
    history.perform(Edits.updateField(p, renamed), p);
    history.perform(Edits.moveField(p, n.id(), 0), p);
    ProjectData d = reopened();
    assertEquals("患者数", d.fields().get(0).labelZh());
    assertEquals(FieldType.TEXT, d.fields().get(0).type());
    history.undo(p);
    history.undo(p);
    assertEquals(n, reopened().fields().get(2));
  }

  @Test
  void removingAnArmOrTimePointIsUndoneWithItsMeasurements() {
    String before = canonical(reopened());
    Arm msc = p.armsOf(hu().id()).get(0);
    TimePoint t12 = p.timePointsOf(p.outcomes().get(0).id()).get(1);
    history.perform(Edits.deleteArm(p, msc.id()), p);
    history.perform(Edits.deleteTimePoint(p, t12.id()), p);
    assertTrue(reopened().measurements().isEmpty());
    history.undo(p);
    history.undo(p);
    assertEquals(before, canonical(reopened()));
  }

  @Test
  void aCompoundEditIsUndoneAsOneStep() {
    long dose = field("dose").id();
    long n = field("n").id();
    List<Edit> cells = new ArrayList<>();
    for (Study s : p.studies()) {
      cells.add(Edits.setValue(p, s.id(), dose, "1"));
      cells.add(Edits.setValue(p, s.id(), n, "10"));
    }
    String before = canonical(reopened());
    history.perform(Edits.group("paste", cells), p);
    assertEquals("10", reopened().value(p.studies().get(2).id(), "n"));
    history.undo(p);
    assertEquals(before, canonical(reopened()));
    assertFalse(history.canUndo());
    assertTrue(history.canRedo());
  }

  @Test
  void aNewEditClearsRedo() {
    long dose = field("dose").id();
    history.perform(Edits.setValue(p, hu().id(), dose, "1"), p);
    history.undo(p);
    history.perform(Edits.setValue(p, hu().id(), dose, "2"), p);
    assertFalse(history.canRedo());
  }
}
