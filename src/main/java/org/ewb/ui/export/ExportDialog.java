package org.ewb.ui.export;

import static org.ewb.logic.l10n.Localization.lang;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.ewb.model.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File → Export: asks for format, tables, table layout and language, then for the file (xlsx) or
 * folder (CSV), and runs the export in the background with a progress bar and a Cancel button.
 */
public final class ExportDialog {

  private static final Logger LOG = LoggerFactory.getLogger(ExportDialog.class);

  private ExportDialog() {}

  /**
   * Shows the dialog for {@code vm}; {@code status} receives the outcome line, {@code error} a
   * message to show to the reviewer.
   */
  public static void show(
      Window owner,
      ExportViewModel vm,
      Path initialDir,
      Consumer<String> status,
      Consumer<String> error) {
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle(lang("export.ui.title"));
    d.setHeaderText(null);
    d.getDialogPane().setContent(form(vm));
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    org.ewb.ui.main.Dialogs.localizeButtons(d.getDialogPane());
    Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
    ok.disableProperty().bind(vm.nothingChosen());
    Optional<ButtonType> answer = d.showAndWait();
    if (answer.isEmpty() || answer.get() != ButtonType.OK) {
      return;
    }
    File target = chooseTarget(owner, vm, initialDir);
    if (target != null) {
      run(owner, vm, target.toPath(), status, error);
    }
  }

  private static Node form(ExportViewModel vm) {
    GridPane g = new GridPane();
    g.setHgap(12);
    g.setVgap(10);
    g.setPadding(new Insets(12));
    ToggleGroup formats = new ToggleGroup();
    RadioButton xlsx = new RadioButton(lang("export.ui.format.xlsx"));
    RadioButton docx = new RadioButton(lang("export.ui.format.docx"));
    RadioButton csv = new RadioButton(lang("export.ui.format.csv"));
    xlsx.setId("exportXlsx");
    docx.setId("exportDocx");
    csv.setId("exportCsv");
    xlsx.setToggleGroup(formats);
    docx.setToggleGroup(formats);
    csv.setToggleGroup(formats);
    (switch (vm.formatProperty().get()) {
          case XLSX -> xlsx;
          case DOCX -> docx;
          case CSV -> csv;
        })
        .setSelected(true);
    formats
        .selectedToggleProperty()
        .addListener(
            (o, a, b) ->
                vm.formatProperty()
                    .set(
                        b == csv
                            ? ExportViewModel.Format.CSV
                            : b == docx
                                ? ExportViewModel.Format.DOCX
                                : ExportViewModel.Format.XLSX));
    g.addRow(0, new Label(lang("export.ui.format")), new VBox(6, xlsx, docx, csv));

    CheckBox c1 = new CheckBox(lang("export.ui.table.characteristics"));
    CheckBox c2 = new CheckBox(lang("export.ui.table.outcomes"));
    CheckBox c3 = new CheckBox(lang("export.ui.table.analyses"));
    c1.selectedProperty().bindBidirectional(vm.characteristicsProperty());
    c2.selectedProperty().bindBidirectional(vm.outcomesProperty());
    c3.selectedProperty().bindBidirectional(vm.analysesProperty());
    g.addRow(1, new Label(lang("export.ui.tables")), new VBox(6, c1, c2, c3));

    ComboBox<String> layouts = new ComboBox<>(vm.layouts());
    layouts.setId("exportLayout");
    layouts.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null || s.isEmpty() ? lang("export.ui.layout.all") : s;
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    layouts.valueProperty().bindBidirectional(vm.layoutProperty());
    layouts.disableProperty().bind(vm.characteristicsProperty().not());
    g.addRow(2, new Label(lang("export.ui.layout")), layouts);

    ComboBox<String> language = new ComboBox<>();
    language.getItems().addAll("en", "zh");
    language.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String s) {
            return "zh".equals(s) ? "简体中文" : "English";
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    language.valueProperty().bindBidirectional(vm.languageProperty());
    g.addRow(3, new Label(lang("export.ui.language")), language);
    return g;
  }

  private static File chooseTarget(Window owner, ExportViewModel vm, Path initialDir) {
    File dir = initialDir == null ? null : initialDir.toFile();
    if (vm.formatProperty().get() != ExportViewModel.Format.CSV) {
      boolean word = vm.formatProperty().get() == ExportViewModel.Format.DOCX;
      String ext = word ? ".docx" : ".xlsx";
      FileChooser c = new FileChooser();
      c.setTitle(lang("export.ui.title"));
      c.getExtensionFilters()
          .add(
              word
                  ? new FileChooser.ExtensionFilter("Word (*.docx)", "*.docx")
                  : new FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx"));
      c.setInitialFileName("tables" + ext);
      if (dir != null && dir.isDirectory()) {
        c.setInitialDirectory(dir);
      }
      File f = c.showSaveDialog(owner);
      if (f != null && !f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
        f = new File(f.getParentFile(), f.getName() + ext);
      }
      return f;
    }
    DirectoryChooser c = new DirectoryChooser();
    c.setTitle(lang("export.ui.chooseFolder"));
    if (dir != null && dir.isDirectory()) {
      c.setInitialDirectory(dir);
    }
    return c.showDialog(owner);
  }

  /** Runs the export on a background thread behind a progress dialog with a Cancel button. */
  static void run(
      Window owner,
      ExportViewModel vm,
      Path target,
      Consumer<String> status,
      Consumer<String> error) {
    javafx.concurrent.Task<List<Path>> task = vm.task(target);
    Dialog<Void> progress = new Dialog<>();
    progress.initOwner(owner);
    progress.setTitle(lang("export.ui.title"));
    progress.setHeaderText(lang("export.ui.progress"));
    ProgressBar bar = new ProgressBar();
    bar.setPrefWidth(320);
    bar.progressProperty().bind(task.progressProperty());
    progress.getDialogPane().setContent(new HBox(bar));
    ButtonType cancel = new ButtonType(lang("export.ui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    progress.getDialogPane().getButtonTypes().add(cancel);
    // closing the window cancels a running export; closing it after success must not
    progress.setOnCloseRequest(
        e -> {
          if (task.isRunning()) {
            task.cancel();
          }
        });
    task.setOnSucceeded(
        e -> {
          progress.close();
          List<Path> files = task.getValue();
          status.accept(lang("export.ui.done", files.size(), target));
        });
    task.setOnCancelled(
        e -> {
          progress.close();
          status.accept(lang("export.ui.cancelled"));
        });
    task.setOnFailed(
        e -> {
          progress.close();
          Throwable t = task.getException();
          if (t instanceof CancellationException) {
            status.accept(lang("export.ui.cancelled"));
          } else if (t instanceof WorkbenchException w) {
            error.accept(w.getMessage());
          } else {
            LOG.error("export to {} failed", target, t);
            error.accept(lang("export.ui.failed", target, String.valueOf(t.getMessage())));
          }
        });
    Thread worker = new Thread(task, "export");
    worker.setDaemon(true);
    worker.start();
    progress.show();
  }
}
