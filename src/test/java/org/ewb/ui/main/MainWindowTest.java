package org.ewb.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;
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
    settings =
        new WorkbenchSettings(Preferences.userRoot().node("org/ewb/test/" + UUID.randomUUID()));
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
