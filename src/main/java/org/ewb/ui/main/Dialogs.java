package org.ewb.ui.main;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * Dialogs in the workbench's language: JavaFX names its buttons and alert titles from the JVM's
 * locale ("Confirmation", "OK"), not from the language the reviewer chose, so every dialog goes
 * through here.
 */
public final class Dialogs {

  private static final Map<ButtonType, String> KEYS =
      Map.of(
          ButtonType.OK, "button.ok",
          ButtonType.CANCEL, "button.cancel",
          ButtonType.YES, "button.yes",
          ButtonType.NO, "button.no",
          ButtonType.CLOSE, "button.close",
          ButtonType.APPLY, "button.apply");

  private Dialogs() {}

  /** Names a dialog's standard buttons in the current language. */
  public static void localizeButtons(DialogPane pane) {
    for (ButtonType t : pane.getButtonTypes()) {
      String key = KEYS.get(t);
      if (key != null && pane.lookupButton(t) instanceof Button b) {
        b.setText(lang(key));
      }
    }
  }

  /** Titles a dialog with the program's name and localizes its buttons. */
  public static <T> Dialog<T> prepare(Dialog<T> d, Window owner, String title) {
    if (owner != null) {
      d.initOwner(owner);
    }
    d.setTitle(title == null ? lang("app.title") : title);
    localizeButtons(d.getDialogPane());
    return d;
  }

  /** Asks OK / Cancel; true for OK. */
  public static boolean confirm(Window owner, String text) {
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
    a.setHeaderText(null);
    prepare(a, owner, lang("app.title"));
    return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }

  /** Shows a message (not waiting). */
  public static void inform(Window owner, Alert.AlertType type, String text) {
    Alert a = new Alert(type, text, ButtonType.OK);
    a.setHeaderText(null);
    prepare(a, owner, lang("app.title"));
    a.show();
  }

  /** A one-line text question; empty when cancelled. */
  public static Optional<String> ask(
      Window owner, String title, String header, String prompt, String initial) {
    TextInputDialog d = new TextInputDialog(initial == null ? "" : initial);
    d.setHeaderText(header);
    d.setContentText(prompt);
    prepare(d, owner, title);
    return d.showAndWait();
  }
}
