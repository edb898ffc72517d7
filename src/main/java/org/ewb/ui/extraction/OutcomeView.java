package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import org.ewb.logic.extraction.ReportedForms;
import org.ewb.logic.validation.Column;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ReportedForm;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.Dialogs;
import org.ewb.ui.main.MainViewModel;

/**
 * The data grid of one outcome (study x arm rows, time point x value columns) with a toolbar for
 * time points and arms, and the details pane, which for continuous outcomes also takes the form a
 * paper reported (SE, 95% CI, median with IQR / range) and previews the converted mean / SD.
 */
public final class OutcomeView extends BorderPane
    implements org.ewb.ui.main.MainWindow.RevealsEdits {

  private final MainViewModel main;
  private final OutcomeViewModel vm;
  private final TableView<OutcomeViewModel.Row> table = new TableView<>();
  private final SpreadsheetTable<OutcomeViewModel.Row> sheet;
  private final DetailsPane<OutcomeViewModel.Row> details;
  private final Label message = new Label();
  private final ChangeListener<Number> onRevision;
  private ReportedEntry reported;

  public OutcomeView(MainViewModel main, long outcomeId) {
    this.main = main;
    this.vm = new OutcomeViewModel(main, outcomeId);
    setId("outcomeView");
    table.setId("outcomeGrid");
    table.setItems(vm.rows());
    table.setPlaceholder(new Label(lang("studies.none")));
    sheet = new SpreadsheetTable<>(table, vm);
    sheet.setOnError(message::setText);
    // a line above each study's first arm shows where a study's group of rows starts
    javafx.css.PseudoClass studyStart = javafx.css.PseudoClass.getPseudoClass("study-start");
    table.setRowFactory(
        t ->
            new javafx.scene.control.TableRow<>() {
              @Override
              protected void updateItem(OutcomeViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(studyStart, !empty && item != null && item.firstOfStudy());
              }
            });
    details = new DetailsPane<>(sheet);
    if (vm.outcome() != null && vm.outcome().kind() == OutcomeKind.CONTINUOUS) {
      reported = new ReportedEntry();
      details.extra().getChildren().add(reported.box);
    }
    table.getFocusModel().focusedCellProperty().addListener((o, a, b) -> showReported());
    buildColumns();
    message.getStyleClass().add("message");
    message.setId("gridMessage");
    Label title =
        new Label(
            vm.outcome() == null
                ? ""
                : vm.outcome().name(org.ewb.logic.l10n.Localization.language())
                    + (vm.outcome().unit().isEmpty() ? "" : " (" + vm.outcome().unit() + ")")
                    + " \u00b7 "
                    + lang(
                        "kind." + vm.outcome().kind().name().toLowerCase(java.util.Locale.ROOT)));
    title.getStyleClass().add("section-title");
    ToolBar bar =
        new ToolBar(
            title,
            new Separator(),
            button("grid.addTimePoint", "addTimePoint", this::addTimePoint),
            button("grid.editTimePoint", "editTimePoint", this::editTimePoint),
            button("grid.removeTimePoint", "removeTimePoint", this::removeTimePoint),
            new Separator(),
            button("grid.addArm", "addArm", this::addArm),
            button("grid.removeArm", "removeArm", this::removeArm),
            new Separator(),
            message);
    SplitPane split = new SplitPane(sheet.node(), details);
    split.setDividerPositions(main.settings().getDouble("divider.outcome", 0.74));
    split
        .getDividers()
        .get(0)
        .positionProperty()
        .addListener((o, a, b) -> main.settings().putDouble("divider.outcome", b.doubleValue()));
    setTop(bar);
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
      Platform.runLater(() -> sheet.select(0, OutcomeViewModel.FIRST_DATA));
    }
  }

  public SpreadsheetTable<OutcomeViewModel.Row> sheet() {
    return sheet;
  }

  public OutcomeViewModel viewModel() {
    return vm;
  }

  /** Selects the cell of a study / arm / time point / part (for the Problems list). */
  public void selectCell(long studyId, long armId, long timePointId, String columnKey) {
    int row = -1;
    for (int i = 0; i < vm.rows().size(); i++) {
      OutcomeViewModel.Row r = vm.rows().get(i);
      if (r.study().id() == studyId && (r.arm() == null || armId == 0 || r.arm().id() == armId)) {
        row = i;
        break;
      }
    }
    int col = OutcomeViewModel.FIRST_DATA;
    for (int t = 0; t < vm.timePoints().size(); t++) {
      if (vm.timePoints().get(t).id() == timePointId) {
        Column part =
            vm.parts().stream()
                .filter(c -> c.key().equals(columnKey))
                .findFirst()
                .orElse(vm.parts().get(0));
        col = vm.column(t, part);
      }
    }
    if (row >= 0) {
      int target = col;
      int r = row;
      table.requestFocus();
      sheet.select(r, indexOfModelColumn(target));
    }
  }

  /** Scrolls to a time point's first column. */
  public void showTimePoint(long timePointId) {
    for (int t = 0; t < vm.timePoints().size(); t++) {
      if (vm.timePoints().get(t).id() == timePointId) {
        sheet.select(0, indexOfModelColumn(vm.column(t, vm.parts().get(0))));
      }
    }
  }

  private int indexOfModelColumn(int modelColumn) {
    List<TableColumn<OutcomeViewModel.Row, ?>> leaves = table.getVisibleLeafColumns();
    for (int i = 0; i < leaves.size(); i++) {
      if ((Integer) leaves.get(i).getUserData() == modelColumn) {
        return i;
      }
    }
    return 0;
  }

  private Button button(String key, String id, Runnable action) {
    Button b = new Button(lang(key));
    b.setId(id);
    b.setFocusTraversable(false);
    b.setOnAction(
        e -> {
          message.setText("");
          try {
            action.run();
          } catch (WorkbenchException ex) {
            message.setText(ex.getMessage());
          }
        });
    return b;
  }

  /** Redraws after any change of the project. */
  public void refresh() {
    if (vm.refresh()) {
      buildColumns();
    } else {
      sheet.refit();
    }
    table.refresh();
    details.refresh();
    showReported();
  }

  private void buildColumns() {
    TablePosition<OutcomeViewModel.Row, ?> focus = table.getFocusModel().getFocusedCell();
    int focusRow = focus == null ? -1 : focus.getRow();
    int focusCol =
        focus == null || focus.getTableColumn() == null
            ? -1
            : table.getVisibleLeafIndex(focus.getTableColumn());
    table.getColumns().clear();
    boolean generic = vm.outcome() != null && vm.outcome().kind() == OutcomeKind.GENERIC;
    TableColumn<OutcomeViewModel.Row, String> study =
        sheet.column(lang("study.label"), OutcomeViewModel.STUDY, 160);
    TableColumn<OutcomeViewModel.Row, String> arm =
        sheet.column(lang("arm.label"), OutcomeViewModel.ARM, 120);
    table.getColumns().add(study);
    table.getColumns().add(arm);
    if (!generic) {
      table.getColumns().add(sheet.column(lang("arm.role"), OutcomeViewModel.ROLE, 100));
      table.getColumns().add(sheet.column(lang("arm.randomised"), OutcomeViewModel.RANDOMISED, 80));
    }
    sheet.freeze(study, arm);
    for (int t = 0; t < vm.timePoints().size(); t++) {
      TableColumn<OutcomeViewModel.Row, String> parent =
          new TableColumn<>(OutcomeViewModel.timePointTitle(vm.timePoints().get(t)));
      parent.setReorderable(false);
      for (Column part : vm.parts()) {
        TableColumn<OutcomeViewModel.Row, String> c =
            sheet.column(OutcomeViewModel.partTitle(part), vm.column(t, part), 62);
        parent.getColumns().add(c);
      }
      table.getColumns().add(parent);
    }
    for (TableColumn<OutcomeViewModel.Row, ?> c : table.getVisibleLeafColumns()) {
      c.setSortable(false);
      c.setReorderable(false);
    }
    sheet.fitWidths("outcome", main.settings());
    if (focusRow >= 0 && focusCol >= 0) {
      sheet.select(focusRow, Math.min(focusCol, table.getVisibleLeafColumns().size() - 1));
    }
  }

  private Optional<OutcomeViewModel.Row> currentRow() {
    TablePosition<OutcomeViewModel.Row, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos == null || pos.getRow() < 0 || pos.getRow() >= table.getItems().size()) {
      return Optional.empty();
    }
    return Optional.of(table.getItems().get(pos.getRow()));
  }

  private Optional<TimePoint> currentTimePoint() {
    TablePosition<OutcomeViewModel.Row, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos == null || pos.getTableColumn() == null) {
      return Optional.empty();
    }
    int col = (Integer) pos.getTableColumn().getUserData();
    return col >= OutcomeViewModel.FIRST_DATA ? Optional.of(vm.timePoint(col)) : Optional.empty();
  }

  private void addTimePoint() {
    timePointDialog(null).ifPresent(t -> vm.addTimePoint(t.months(), t.label()));
  }

  private void editTimePoint() {
    currentTimePoint()
        .ifPresent(
            t -> timePointDialog(t).ifPresent(n -> vm.relabelTimePoint(t, n.months(), n.label())));
  }

  private void removeTimePoint() {
    currentTimePoint()
        .ifPresent(
            t -> {
              if (confirm(
                  lang("grid.confirmRemoveTimePoint", OutcomeViewModel.timePointTitle(t)))) {
                vm.removeTimePoint(t);
              }
            });
  }

  private void addArm() {
    Optional<OutcomeViewModel.Row> row = currentRow();
    if (row.isEmpty()) {
      message.setText(lang("grid.selectStudyRow"));
      return;
    }
    OutcomeViewModel.Row r = row.get();
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(getScene().getWindow());
    d.setTitle(lang("grid.addArm"));
    d.setHeaderText(r.study().label());
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Dialogs.localizeButtons(d.getDialogPane());
    TextField label = new TextField();
    label.setId("newArmLabel");
    javafx.scene.control.ComboBox<String> role = new javafx.scene.control.ComboBox<>();
    role.setId("newArmRole");
    role.getItems().setAll(ArmRoles.choices());
    role.setValue(ArmRoles.text(vm.defaultRole(r.study())));
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
                vm.addArm(
                    r.study(),
                    label.getText().strip(),
                    ArmRoles.parse(role.getValue()).orElse(null)));
  }

  private void removeArm() {
    currentRow()
        .filter(r -> r.arm() != null)
        .ifPresent(
            r -> {
              if (confirm(lang("grid.confirmRemoveArm", r.arm().label(), r.study().label()))) {
                vm.removeArm(r.arm());
              }
            });
  }

  private Optional<TimePoint> timePointDialog(TimePoint t) {
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(getScene().getWindow());
    d.setTitle(lang(t == null ? "grid.addTimePoint" : "grid.editTimePoint"));
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Dialogs.localizeButtons(d.getDialogPane());
    TextField months = new TextField(t == null ? "" : CellText.of(t.months()).text());
    months.setId("timePointMonths");
    TextField label = new TextField(t == null ? "" : t.label());
    label.setId("timePointLabel");
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.addRow(0, new Label(lang("grid.months")), months);
    g.addRow(1, new Label(lang("grid.timePointLabel")), label);
    d.getDialogPane().setContent(g);
    d.getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> CellText.of(months.getText()).number().isEmpty(), months.textProperty()));
    Platform.runLater(months::requestFocus);
    return d.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .map(
            b -> {
              double m = CellText.of(months.getText()).number().getAsDouble();
              // no label: the grid names it "N months" in whichever language is chosen
              String l = label.getText().strip();
              return new TimePoint(t == null ? 0 : t.id(), t == null ? 0 : t.outcomeId(), m, l);
            });
  }

  private boolean confirm(String text) {
    return Dialogs.confirm(getScene().getWindow(), text);
  }

  private void showReported() {
    if (reported == null) {
      return;
    }
    Optional<OutcomeViewModel.Row> row = currentRow();
    Optional<TimePoint> t = currentTimePoint();
    if (row.isEmpty() || t.isEmpty() || row.get().arm() == null || main.project() == null) {
      reported.show(null, null);
    } else {
      reported.show(row.get(), t.get());
    }
  }

  /** The reported-form entry in the details pane, with a live preview of the conversion. */
  private final class ReportedEntry {
    final javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4);
    final TextField se = field("reportedSe");
    final TextField ciLower = field("reportedCiLower");
    final TextField ciUpper = field("reportedCiUpper");
    final TextField median = field("reportedMedian");
    final TextField q1 = field("reportedQ1");
    final TextField q3 = field("reportedQ3");
    final TextField min = field("reportedMin");
    final TextField max = field("reportedMax");
    final Label preview = new Label();
    final Button apply = new Button(lang("reported.apply"));
    OutcomeViewModel.Row row;
    TimePoint timePoint;

    ReportedEntry() {
      Label head = new Label(lang("reported.title"));
      head.getStyleClass().add("section-title");
      GridPane g = new GridPane();
      g.setHgap(6);
      g.setVgap(4);
      g.addRow(0, new Label("SE"), se);
      g.addRow(1, new Label(lang("reported.ci")), ciLower, ciUpper);
      g.addRow(2, new Label(lang("reported.median")), median);
      g.addRow(3, new Label(lang("reported.iqr")), q1, q3);
      g.addRow(4, new Label(lang("reported.range")), min, max);
      preview.setWrapText(true);
      preview.setId("reportedPreview");
      preview.getStyleClass().add("details-derived");
      apply.setId("applyReported");
      apply.setOnAction(
          e -> {
            try {
              vm.applyReported(row, timePoint, form());
              message.setText("");
            } catch (WorkbenchException ex) {
              message.setText(ex.getMessage());
            }
            table.refresh();
            details.refresh();
          });
      for (TextField f : List.of(se, ciLower, ciUpper, median, q1, q3, min, max)) {
        f.textProperty().addListener((o, a, b) -> updatePreview());
      }
      box.getChildren().addAll(new Separator(), head, g, preview, apply);
    }

    private TextField field(String id) {
      TextField f = new TextField();
      f.setId(id);
      f.setPrefColumnCount(5);
      return f;
    }

    ReportedForm form() {
      return new ReportedForm(
          CellText.of(se.getText()),
          CellText.of(ciLower.getText()),
          CellText.of(ciUpper.getText()),
          CellText.of(median.getText()),
          CellText.of(q1.getText()),
          CellText.of(q3.getText()),
          CellText.of(min.getText()),
          CellText.of(max.getText()),
          null);
    }

    void show(OutcomeViewModel.Row r, TimePoint t) {
      row = r;
      timePoint = t;
      box.setDisable(r == null);
      ReportedForm f = r == null ? ReportedForm.NONE : vm.measurement(r, t).reported();
      se.setText(f.se().text());
      ciLower.setText(f.ciLower().text());
      ciUpper.setText(f.ciUpper().text());
      median.setText(f.median().text());
      q1.setText(f.q1().text());
      q3.setText(f.q3().text());
      min.setText(f.min().text());
      max.setText(f.max().text());
      updatePreview();
    }

    void updatePreview() {
      if (row == null) {
        preview.setText("");
        return;
      }
      Measurement m = vm.measurement(row, timePoint);
      try {
        preview.setText(
            ReportedForms.derive(form(), m.n(), "")
                .map(
                    d ->
                        lang(
                            "reported.preview",
                            d.mean().isPresent() ? fmt(d.mean().getAsDouble()) : m.mean().text(),
                            d.sd().isPresent() ? fmt(d.sd().getAsDouble()) : m.sd().text(),
                            d.method()))
                .orElse(lang("reported.none")));
      } catch (WorkbenchException ex) {
        preview.setText(ex.getMessage());
      }
    }

    private String fmt(double v) {
      return new java.math.BigDecimal(v)
          .round(new java.math.MathContext(6))
          .stripTrailingZeros()
          .toPlainString();
    }
  }

  @Override
  public void reveal(org.ewb.logic.extraction.Edit edit) {
    table.requestFocus();
    sheet.reveal(edit);
  }
}
