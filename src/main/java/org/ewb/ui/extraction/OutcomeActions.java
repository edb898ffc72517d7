package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.ewb.model.Outcome;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.Dialogs;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.NavItem;

/**
 * Outcome actions of the window: Add / Edit / Move up / Move down / Delete, offered in the
 * navigator's context menu and toolbar and in the Outcome menu; they act on the outcome selected in
 * the navigator.
 */
public final class OutcomeActions {

  private final MainWindow window;
  private final OutcomesViewModel vm;

  public OutcomeActions(MainWindow window) {
    this.window = window;
    this.vm = new OutcomesViewModel(window.viewModel());
  }

  /** Context menu items for a navigator node. */
  public List<MenuItem> contextMenu(NavItem item) {
    List<MenuItem> items = new ArrayList<>();
    if (item.kind() == NavItem.Kind.OUTCOMES
        || item.kind() == NavItem.Kind.OUTCOME
        || item.kind() == NavItem.Kind.TIME_POINT) {
      items.add(menuItem("outcome.add", "ctxAddOutcome", this::add));
    }
    if (item.kind() == NavItem.Kind.OUTCOME || item.kind() == NavItem.Kind.TIME_POINT) {
      items.add(menuItem("outcome.edit", "ctxEditOutcome", this::edit));
      items.add(menuItem("outcome.moveUp", "ctxMoveOutcomeUp", () -> move(-1)));
      items.add(menuItem("outcome.moveDown", "ctxMoveOutcomeDown", () -> move(1)));
      items.add(new SeparatorMenuItem());
      items.add(menuItem("outcome.delete", "ctxDeleteOutcome", this::delete));
    }
    return items;
  }

  /** The navigator toolbar's buttons. */
  public List<Node> toolbar() {
    return List.of(
        button("+", "outcome.add", "navAddOutcome", this::add),
        button("\u270e", "outcome.edit", "navEditOutcome", this::edit),
        button("\u25b2", "outcome.moveUp", "navMoveOutcomeUp", () -> move(-1)),
        button("\u25bc", "outcome.moveDown", "navMoveOutcomeDown", () -> move(1)),
        button("\u00d7", "outcome.delete", "navDeleteOutcome", this::delete));
  }

  /** The Outcome menu of the menu bar. */
  public Menu menu() {
    Menu m = new Menu(lang("menu.outcome"));
    m.setId("menuOutcome");
    MenuItem edit = menuItem("outcome.edit", "menuEditOutcome", this::edit);
    MenuItem up = menuItem("outcome.moveUp", "menuMoveOutcomeUp", () -> move(-1));
    MenuItem down = menuItem("outcome.moveDown", "menuMoveOutcomeDown", () -> move(1));
    MenuItem delete = menuItem("outcome.delete", "menuDeleteOutcome", this::delete);
    m.getItems()
        .addAll(
            menuItem("outcome.add", "menuAddOutcome", this::add),
            edit,
            up,
            down,
            new SeparatorMenuItem(),
            delete);
    m.setOnShowing(
        e -> {
          boolean none = selected().isEmpty();
          for (MenuItem x : List.of(edit, up, down, delete)) {
            x.setDisable(none);
          }
        });
    return m;
  }

  private MenuItem menuItem(String key, String id, Runnable action) {
    MenuItem m = new MenuItem(lang(key));
    m.setId(id);
    m.setOnAction(e -> window.run(action));
    return m;
  }

  private Button button(String glyph, String key, String id, Runnable action) {
    Button b = new Button(glyph);
    b.setId(id);
    b.setTooltip(new Tooltip(lang(key)));
    b.setFocusTraversable(false);
    b.setOnAction(e -> window.run(action));
    return b;
  }

  private Optional<Outcome> selected() {
    NavItem item = window.selectedItem();
    if (window.viewModel().project() == null
        || (item.kind() != NavItem.Kind.OUTCOME && item.kind() != NavItem.Kind.TIME_POINT)) {
      return Optional.empty();
    }
    return window.viewModel().project().outcome(item.id());
  }

  private Outcome require() {
    return selected()
        .orElseThrow(
            () ->
                new WorkbenchException(WorkbenchException.Kind.USAGE, lang("outcome.selectFirst")));
  }

  void add() {
    if (window.viewModel().project() == null) {
      throw new WorkbenchException(WorkbenchException.Kind.USAGE, lang("error.noProject"));
    }
    OutcomeDialog.show(window.stage(), null)
        .ifPresent(
            o -> {
              Outcome added = vm.add(o);
              window.navigate(NavItem.Kind.OUTCOME, added.id());
            });
  }

  void edit() {
    Outcome o = require();
    OutcomeDialog.show(window.stage(), o).ifPresent(vm::update);
  }

  void move(int delta) {
    Outcome o = require();
    vm.move(o, delta);
    window.navigate(NavItem.Kind.OUTCOME, o.id());
  }

  void delete() {
    Outcome o = require();
    int n = vm.dataCount(o);
    if (Dialogs.confirm(window.stage(), lang("outcome.confirmDelete", o.name(), n))) {
      vm.delete(o);
      window.navigate(NavItem.Kind.OUTCOMES, 0);
    }
  }
}
