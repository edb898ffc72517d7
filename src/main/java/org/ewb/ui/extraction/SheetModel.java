package org.ewb.ui.extraction;

import java.util.List;
import java.util.Optional;
import org.ewb.model.Provenance;

/**
 * What a {@link SpreadsheetTable} needs from its ViewModel: the text and state of each cell and a
 * way to commit a batch of cell changes as one undoable step. Columns are identified by the model
 * column number stored in each {@code TableColumn}'s user data.
 */
public interface SheetModel<R> {

  /** A new text for one cell. */
  record CellChange<R>(R row, int column, String text) {}

  String text(R row, int column);

  boolean isEditable(R row, int column);

  /** Why the cell's value is invalid, or empty. */
  Optional<String> problem(R row, int column);

  /** Whether the cell's problems are only warnings (shown amber, not red). */
  default boolean isWarningOnly(R row, int column) {
    return false;
  }

  /** The provenance of the cell's value (empty if none is recorded). */
  Provenance provenance(R row, int column);

  /** Whether the cell can carry provenance (the details pane edits it). */
  default boolean hasProvenanceSlot(R row, int column) {
    return true;
  }

  /** Records provenance for the cell (one undoable step). */
  void setProvenance(R row, int column, Provenance provenance);

  /** Whether the value was derived from a reported form (shown with a marker). */
  default Optional<String> derivation(R row, int column) {
    return Optional.empty();
  }

  /**
   * When the cell shows the other language's text because its own is missing: a short tag of the
   * language shown ("EN", "中") and why; empty otherwise.
   */
  default Optional<String[]> untranslated(R row, int column) {
    return Optional.empty();
  }

  /**
   * For a cell with a text in each language: the other language's stored text (empty if none);
   * empty for cells with one language-neutral value.
   */
  default Optional<String> otherLanguageText(R row, int column) {
    return Optional.empty();
  }

  /** Choices offered in a drop-down when the cell is edited (empty: a text field). */
  default List<String> choices(R row, int column) {
    return List.of();
  }

  /** Where the cell is, for the details pane ("Hu 2013 · Cell type"). */
  String place(R row, int column);

  /** Commits changes as one undoable step; unchanged cells are skipped. */
  void commit(List<CellChange<R>> changes, String description);

  /** Undoes the last edit; returns it (the grid then shows the cell it changed). */
  java.util.Optional<org.ewb.logic.extraction.Edit> undo();

  /** Redoes the last undone edit; returns it. */
  java.util.Optional<org.ewb.logic.extraction.Edit> redo();

  /**
   * Where an edit changed this grid: {row index in {@code rows}, model column}, or empty when it
   * did not change a cell of it.
   */
  default Optional<int[]> locate(org.ewb.logic.extraction.Edit edit, List<R> rows) {
    return Optional.empty();
  }
}
