package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.ewb.model.CharacteristicField;
import org.ewb.model.FieldType;

/** Asks for a characteristic field's labels (English and Chinese), type, unit, choices, group. */
final class FieldDialog {

  private FieldDialog() {}

  /** Shows the dialog; {@code field} is the field to edit, or null for a new one. */
  static Optional<CharacteristicField> show(Window owner, CharacteristicField field) {
    CharacteristicField f =
        field != null
            ? field
            : new CharacteristicField(0, "", "", "", FieldType.TEXT, "", List.of(), "", "", 0);
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle(lang(field == null ? "field.add" : "field.edit"));
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    org.ewb.ui.main.Dialogs.localizeButtons(d.getDialogPane());
    TextField labelEn = new TextField(f.labelEn());
    labelEn.setId("fieldLabelEn");
    TextField labelZh = new TextField(f.labelZh());
    labelZh.setId("fieldLabelZh");
    ComboBox<FieldType> type = new ComboBox<>();
    type.setId("fieldType");
    type.getItems().setAll(FieldType.values());
    type.setValue(f.type());
    type.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(FieldType t) {
            return t == null ? "" : lang("fieldType." + t.name().toLowerCase(Locale.ROOT));
          }

          @Override
          public FieldType fromString(String s) {
            return null;
          }
        });
    TextField unit = new TextField(f.unit());
    unit.setId("fieldUnit");
    TextField choices = new TextField(String.join("; ", f.choices()));
    choices.setId("fieldChoices");
    choices.setPromptText(lang("field.choicesPrompt"));
    TextField groupEn = new TextField(f.groupEn());
    TextField groupZh = new TextField(f.groupZh());
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    int r = 0;
    g.addRow(r++, new Label(lang("field.labelEn")), labelEn);
    g.addRow(r++, new Label(lang("field.labelZh")), labelZh);
    g.addRow(r++, new Label(lang("field.type")), type);
    g.addRow(r++, new Label(lang("field.unit")), unit);
    g.addRow(r++, new Label(lang("field.choices")), choices);
    g.addRow(r++, new Label(lang("field.groupEn")), groupEn);
    g.addRow(r, new Label(lang("field.groupZh")), groupZh);
    d.getDialogPane().setContent(g);
    d.getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(labelEn.textProperty().isEmpty().and(labelZh.textProperty().isEmpty()));
    javafx.application.Platform.runLater(labelEn::requestFocus);
    return d.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .map(
            b ->
                new CharacteristicField(
                    f.id(),
                    f.key(),
                    labelEn.getText().strip(),
                    labelZh.getText().strip(),
                    type.getValue(),
                    unit.getText().strip(),
                    Arrays.stream(choices.getText().split(";"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                    groupEn.getText().strip(),
                    groupZh.getText().strip(),
                    f.displayOrder()));
  }
}
