package org.ewb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.testing.FakeRepositories;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.WorkbenchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A project read before the window exists (the start-up preload) is in the window from its first
 * frame: the window is built once, with the study list, not empty and then rebuilt (ADR 0132).
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {

  private MainWindow window;
  private Node centreBeforeShow;

  @Start
  void start(Stage stage) {
    Localization.setLocale(Locale.ENGLISH);
    WorkbenchSettings settings = WorkbenchSettings.inMemory();
    settings.setLanguage("en");
    window =
        WorkbenchApp.open(
            stage,
            p -> FakeRepositories.sample(),
            (p, t) -> FakeRepositories.empty(t),
            settings,
            FakeRepositories.sample());
    centreBeforeShow = window.centreView();
    stage.show();
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(() -> window.stage().hide());
  }

  @Test
  void thePreloadedProjectIsInTheWindowBeforeItIsShown(FxRobot robot) {
    assertNotNull(centreBeforeShow);
    assertTrue(
        centreBeforeShow.lookup("#studyTable") != null,
        "the study list was built before the first frame");
    TableView<?> table = robot.lookup("#studyTable").queryTableView();
    assertEquals(3, table.getItems().size());
    assertEquals(centreBeforeShow, window.centreView(), "not rebuilt after showing");
  }
}
