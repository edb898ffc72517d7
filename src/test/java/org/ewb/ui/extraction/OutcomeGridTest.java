package org.ewb.ui.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.validation.Problem;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
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

/**
 * The outcome grid in the real window (headless) on a real file: a study's HbA1c at 0, 3, 6 and 12
 * months for two arms entered by paste and from the keyboard, undone, and found in the file.
 */
@ExtendWith(ApplicationExtension.class)
class OutcomeGridTest {

  @TempDir static Path dir;
  private Path file;
  private MainWindow window;
  private WorkbenchSettings settings;
  private long hba1c;

  @Start
  void start(Stage stage) {
    Localization.setLocale(Locale.ENGLISH);
    file = dir.resolve(UUID.randomUUID() + ".ewb");
    ProjectData d = FakeRepositories.sample().snapshot();
    hba1c = d.outcome("HbA1c").orElseThrow().id();
    ProjectFiles.write(d, file).close();
    settings = WorkbenchSettings.inMemory();
    settings.setLanguage("en");
    window =
        WorkbenchApp.open(stage, SqliteProjectStore::open, SqliteProjectStore::create, settings);
    stage.show();
    window.viewModel().open(file);
    window.navigate(NavItem.Kind.OUTCOME, hba1c);
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(() -> window.stage().hide());
    robot.interact(() -> window.viewModel().close());
    settings.clear();
  }

  private OutcomeView view(FxRobot robot) {
    return robot.lookup("#outcomeView").query();
  }

  private TableView<OutcomeViewModel.Row> grid(FxRobot robot) {
    return robot.lookup("#outcomeGrid").queryTableView();
  }

  private ProjectData stored() {
    return SqliteProjectStore.readSnapshot(file);
  }

  private Measurement stored(String arm, double months) {
    ProjectData d = stored();
    long armId =
        d.arms().stream()
            .filter(a -> a.label().equals(arm) && a.studyId() == d.studies().get(0).id())
            .findFirst()
            .orElseThrow()
            .id();
    long tp =
        d.timePointsOf(hba1c).stream()
            .filter(t -> t.months() == months)
            .findFirst()
            .orElseThrow()
            .id();
    return d.measurements().stream()
        .filter(m -> m.armId() == armId && m.timePointId() == tp)
        .findFirst()
        .orElse(null);
  }

  private void addTimePoints(FxRobot robot) {
    robot.interact(
        () -> {
          view(robot).viewModel().addTimePoint(3, "3 months");
          view(robot).viewModel().addTimePoint(6, "6 months");
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void hba1cAtFourTimePointsForTwoArmsByPasteIsStoredAndUndoable(FxRobot robot) {
    addTimePoints(robot);
    assertEquals(4 + 4 * 3, grid(robot).getVisibleLeafColumns().size());
    robot.interact(
        () -> {
          grid(robot).requestFocus();
          view(robot).sheet().select(0, 4);
          view(robot)
              .sheet()
              .pasteText(
                  "15\t8.2\t1.2\t15\t7.6\t1.1\t14\t7.1\t1.0\t14\t6.9\t0.9\n"
                      + "14\t8.1\t1.3\t14\t8.0\t1.2\t14\t8.0\t1.2\t13\t7.9\t1.4\n");
        });
    assertEquals("7.1", stored("MSC", 6).mean().text());
    assertEquals("1.4", stored("Control", 12).sd().text());
    assertEquals("8.2", stored("MSC", 0).mean().text());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("8.1", stored("MSC", 0).mean().text()); // as before the paste
    assertEquals(null, stored("Control", 3));
    robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("8.0", stored("Control", 6).mean().text());
  }

  @Test
  void valuesTypedWithTabAndEnterAreStoredAsTyped(FxRobot robot) {
    robot.interact(
        () -> {
          grid(robot).requestFocus();
          view(robot).sheet().select(1, 4); // Control · baseline · n
        });
    robot
        .write("14")
        .type(KeyCode.TAB)
        .write("8.0")
        .type(KeyCode.TAB)
        .write("0")
        .type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    Measurement m = stored("Control", 0);
    assertEquals("14", m.n().text());
    assertEquals("8.0", m.mean().text());
    assertEquals("0", m.sd().text());
    assertTrue(robot.lookup(".invalid").tryQuery().isPresent(), "SD = 0 is flagged");
  }

  @Test
  void theProblemsListJumpsToTheCell(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          grid(robot).requestFocus();
          view(robot).sheet().select(1, 6);
          view(robot).sheet().pasteText("-2");
        });
    robot.interact(() -> window.navigate(NavItem.Kind.PROBLEMS, 0));
    ListView<Problem> list = robot.lookup("#problemsList").queryListView();
    // outcomes not opened yet are read in the background before the checks run
    WaitForAsyncUtils.waitFor(
        10,
        java.util.concurrent.TimeUnit.SECONDS,
        () -> list.getItems().stream().anyMatch(p -> p.column().equals("sd")));
    Problem sd =
        list.getItems().stream().filter(p -> p.column().equals("sd")).findFirst().orElseThrow();
    assertTrue(sd.message().contains("Hu 2013"), sd.message());
    robot.interact(() -> list.getSelectionModel().select(sd));
    robot.doubleClickOn(
        robot
            .lookup(".list-cell")
            .nth(list.getItems().indexOf(sd))
            .queryAs(javafx.scene.Node.class));
    WaitForAsyncUtils.waitForFxEvents();
    var focused = grid(robot).getFocusModel().getFocusedCell();
    assertEquals(1, focused.getRow());
    assertEquals(
        List.of("baseline", "SD"),
        List.of(
            focused.getTableColumn().getParentColumn().getText(),
            focused.getTableColumn().getText()));
  }

  @Test
  void removingATimePointAsksAndIsUndoable(FxRobot robot) {
    robot.interact(
        () -> {
          grid(robot).requestFocus();
          view(robot).sheet().select(0, 8); // 12 months · n
        });
    robot.clickOn("#removeTimePoint");
    robot.clickOn("OK");
    WaitForAsyncUtils.waitForFxEvents();
    List<TimePoint> left = stored().timePointsOf(hba1c);
    assertEquals(1, left.size());
    robot.interact(() -> window.viewModel().undo());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("6.9", stored("MSC", 12).mean().text());
    assertEquals(4 + 2 * 3, grid(robot).getVisibleLeafColumns().size());
  }
}
