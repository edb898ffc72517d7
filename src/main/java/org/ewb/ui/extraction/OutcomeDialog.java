package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.ui.main.Dialogs;

/**
 * Adds or edits an outcome: name in English and Chinese, kind (continuous / dichotomous / generic
 * estimate), unit, which direction is better, the effect measure analyses start from, and the
 * decimals tables and figures show.
 */
final class OutcomeDialog {

  private OutcomeDialog() {}

  /** The measures offered per kind; "" is the kind's usual one. */
  static List<String> measures(OutcomeKind kind) {
    return switch (kind) {
      case CONTINUOUS -> List.of("", "MD", "SMD");
      case DICHOTOMOUS -> List.of("", "RR", "OR", "RD");
      case GENERIC -> List.of("", "GEN");
    };
  }

  static String measureText(String m) {
    return m.isEmpty() ? lang("outcome.measure.usual") : lang("outcome.measure." + m);
  }

  static Optional<Outcome> show(Window owner, Outcome o) {
    Outcome f = o != null ? o : new Outcome(0, "", OutcomeKind.CONTINUOUS, "", false, 0);
    Dialog<ButtonType> d = new Dialog<>();
    d.setHeaderText(null);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Dialogs.prepare(d, owner, lang(o == null ? "outcome.add" : "outcome.edit"));
    d.getDialogPane().setId("outcomeDialog");
    TextField name = new TextField(f.name());
    name.setId("outcomeName");
    TextField nameZh = new TextField(f.nameZh());
    nameZh.setId("outcomeNameZh");
    ComboBox<String> kind = new ComboBox<>();
    kind.setId("outcomeKind");
    for (OutcomeKind k : OutcomeKind.values()) {
      kind.getItems().add(kindText(k));
    }
    kind.setValue(kindText(f.kind()));
    TextField unit = new TextField(f.unit());
    unit.setId("outcomeUnit");
    ComboBox<String> direction = new ComboBox<>();
    direction.setId("outcomeDirection");
    direction.getItems().addAll(lang("outcome.higherBetter"), lang("outcome.lowerBetter"));
    direction.setValue(direction.getItems().get(f.lowerIsBetter() ? 1 : 0));
    ComboBox<String> measure = new ComboBox<>();
    measure.setId("outcomeMeasure");
    Runnable fillMeasures =
        () -> {
          OutcomeKind k = kindOf(kind.getValue());
          String keep = measure.getValue();
          measure.getItems().setAll(measures(k).stream().map(OutcomeDialog::measureText).toList());
          measure.setValue(measure.getItems().contains(keep) ? keep : measure.getItems().get(0));
        };
    fillMeasures.run();
    if (measures(f.kind()).contains(f.defaultMeasure())) {
      measure.setValue(measureText(f.defaultMeasure()));
    }
    kind.valueProperty().addListener((x, a, b) -> fillMeasures.run());
    TextField decimals = new TextField(f.decimals() == null ? "" : f.decimals().toString());
    decimals.setId("outcomeDecimals");
    decimals.setPromptText(lang("outcome.decimalsAuto"));
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.addRow(0, new Label(lang("outcome.name")), name);
    g.addRow(1, new Label(lang("outcome.nameZh")), nameZh);
    g.addRow(2, new Label(lang("outcome.kind")), kind);
    g.addRow(3, new Label(lang("outcome.unit")), unit);
    g.addRow(4, new Label(lang("outcome.direction")), direction);
    g.addRow(5, new Label(lang("outcome.measure")), measure);
    g.addRow(6, new Label(lang("outcome.decimals")), decimals);
    Label hint = new Label();
    hint.getStyleClass().add("message");
    g.add(hint, 0, 7, 2, 1);
    d.getDialogPane().setContent(g);
    d.getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> {
                  boolean noName = name.getText().isBlank() && nameZh.getText().isBlank();
                  boolean badDecimals = parseDecimals(decimals.getText()).isEmpty();
                  hint.setText(badDecimals ? lang("outcome.decimalsInvalid") : "");
                  return noName || badDecimals;
                },
                name.textProperty(),
                nameZh.textProperty(),
                decimals.textProperty()));
    Platform.runLater(name::requestFocus);
    return d.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .map(
            b -> {
              OutcomeKind k = kindOf(kind.getValue());
              List<String> ms = measures(k);
              String m = ms.get(Math.max(0, measure.getItems().indexOf(measure.getValue())));
              String n = name.getText().strip();
              return new Outcome(
                  f.id(),
                  n.isEmpty() ? nameZh.getText().strip() : n,
                  k,
                  unit.getText().strip(),
                  direction.getItems().indexOf(direction.getValue()) == 1,
                  f.displayOrder(),
                  nameZh.getText().strip(),
                  m,
                  parseDecimals(decimals.getText()).get().orElse(null));
            });
  }

  /**
   * Empty text: automatic (inner empty); 0..10: that many; anything else: invalid (outer empty).
   */
  static Optional<Optional<Integer>> parseDecimals(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Optional.of(Optional.empty());
    }
    try {
      int v = Integer.parseInt(t);
      return v >= 0 && v <= 10 ? Optional.of(Optional.of(v)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String kindText(OutcomeKind k) {
    return lang("kind." + k.name().toLowerCase(Locale.ROOT));
  }

  private static OutcomeKind kindOf(String text) {
    for (OutcomeKind k : OutcomeKind.values()) {
      if (kindText(k).equals(text)) {
        return k;
      }
    }
    return OutcomeKind.CONTINUOUS;
  }
}
