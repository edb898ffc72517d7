package org.ewb.ui.main;

import static org.ewb.logic.l10n.Localization.lang;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Short confirmations that need no answer ("Figure saved to …", "3 tables exported to …"): a
 * ControlsFX notification in the corner of the window that fades after a few seconds, so the
 * reviewer is told without a dialog to dismiss. ADR 0074.
 */
public final class Notices {

  private Notices() {}

  /** The last notice shown (tests read it; the popup itself is transient). */
  private static volatile String last = "";

  public static String last() {
    return last;
  }

  public static void confirm(Window owner, String text) {
    last = text;
    Notifications n =
        Notifications.create()
            .title(lang("app.title"))
            .text(text)
            .position(Pos.BOTTOM_RIGHT)
            .hideAfter(Duration.seconds(6));
    if (owner != null) {
      n.owner(owner);
    }
    n.showInformation();
  }
}
