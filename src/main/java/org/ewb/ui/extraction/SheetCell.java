package org.ewb.ui.extraction;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * A grid cell: shows the text as typed, red with the reason when invalid, a marker when the value
 * has provenance or was derived; edits with a text field (or a drop-down for choice fields). An
 * edit is committed on Enter, Tab, or when the cell loses focus; only Escape discards it.
 */
final class SheetCell<R> extends TableCell<R, String> {

  private final SpreadsheetTable<R> sheet;
  private Control editor;
  private TextField text;
  private R editRow;
  private int editColumn;
  private boolean finished = true;

  SheetCell(SpreadsheetTable<R> sheet) {
    this.sheet = sheet;
    getStyleClass().add("sheet-cell");
    tableColumnProperty()
        .addListener(
            (o, a, col) -> {
              if (sheet.isFrozen(col)) {
                getStyleClass().add("frozen");
                translateXProperty().bind(sheet.frozenOffset());
                setViewOrder(-1);
              }
            });
  }

  private R rowItem() {
    int i = getIndex();
    return i >= 0 && i < getTableView().getItems().size() ? getTableView().getItems().get(i) : null;
  }

  private int modelColumn() {
    return (Integer) getTableColumn().getUserData();
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    getStyleClass().removeAll("invalid", "warning", "has-provenance", "derived");
    setTooltip(null);
    if (isEditing()) {
      return;
    }
    R row = empty ? null : rowItem();
    if (row == null || getTableColumn() == null) {
      setText(null);
      setGraphic(null);
      return;
    }
    setText(item);
    setGraphic(null);
    int col = modelColumn();
    SheetModel<R> model = sheet.model();
    Optional<String> problem = model.problem(row, col);
    StringBuilder tip = new StringBuilder();
    if (problem.isPresent()) {
      getStyleClass().add(model.isWarningOnly(row, col) ? "warning" : "invalid");
      tip.append(problem.get());
    }
    if (model.hasProvenanceSlot(row, col) && !model.provenance(row, col).isEmpty()) {
      getStyleClass().add("has-provenance");
      var p = model.provenance(row, col);
      if (tip.length() > 0) {
        tip.append('\n');
      }
      tip.append(p.location()).append(p.quote().isEmpty() ? "" : ": \u201c" + p.quote() + "\u201d");
    }
    Optional<String> derived = model.derivation(row, col);
    if (derived.isPresent()) {
      getStyleClass().add("derived");
      Label mark = new Label("\u2248");
      mark.getStyleClass().add("derived-mark");
      setGraphic(mark);
      if (tip.length() > 0) {
        tip.append('\n');
      }
      tip.append(derived.get());
    }
    if (tip.length() > 0) {
      Tooltip t = new Tooltip(tip.toString());
      t.setShowDelay(Duration.millis(250));
      t.setWrapText(true);
      t.setMaxWidth(480);
      setTooltip(t);
    }
  }

  @Override
  public void startEdit() {
    R row = rowItem();
    if (row == null || !sheet.model().isEditable(row, modelColumn())) {
      return;
    }
    super.startEdit();
    if (!isEditing()) {
      return;
    }
    editRow = row;
    editColumn = modelColumn();
    finished = false;
    String initial = sheet.takePendingText();
    String current = getItem() == null ? "" : getItem();
    List<String> choices = sheet.model().choices(row, editColumn);
    text = new TextField(initial != null ? initial : current);
    if (!choices.isEmpty()) {
      ComboBox<String> combo = new ComboBox<>();
      combo.getItems().setAll(choices);
      combo.setEditable(true);
      combo.getEditor().setText(initial != null ? initial : current);
      combo.setMaxWidth(Double.MAX_VALUE);
      combo.setOnAction(
          e -> {
            if (!finished && combo.getValue() != null && combo.isShowing()) {
              combo.getEditor().setText(combo.getValue());
            }
          });
      combo.setOnHidden(
          e -> {
            if (!finished && combo.getValue() != null) {
              combo.getEditor().setText(combo.getValue());
            }
          });
      text = combo.getEditor();
      editor = combo;
      if (initial == null) {
        javafx.application.Platform.runLater(combo::show);
      }
    } else {
      editor = text;
    }
    text.addEventFilter(KeyEvent.KEY_PRESSED, this::editorKey);
    text.focusedProperty()
        .addListener(
            (o, was, now) -> {
              if (!now && !finished && !(editor instanceof ComboBox<?> c && c.isShowing())) {
                finish(0, 0);
              }
            });
    setText(null);
    setGraphic(editor);
    text.requestFocus();
    if (initial != null) {
      text.end();
    } else {
      text.selectAll();
    }
  }

  private void editorKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER) {
      finish(e.isShiftDown() ? -1 : 1, 0);
      e.consume();
    } else if (e.getCode() == KeyCode.TAB) {
      finish(0, e.isShiftDown() ? -1 : 1);
      e.consume();
    } else if (e.getCode() == KeyCode.ESCAPE) {
      finished = true;
      cancelEdit();
      getTableView().requestFocus();
      e.consume();
    }
  }

  /** Commits the editor's text and moves the focus. */
  private void finish(int dRow, int dColumn) {
    if (finished) {
      return;
    }
    finished = true;
    String value = text.getText();
    R row = editRow;
    int col = editColumn;
    cancelEdit();
    sheet.commitCell(row, col, value);
    getTableView().requestFocus();
    if (dRow != 0 || dColumn != 0) {
      sheet.move(dRow, dColumn);
    }
  }

  @Override
  public void cancelEdit() {
    if (!finished && text != null) {
      // the cell is being reused (scrolling) or editing was interrupted: keep what was typed
      finished = true;
      String value = text.getText();
      R row = editRow;
      int col = editColumn;
      super.cancelEdit();
      restore();
      sheet.commitCell(row, col, value);
      return;
    }
    super.cancelEdit();
    restore();
  }

  private void restore() {
    editor = null;
    text = null;
    updateItem(getItem(), isEmpty());
  }
}
