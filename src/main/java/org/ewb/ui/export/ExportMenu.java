package org.ewb.ui.export;

import static org.ewb.logic.l10n.Localization.lang;

import java.nio.file.Path;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.ewb.logic.l10n.Localization;
import org.ewb.ui.main.MainWindow;

/** The Export menu of the main window: manuscript tables as xlsx or CSV. */
public final class ExportMenu {

  private ExportMenu() {}

  public static Menu menu(MainWindow window) {
    Menu menu = new Menu(lang("export.ui.menu"));
    menu.setId("menuExport");
    MenuItem tables = new MenuItem(lang("export.ui.menu.tables"));
    tables.setId("menuExportTables");
    tables.disableProperty().bind(window.viewModel().projectProperty().isNull());
    tables.setOnAction(
        e ->
            window.run(
                () -> {
                  var project = window.viewModel().project();
                  Path file = project.file().toAbsolutePath();
                  ExportViewModel vm =
                      new ExportViewModel(snapshot(project), Localization.language());
                  ExportDialog.show(
                      window.stage(),
                      vm,
                      file.getParent(),
                      m -> info(window, m),
                      window::showError);
                }));
    // Export > Word table...: the same dialog, Word chosen, the characteristics table only
    MenuItem word = new MenuItem(lang("export.ui.menu.word"));
    word.setId("menuExportWord");
    word.disableProperty().bind(window.viewModel().projectProperty().isNull());
    word.setOnAction(
        e ->
            window.run(
                () -> {
                  var project = window.viewModel().project();
                  Path file = project.file().toAbsolutePath();
                  ExportViewModel vm =
                      new ExportViewModel(snapshot(project), Localization.language());
                  vm.formatProperty().set(ExportViewModel.Format.DOCX);
                  vm.outcomesProperty().set(false);
                  vm.analysesProperty().set(false);
                  ExportDialog.show(
                      window.stage(),
                      vm,
                      file.getParent(),
                      m -> info(window, m),
                      window::showError);
                }));
    menu.getItems().addAll(tables, word);
    return menu;
  }

  /**
   * The project with its table layouts' printed values, headings and options, read from the store
   * (the window's cache does not hold them).
   */
  private static org.ewb.model.ProjectData snapshot(
      org.ewb.logic.project.ProjectRepository project) {
    org.ewb.model.ProjectData d = project.snapshot();
    if (project instanceof org.ewb.logic.extraction.ProjectCache cache) {
      return d.withLayoutContent(cache.store().layoutContent());
    }
    return d.withLayoutContent(project.layoutContent());
  }

  /** The outcome of an export: a notice in the corner of the window (ControlsFX). */
  private static void info(MainWindow window, String message) {
    org.ewb.ui.main.Notices.confirm(window.stage(), message);
  }
}
