package org.ewb.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ewb.logic.export.ExportFixtures;
import org.ewb.logic.export.ExportProgress;
import org.ewb.logic.export.TableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export dialog's state and its job, without a window. */
class ExportViewModelTest {

  @TempDir Path dir;

  private final ExportViewModel vm = new ExportViewModel(ExportFixtures.seed002(), "zh");

  @Test
  void offersEveryFieldThenTheProjectsLayouts() {
    assertEquals(List.of("", "Seed 002 表1", "Short"), vm.layouts());
    assertEquals("zh", vm.languageProperty().get());
  }

  @Test
  void optionsFollowTheChoices() {
    vm.outcomesProperty().set(false);
    vm.layoutProperty().set("Short");
    vm.languageProperty().set("en");
    assertEquals(EnumSet.of(TableKind.CHARACTERISTICS, TableKind.ANALYSES), vm.options().tables());
    assertEquals("Short", vm.options().layoutName());
    assertEquals("en", vm.options().lang());
  }

  @Test
  void okIsDisabledWhileNoTableIsChosen() {
    assertFalse(vm.nothingChosen().get());
    vm.characteristicsProperty().set(false);
    vm.outcomesProperty().set(false);
    vm.analysesProperty().set(false);
    assertTrue(vm.nothingChosen().get());
  }

  @Test
  void exportsTheChosenTablesToAWorkbook() throws IOException {
    vm.layoutProperty().set("Seed 002 表1");
    vm.analysesProperty().set(false);
    Path xlsx = dir.resolve("t.xlsx");
    assertEquals(List.of(xlsx), vm.export(xlsx, ExportProgress.NONE));
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals("研究特征", wb.getSheetName(0));
      assertEquals(4, wb.getNumberOfSheets());
    }
  }

  @Test
  void csvGoesIntoTheChosenFolder() throws IOException {
    vm.formatProperty().set(ExportViewModel.Format.CSV);
    vm.outcomesProperty().set(false);
    List<Path> files = vm.export(dir.resolve("csv"), ExportProgress.NONE);
    assertEquals(List.of(dir.resolve("csv").resolve("characteristics.csv")), files);
  }

  @Test
  void cancellingStopsTheExportAndLeavesNoFile() throws IOException {
    Path xlsx = dir.resolve("cancelled.xlsx");
    ExportProgress cancelled =
        new ExportProgress() {
          @Override
          public void rows(long done, long total) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    assertThrows(CancellationException.class, () -> vm.export(xlsx, cancelled));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList());
    }
  }
}
