package org.ewb.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ewb.logic.figure.FigureRequest;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The analysis view headless on a copy of the BCG sample: an edit committed to the project (as a
 * grid does) changes the pooled result shown, without a manual refresh.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisViewTest {

  private ProjectRepository repo;
  private AnalysisViewModel vm;
  private Stage stage;

  @Start
  void start(Stage primary) throws Exception {
    // a stage of our own: other test classes may leave handlers on the shared primary stage
    this.stage = new Stage();
    Path copy = Files.createTempFile("analysis-view", ".ewb");
    Files.delete(copy);
    try (ProjectRepository sample =
        SqliteProjectStore.open(Path.of("sample-projects/bcg-vaccine.ewb"))) {
      sample.saveAs(copy);
    }
    repo = SqliteProjectStore.open(copy);
    vm = new AnalysisViewModel(repo);
    stage.setScene(new Scene(new AnalysisView(vm), 1200, 800));
    stage.show();
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(
        () -> {
          stage.hide();
          repo.close();
        });
  }

  @Test
  void showsTheBcgForestPlotWithMetaforsPooledResult(FxRobot robot) {
    Label summary = robot.lookup("#analysis-summary").queryAs(Label.class);
    // metafor bcg__RR__REML: exp(estimate) 0.4894, CI 0.3441 to 0.6962, tau2 0.3132
    assertEquals("Risk Ratio 0.489 [0.344, 0.696]; τ² = 0.3132; I² = 92.2%", summary.getText());
    assertNotNull(vm.figureProperty().get());
  }

  @Test
  void editingACellChangesThePooledTextWithoutARefresh(FxRobot robot) {
    Label summary = robot.lookup("#analysis-summary").queryAs(Label.class);
    String before = summary.getText();
    robot.interact(
        () -> {
          ProjectData d = repo.snapshot();
          Study aronson =
              d.studies().stream()
                  .filter(s -> s.label().equals("Aronson 1948"))
                  .findFirst()
                  .orElseThrow();
          Measurement m =
              d.measurements().stream()
                  .filter(x -> x.studyId() == aronson.id() && x.events().text().equals("4"))
                  .findFirst()
                  .orElseThrow();
          repo.putMeasurement(
              new Measurement(
                  m.id(),
                  m.studyId(),
                  m.outcomeId(),
                  m.armId(),
                  m.timePointId(),
                  m.n(),
                  m.mean(),
                  m.sd(),
                  CellText.of("40"),
                  m.total(),
                  m.reported(),
                  m.derivation(),
                  m.provenance()));
        });
    assertNotEquals(before, summary.getText());
    assertTrue(summary.getText().startsWith("Risk Ratio "), summary.getText());
  }

  @Test
  void anInvalidCellShowsTheReasonInsteadOfAFigure(FxRobot robot) {
    robot.interact(
        () -> {
          ProjectData d = repo.snapshot();
          Measurement m = d.measurements().get(0);
          repo.putMeasurement(
              new Measurement(
                  m.id(),
                  m.studyId(),
                  m.outcomeId(),
                  m.armId(),
                  m.timePointId(),
                  m.n(),
                  m.mean(),
                  m.sd(),
                  CellText.of("12a"),
                  m.total(),
                  m.reported(),
                  m.derivation(),
                  m.provenance()));
        });
    Label message = robot.lookup("#analysis-message").queryAs(Label.class);
    assertTrue(message.getText().contains("12a"), message.getText());
    assertNull(vm.figureProperty().get());
  }

  @Test
  void switchingToTheFunnelPlotKeepsTheAnalysis(FxRobot robot) {
    robot.interact(() -> vm.kindProperty().set(FigureRequest.Kind.FUNNEL));
    assertTrue(
        vm.figureProperty().get() instanceof org.ewb.logic.figure.FunnelPlotRenderer,
        String.valueOf(vm.figureProperty().get()));
  }

  @Test
  void aSavedAnalysisReopensWithItsSettings(FxRobot robot) {
    robot.interact(
        () -> {
          vm.subgroupProperty().set("alloc");
          vm.modelProperty().set("DL");
          vm.save("BCG by allocation");
          vm.subgroupProperty().set(null);
          vm.modelProperty().set("REML");
        });
    assertEquals(1, vm.savedAnalyses().size());
    String reml = vm.summaryProperty().get();
    robot.interact(() -> vm.open(vm.savedAnalyses().get(0)));
    assertEquals("alloc", vm.subgroupProperty().get());
    assertEquals("DL", vm.modelProperty().get());
    assertNotEquals(reml, vm.summaryProperty().get());
    assertEquals(1, repo.snapshot().analyses().size());
  }
}
