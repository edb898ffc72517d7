package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.ewb.logic.validation.Problem;
import org.ewb.logic.validation.ProjectValidator;
import org.ewb.ui.main.MainViewModel;

/**
 * The project-wide Problems list (the same checks as the {@code validate} command). Double-click or
 * Enter on a problem jumps to its cell.
 */
public final class ProblemsView extends BorderPane {

  private final MainViewModel main;
  private final ListView<Problem> list = new ListView<>();
  private final Label count = new Label();

  public ProblemsView(MainViewModel main, Consumer<Problem> jump) {
    this.main = main;
    setId("problemsView");
    list.setId("problemsList");
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (empty || p == null) {
                  setText(null);
                } else {
                  setText((p.isError() ? "\u2716 " : "\u26a0 ") + p.message());
                  getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
                }
              }
            });
    list.setPlaceholder(new Label(lang("problems.none")));
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
            jump.accept(list.getSelectionModel().getSelectedItem());
          }
        });
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
            jump.accept(list.getSelectionModel().getSelectedItem());
          }
        });
    Button refresh = new Button(lang("problems.refresh"));
    refresh.setOnAction(e -> refresh());
    Label head = new Label(lang("problems.title"));
    head.getStyleClass().add("section-title");
    setTop(new ToolBar(head, refresh, count));
    setCenter(list);
    refresh();
  }

  public ListView<Problem> list() {
    return list;
  }

  /** Re-runs every check on the project. */
  public void refresh() {
    if (main.project() == null) {
      list.getItems().clear();
      return;
    }
    list.getItems().setAll(ProjectValidator.validate(main.project().snapshot()));
    long errors = list.getItems().stream().filter(Problem::isError).count();
    count.setText(lang("problems.count", errors, list.getItems().size() - errors));
  }
}
