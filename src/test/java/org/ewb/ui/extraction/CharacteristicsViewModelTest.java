package org.ewb.ui.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.CharacteristicField;
import org.ewb.model.FieldType;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.WorkbenchException;
import org.ewb.testing.FakeRepositories;
import org.ewb.ui.extraction.SheetModel.CellChange;
import org.ewb.ui.main.MainViewModel;
import org.ewb.ui.main.WorkbenchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CharacteristicsViewModelTest {

  private WorkbenchSettings settings;
  private MainViewModel main;
  private ProjectCache p;
  private CharacteristicsViewModel vm;

  @BeforeEach
  void setUp() {
    Localization.setLocale(Locale.ENGLISH);
    settings = WorkbenchSettings.inMemory();
    main = new MainViewModel(f -> null, (f, t) -> null, settings);
    p = FakeRepositories.sample();
    main.install(p);
    vm = new CharacteristicsViewModel(main);
  }

  @AfterEach
  void tearDown() {
    settings.clear();
  }

  private Study hu() {
    return vm.rows().get(0);
  }

  @Test
  void columnsAreLabelStatusThenFields() {
    assertEquals("Hu 2013", vm.text(hu(), CharacteristicsViewModel.LABEL));
    assertEquals("Included", vm.text(hu(), CharacteristicsViewModel.STATUS));
    assertEquals("WJ-MSC", vm.text(hu(), CharacteristicsViewModel.FIRST_FIELD));
    assertEquals("Dose (10^6/kg)", CharacteristicsViewModel.title(vm.field(3)));
  }

  @Test
  void labelAndStatusOfOneStudyInOnePasteAreBothKept() {
    vm.commit(
        List.of(new CellChange<>(hu(), 0, "Hu J 2013"), new CellChange<>(hu(), 1, "排除")), "paste");
    Study s = p.studies().get(0);
    assertEquals("Hu J 2013", s.label());
    assertEquals(StudyStatus.EXCLUDED, s.status());
    main.undo();
    assertEquals("Hu 2013", p.studies().get(0).label());
    assertEquals(StudyStatus.INCLUDED, p.studies().get(0).status());
  }

  @Test
  void anUnknownStatusIsRefusedWithTheStudyNamed() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> vm.commit(List.of(new CellChange<>(hu(), 1, "maybe")), "edit"));
    assertTrue(e.getMessage().contains("Hu 2013"), e.getMessage());
  }

  @Test
  void anInvalidValueIsStoredAndItsProblemReported() {
    vm.commit(List.of(new CellChange<>(hu(), 4, "29 patients")), "edit");
    assertEquals("29 patients", p.value(hu().id(), vm.field(4).id()).value());
    assertEquals("\"29 patients\" is not a whole number", vm.problem(hu(), 4).orElseThrow());
  }

  @Test
  void filterMatchesLabelsAndValues() {
    vm.filterProperty().set("uc-msc");
    assertEquals(1, vm.rows().size());
    assertEquals("张 2012", vm.rows().get(0).label());
    vm.filterProperty().set("");
    assertEquals(3, vm.rows().size());
  }

  @Test
  void addedFieldsGetAUniqueKeyAndUndoRemovesThem() {
    CharacteristicField f =
        vm.addField(
            new CharacteristicField(0, "", "Dose", "剂量2", FieldType.DECIMAL, "", null, "", "", 0));
    assertEquals("dose_2", f.key());
    assertTrue(vm.refreshFields());
    assertEquals(4, vm.fields().size());
    main.undo();
    vm.refreshFields();
    assertEquals(3, vm.fields().size());
  }

  @Test
  void deletingAndDuplicatingStudiesAreUndoable() {
    Study copy = vm.duplicateStudy(hu());
    assertEquals("Hu 2013 (copy)", copy.label());
    assertEquals("WJ-MSC", p.value(copy.id(), vm.field(2).id()).value());
    vm.deleteStudy(hu());
    assertEquals(3, p.studyCount());
    main.undo();
    main.undo();
    assertEquals(3, p.studyCount());
    assertEquals("Hu 2013", p.studies().get(0).label());
    assertEquals(2, p.armsOf(p.studies().get(0).id()).size());
  }

  @Test
  void slugsAreAsciiKeys() {
    assertEquals("cell_type", CharacteristicsViewModel.slug("Cell type"));
    assertEquals("item", CharacteristicsViewModel.slug("细胞"));
    assertEquals("muller_2010", CharacteristicsViewModel.slug("Müller 2010"));
  }
}
