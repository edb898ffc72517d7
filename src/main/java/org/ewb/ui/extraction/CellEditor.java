package org.ewb.ui.extraction;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;

/**
 * The one editor of a grid: a text field that floats over the edited cell instead of living inside
 * it. A table cell is recycled whenever the grid re-lays out (after every commit, on scrolling),
 * and an editor inside a cell went with it, together with the keys typed in the meantime; this one
 * belongs to the grid, takes the focus synchronously when an edit starts, and so receives every key
 * typed after it, at any speed (ADR 0074).
 *
 * <p>Keys: Enter / Shift+Enter and Tab / Shift+Tab commit and move; Up / Down commit and move; Left
 * / Right commit and move when the edit was started by typing (Excel's "enter" mode) and move the
 * caret when it was started with F2 or a double-click; Escape discards. Leaving the editor (a click
 * elsewhere) commits. Choice cells complete what is typed inline with the first choice that starts
 * with it (the completed part selected, so the next key replaces it) and list the matching choices
 * below the cell; Enter stores the completed choice.
 */
public final class CellEditor<R> {

  private final SpreadsheetTable<R> sheet;
  private final Pane layer = new Pane();
  private final TextField field = new TextField();
  private final ListView<String> list = new ListView<>();
  private boolean active;
  private boolean typedMode;
  private R row;
  private int column;
  private int rowIndex;
  private TableColumn<R, ?> tableColumn;
  private List<String> choices = List.of();
  private final Runnable reposition = this::reposition;

  CellEditor(SpreadsheetTable<R> sheet) {
    this.sheet = sheet;
    layer.setPickOnBounds(false);
    layer.getStyleClass().add("cell-editor-layer");
    field.setId("cellEditor");
    field.getStyleClass().add("cell-editor");
    field.setManaged(false);
    field.setVisible(false);
    list.setId("cellChoices");
    list.getStyleClass().add("cell-choices");
    list.setManaged(false);
    list.setVisible(false);
    list.setFocusTraversable(false);
    list.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY
              && list.getSelectionModel().getSelectedItem() != null) {
            field.setText(list.getSelectionModel().getSelectedItem());
            finish(1, 0);
          }
        });
    layer.getChildren().addAll(field, list);
    // follow the cell when the grid re-lays out or scrolls while editing
    layer
        .sceneProperty()
        .addListener(
            (o, before, now) -> {
              if (before != null) {
                before.removePostLayoutPulseListener(reposition);
              }
              if (now != null) {
                now.addPostLayoutPulseListener(reposition);
              }
            });
    field.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    field.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
    field
        .focusedProperty()
        .addListener(
            (o, was, now) -> {
              if (!now && active) {
                finish(0, 0);
              }
            });
  }

  Node layer() {
    return layer;
  }

  /** The text field (tests read and drive it). */
  public TextField field() {
    return field;
  }

  boolean isActive() {
    return active;
  }

  /**
   * Starts editing a cell. {@code initial} is the first typed character (type-to-edit, which
   * replaces the cell's text) or null (F2 / double-click: edit the current text).
   */
  void start(R row, int column, int rowIndex, TableColumn<R, ?> tableColumn, String initial) {
    if (active) {
      finish(0, 0);
    }
    this.row = row;
    this.column = column;
    this.rowIndex = rowIndex;
    this.tableColumn = tableColumn;
    this.typedMode = initial != null;
    this.choices = sheet.model().choices(row, column);
    active = true;
    String current = sheet.model().text(row, column);
    field.setText("");
    field.setVisible(true);
    reposition();
    field.requestFocus();
    if (initial != null) {
      insert(initial);
    } else {
      field.setText(current == null ? "" : current);
      field.selectAll();
    }
    showChoices();
  }

  private void keyPressed(KeyEvent e) {
    KeyCode code = e.getCode();
    int dRow = 0;
    int dColumn = 0;
    boolean move = true;
    if (code == KeyCode.ENTER) {
      dRow = e.isShiftDown() ? -1 : 1;
    } else if (code == KeyCode.TAB) {
      dColumn = e.isShiftDown() ? -1 : 1;
    } else if (code == KeyCode.UP && !choices.isEmpty() && list.isVisible()) {
      moveChoice(-1);
      e.consume();
      return;
    } else if (code == KeyCode.DOWN && !choices.isEmpty() && list.isVisible()) {
      moveChoice(1);
      e.consume();
      return;
    } else if (code == KeyCode.UP) {
      dRow = -1;
    } else if (code == KeyCode.DOWN) {
      dRow = 1;
    } else if (typedMode && code == KeyCode.LEFT) {
      dColumn = -1;
    } else if (typedMode && code == KeyCode.RIGHT) {
      dColumn = 1;
    } else if (code == KeyCode.ESCAPE) {
      cancel();
      e.consume();
      return;
    } else {
      move = false;
    }
    if (move) {
      e.consume();
      finish(dRow, dColumn, code == KeyCode.ENTER || code == KeyCode.TAB);
    }
  }

  private void keyTyped(KeyEvent e) {
    if (choices.isEmpty() || e.isShortcutDown() || e.isControlDown() || e.isAltDown()) {
      return;
    }
    String ch = e.getCharacter();
    if (ch == null || ch.isEmpty() || ch.charAt(0) < 0x20 || ch.charAt(0) == 0x7f) {
      return;
    }
    e.consume();
    insert(ch);
    showChoices();
  }

  /** Inserts typed text at the caret (replacing the selection), completing choice cells. */
  private void insert(String typed) {
    int from = Math.min(field.getAnchor(), field.getCaretPosition());
    int to = Math.max(field.getAnchor(), field.getCaretPosition());
    String text = field.getText();
    String before = text.substring(0, from) + typed;
    String after = text.substring(to);
    if (!choices.isEmpty() && after.isEmpty()) {
      String completion = complete(before);
      if (completion != null) {
        field.setText(completion);
        field.selectRange(completion.length(), before.length());
        return;
      }
    }
    field.setText(before + after);
    field.positionCaret(before.length());
  }

  /** The first choice starting with {@code prefix} (ignoring case), or null. */
  String complete(String prefix) {
    if (prefix.isEmpty()) {
      return null;
    }
    String p = prefix.toLowerCase(Locale.ROOT);
    for (String c : choices) {
      if (c.toLowerCase(Locale.ROOT).startsWith(p)) {
        return c;
      }
    }
    return null;
  }

  private void showChoices() {
    if (choices.isEmpty()) {
      list.setVisible(false);
      return;
    }
    int caret = Math.min(field.getAnchor(), field.getCaretPosition());
    String typed = field.getText().substring(0, caret).toLowerCase(Locale.ROOT);
    List<String> matching =
        typed.isEmpty() || !typedMode
            ? choices
            : choices.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains(typed)).toList();
    list.getItems().setAll(matching);
    int exact = matching.indexOf(field.getText());
    if (exact >= 0) {
      list.getSelectionModel().select(exact);
    } else {
      list.getSelectionModel().clearSelection();
    }
    list.setVisible(!matching.isEmpty());
    reposition();
  }

  private void moveChoice(int d) {
    int n = list.getItems().size();
    if (n == 0) {
      return;
    }
    int i = list.getSelectionModel().getSelectedIndex();
    i = i < 0 ? (d > 0 ? 0 : n - 1) : Math.floorMod(i + d, n);
    list.getSelectionModel().select(i);
    list.scrollTo(i);
    field.setText(list.getItems().get(i));
    field.selectAll();
  }

  /** Places the editor over its cell; keeps the last place while the cell is being laid out. */
  private void reposition() {
    if (!active) {
      return;
    }
    TableCell<?, ?> cell = sheet.cellNode(rowIndex, tableColumn);
    if (cell == null) {
      return;
    }
    Bounds b = layer.sceneToLocal(cell.localToScene(cell.getBoundsInLocal()));
    if (b == null) {
      return;
    }
    double w = Math.max(b.getWidth(), 60);
    double h = Math.max(b.getHeight(), field.prefHeight(-1));
    field.resizeRelocate(b.getMinX(), b.getMinY(), w, h);
    if (list.isVisible()) {
      double lh = Math.min(8, Math.max(1, list.getItems().size())) * 24 + 4;
      double y = b.getMaxY();
      if (y + lh > layer.getHeight() && b.getMinY() - lh >= 0) {
        y = b.getMinY() - lh;
      }
      list.resizeRelocate(b.getMinX(), y, Math.max(w, 160), lh);
    }
  }

  /** Commits the text and moves the focus by rows / columns (as an arrow key does). */
  void finish(int dRow, int dColumn) {
    finish(dRow, dColumn, false);
  }

  /** Commits the text and moves the focus; Tab and Enter moves follow Excel's Tab-run rule. */
  void finish(int dRow, int dColumn, boolean tabOrEnter) {
    if (!active) {
      return;
    }
    active = false;
    String value = field.getText();
    R r = row;
    int c = column;
    int index = rowIndex;
    int visibleColumn = sheet.table().getVisibleLeafIndex(tableColumn);
    // the grid takes the focus before the editor hides, so the next key lands on the grid
    sheet.table().requestFocus();
    hide();
    sheet.commitCell(r, c, value);
    if (dRow != 0 || dColumn != 0) {
      // from the edited cell, not from the table's focus, which a commit that replaced the rows
      // may have moved
      sheet.moveFrom(index, visibleColumn, dRow, dColumn, tabOrEnter);
    }
  }

  /** Discards the edit. */
  void cancel() {
    if (!active) {
      return;
    }
    active = false;
    sheet.table().requestFocus();
    hide();
  }

  private void hide() {
    field.setVisible(false);
    list.setVisible(false);
    row = null;
    tableColumn = null;
  }
}
