package org.ewb.ui.extraction;

import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * A grid cell: shows the text as typed, red with the reason when invalid, a marker when the value
 * has provenance or was derived, and the whole text in a tooltip when the column is too narrow.
 * Cells never edit: the grid's {@link CellEditor} floats over them.
 */
final class SheetCell<R> extends TableCell<R, String> {

  private final SpreadsheetTable<R> sheet;

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
    getStyleClass().removeAll("invalid", "warning", "has-provenance", "derived", "untranslated");
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
    Optional<String[]> untranslated = model.untranslated(row, col);
    if (untranslated.isPresent()) {
      // the text of the other language, tagged with it, until a translation is typed
      getStyleClass().add("untranslated");
      Label mark = new Label(untranslated.get()[0]);
      mark.getStyleClass().add("untranslated-mark");
      setGraphic(mark);
      if (tip.length() > 0) {
        tip.append('\n');
      }
      tip.append(untranslated.get()[1]);
    }
    if (item != null && !item.isEmpty() && clipped(item)) {
      // a column too narrow for its text: the whole text on hover
      tip.insert(0, tip.length() > 0 ? item + "\n" : item);
    }
    if (tip.length() > 0) {
      Tooltip t = new Tooltip(tip.toString());
      t.setShowDelay(Duration.millis(250));
      t.setWrapText(true);
      t.setMaxWidth(480);
      setTooltip(t);
    }
  }

  private boolean clipped(String item) {
    if (item.indexOf('\n') >= 0) {
      return true;
    }
    javafx.scene.text.Text t = new javafx.scene.text.Text(item);
    t.setFont(getFont());
    return t.getLayoutBounds().getWidth() + 10 > getTableColumn().getWidth();
  }
}
