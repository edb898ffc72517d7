package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Comparator;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.FieldType;
import org.ewb.model.Study;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.MainViewModel;

/**
 * The characteristics grid: studies down, fields across under two-level headings (field group /
 * field), the study label frozen on the left; a toolbar for studies and fields; the details pane on
 * the right. Thin: every action is one call on {@link CharacteristicsViewModel}.
 */
public final class CharacteristicsView extends BorderPane
    implements org.ewb.ui.main.MainWindow.RevealsEdits {

  private final MainViewModel main;
  private final CharacteristicsViewModel vm;
  private final TableView<Study> table = new TableView<>();
  private final SpreadsheetTable<Study> sheet;
  private final DetailsPane<Study> details;
  private final Label message = new Label();
  private final ChangeListener<Number> onRevision;

  public CharacteristicsView(MainViewModel main) {
    this.main = main;
    this.vm = new CharacteristicsViewModel(main);
    setId("characteristicsView");
    table.setId("characteristicsGrid");
    table.setItems(vm.rows());
    vm.rows().comparatorProperty().bind(table.comparatorProperty());
    table.setPlaceholder(new Label(lang("studies.none")));
    sheet = new SpreadsheetTable<>(table, vm);
    sheet.setOnError(this::showMessage);
    details = new DetailsPane<>(sheet);
    buildColumns();
    message.getStyleClass().add("message");
    message.setId("gridMessage");

    TextField filter = new TextField();
    filter.setPromptText(lang("grid.filter"));
    filter.setId("gridFilter");
    vm.filterProperty().bind(filter.textProperty());
    // a flow, not a ToolBar: in a narrow window the buttons wrap onto a second line instead of
    // hiding in an overflow menu
    javafx.scene.layout.FlowPane bar =
        new javafx.scene.layout.FlowPane(
            4,
            4,
            button("grid.addStudy", "addStudy", this::addStudy),
            button("grid.duplicateStudy", "duplicateStudy", this::duplicateStudy),
            button("grid.deleteStudy", "deleteStudy", this::deleteStudy),
            button("grid.studyDetails", "studyDetails", this::studyDetails),
            new Separator(javafx.geometry.Orientation.VERTICAL),
            button("grid.addField", "addField", this::addField),
            button("grid.editField", "editField", this::editField),
            button("grid.moveLeft", "moveFieldLeft", () -> moveField(-1)),
            button("grid.moveRight", "moveFieldRight", () -> moveField(1)),
            button("grid.deleteField", "deleteField", this::deleteField),
            new Separator(javafx.geometry.Orientation.VERTICAL),
            message);
    bar.getStyleClass().add("tool-bar");
    bar.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));

    SplitPane split = new SplitPane(sheet.node(), details);
    split.setDividerPositions(main.settings().getDouble("divider.characteristics", 0.78));
    split
        .getDividers()
        .get(0)
        .positionProperty()
        .addListener(
            (o, a, b) -> main.settings().putDouble("divider.characteristics", b.doubleValue()));
    // the filter sits beside the toolbar, never in its overflow menu when the window is narrow
    BorderPane top = new BorderPane(bar);
    HBox filterBox = new HBox(filter);
    filterBox.setAlignment(javafx.geometry.Pos.CENTER);
    filterBox.setPadding(new javafx.geometry.Insets(0, 6, 0, 6));
    filterBox.getStyleClass().add("tool-bar");
    top.setRight(filterBox);
    setTop(top);
    setCenter(split);
    onRevision = (o, a, b) -> refresh();
    main.revisionProperty().addListener(onRevision);
    sceneProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                main.revisionProperty().removeListener(onRevision);
              }
            });
    if (!table.getItems().isEmpty()) {
      javafx.application.Platform.runLater(() -> sheet.select(0, 0));
    }
  }

  /** Selects a study's cell of a field (by key), or its label if the field is unknown. */
  public void selectCell(long studyId, String fieldKey) {
    vm.filterProperty().unbind();
    vm.filterProperty().set("");
    int col = 0;
    for (int i = 0; i < vm.fields().size(); i++) {
      if (vm.fields().get(i).key().equals(fieldKey)) {
        for (int j = 0; j < table.getVisibleLeafColumns().size(); j++) {
          if ((Integer) table.getVisibleLeafColumn(j).getUserData()
              == CharacteristicsViewModel.FIRST_FIELD + i) {
            col = j;
          }
        }
      }
    }
    for (int r = 0; r < table.getItems().size(); r++) {
      if (table.getItems().get(r).id() == studyId) {
        table.requestFocus();
        sheet.select(r, col);
        return;
      }
    }
  }

  public SpreadsheetTable<Study> sheet() {
    return sheet;
  }

  public CharacteristicsViewModel viewModel() {
    return vm;
  }

  private Button button(String key, String id, Runnable action) {
    Button b = new Button(lang(key));
    b.setId(id);
    b.setOnAction(
        e -> {
          message.setText("");
          try {
            action.run();
          } catch (WorkbenchException ex) {
            showMessage(ex.getMessage());
          }
        });
    b.setFocusTraversable(false);
    return b;
  }

  private void showMessage(String text) {
    message.setText(text);
  }

  /** Redraws after any change of the project (edits, undo, other views). */
  public void refresh() {
    if (vm.refreshFields()) {
      buildColumns();
    }
    if (!vm.filterProperty().get().isBlank()) {
      vm.refilter();
    }
    table.refresh();
    details.refresh();
  }

  private void buildColumns() {
    TablePosition<Study, ?> focus = table.getFocusModel().getFocusedCell();
    int focusRow = focus == null ? -1 : focus.getRow();
    int focusCol =
        focus == null || focus.getTableColumn() == null
            ? -1
            : table.getVisibleLeafIndex(focus.getTableColumn());
    table.getColumns().clear();
    TableColumn<Study, String> label =
        sheet.column(lang("study.label"), CharacteristicsViewModel.LABEL, 170);
    TableColumn<Study, String> status =
        sheet.column(lang("study.status"), CharacteristicsViewModel.STATUS, 110);
    label.setReorderable(false);
    status.setReorderable(false);
    table.getColumns().add(label);
    table.getColumns().add(status);
    sheet.freeze(label);
    String language = Localization.language();
    TableColumn<Study, ?> group = null;
    String groupName = null;
    for (int i = 0; i < vm.fields().size(); i++) {
      CharacteristicField f = vm.fields().get(i);
      String title = CharacteristicsViewModel.title(f);
      TableColumn<Study, String> c =
          sheet.column(
              title,
              CharacteristicsViewModel.FIRST_FIELD + i,
              Math.max(90, Math.min(220, title.length() * 9 + 20)));
      c.setReorderable(false);
      if (f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL) {
        c.setComparator(NUMERIC);
      }
      String g = f.group(language);
      if (g.isEmpty()) {
        table.getColumns().add(c);
        group = null;
        groupName = null;
      } else if (group != null && g.equals(groupName)) {
        group.getColumns().add(c);
      } else {
        TableColumn<Study, String> parent = new TableColumn<>(g);
        parent.setReorderable(false);
        parent.getColumns().add(c);
        table.getColumns().add(parent);
        group = parent;
        groupName = g;
      }
    }
    sheet.fitWidths("characteristics", main.settings());
    if (focusRow >= 0 && focusCol >= 0) {
      sheet.select(focusRow, Math.min(focusCol, table.getVisibleLeafColumns().size() - 1));
    }
  }

  /** Numbers sort by value, before text; empty cells last. */
  static final Comparator<String> NUMERIC =
      (a, b) -> {
        var x = CellText.of(a).number();
        var y = CellText.of(b).number();
        if (x.isPresent() && y.isPresent()) {
          return Double.compare(x.getAsDouble(), y.getAsDouble());
        }
        if (x.isPresent() != y.isPresent()) {
          return x.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
      };

  private Optional<Study> currentStudy() {
    TablePosition<Study, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos == null || pos.getRow() < 0 || pos.getRow() >= table.getItems().size()) {
      return Optional.empty();
    }
    return Optional.of(table.getItems().get(pos.getRow()));
  }

  private Optional<CharacteristicField> currentField() {
    TablePosition<Study, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos == null || pos.getTableColumn() == null) {
      return Optional.empty();
    }
    int col = (Integer) pos.getTableColumn().getUserData();
    return col >= CharacteristicsViewModel.FIRST_FIELD
        ? Optional.of(vm.field(col))
        : Optional.empty();
  }

  private void selectStudy(Study s) {
    for (int i = 0; i < table.getItems().size(); i++) {
      if (table.getItems().get(i).id() == s.id()) {
        sheet.select(i, 0);
        return;
      }
    }
  }

  private void addStudy() {
    org.ewb.ui.main.Dialogs.ask(
            getScene().getWindow(), lang("grid.addStudy"), null, lang("grid.newStudyLabel"), "")
        .filter(t -> !t.isBlank())
        .ifPresent(t -> selectStudy(vm.addStudy(t.strip())));
  }

  private void duplicateStudy() {
    currentStudy().ifPresent(s -> selectStudy(vm.duplicateStudy(s)));
  }

  private void deleteStudy() {
    currentStudy()
        .ifPresent(
            s -> {
              if (confirm(lang("grid.confirmDeleteStudy", s.label()))) {
                vm.deleteStudy(s);
              }
            });
  }

  private void studyDetails() {
    currentStudy()
        .ifPresent(
            s ->
                StudyDialog.show(getScene().getWindow(), main.project().study(s.id()).orElse(s))
                    .ifPresent(vm::updateStudy));
  }

  private void addField() {
    FieldDialog.show(getScene().getWindow(), null).ifPresent(vm::addField);
  }

  private void editField() {
    currentField()
        .ifPresent(f -> FieldDialog.show(getScene().getWindow(), f).ifPresent(vm::updateField));
  }

  private void moveField(int delta) {
    currentField()
        .ifPresent(
            f -> {
              vm.moveField(f, delta);
              int index = vm.fields().indexOf(main.project().field(f.id()).orElseThrow());
              TablePosition<Study, ?> pos = table.getFocusModel().getFocusedCell();
              sheet.select(
                  pos == null ? 0 : Math.max(0, pos.getRow()),
                  CharacteristicsViewModel.FIRST_FIELD + index);
            });
  }

  private void deleteField() {
    currentField()
        .ifPresent(
            f -> {
              if (confirm(lang("grid.confirmDeleteField", CharacteristicsViewModel.title(f)))) {
                vm.deleteField(f);
              }
            });
  }

  private boolean confirm(String text) {
    return org.ewb.ui.main.Dialogs.confirm(getScene().getWindow(), text);
  }

  @Override
  public void reveal(org.ewb.logic.extraction.Edit edit) {
    table.requestFocus();
    sheet.reveal(edit);
  }
}
