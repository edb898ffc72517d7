package org.ewb.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Study;
import org.ewb.model.WorkbenchException;
import org.ewb.testing.FakeRepositories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

  private WorkbenchSettings settings;
  private MainViewModel vm;

  @BeforeEach
  void setUp() {
    Localization.setLocale(Locale.ENGLISH);
    settings = WorkbenchSettings.inMemory();
    vm =
        new MainViewModel(
            p -> FakeRepositories.sample(), (p, t) -> FakeRepositories.empty(t), settings);
  }

  @AfterEach
  void tearDown() {
    settings.clear();
  }

  @Test
  void installingAProjectListsItsStudiesInOrder() {
    vm.install(FakeRepositories.sample());
    assertEquals(3, vm.studies().size());
    assertEquals("Hu 2013", vm.studies().get(0).label());
    assertEquals("张 2012", vm.studies().get(1).label());
  }

  @Test
  void titleNamesTheProjectInTheCurrentLanguage() {
    vm.install(FakeRepositories.sample());
    assertEquals("Evidence Workbench — Stem cells for diabetes", vm.windowTitleProperty().get());
    Localization.setLocale(Localization.CHINESE);
    try {
      vm.languageChanged();
      assertEquals("证据工作台 — Stem cells for diabetes", vm.windowTitleProperty().get());
    } finally {
      Localization.setLocale(Locale.ENGLISH);
    }
  }

  @Test
  void selectingAStudyShowsItsCharacteristicsAndArms() {
    vm.install(FakeRepositories.sample());
    vm.selectedStudyProperty().set(vm.studies().get(0));
    assertEquals(3, vm.selectedCharacteristics().size());
    assertEquals("WJ-MSC", vm.selectedCharacteristics().get(0).value());
    assertEquals("Cells", vm.selectedCharacteristics().get(0).group());
    assertEquals("Dose (10^6/kg)", vm.selectedCharacteristics().get(1).label());
    assertEquals(2, vm.selectedArms().size());
  }

  @Test
  void aNewStudyInTheProjectAppearsInTheList() {
    ProjectCache p = FakeRepositories.sample();
    vm.install(p);
    p.insertStudy(Study.of("new", "New 2020").withDisplayOrder(9));
    assertEquals(4, vm.studies().size());
    assertTrue(vm.statusProperty().get().contains("4 studies"), vm.statusProperty().get());
  }

  @Test
  void openingAMissingFileIsRefusedWithItsName(@TempDir Path dir) {
    Path missing = dir.resolve("nope.ewb");
    WorkbenchException e = assertThrows(WorkbenchException.class, () -> vm.open(missing));
    assertTrue(e.getMessage().contains("nope.ewb"));
  }

  @Test
  void creatingOverAnExistingFileIsRefused(@TempDir Path dir) throws Exception {
    Path existing = java.nio.file.Files.writeString(dir.resolve("a.ewb"), "x");
    assertThrows(WorkbenchException.class, () -> vm.create(existing, "T"));
  }

  @Test
  void recentFilesKeepTheLastOpenedFirst(@TempDir Path dir) throws Exception {
    Path a = java.nio.file.Files.writeString(dir.resolve("a.ewb"), "x");
    Path b = java.nio.file.Files.writeString(dir.resolve("b.ewb"), "x");
    settings.addRecent(a);
    settings.addRecent(b);
    settings.addRecent(a);
    assertEquals(a.toAbsolutePath(), settings.recentFiles().get(0));
    assertEquals(2, settings.recentFiles().size());
  }
}
