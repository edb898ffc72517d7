package org.ewb.ui.importing;

import static org.ewb.logic.l10n.Localization.lang;

import java.io.File;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.ewb.logic.importing.ReferenceImporter;
import org.ewb.model.StudyStatus;
import org.ewb.model.WorkbenchException;

/**
 * Import › References…: choose a file, read it in the background (with a Cancel), then review the
 * duplicate pairs side by side — Merge or Keep both — and import in one transaction.
 */
public final class ReferenceImportDialog {

  private ReferenceImportDialog() {}

  public static void show(
      Window owner,
      ReferenceImportViewModel vm,
      File dir,
      Consumer<String> done,
      Consumer<String> error) {
    FileChooser c = new FileChooser();
    c.setTitle(lang("import.ui.references.title"));
    c.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                lang("import.ui.filter.references"),
                "*.ris",
                "*.nbib",
                "*.txt",
                "*.bib",
                "*.xml",
                "*.csv"),
            new FileChooser.ExtensionFilter(lang("import.ui.filter.all"), "*.*"));
    if (dir != null) {
      c.setInitialDirectory(dir);
    }
    File f = c.showOpenDialog(owner);
    if (f == null) {
      return;
    }
    Task<ReferenceImporter.Plan> task =
        new Task<>() {
          @Override
          protected ReferenceImporter.Plan call() {
            return vm.read(f.toPath());
          }
        };
    Dialog<ButtonType> wait = new Dialog<>();
    wait.initOwner(owner);
    wait.setTitle(lang("import.ui.references.title"));
    wait.setHeaderText(lang("import.ui.reading", f.getName()));
    wait.getDialogPane().setContent(new ProgressIndicator());
    wait.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
    wait.setOnCloseRequest(e -> task.cancel());
    task.setOnSucceeded(
        e -> {
          wait.close();
          vm.setPlan(task.getValue());
          review(owner, vm, done, error);
        });
    task.setOnFailed(
        e -> {
          wait.close();
          Throwable t = task.getException();
          if (t instanceof WorkbenchException w) {
            error.accept(w.getMessage());
          } else {
            error.accept(String.valueOf(t));
          }
        });
    Thread th = new Thread(task, "import-read");
    th.setDaemon(true);
    th.start();
    wait.show();
  }

  /** The review step: summary, status of new studies, and every duplicate pair side by side. */
  static void review(
      Window owner, ReferenceImportViewModel vm, Consumer<String> done, Consumer<String> error) {
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle(lang("import.ui.references.title"));
    d.setResizable(true);
    Label summary = new Label(vm.summary());
    summary.setWrapText(true);
    summary.setId("importSummary");
    ComboBox<StudyStatus> status = new ComboBox<>();
    status.getItems().addAll(StudyStatus.values());
    status.valueProperty().bindBidirectional(vm.statusProperty());
    status.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(StudyStatus s) {
            return s == null ? "" : lang("import.ui.status." + s.name().toLowerCase(Locale.ROOT));
          }

          @Override
          public StudyStatus fromString(String s) {
            return null;
          }
        });
    HBox statusRow = new HBox(8, new Label(lang("import.ui.status")), status);
    VBox pairs = new VBox(10);
    pairs.setPadding(new Insets(4));
    for (ReferenceImporter.Duplicate dup : vm.duplicates()) {
      pairs.getChildren().add(pair(vm, dup, () -> summary.setText(vm.summary())));
    }
    if (vm.duplicates().isEmpty()) {
      pairs.getChildren().add(new Label(lang("import.ui.noDuplicates")));
    }
    ScrollPane scroll = new ScrollPane(pairs);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(420);
    VBox content =
        new VBox(10, summary, statusRow, new Label(lang("import.ui.duplicates")), scroll);
    content.setPadding(new Insets(12));
    content.setPrefWidth(900);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    d.getDialogPane().setContent(content);
    ButtonType importButton =
        new ButtonType(lang("import.ui.import"), ButtonType.OK.getButtonData());
    d.getDialogPane().getButtonTypes().addAll(importButton, ButtonType.CANCEL);
    Optional<ButtonType> answer = d.showAndWait();
    if (answer.isEmpty() || answer.get() != importButton) {
      return;
    }
    try {
      ReferenceImporter.Result r = vm.apply();
      done.accept(
          lang(
              "import.cli.created",
              r.studiesCreated(),
              r.recordsMergedWithinFile(),
              r.recordsMergedIntoExisting(),
              r.duplicatesKeptApart()));
    } catch (WorkbenchException e) {
      error.accept(e.getMessage());
    }
  }

  private static GridPane pair(
      ReferenceImportViewModel vm, ReferenceImporter.Duplicate dup, Runnable changed) {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(4);
    g.setStyle("-fx-border-color: #c8c8c8; -fx-border-width: 0 0 1 0; -fx-padding: 0 0 8 0;");
    ColumnConstraints half = new ColumnConstraints();
    half.setPercentWidth(41);
    ColumnConstraints choice = new ColumnConstraints();
    choice.setPercentWidth(18);
    g.getColumnConstraints().addAll(half, half, choice);
    String file = vm.plan().parsed().file();
    TextArea left = side(ReferenceImportViewModel.describe(dup.a(), file));
    TextArea right =
        side(
            dup.withinFile()
                ? ReferenceImportViewModel.describe(dup.b(), file)
                : ReferenceImportViewModel.describe(dup.existing()));
    Label why =
        new Label(
            lang(
                dup.certain() ? "import.ui.certain" : "import.ui.possible",
                dup.reason().name(),
                String.format(Locale.ROOT, "%.3f", dup.score())));
    why.setWrapText(true);
    ToggleGroup tg = new ToggleGroup();
    RadioButton merge = new RadioButton(lang("import.ui.merge"));
    RadioButton keep = new RadioButton(lang("import.ui.keepBoth"));
    merge.setToggleGroup(tg);
    keep.setToggleGroup(tg);
    (vm.decision(dup) == ReferenceImporter.Decision.MERGE ? merge : keep).setSelected(true);
    merge.setOnAction(
        e -> {
          vm.decide(dup, ReferenceImporter.Decision.MERGE);
          changed.run();
        });
    keep.setOnAction(
        e -> {
          vm.decide(dup, ReferenceImporter.Decision.KEEP_BOTH);
          changed.run();
        });
    VBox right3 = new VBox(6, why, merge, keep);
    g.add(left, 0, 0);
    g.add(right, 1, 0);
    g.add(right3, 2, 0);
    return g;
  }

  private static TextArea side(String text) {
    TextArea t = new TextArea(text);
    t.setEditable(false);
    t.setWrapText(true);
    t.setPrefRowCount(7);
    return t;
  }
}
