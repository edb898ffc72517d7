package org.ewb.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Study;
import org.ewb.testing.FakeRepositories;
import org.ewb.ui.WorkbenchApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless: it opens a project and lists its studies. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  private MainWindow window;
  private WorkbenchSettings settings;

  @Start
  void start(Stage stage) {
    settings = WorkbenchSettings.inMemory();
    settings.setLanguage("en");
    window =
        WorkbenchApp.open(
            stage, p -> FakeRepositories.sample(), (p, t) -> FakeRepositories.empty(t), settings);
    window.viewModel().install(FakeRepositories.sample());
    stage.show();
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(() -> window.stage().hide());
    settings.clear();
    Localization.setLocale(Locale.ENGLISH);
  }

  @Test
  void showsTheProjectsStudiesInTheList(FxRobot robot) {
    TableView<Study> table = robot.lookup("#studyTable").queryTableView();
    assertEquals(3, table.getItems().size());
    assertEquals("张 2012", table.getItems().get(1).label());
    assertEquals("Evidence Workbench — Stem cells for diabetes", window.stage().getTitle());
  }

  @Test
  void clickingAStudyShowsItsCharacteristics(FxRobot robot) {
    robot.clickOn("Hu 2013");
    TableView<?> chars = robot.lookup("#characteristicsTable").queryTableView();
    assertEquals(3, chars.getItems().size());
    TableView<?> arms = robot.lookup("#armsTable").queryTableView();
    assertEquals(2, arms.getItems().size());
  }

  @Test
  void switchingToChineseRelabelsTheWindowAndIsRemembered(FxRobot robot) {
    robot.interact(() -> window.switchLanguage(Localization.CHINESE));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("证据工作台 — Stem cells for diabetes", window.stage().getTitle());
    assertTrue(robot.lookup("研究").tryQuery().isPresent());
    assertEquals("zh", settings.language());
    TableView<Study> table = robot.lookup("#studyTable").queryTableView();
    assertEquals(3, table.getItems().size());
  }

  /** What the platform sends a node on a right click or the menu key (Monocle sends none). */
  private static void requestContextMenu(FxRobot robot, javafx.scene.Node node) {
    robot.interact(
        () -> {
          javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
          node.fireEvent(
              new javafx.scene.input.ContextMenuEvent(
                  javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                  5,
                  5,
                  b.getMinX() + 5,
                  b.getMinY() + 5,
                  false,
                  null));
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static javafx.scene.Node navigatorCell(FxRobot robot, String text) {
    return robot
        .lookup(".tree-cell")
        .match(
            (javafx.scene.control.TreeCell<?> c) -> c.getItem() != null && text.equals(c.getText()))
        .query();
  }

  /** The context menu of a navigator node is built when asked for (start-up, ADR 0132). */
  @Test
  void rightClickingANavigatorNodeShowsItsMenu(FxRobot robot) {
    javafx.scene.Node outcomes = navigatorCell(robot, "Outcomes");
    requestContextMenu(robot, outcomes);
    java.util.List<String> ids =
        robot.listWindows().stream()
            .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
            .flatMap(w -> ((javafx.scene.control.ContextMenu) w).getItems().stream())
            .map(javafx.scene.control.MenuItem::getId)
            .toList();
    assertEquals(java.util.List.of("ctxAddOutcome"), ids);
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    javafx.scene.Node studies = navigatorCell(robot, "Studies");
    requestContextMenu(robot, studies);
    assertTrue(
        robot.listWindows().stream()
            .noneMatch(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing()),
        "the Studies node has no menu");
  }

  @Test
  void eachNavigatorNodeShowsItsView(FxRobot robot) {
    long outcome = window.viewModel().outcomes().get(0).id();
    robot.interact(() -> window.navigate(NavItem.Kind.CHARACTERISTICS, 0));
    assertEquals("characteristicsView", window.centreView().getId());
    robot.interact(() -> window.navigate(NavItem.Kind.OUTCOME, outcome));
    assertEquals("outcomeView", window.centreView().getId());
    robot.interact(() -> window.navigate(NavItem.Kind.PROBLEMS, 0));
    assertEquals("problemsView", window.centreView().getId());
    robot.interact(() -> window.navigate(NavItem.Kind.ANALYSES, 0));
    assertEquals("AnalysisView", window.centreView().getClass().getSimpleName());
  }
}
