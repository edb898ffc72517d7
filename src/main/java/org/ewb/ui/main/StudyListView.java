package org.ewb.ui.main;

import static org.ewb.logic.l10n.Localization.lang;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.ewb.model.Arm;
import org.ewb.model.Study;

/**
 * The study list (label, year, country, design, status) with the selected study's characteristics
 * and arms below it, read-only. Binds to {@link MainViewModel}.
 */
public final class StudyListView extends SplitPane {

  private final TableView<Study> table = new TableView<>();

  public StudyListView(MainViewModel vm) {
    setOrientation(Orientation.VERTICAL);
    setId("studyList");
    table.setId("studyTable");
    table.setItems(vm.studies());
    table.getColumns().add(column(lang("study.label"), 180, s -> s.label()));
    TableColumn<Study, Integer> year = new TableColumn<>(lang("study.year"));
    year.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().year()));
    year.setPrefWidth(60);
    table.getColumns().add(year);
    table.getColumns().add(column(lang("study.country"), 120, s -> s.country()));
    table.getColumns().add(column(lang("study.design"), 200, s -> s.design()));
    table
        .getColumns()
        .add(
            column(
                lang("study.status"),
                140,
                s -> lang("status." + s.status().name().toLowerCase(java.util.Locale.ROOT))));
    table.setPlaceholder(new Label(lang("studies.none")));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, b) -> vm.selectedStudyProperty().set(b));
    vm.selectedStudyProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
              }
            });
    if (vm.selectedStudyProperty().get() != null) {
      table.getSelectionModel().select(vm.selectedStudyProperty().get());
    } else if (!table.getItems().isEmpty()) {
      // show a study's details at once rather than an empty pane
      table.getSelectionModel().select(0);
    }

    TableView<MainViewModel.CharacteristicRow> chars =
        new TableView<>(vm.selectedCharacteristics());
    chars.setId("characteristicsTable");
    chars.getColumns().add(rowColumn(lang("details.group"), 140, r -> r.group()));
    chars.getColumns().add(rowColumn(lang("details.field"), 200, r -> r.label()));
    chars.getColumns().add(rowColumn(lang("details.value"), 260, r -> r.value()));
    chars.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    chars.setPlaceholder(new Label(lang("details.selectStudy")));

    TableView<Arm> arms = new TableView<>(vm.selectedArms());
    arms.setId("armsTable");
    arms.getColumns().add(armColumn(lang("arm.label"), 140, a -> a.label()));
    arms.getColumns()
        .add(
            armColumn(
                lang("arm.role"),
                110,
                a -> lang("role." + a.role().name().toLowerCase(java.util.Locale.ROOT))));
    arms.getColumns().add(armColumn(lang("arm.intervention"), 240, a -> a.intervention()));
    arms.getColumns()
        .add(
            armColumn(
                lang("arm.randomised"),
                90,
                a -> a.randomised() == null ? "" : a.randomised().toString()));
    arms.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    arms.setPlaceholder(new Label(""));

    SplitPane details =
        new SplitPane(
            titled(lang("details.characteristics"), chars), titled(lang("details.arms"), arms));
    details.setDividerPositions(0.6);
    getItems().addAll(table, details);
    setDividerPositions(0.55);
  }

  public TableView<Study> table() {
    return table;
  }

  private static BorderPane titled(String title, javafx.scene.Node content) {
    BorderPane p = new BorderPane(content);
    Label l = new Label(title);
    l.getStyleClass().add("section-title");
    p.setTop(new VBox(l));
    return p;
  }

  private static TableColumn<Study, String> column(
      String title, double width, java.util.function.Function<Study, String> f) {
    TableColumn<Study, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static TableColumn<MainViewModel.CharacteristicRow, String> rowColumn(
      String title,
      double width,
      java.util.function.Function<MainViewModel.CharacteristicRow, String> f) {
    TableColumn<MainViewModel.CharacteristicRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static TableColumn<Arm, String> armColumn(
      String title, double width, java.util.function.Function<Arm, String> f) {
    TableColumn<Arm, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
