package org.ewb.ui.importing;

import static org.ewb.logic.l10n.Localization.lang;

import java.io.File;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.importing.DataImporter;
import org.ewb.logic.importing.DataTable;
import org.ewb.logic.importing.ReferenceStore;
import org.ewb.logic.importing.Rm5Importer;
import org.ewb.ui.main.MainWindow;

/**
 * The Import menu of the main window: references (with the duplicates dialog) and outcome data from
 * a spreadsheet. Each import is one transaction through the open project.
 */
public final class ImportMenu {

  private ImportMenu() {}

  public static Menu menu(MainWindow window) {
    Menu menu = new Menu(lang("import.ui.menu"));
    menu.setId("menuImport");
    MenuItem refs = new MenuItem(lang("import.ui.menu.references"));
    refs.setId("menuImportReferences");
    refs.disableProperty().bind(window.viewModel().projectProperty().isNull());
    refs.setOnAction(
        e ->
            window.run(
                () ->
                    ReferenceImportDialog.show(
                        window.stage(),
                        new ReferenceImportViewModel(window.viewModel().project()),
                        folder(window.viewModel().project()),
                        m -> info(window, m),
                        window::showError)));
    MenuItem data = new MenuItem(lang("import.ui.menu.data"));
    data.setId("menuImportData");
    data.disableProperty().bind(window.viewModel().projectProperty().isNull());
    data.setOnAction(e -> window.run(() -> importData(window)));
    MenuItem rm5 = new MenuItem(lang("import.ui.menu.rm5"));
    rm5.setId("menuImportRm5");
    rm5.disableProperty().bind(window.viewModel().projectProperty().isNull());
    rm5.setOnAction(e -> window.run(() -> importRm5(window)));
    menu.getItems().addAll(refs, data, rm5);
    return menu;
  }

  /**
   * Edit › Paste as new rows: rows copied from a spreadsheet in the long layout of {@code import
   * data} (a header row, then study, arm, role, outcome, kind, unit, months, n, mean, sd | events,
   * total | effect, se), added the way {@code import data} adds a file: missing studies, arms,
   * outcomes and time points are created, and nothing is added if a row is refused.
   */
  public static MenuItem pasteAsNewRows(MainWindow window) {
    MenuItem paste = new MenuItem(lang("import.ui.menu.pasteRows"));
    paste.setId("menuPasteRows");
    paste.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+V"));
    paste.disableProperty().bind(window.viewModel().projectProperty().isNull());
    paste.setOnAction(e -> window.run(() -> pasteRows(window)));
    return paste;
  }

  static void pasteRows(MainWindow window) {
    String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
    if (text == null || text.isBlank()) {
      window.showError(lang("import.ui.pasteRows.empty"));
      return;
    }
    ProjectCache project = window.viewModel().project();
    DataImporter.Plan plan =
        DataImporter.read(DataTable.parseCsv(lang("import.ui.pasteRows.source"), text), null);
    DataImporter.Result r = DataImporter.apply(project, plan, false);
    StringBuilder m =
        new StringBuilder(
            lang(
                "import.cli.data",
                r.rows(),
                lang("import.ui.pasteRows.source"),
                plan.layout(),
                r.measurements(),
                r.estimates(),
                r.studiesCreated(),
                r.armsCreated(),
                r.outcomesCreated(),
                r.timePointsCreated()));
    r.notes().forEach(n -> m.append("\n• ").append(n));
    org.ewb.ui.main.Notices.confirm(window.stage(), m.toString());
  }

  /** Adds pasted long-layout rows (tab-, comma- or semicolon-separated) to a project. */
  public static DataImporter.Result pasteRows(
      org.ewb.logic.project.ProjectRepository project, String text) {
    DataTable t = DataTable.parseCsv(lang("import.ui.pasteRows.source"), text);
    return DataImporter.apply(project, DataImporter.read(t, null), false);
  }

  private static void importData(MainWindow window) {
    ProjectCache project = window.viewModel().project();
    FileChooser c = new FileChooser();
    c.setTitle(lang("import.ui.data.title"));
    c.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(lang("import.ui.filter.data"), "*.csv", "*.xlsx"),
            new FileChooser.ExtensionFilter(lang("import.ui.filter.all"), "*.*"));
    File dir = folder(project);
    if (dir != null) {
      c.setInitialDirectory(dir);
    }
    File f = c.showOpenDialog(window.stage());
    if (f == null) {
      return;
    }
    DataImporter.Plan plan = DataImporter.read(DataTable.read(f.toPath()), null);
    DataImporter.Result r = DataImporter.apply(project, plan, false);
    StringBuilder m =
        new StringBuilder(
            lang(
                "import.cli.data",
                r.rows(),
                f.getName(),
                plan.layout(),
                r.measurements(),
                r.estimates(),
                r.studiesCreated(),
                r.armsCreated(),
                r.outcomesCreated(),
                r.timePointsCreated()));
    r.notes().forEach(n -> m.append("\n• ").append(n));
    info(window, m.toString());
  }

  private static void importRm5(MainWindow window) {
    ProjectCache project = window.viewModel().project();
    FileChooser c = new FileChooser();
    c.setTitle(lang("import.ui.rm5.title"));
    c.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(lang("import.ui.filter.rm5"), "*.rm5"),
            new FileChooser.ExtensionFilter(lang("import.ui.filter.all"), "*.*"));
    File dir = folder(project);
    if (dir != null) {
      c.setInitialDirectory(dir);
    }
    File f = c.showOpenDialog(window.stage());
    if (f == null) {
      return;
    }
    if (!(project.store() instanceof ReferenceStore refs)) {
      window.showError(lang("import.ui.noReferences"));
      return;
    }
    Rm5Importer.Result r = Rm5Importer.apply(project, refs, Rm5Importer.read(f.toPath()));
    StringBuilder m =
        new StringBuilder(
            lang(
                "import.cli.rm5",
                f.getName(),
                r.studies(),
                r.references(),
                r.outcomes(),
                r.measurements(),
                r.estimates()));
    r.unmapped().forEach(n -> m.append("\n• ").append(n));
    info(window, m.toString());
  }

  private static File folder(ProjectCache project) {
    File parent = project.file().toAbsolutePath().getParent().toFile();
    return parent.isDirectory() ? parent : null;
  }

  private static void info(MainWindow window, String message) {
    // a dialog (not a passing notice): an import report may list rows that were not used
    org.ewb.ui.main.Dialogs.inform(window.stage(), Alert.AlertType.INFORMATION, message);
  }
}
