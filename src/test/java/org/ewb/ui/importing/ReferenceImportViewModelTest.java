package org.ewb.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.importing.ReferenceImporter;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's reference import: choices per pair, and the open project's cache kept current. */
class ReferenceImportViewModelTest {

  @TempDir Path dir;

  @Test
  void keepBothMakesTwoStudiesAndTheCacheSeesThem() {
    ProjectCache cache = ProjectCache.load(SqliteProjectStore.create(dir.resolve("p.ewb"), "p"));
    try {
      ReferenceImportViewModel vm = new ReferenceImportViewModel(cache);
      vm.setPlan(vm.read(Path.of("src/test/resources/importing/three.ris")));
      assertEquals(1, vm.duplicates().size());
      ReferenceImporter.Duplicate d = vm.duplicates().get(0);
      assertEquals(ReferenceImporter.Decision.MERGE, vm.decision(d));
      assertTrue(vm.summary().contains("3 new studies"), vm.summary());
      vm.decide(d, ReferenceImporter.Decision.KEEP_BOTH);
      assertTrue(vm.summary().contains("4 new studies"), vm.summary());
      vm.statusProperty().set(StudyStatus.EXCLUDED);
      vm.apply();
      assertEquals(4, cache.studies().size(), "the window's mirror has the new studies");
      assertEquals(4, cache.store().studies().size());
      assertEquals(
          java.util.List.of("Hu 2013a", "Li 2016", "胡建新 2015", "Hu 2013b"),
          cache.studies().stream().map(Study::label).toList());
      assertTrue(cache.studies().stream().allMatch(s -> s.status() == StudyStatus.EXCLUDED));
      assertTrue(
          ReferenceImportViewModel.describe(d.a(), "three.ris")
              .contains("DOI 10.5555/ewb.2013.001"));
    } finally {
      cache.close();
    }
  }
}
