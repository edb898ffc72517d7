package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.ewb.logic.extraction.TabularText;

/**
 * Spreadsheet behaviour for a {@link TableView}, reused by every grid: cell and range selection,
 * type-to-edit, F2, Enter / Tab moves, Delete clears a range, Ctrl+C / Ctrl+X / Ctrl+V with
 * tab-separated blocks on the system clipboard (so blocks move to and from Excel and LibreOffice),
 * Ctrl+D fills down, Ctrl+Z / Ctrl+Y undo and redo, and the first columns frozen on the left. Every
 * change goes through {@link SheetModel#commit} as one undoable step. Put {@link #node()} in the
 * layout, not the table: it carries the floating {@link CellEditor} (ADR 0074).
 */
public final class SpreadsheetTable<R> {

  /** A rectangle of cells: rows and visible-leaf-column indexes, inclusive. */
  public record Range(int top, int left, int bottom, int right) {
    public int rows() {
      return bottom - top + 1;
    }

    public int columns() {
      return right - left + 1;
    }
  }

  private final TableView<R> table;
  private final SheetModel<R> model;
  private final DoubleProperty frozenOffset = new SimpleDoubleProperty();
  private final List<TableColumn<R, ?>> frozen = new ArrayList<>();
  private final CellEditor<R> editor;
  private final StackPane node;
  private Consumer<String> onError = m -> {};
  private Runnable onDelete;

  public SpreadsheetTable(TableView<R> table, SheetModel<R> model) {
    this.table = table;
    this.model = model;
    // the grid never uses TableView's own cell editing: one editor floats over the grid (see
    // CellEditor), so no keystroke can fall between a cell being recycled and its editor
    table.setEditable(false);
    table.getSelectionModel().setCellSelectionEnabled(true);
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    // no fixed cell size: with one, TableRow culls the cells of columns scrolled out of view,
    // which would take the frozen first column with them; rows get their height from CSS
    table.getStyleClass().add("fixed-rows");
    table.getStyleClass().add("spreadsheet");
    table.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    table.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
    table.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY
              && e.getClickCount() == 2
              && e.getTarget() instanceof Node n
              && insideCell(n)) {
            editFocused(null);
          }
        });
    editor = new CellEditor<>(this);
    node = new StackPane(table, editor.layer());
    node.getStyleClass().add("sheet-host");
    table.skinProperty().addListener((o, a, b) -> Platform.runLater(this::installFrozen));
    table
        .getColumns()
        .addListener(
            (ListChangeListener<TableColumn<R, ?>>) c -> Platform.runLater(this::installFrozen));
  }

  public TableView<R> table() {
    return table;
  }

  /** The node to put in a layout: the grid with its floating cell editor. */
  public Node node() {
    return node;
  }

  /** The editor floating over the grid (visible while a cell is edited). */
  public CellEditor<R> editor() {
    return editor;
  }

  /** Whether a cell is being edited. */
  public boolean isEditing() {
    return editor.isActive();
  }

  private static boolean insideCell(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (x instanceof TableCell<?, ?>) {
        return true;
      }
      if (x instanceof TableView<?>) {
        return false;
      }
    }
    return false;
  }

  public SheetModel<R> model() {
    return model;
  }

  /**
   * What the Delete key does instead of clearing the selected cells (the Studies page deletes the
   * study); null: clear.
   */
  public void setOnDelete(Runnable action) {
    this.onDelete = action;
  }

  /** Where refused changes are reported (a status line or dialog). */
  public void setOnError(Consumer<String> handler) {
    this.onError = handler;
  }

  /** A column showing model column {@code modelColumn}, edited in place. */
  public TableColumn<R, String> column(String title, int modelColumn, double width) {
    TableColumn<R, String> c = new TableColumn<>(title);
    c.setUserData(modelColumn);
    c.setPrefWidth(width);
    c.setCellValueFactory(x -> new ReadOnlyStringWrapper(model.text(x.getValue(), modelColumn)));
    c.setCellFactory(x -> new SheetCell<>(this));
    return c;
  }

  /** Keeps {@code columns} (the table's first ones) in view when scrolling sideways. */
  @SafeVarargs
  public final void freeze(TableColumn<R, ?>... columns) {
    frozen.clear();
    for (TableColumn<R, ?> c : columns) {
      frozen.add(c);
      c.setReorderable(false);
    }
    installFrozen();
  }

  boolean isFrozen(Object column) {
    return column != null && frozen.contains(column);
  }

  private double frozenWidth() {
    return frozen.stream().mapToDouble(TableColumn::getWidth).sum();
  }

  DoubleProperty frozenOffset() {
    return frozenOffset;
  }

  private void installFrozen() {
    if (frozen.isEmpty() || table.getSkin() == null) {
      return;
    }
    for (Node n : table.lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar sb
          && sb.getOrientation() == Orientation.HORIZONTAL
          && sb.getParent() instanceof VirtualFlow) {
        if (!frozenOffset.isBound()) {
          frozenOffset.bind(sb.valueProperty());
        }
      }
    }
    for (Node n : table.lookupAll(".column-header")) {
      if (n instanceof TableColumnHeader h && isFrozen(h.getTableColumn())) {
        if (!h.translateXProperty().isBound()) {
          h.translateXProperty().bind(frozenOffset);
        }
        h.setViewOrder(-1);
        h.getStyleClass().add("frozen-header");
      }
    }
  }

  /**
   * Sizes every column to its content (header and up to 500 rows, between 48 and 320 px) unless the
   * reviewer has resized it, in which case the remembered width is used; widths the reviewer sets
   * are remembered per grid ({@code grid}) and column title. Preference keys are capped at the
   * Preferences API's 80 characters by hashing long titles.
   */
  public void fitWidths(String grid, org.ewb.ui.main.WorkbenchSettings settings) {
    this.widthGrid = grid;
    this.widthSettings = settings;
    fittedRows = -1;
    refit();
  }

  private String widthGrid;
  private org.ewb.ui.main.WorkbenchSettings widthSettings;

  private int fittedRows = -1;

  /**
   * Sizes the columns again when rows were added or removed (a grid first drawn empty), as
   * fitWidths does; an edit that adds no row leaves the widths alone, so columns do not shift under
   * the reviewer's pointer while typing.
   */
  public void refit() {
    if (widthGrid == null || table.getItems().size() == fittedRows) {
      return;
    }
    fittedRows = table.getItems().size();
    String grid = widthGrid;
    org.ewb.ui.main.WorkbenchSettings settings = widthSettings;
    javafx.scene.text.Text probe = new javafx.scene.text.Text();
    // a text's width is measured once per fit (countries, designs, units repeat down a column)
    java.util.Map<String, Double> widths = new java.util.HashMap<>();
    int rows = Math.min(500, table.getItems().size());
    for (TableColumn<R, ?> c : table.getVisibleLeafColumns()) {
      String key = widthKey(grid, c);
      double remembered = settings.getDouble(key, Double.NaN);
      double width;
      if (!Double.isNaN(remembered)) {
        width = remembered;
      } else {
        probe.setText(c.getText());
        double w = probe.getLayoutBounds().getWidth() + 24;
        int col = (Integer) c.getUserData();
        for (int i = 0; i < rows; i++) {
          String t = model.text(table.getItems().get(i), col);
          if (t != null && !t.isEmpty()) {
            double tw =
                widths.computeIfAbsent(
                    t,
                    x -> {
                      probe.setText(x);
                      return probe.getLayoutBounds().getWidth();
                    });
            w = Math.max(w, tw + 14);
          }
        }
        width = Math.max(48, Math.min(320, Math.ceil(w * 1.08)));
      }
      c.getProperties().put("ewb.fitted", width);
      c.setPrefWidth(width);
      if (c.getProperties().putIfAbsent("ewb.widthListener", Boolean.TRUE) == null) {
        c.widthProperty()
            .addListener(
                (o, a, b) -> {
                  // only a width the reviewer dragged is remembered (not the fitted one)
                  Object fitted = c.getProperties().get("ewb.fitted");
                  if (fitted instanceof Double f
                      && Math.abs(b.doubleValue() - f) > 0.5
                      && c.getTableView() != null) {
                    settings.putDouble(key, b.doubleValue());
                  }
                });
      }
    }
  }

  private static String widthKey(String grid, TableColumn<?, ?> c) {
    String title =
        (c.getParentColumn() == null ? "" : c.getParentColumn().getText() + "/") + c.getText();
    String key = "width." + grid + "." + title;
    return key.length() <= 80 ? key : "width." + grid + "#" + Integer.toHexString(title.hashCode());
  }

  /** The model column of a visible leaf column index. */
  public int modelColumn(int visibleIndex) {
    return (Integer) table.getVisibleLeafColumn(visibleIndex).getUserData();
  }

  // ---- keys ----

  private void keyPressed(KeyEvent e) {
    if (editor.isActive()) {
      return; // the cell editor handles its own keys
    }
    KeyCode code = e.getCode();
    boolean shortcut = e.isShortcutDown();
    boolean handled = true;
    if (shortcut && code == KeyCode.C) {
      copy();
    } else if (shortcut && code == KeyCode.X) {
      copy();
      clear();
    } else if (shortcut && code == KeyCode.V) {
      paste();
    } else if (shortcut && code == KeyCode.D) {
      fillDown();
    } else if (shortcut && code == KeyCode.Z) {
      undoRedo(!e.isShiftDown());
    } else if (shortcut && code == KeyCode.Y) {
      undoRedo(false);
    } else if (shortcut || e.isAltDown()) {
      handled = false;
    } else if (code == KeyCode.DELETE && onDelete != null) {
      onDelete.run();
    } else if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
      clear();
    } else if (code == KeyCode.F2) {
      editFocused(null);
    } else if (code == KeyCode.ENTER) {
      enter(e.isShiftDown() ? -1 : 1);
    } else if (code == KeyCode.TAB) {
      tab(e.isShiftDown() ? -1 : 1);
    } else {
      handled = false;
    }
    if (handled) {
      e.consume();
    }
  }

  private void keyTyped(KeyEvent e) {
    if (editor.isActive()
        || e.isShortcutDown()
        || e.isControlDown()
        || e.isAltDown()
        || e.isMetaDown()) {
      return;
    }
    String ch = e.getCharacter();
    if (ch == null || ch.isEmpty() || ch.charAt(0) < 0x20 || ch.charAt(0) == 0x7f) {
      return;
    }
    editFocused(ch);
    e.consume();
  }

  /** Starts editing the focused cell; {@code initial} replaces its text (type-to-edit). */
  public void editFocused(String initial) {
    TablePosition<R, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) {
      return;
    }
    R row = table.getItems().get(pos.getRow());
    int col = (Integer) pos.getTableColumn().getUserData();
    if (!model.isEditable(row, col)) {
      return;
    }
    editor.start(row, col, pos.getRow(), pos.getTableColumn(), initial);
  }

  /** The cell node showing (row index, column) now, if it is laid out. */
  TableCell<?, ?> cellNode(int rowIndex, TableColumn<R, ?> column) {
    for (Node n : table.lookupAll(".table-cell")) {
      if (n instanceof TableCell<?, ?> c
          && c.getIndex() == rowIndex
          && c.getTableColumn() == column
          && c.isVisible()
          && c.getScene() != null) {
        return c;
      }
    }
    return null;
  }

  /** Selects one cell (row, visible column index), scrolling it into view. */
  public void select(int row, int visibleColumn) {
    if (table.getItems().isEmpty() || table.getVisibleLeafColumns().isEmpty()) {
      return;
    }
    int r = Math.max(0, Math.min(row, table.getItems().size() - 1));
    int c = Math.max(0, Math.min(visibleColumn, table.getVisibleLeafColumns().size() - 1));
    TableColumn<R, ?> column = table.getVisibleLeafColumn(c);
    table.getSelectionModel().clearAndSelect(r, column);
    table.getFocusModel().focus(r, column);
    scrollIntoView(r, column);
  }

  private void scrollIntoView(int row, TableColumn<R, ?> column) {
    VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
    if (flow != null) {
      flow.scrollTo(row);
    }
    if (!isFrozen(column)) {
      Platform.runLater(() -> ensureColumnVisible(column));
    }
  }

  private void ensureColumnVisible(TableColumn<R, ?> column) {
    VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
    ScrollBar hbar = null;
    for (Node n : table.lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar sb && sb.getOrientation() == Orientation.HORIZONTAL) {
        hbar = sb;
      }
    }
    if (flow == null || hbar == null || !hbar.isVisible()) {
      return;
    }
    double x = 0;
    for (TableColumn<R, ?> c : table.getVisibleLeafColumns()) {
      if (c == column) {
        break;
      }
      x += c.getWidth();
    }
    double frozenWidth = frozenWidth();
    double viewport = flow.getWidth() - 16;
    double left = hbar.getValue() + frozenWidth;
    if (x < left) {
      hbar.setValue(Math.max(0, x - frozenWidth));
    } else if (x + column.getWidth() > hbar.getValue() + viewport) {
      hbar.setValue(Math.min(hbar.getMax(), x + column.getWidth() - viewport));
    }
  }

  /** The column where a run of Tabs began (Enter returns to it, as in Excel); -1: none. */
  private int tabStart = -1;

  /** The cell (row, visible column) a run of Tabs reached last; a move elsewhere ends the run. */
  private int tabRow = -1;

  private int tabColumn = -1;

  /** Tab / Shift+Tab from the focused cell. */
  public void tab(int dColumn) {
    TablePosition<R, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) {
      move(0, dColumn);
      return;
    }
    moveFrom(pos.getRow(), table.getVisibleLeafIndex(pos.getTableColumn()), 0, dColumn, true);
  }

  /** Enter / Shift+Enter from the focused cell. */
  public void enter(int dRow) {
    TablePosition<R, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) {
      move(dRow, 0);
      return;
    }
    moveFrom(pos.getRow(), table.getVisibleLeafIndex(pos.getTableColumn()), dRow, 0, true);
  }

  /**
   * Moves the focus from a given cell (not from wherever the table's focus model is after a commit
   * replaced its rows): Tab and Enter ({@code tabOrEnter}) follow Excel's rule that Enter after a
   * run of Tabs goes to the next row in the column where the run began; arrows move plainly.
   */
  void moveFrom(int row, int column, int dRow, int dColumn, boolean tabOrEnter) {
    boolean inRun = row == tabRow && column == tabColumn;
    int last = table.getVisibleLeafColumns().size() - 1;
    if (tabOrEnter && dColumn != 0) {
      if (!inRun) {
        tabStart = column;
      }
      int c = Math.max(0, Math.min(last, column + dColumn));
      select(row, c);
      tabRow = row;
      tabColumn = c;
      return;
    }
    int c = tabOrEnter && dRow != 0 && inRun && tabStart >= 0 ? tabStart : column + dColumn;
    tabRow = -1;
    tabColumn = -1;
    select(row + dRow, c);
  }

  /** Moves the focus (and selection) by rows / columns. */
  public void move(int dRow, int dColumn) {
    TablePosition<R, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos == null || pos.getRow() < 0) {
      select(0, 0);
      return;
    }
    select(pos.getRow() + dRow, table.getVisibleLeafIndex(pos.getTableColumn()) + dColumn);
  }

  private void undoRedo(boolean undo) {
    java.util.Optional<org.ewb.logic.extraction.Edit>[] done = new java.util.Optional[1];
    guarded(() -> done[0] = undo ? model.undo() : model.redo());
    if (done[0] != null) {
      done[0].ifPresent(this::reveal);
    }
  }

  /** Selects the cell an edit changed (after undo / redo), if it is in this grid. */
  public void reveal(org.ewb.logic.extraction.Edit edit) {
    model
        .locate(edit, table.getItems())
        .ifPresent(
            rc -> {
              for (int i = 0; i < table.getVisibleLeafColumns().size(); i++) {
                if ((Integer) table.getVisibleLeafColumn(i).getUserData() == rc[1]) {
                  select(rc[0], i);
                  return;
                }
              }
            });
  }

  // ---- editing commits (from the cell editor) ----

  /** Stores what the editor holds (called by {@link CellEditor}). */
  void commitCell(R row, int column, String text) {
    guarded(
        () ->
            model.commit(
                List.of(new SheetModel.CellChange<>(row, column, text)), lang("edit.value")));
  }

  private void guarded(Runnable action) {
    // an edited study label replaces the row list, which clears the selection: put it back
    TablePosition<R, ?> focus = table.getFocusModel().getFocusedCell();
    int row = focus == null ? -1 : focus.getRow();
    int col =
        focus == null || focus.getTableColumn() == null
            ? -1
            : table.getVisibleLeafIndex(focus.getTableColumn());
    Range range = selection();
    try {
      onError.accept("");
      action.run();
    } catch (org.ewb.model.WorkbenchException ex) {
      onError.accept(ex.getMessage());
    }
    table.refresh();
    TablePosition<R, ?> now = table.getFocusModel().getFocusedCell();
    if (row >= 0 && col >= 0 && (now == null || now.getRow() < 0 || now.getTableColumn() == null)) {
      if (range != null
          && (range.rows() > 1 || range.columns() > 1)
          && range.bottom() < table.getItems().size()) {
        selectRange(range);
      } else {
        select(row, col);
      }
    }
  }

  // ---- ranges ----

  /** The bounding rectangle of the selection (or the focused cell). */
  public Range selection() {
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<TablePosition<R, ?>> cells = (List) table.getSelectionModel().getSelectedCells();
    if (cells.isEmpty()) {
      TablePosition<R, ?> f = table.getFocusModel().getFocusedCell();
      if (f == null || f.getRow() < 0 || f.getTableColumn() == null) {
        return null;
      }
      int c = table.getVisibleLeafIndex(f.getTableColumn());
      return new Range(f.getRow(), c, f.getRow(), c);
    }
    int top = Integer.MAX_VALUE;
    int left = Integer.MAX_VALUE;
    int bottom = -1;
    int right = -1;
    for (TablePosition<R, ?> p : cells) {
      int c = table.getVisibleLeafIndex(p.getTableColumn());
      top = Math.min(top, p.getRow());
      bottom = Math.max(bottom, p.getRow());
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
    return new Range(top, left, bottom, right);
  }

  /** Selects a rectangle of cells. */
  public void selectRange(Range r) {
    table.getSelectionModel().clearSelection();
    table
        .getSelectionModel()
        .selectRange(
            r.top(),
            table.getVisibleLeafColumn(r.left()),
            r.bottom(),
            table.getVisibleLeafColumn(r.right()));
    table.getFocusModel().focus(r.top(), table.getVisibleLeafColumn(r.left()));
  }

  /** The selection as a tab-separated block. */
  public String selectionAsText() {
    Range r = selection();
    if (r == null) {
      return "";
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = r.top(); i <= r.bottom(); i++) {
      R row = table.getItems().get(i);
      List<String> cells = new ArrayList<>();
      for (int j = r.left(); j <= r.right(); j++) {
        cells.add(model.text(row, modelColumn(j)));
      }
      rows.add(cells);
    }
    return TabularText.format(rows);
  }

  public void copy() {
    ClipboardContent content = new ClipboardContent();
    content.putString(selectionAsText());
    Clipboard.getSystemClipboard().setContent(content);
  }

  public void paste() {
    String text = Clipboard.getSystemClipboard().getString();
    if (text != null) {
      pasteText(text);
    }
  }

  /**
   * Pastes a tab-separated block with its top-left at the selection's top-left. A single value
   * pasted over a larger selection fills it. Cells beyond the grid's edge are left out.
   */
  public void pasteText(String text) {
    Range sel = selection();
    List<List<String>> block = TabularText.parse(text);
    if (sel == null || block.isEmpty()) {
      return;
    }
    List<SheetModel.CellChange<R>> changes = new ArrayList<>();
    Range target;
    if (block.size() == 1 && block.get(0).size() == 1 && (sel.rows() > 1 || sel.columns() > 1)) {
      target = sel;
      for (int i = sel.top(); i <= sel.bottom(); i++) {
        for (int j = sel.left(); j <= sel.right(); j++) {
          add(changes, i, j, block.get(0).get(0));
        }
      }
    } else {
      int width = block.stream().mapToInt(List::size).max().orElse(1);
      int bottom = Math.min(table.getItems().size() - 1, sel.top() + block.size() - 1);
      int right = Math.min(table.getVisibleLeafColumns().size() - 1, sel.left() + width - 1);
      target = new Range(sel.top(), sel.left(), bottom, right);
      for (int i = 0; i < block.size(); i++) {
        for (int j = 0; j < block.get(i).size(); j++) {
          add(changes, sel.top() + i, sel.left() + j, block.get(i).get(j));
        }
      }
    }
    guarded(() -> model.commit(changes, lang("edit.paste")));
    selectRange(target);
  }

  private void add(
      List<SheetModel.CellChange<R>> changes, int rowIndex, int visibleCol, String text) {
    if (rowIndex >= table.getItems().size() || visibleCol >= table.getVisibleLeafColumns().size()) {
      return;
    }
    R row = table.getItems().get(rowIndex);
    int col = modelColumn(visibleCol);
    if (model.isEditable(row, col)) {
      changes.add(new SheetModel.CellChange<>(row, col, text));
    }
  }

  /** Copies the top row of the selection into the rows below it. */
  public void fillDown() {
    Range r = selection();
    if (r == null || r.rows() < 2) {
      return;
    }
    List<SheetModel.CellChange<R>> changes = new ArrayList<>();
    R first = table.getItems().get(r.top());
    for (int j = r.left(); j <= r.right(); j++) {
      String v = model.text(first, modelColumn(j));
      for (int i = r.top() + 1; i <= r.bottom(); i++) {
        add(changes, i, j, v);
      }
    }
    guarded(() -> model.commit(changes, lang("edit.fillDown")));
  }

  /** Empties every editable cell of the selection. */
  public void clear() {
    Range r = selection();
    if (r == null) {
      return;
    }
    List<SheetModel.CellChange<R>> changes = new ArrayList<>();
    for (int i = r.top(); i <= r.bottom(); i++) {
      for (int j = r.left(); j <= r.right(); j++) {
        add(changes, i, j, "");
      }
    }
    guarded(() -> model.commit(changes, lang("edit.clear")));
  }
}
