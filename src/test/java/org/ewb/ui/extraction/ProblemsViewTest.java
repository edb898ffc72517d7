package org.ewb.ui.extraction;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.validation.Problem;
import org.ewb.model.Arm;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.ewb.persistence.SqliteProjectStore;
import org.ewb.testing.FakeRepositories;
import org.ewb.testing.ProjectFiles;
import org.ewb.ui.WorkbenchApp;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.NavItem;
import org.ewb.ui.main.WorkbenchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Problems list on a project whose outcome data was never opened (read in the background). */
@ExtendWith(ApplicationExtension.class)
class ProblemsViewTest {

  @TempDir static Path dir;
  private MainWindow window;
  private WorkbenchSettings settings;
  private long independence;

  @Start
  void start(Stage stage) {
    Localization.setLocale(Locale.ENGLISH);
    Path file = dir.resolve(UUID.randomUUID() + ".ewb");
    ProjectData d = FakeRepositories.sample().snapshot();
    independence = d.outcome("Insulin independence").orElseThrow().id();
    try (SqliteProjectStore s = ProjectFiles.write(d, file)) {
      Study carl = d.studies().get(2);
      Arm control = d.armsOf(carl.id()).get(1);
      TimePoint t12 = d.timePointsOf(independence).get(0);
      s.putMeasurement(
          Measurement.dichotomous(
              carl.id(),
              independence,
              control.id(),
              t12.id(),
              CellText.of("20"),
              CellText.of("14"),
              null));
    }
    settings = WorkbenchSettings.inMemory();
    settings.setLanguage("en");
    window =
        WorkbenchApp.open(stage, SqliteProjectStore::open, SqliteProjectStore::create, settings);
    stage.show();
    window.viewModel().open(file);
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(() -> window.stage().hide());
    robot.interact(() -> window.viewModel().close());
    settings.clear();
  }

  @Test
  void problemsInOutcomesNeverOpenedAreFoundInTheBackground(FxRobot robot) throws Exception {
    assertFalse(window.viewModel().project().isLoaded(independence));
    robot.interact(() -> window.navigate(NavItem.Kind.PROBLEMS, 0));
    ListView<Problem> list = robot.lookup("#problemsList").queryListView();
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            list.getItems().stream()
                .anyMatch(p -> p.outcomeId() == independence && p.column().equals("events")));
    assertTrue(window.viewModel().project().isLoaded(independence));
  }
}
