package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.ewb.logic.extraction.TimePointText;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Outcome;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.NavItem;

/**
 * The Outcomes node's page: what outcomes the review has (name, kind, unit, time points), how to
 * add one when there is none, and a double-click to open an outcome's grid.
 */
public final class OutcomesOverview extends VBox {

  public OutcomesOverview(MainWindow window, OutcomeActions actions) {
    super(10);
    setId("outcomesOverview");
    setPadding(new Insets(12));
    Label title = new Label(lang("outcomes.title"));
    title.getStyleClass().add("section-title");
    Button add = new Button(lang("outcome.add"));
    add.setId("overviewAddOutcome");
    add.setOnAction(e -> window.run(actions::add));
    Label none = new Label(lang("outcomes.none"));
    none.setWrapText(true);
    TableView<Outcome> table = new TableView<>(window.viewModel().outcomes());
    table.setId("outcomesTable");
    String language = Localization.language();
    table.getColumns().add(column(lang("outcome.name"), 260, o -> o.name(language)));
    table
        .getColumns()
        .add(column(lang("outcome.kind"), 220, o -> OutcomeDialog.kindText(o.kind())));
    table.getColumns().add(column(lang("outcome.unit"), 90, Outcome::unit));
    table
        .getColumns()
        .add(
            column(
                lang("outcomes.timePoints"),
                300,
                o ->
                    window.viewModel().project() == null
                        ? ""
                        : window.viewModel().project().timePointsOf(o.id()).stream()
                            .map(TimePointText::of)
                            .collect(Collectors.joining(", "))));
    table.setPlaceholder(none);
    table.setRowFactory(
        t -> {
          TableRow<Outcome> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                  window.navigate(NavItem.Kind.OUTCOME, row.getItem().id());
                }
              });
          return row;
        });
    VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    getChildren().addAll(title, add, table);
  }

  private static TableColumn<Outcome, String> column(
      String title, double width, java.util.function.Function<Outcome, String> f) {
    TableColumn<Outcome, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
