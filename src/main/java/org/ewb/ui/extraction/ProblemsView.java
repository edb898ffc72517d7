package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.project.OutcomeData;
import org.ewb.logic.validation.Problem;
import org.ewb.logic.validation.ProjectValidator;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.MainViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project-wide Problems list (the same checks as the {@code validate} command). Double-click or
 * Enter on a problem jumps to its cell.
 *
 * <p>On a large project the outcome data not loaded yet is read on a background thread, one outcome
 * at a time, and handed to the cache on the FX thread; the checks then run in the background on an
 * immutable snapshot, so the window never freezes for seconds (ADR 0073).
 */
public final class ProblemsView extends BorderPane {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemsView.class);

  private final MainViewModel main;
  private final ListView<Problem> list = new ListView<>();
  private final Label count = new Label();

  /** Projects up to this size are checked at once on the FX thread (well under 0.1 s). */
  static final long CHECK_AT_ONCE_MEASUREMENTS = 20_000;

  private static final ExecutorService WORKER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ewb-problems");
            t.setDaemon(true);
            return t;
          });

  /** Bumped by each refresh, so that results of an older check are dropped. */
  private int generation;

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
    ProjectCache p = main.project();
    int gen = ++generation;
    if (p.unloadedOutcomes().isEmpty() && p.measurementCount() <= CHECK_AT_ONCE_MEASUREMENTS) {
      show(ProjectValidator.validate(p.snapshot()));
      return;
    }
    count.setText(lang("problems.checking"));
    loadThenCheck(p, gen);
  }

  /** Loads the next outcome not in memory in the background, or checks once all are. */
  private void loadThenCheck(ProjectCache p, int gen) {
    if (gen != generation || main.project() != p) {
      return;
    }
    List<Outcome> todo = p.unloadedOutcomes();
    if (todo.isEmpty()) {
      ProjectData d = p.snapshot();
      WORKER.execute(
          () -> {
            List<Problem> problems = ProjectValidator.validate(d);
            Platform.runLater(
                () -> {
                  if (gen == generation && main.project() == p) {
                    show(problems);
                  }
                });
          });
      return;
    }
    long outcomeId = todo.get(0).id();
    long version = p.dataVersion();
    WORKER.execute(
        () -> {
          try {
            OutcomeData data = p.store().outcomeData(outcomeId);
            Platform.runLater(
                () -> {
                  if (gen == generation && main.project() == p) {
                    // refused if outcome data was written meanwhile: the next round re-reads it
                    p.offer(outcomeId, data, version);
                    loadThenCheck(p, gen);
                  }
                });
          } catch (WorkbenchException e) {
            // e.g. the project was closed while its data was read; a new check starts on reopen
            LOG.info("Problems check stopped: {}", e.getMessage());
          }
        });
  }

  private void show(List<Problem> problems) {
    list.getItems().setAll(problems);
    long errors = problems.stream().filter(Problem::isError).count();
    count.setText(lang("problems.count", errors, problems.size() - errors));
  }
}
