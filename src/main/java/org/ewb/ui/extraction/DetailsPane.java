package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Provenance;
import org.ewb.model.ProvenanceSource;
import org.ewb.model.WorkbenchException;

/**
 * The details pane beside a grid: where the selected cell is, its value, why it is invalid, how it
 * was derived, and its provenance (source, location, quote, note), which can be edited here.
 */
public final class DetailsPane<R> extends ScrollPane {

  private final SpreadsheetTable<R> sheet;
  private final Label place = new Label();
  private final Label value = new Label();
  private final Label problem = new Label();
  private final Label derivation = new Label();
  private final Label otherLanguage = new Label();
  private final ComboBox<String> source = new ComboBox<>();
  private final TextField location = new TextField();
  private final TextArea quote = new TextArea();
  private final TextArea note = new TextArea();
  private final Button save = new Button(lang("details.saveProvenance"));
  private final VBox provenanceBox;
  private final VBox extra = new VBox(6);
  private R row;
  private int column = -1;

  public DetailsPane(SpreadsheetTable<R> sheet) {
    this.sheet = sheet;
    setId("detailsPane");
    getStyleClass().add("details-pane");
    setFitToWidth(true);
    place.getStyleClass().add("details-place");
    place.setWrapText(true);
    value.setWrapText(true);
    value.setId("detailsValue");
    problem.getStyleClass().add("details-problem");
    problem.setWrapText(true);
    problem.setId("detailsProblem");
    derivation.getStyleClass().add("details-derived");
    derivation.setWrapText(true);
    otherLanguage.setWrapText(true);
    otherLanguage.setId("detailsOtherLanguage");
    source.getItems().add(lang("provenance.none"));
    for (ProvenanceSource s : ProvenanceSource.values()) {
      source.getItems().add(lang("provenance." + s.name().toLowerCase(Locale.ROOT)));
    }
    source.setMaxWidth(Double.MAX_VALUE);
    quote.setWrapText(true);
    quote.setPrefRowCount(3);
    quote.setId("provenanceQuote");
    note.setWrapText(true);
    note.setPrefRowCount(2);
    location.setId("provenanceLocation");
    save.setId("saveProvenance");
    save.setOnAction(e -> saveProvenance());
    provenanceBox =
        new VBox(
            4,
            heading(lang("details.provenance")),
            new Label(lang("provenance.source")),
            source,
            new Label(lang("provenance.location")),
            location,
            new Label(lang("provenance.quote")),
            quote,
            new Label(lang("provenance.note")),
            note,
            save);
    VBox box =
        new VBox(
            6,
            heading(lang("details.cell")),
            place,
            value,
            otherLanguage,
            problem,
            derivation,
            provenanceBox,
            extra);
    box.setPadding(new Insets(8));
    setContent(box);
    sheet.table().getFocusModel().focusedCellProperty().addListener((o, a, b) -> show(b));
    show(null);
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-title");
    return l;
  }

  /** Space below the provenance for view-specific details (reported forms). */
  public VBox extra() {
    return extra;
  }

  /** The row and model column shown, or null. */
  public R row() {
    return row;
  }

  public int column() {
    return column;
  }

  /** Re-reads the shown cell (after any change). */
  public void refresh() {
    show(sheet.table().getFocusModel().getFocusedCell());
  }

  private void show(TablePosition<R, ?> pos) {
    SheetModel<R> m = sheet.model();
    if (pos == null
        || pos.getRow() < 0
        || pos.getRow() >= sheet.table().getItems().size()
        || pos.getTableColumn() == null) {
      row = null;
      column = -1;
      place.setText(lang("details.noCell"));
      value.setText("");
      problem.setText("");
      derivation.setText("");
      otherLanguage.setText("");
      provenanceBox.setDisable(true);
      return;
    }
    row = sheet.table().getItems().get(pos.getRow());
    column = (Integer) pos.getTableColumn().getUserData();
    place.setText(m.place(row, column));
    String v = m.text(row, column);
    value.setText(v.isEmpty() ? lang("details.empty") : lang("details.valueIs", v));
    Optional<String> other = m.otherLanguageText(row, column);
    // a text field: the other language's text too, so both can be read side by side
    otherLanguage.setText(
        other
            .map(
                t ->
                    lang(
                        "details.otherLanguage." + Localization.language(),
                        t.isEmpty() ? lang("details.none") : t))
            .orElse(""));
    otherLanguage.setVisible(other.isPresent());
    otherLanguage.setManaged(other.isPresent());
    Optional<String> pr = m.problem(row, column);
    problem.setText(pr.orElse(""));
    problem.setVisible(pr.isPresent());
    problem.setManaged(pr.isPresent());
    Optional<String> d = m.derivation(row, column);
    derivation.setText(d.map(x -> lang("details.derived", x)).orElse(""));
    derivation.setManaged(d.isPresent());
    derivation.setVisible(d.isPresent());
    boolean slot = m.hasProvenanceSlot(row, column);
    provenanceBox.setDisable(!slot);
    Provenance p = slot ? m.provenance(row, column) : Provenance.NONE;
    source.getSelectionModel().select(p.source() == null ? 0 : p.source().ordinal() + 1);
    location.setText(p.location());
    quote.setText(p.quote());
    note.setText(p.note());
  }

  private void saveProvenance() {
    if (row == null) {
      return;
    }
    int s = source.getSelectionModel().getSelectedIndex();
    Provenance p =
        new Provenance(
            s <= 0 ? null : ProvenanceSource.values()[s - 1],
            location.getText(),
            quote.getText(),
            note.getText());
    try {
      sheet.model().setProvenance(row, column, p);
    } catch (WorkbenchException e) {
      problem.setText(e.getMessage());
      problem.setVisible(true);
      problem.setManaged(true);
    }
    sheet.table().refresh();
  }
}
