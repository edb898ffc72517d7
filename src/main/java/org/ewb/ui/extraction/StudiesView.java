package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.ewb.model.Arm;
import org.ewb.model.Study;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.Dialogs;
import org.ewb.ui.main.MainViewModel;

/**
 * The Studies page: the study list, edited in place like a spreadsheet (label, year, country,
 * design, status), with Add / Duplicate / Delete (toolbar, context menu, Delete key) and Details;
 * below it the selected study's characteristics (read-only; edited in the Characteristics grid) and
 * its arms, edited in place (label, role, intervention, number randomised) with Add / Remove.
 */
public final class StudiesView extends SplitPane {

  private final StudiesViewModel vm;
  private final MainViewModel main;
  private final TableView<Study> table = new TableView<>();
  private final SpreadsheetTable<Study> sheet;
  private final TableView<Arm> armTable = new TableView<>();
  private final SpreadsheetTable<Arm> armSheet;
  private final Label message = new Label();
  private final ChangeListener<Number> onRevision;

  public StudiesView(MainViewModel main) {
    this.main = main;
    this.vm = new StudiesViewModel(main);
    setOrientation(Orientation.VERTICAL);
    setId("studyList");
    table.setId("studyTable");
    table.setItems(vm.rows());
    table.setPlaceholder(new Label(lang("studies.noneYet")));
    sheet = new SpreadsheetTable<>(table, vm);
    sheet.setOnError(message::setText);
    sheet.setOnDelete(this::deleteStudy);
    table.getColumns().add(sheet.column(lang("study.label"), StudiesViewModel.LABEL, 180));
    table.getColumns().add(sheet.column(lang("study.year"), StudiesViewModel.YEAR, 60));
    table.getColumns().add(sheet.column(lang("study.country"), StudiesViewModel.COUNTRY, 120));
    table.getColumns().add(sheet.column(lang("study.design"), StudiesViewModel.DESIGN, 200));
    table.getColumns().add(sheet.column(lang("study.status"), StudiesViewModel.STATUS, 140));
    table.getColumns().forEach(c -> c.setSortable(false));
    sheet.freeze(table.getColumns().get(0));
    sheet.fitWidths("studies", main.settings());
    table
        .getFocusModel()
        .focusedCellProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && b.getRow() >= 0 && b.getRow() < table.getItems().size()) {
                main.selectedStudyProperty().set(table.getItems().get(b.getRow()));
              }
            });
    table.setContextMenu(
        new ContextMenu(
            item("grid.addStudy", this::addStudy),
            item("grid.duplicateStudy", this::duplicateStudy),
            item("grid.deleteStudy", this::deleteStudy),
            item("grid.studyDetails", this::studyDetails)));
    message.getStyleClass().add("message");
    message.setId("studiesMessage");
    ToolBar bar =
        new ToolBar(
            button("grid.addStudy", "addStudy", this::addStudy),
            button("grid.duplicateStudy", "duplicateStudy", this::duplicateStudy),
            button("grid.deleteStudy", "deleteStudy", this::deleteStudy),
            button("grid.studyDetails", "studyDetails", this::studyDetails),
            new Separator(),
            message);
    BorderPane top = new BorderPane(sheet.node());
    top.setTop(bar);

    TableView<MainViewModel.CharacteristicRow> chars =
        new TableView<>(main.selectedCharacteristics());
    chars.setId("characteristicsTable");
    chars.getColumns().add(rowColumn(lang("details.group"), 140, r -> r.group()));
    chars.getColumns().add(rowColumn(lang("details.field"), 200, r -> r.label()));
    chars.getColumns().add(rowColumn(lang("details.value"), 260, r -> r.value()));
    chars.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    chars.setPlaceholder(new Label(lang("details.selectStudy")));

    armTable.setId("armsTable");
    armTable.setItems(main.selectedArms());
    armTable.setPlaceholder(new Label(lang("arms.none")));
    armSheet = new SpreadsheetTable<>(armTable, vm.arms());
    armSheet.setOnError(message::setText);
    armTable
        .getColumns()
        .add(armSheet.column(lang("arm.label"), StudiesViewModel.Arms.ARM_LABEL, 140));
    armTable.getColumns().add(armSheet.column(lang("arm.role"), StudiesViewModel.Arms.ROLE, 110));
    armTable
        .getColumns()
        .add(armSheet.column(lang("arm.intervention"), StudiesViewModel.Arms.INTERVENTION, 240));
    armTable
        .getColumns()
        .add(armSheet.column(lang("arm.randomised"), StudiesViewModel.Arms.RANDOMISED, 90));
    armTable.getColumns().forEach(c -> c.setSortable(false));
    armSheet.setOnDelete(this::removeArm);
    ToolBar armBar =
        new ToolBar(
            title(lang("details.arms")),
            button("grid.addArm", "studyAddArm", this::addArm),
            button("grid.removeArm", "studyRemoveArm", this::removeArm));
    BorderPane armsPane = new BorderPane(armSheet.node());
    armsPane.setTop(armBar);
    BorderPane charsPane = new BorderPane(chars);
    charsPane.setTop(new VBox(title(lang("details.characteristics"))));
    SplitPane details = new SplitPane(charsPane, armsPane);
    details.setDividerPositions(0.5);
    getItems().addAll(top, details);
    setDividerPositions(main.settings().getDouble("divider.studies", 0.55));
    getDividers()
        .get(0)
        .positionProperty()
        .addListener((o, a, b) -> main.settings().putDouble("divider.studies", b.doubleValue()));

    onRevision = (o, a, b) -> refresh();
    main.revisionProperty().addListener(onRevision);
    sceneProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                main.revisionProperty().removeListener(onRevision);
              }
            });
    Study selected = main.selectedStudyProperty().get();
    int index = selected == null ? 0 : Math.max(0, table.getItems().indexOf(selected));
    if (!table.getItems().isEmpty()) {
      Platform.runLater(() -> sheet.select(index, 0));
    }
  }

  public SpreadsheetTable<Study> sheet() {
    return sheet;
  }

  public SpreadsheetTable<Arm> armSheet() {
    return armSheet;
  }

  public TableView<Study> table() {
    return table;
  }

  private void refresh() {
    sheet.refit();
    table.refresh();
    armTable.refresh();
  }

  private static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-title");
    return l;
  }

  private MenuItem item(String key, Runnable action) {
    MenuItem m = new MenuItem(lang(key));
    m.setOnAction(e -> guarded(action));
    return m;
  }

  private Button button(String key, String id, Runnable action) {
    Button b = new Button(lang(key));
    b.setId(id);
    b.setFocusTraversable(false);
    b.setOnAction(e -> guarded(action));
    return b;
  }

  private void guarded(Runnable action) {
    message.setText("");
    try {
      action.run();
    } catch (WorkbenchException ex) {
      message.setText(ex.getMessage());
    }
  }

  private Optional<Study> currentStudy() {
    TablePosition<Study, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos == null || pos.getRow() < 0 || pos.getRow() >= table.getItems().size()) {
      return Optional.ofNullable(main.selectedStudyProperty().get());
    }
    return Optional.of(table.getItems().get(pos.getRow()));
  }

  private void selectStudy(Study s) {
    for (int i = 0; i < table.getItems().size(); i++) {
      if (table.getItems().get(i).id() == s.id()) {
        table.requestFocus();
        sheet.select(i, 0);
        return;
      }
    }
  }

  private void addStudy() {
    Dialogs.ask(getScene().getWindow(), lang("grid.addStudy"), null, lang("grid.newStudyLabel"), "")
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
              if (Dialogs.confirm(
                  getScene().getWindow(), lang("grid.confirmDeleteStudy", s.label()))) {
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

  private void addArm() {
    Optional<Study> study = currentStudy();
    if (study.isEmpty()) {
      message.setText(lang("grid.selectStudyRow"));
      return;
    }
    Study s = study.get();
    Dialog<ButtonType> d = new Dialog<>();
    d.setHeaderText(s.label());
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Dialogs.prepare(d, getScene().getWindow(), lang("grid.addArm"));
    TextField label = new TextField();
    label.setId("newArmLabel");
    ComboBox<String> role = new ComboBox<>();
    role.setId("newArmRole");
    role.getItems().setAll(ArmRoles.choices());
    role.setValue(ArmRoles.text(ArmRoles.forNewArm(main.project().armsOf(s.id()))));
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.addRow(0, new Label(lang("grid.newArmLabel")), label);
    g.addRow(1, new Label(lang("arm.role")), role);
    d.getDialogPane().setContent(g);
    d.getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(label.textProperty().isEmpty());
    Platform.runLater(label::requestFocus);
    d.showAndWait()
        .filter(b -> b == ButtonType.OK && !label.getText().isBlank())
        .ifPresent(
            b ->
                vm.arms()
                    .add(s, label.getText().strip(), ArmRoles.parse(role.getValue()).orElse(null)));
  }

  private void removeArm() {
    TablePosition<Arm, ?> pos = armTable.getFocusModel().getFocusedCell();
    if (pos == null || pos.getRow() < 0 || pos.getRow() >= armTable.getItems().size()) {
      return;
    }
    Arm a = armTable.getItems().get(pos.getRow());
    Study s = main.project().study(a.studyId()).orElseThrow();
    if (Dialogs.confirm(
        getScene().getWindow(), lang("grid.confirmRemoveArm", a.label(), s.label()))) {
      vm.arms().remove(a);
    }
  }

  private static TableColumn<MainViewModel.CharacteristicRow, String> rowColumn(
      String title,
      double width,
      java.util.function.Function<MainViewModel.CharacteristicRow, String> f) {
    TableColumn<MainViewModel.CharacteristicRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
