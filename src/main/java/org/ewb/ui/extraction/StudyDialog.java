package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;

/** Edits a study's bibliographic details and status. */
final class StudyDialog {

  private StudyDialog() {}

  static Optional<Study> show(Window owner, Study s) {
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle(lang("study.details", s.label()));
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    org.ewb.ui.main.Dialogs.localizeButtons(d.getDialogPane());
    TextField label = new TextField(s.label());
    TextField authors = new TextField(s.authors());
    TextField year = new TextField(s.year() == null ? "" : s.year().toString());
    TextArea title = new TextArea(s.title());
    title.setPrefRowCount(2);
    title.setWrapText(true);
    TextField journal = new TextField(s.journal());
    TextField doi = new TextField(s.doi());
    TextField pmid = new TextField(s.pmid());
    TextField reg = new TextField(s.registration());
    TextField country = new TextField(s.country());
    TextField design = new TextField(s.design());
    TextArea notes = new TextArea(s.notes());
    notes.setPrefRowCount(2);
    notes.setWrapText(true);
    ComboBox<StudyStatus> status = new ComboBox<>();
    status.getItems().setAll(StudyStatus.values());
    status.setValue(s.status());
    status.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(StudyStatus x) {
            return x == null ? "" : CharacteristicsViewModel.statusText(x);
          }

          @Override
          public StudyStatus fromString(String x) {
            return null;
          }
        });
    Label yearProblem = new Label();
    yearProblem.getStyleClass().add("details-problem");
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    int r = 0;
    g.addRow(r++, new Label(lang("study.label")), label);
    g.addRow(r++, new Label(lang("study.authors")), authors);
    g.addRow(r++, new Label(lang("study.year")), year, yearProblem);
    g.addRow(r++, new Label(lang("study.title")), title);
    g.addRow(r++, new Label(lang("study.journal")), journal);
    g.addRow(r++, new Label("DOI"), doi);
    g.addRow(r++, new Label("PMID"), pmid);
    g.addRow(r++, new Label(lang("study.registration")), reg);
    g.addRow(r++, new Label(lang("study.country")), country);
    g.addRow(r++, new Label(lang("study.design")), design);
    g.addRow(r++, new Label(lang("study.status")), status);
    g.addRow(r, new Label(lang("study.notes")), notes);
    d.getDialogPane().setContent(g);
    // a year that is not a number cannot be stored in the study record: say so, keep the dialog
    year.textProperty()
        .addListener(
            (o, a, b) ->
                yearProblem.setText(
                    b.isBlank() || b.strip().matches("\\d{4}") ? "" : lang("invalid.year", b)));
    d.getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(label.textProperty().isEmpty().or(yearProblem.textProperty().isNotEmpty()));
    return d.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .map(
            b ->
                new Study(
                    s.id(),
                    s.key(),
                    label.getText().strip(),
                    authors.getText().strip(),
                    year.getText().isBlank() ? null : Integer.valueOf(year.getText().strip()),
                    title.getText().strip(),
                    journal.getText().strip(),
                    doi.getText().strip(),
                    pmid.getText().strip(),
                    reg.getText().strip(),
                    country.getText().strip(),
                    design.getText().strip(),
                    notes.getText(),
                    status.getValue(),
                    s.displayOrder()));
  }
}
