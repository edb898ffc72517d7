package org.ewb.ui.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.validation.Column;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.ReportedForm;
import org.ewb.model.TimePoint;
import org.ewb.testing.FakeRepositories;
import org.ewb.ui.extraction.SheetModel.CellChange;
import org.ewb.ui.main.MainViewModel;
import org.ewb.ui.main.WorkbenchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutcomeViewModelTest {

  private WorkbenchSettings settings;
  private MainViewModel main;
  private ProjectCache p;
  private OutcomeViewModel vm;

  @BeforeEach
  void setUp() {
    Localization.setLocale(Locale.ENGLISH);
    settings = WorkbenchSettings.inMemory();
    main = new MainViewModel(f -> null, (f, t) -> null, settings);
    p = FakeRepositories.sample();
    main.install(p);
    Outcome hba1c = p.outcomes().get(0);
    vm = new OutcomeViewModel(main, hba1c.id());
  }

  @AfterEach
  void tearDown() {
    settings.clear();
  }

  private OutcomeViewModel.Row row(int i) {
    return vm.rows().get(i);
  }

  @Test
  void rowsAreArmsGroupedByStudy() {
    assertEquals(6, vm.rows().size());
    assertEquals("Hu 2013", vm.text(row(0), OutcomeViewModel.STUDY));
    assertEquals("", vm.text(row(1), OutcomeViewModel.STUDY));
    assertEquals("Control", vm.text(row(1), OutcomeViewModel.ARM));
    assertEquals(List.of(Column.N, Column.MEAN, Column.SD), vm.parts());
    assertEquals(2, vm.timePoints().size());
  }

  @Test
  void cellsShowTheStoredMeasurement() {
    int sd12 = vm.column(1, Column.SD);
    assertEquals("1.0", vm.text(row(0), sd12));
    assertEquals("baseline", vm.timePoint(vm.column(0, Column.N)).label());
  }

  @Test
  void aRowOfCellsBecomesOneMeasurementAndOneUndoStep() {
    OutcomeViewModel.Row control = row(1);
    vm.commit(
        List.of(
            new CellChange<>(control, vm.column(0, Column.N), "14"),
            new CellChange<>(control, vm.column(0, Column.MEAN), "8.0"),
            new CellChange<>(control, vm.column(0, Column.SD), "1.1")),
        "paste");
    Measurement m = vm.measurement(control, vm.timePoints().get(0));
    assertEquals("8.0", m.mean().text());
    assertEquals("14", m.n().text());
    main.undo();
    assertTrue(ProjectCache.isEmpty(vm.measurement(control, vm.timePoints().get(0))));
    assertFalse(main.history().canUndo());
  }

  @Test
  void sdNotAboveZeroIsFlaggedAndKept() {
    int sd = vm.column(0, Column.SD);
    vm.commit(List.of(new CellChange<>(row(0), sd, "-1")), "edit");
    assertEquals("-1", vm.text(row(0), sd));
    assertTrue(vm.problem(row(0), sd).isPresent());
    assertFalse(vm.isWarningOnly(row(0), sd));
  }

  @Test
  void textInANumberCellIsFlagged() {
    int mean = vm.column(1, Column.MEAN);
    vm.commit(List.of(new CellChange<>(row(0), mean, "6,9")), "edit");
    assertEquals("6,9", vm.text(row(0), mean));
    assertTrue(vm.problem(row(0), mean).orElseThrow().contains("6,9"));
  }

  @Test
  void aReportedSeIsConvertedAndMarkedDerived() {
    OutcomeViewModel.Row control = row(1);
    TimePoint t0 = vm.timePoints().get(0);
    vm.commit(
        List.of(
            new CellChange<>(control, vm.column(0, Column.N), "16"),
            new CellChange<>(control, vm.column(0, Column.MEAN), "8")),
        "edit");
    vm.applyReported(
        control,
        t0,
        new ReportedForm(CellText.of("0.5"), null, null, null, null, null, null, null, null));
    // SD = SE * sqrt(n) = 0.5 * 4 (Cochrane Handbook 6.5.2.2)
    assertEquals("2", vm.text(control, vm.column(0, Column.SD)));
    assertTrue(vm.derivation(control, vm.column(0, Column.SD)).isPresent());
    assertFalse(vm.derivation(control, vm.column(0, Column.MEAN)).isPresent());
    assertEquals("0.5", vm.measurement(control, t0).reported().se().text());
  }

  @Test
  void typingOverADerivedSdMakesItReported() {
    OutcomeViewModel.Row control = row(1);
    TimePoint t0 = vm.timePoints().get(0);
    vm.commit(List.of(new CellChange<>(control, vm.column(0, Column.N), "16")), "edit");
    vm.applyReported(
        control,
        t0,
        new ReportedForm(CellText.of("0.5"), null, null, null, null, null, null, null, null));
    vm.commit(List.of(new CellChange<>(control, vm.column(0, Column.SD), "2.2")), "edit");
    assertFalse(vm.measurement(control, t0).isDerived());
  }

  @Test
  void addingATimePointAddsColumnsAndUndoRemovesThem() {
    vm.addTimePoint(6, "6 months");
    assertTrue(vm.refresh());
    assertEquals("6 months", vm.timePoints().get(1).label());
    main.undo();
    vm.refresh();
    assertEquals(2, vm.timePoints().size());
  }

  @Test
  void renamingAnArmInTheGridIsUndoable() {
    vm.commit(List.of(new CellChange<>(row(1), OutcomeViewModel.ARM, "Placebo")), "edit");
    vm.refresh();
    assertEquals("Placebo", vm.text(row(1), OutcomeViewModel.ARM));
    main.undo();
    vm.refresh();
    assertEquals("Control", vm.text(row(1), OutcomeViewModel.ARM));
  }
}
