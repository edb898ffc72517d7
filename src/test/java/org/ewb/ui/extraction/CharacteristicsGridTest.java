package org.ewb.ui.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
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
 * The characteristics grid in the real window (headless), on a real project file: typing, pasting a
 * block, undo / redo, invalid values, fields; the file is re-read to check every edit.
 */
@ExtendWith(ApplicationExtension.class)
class CharacteristicsGridTest {

  @TempDir static Path dir;
  private Path file;
  private MainWindow window;
  private WorkbenchSettings settings;

  @Start
  void start(Stage stage) {
    Localization.setLocale(Locale.ENGLISH);
    file = dir.resolve(UUID.randomUUID() + ".ewb");
    ProjectFiles.write(FakeRepositories.sample().snapshot(), file).close();
    settings = WorkbenchSettings.inMemory();
    settings.setLanguage("en");
    window =
        WorkbenchApp.open(stage, SqliteProjectStore::open, SqliteProjectStore::create, settings);
    stage.show();
    window.viewModel().open(file);
    window.navigate(NavItem.Kind.CHARACTERISTICS, 0);
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(() -> window.stage().hide());
    robot.interact(() -> window.viewModel().close());
    settings.clear();
  }

  private TableView<Study> grid(FxRobot robot) {
    return robot.lookup("#characteristicsGrid").queryTableView();
  }

  private CharacteristicsView view(FxRobot robot) {
    return robot.lookup("#characteristicsView").query();
  }

  private void select(FxRobot robot, int row, int column) {
    robot.interact(() -> view(robot).sheet().select(row, column));
    robot.clickOn(grid(robot)); // focus
    robot.interact(() -> view(robot).sheet().select(row, column));
  }

  /** The file as another program would read it now. */
  private ProjectData stored() {
    return SqliteProjectStore.readSnapshot(file);
  }

  private long study(String label) {
    return stored().studies().stream()
        .filter(s -> s.label().equals(label))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /**
   * Robot speed (every key pressed with no layout pass between keys): a choice cell completes what
   * is typed and Enter stores the choice; a number cell keeps every character ("1.1e6" stays
   * "1.1e6", "XYZW" stays "XYZW" and is flagged), across three rows and back with Shift+Tab.
   */
  @Test
  void choiceAndNumberCellsTypedAtZeroDelayKeepEveryKey(FxRobot robot) {
    select(robot, 0, 2); // Hu 2013 · Cell type
    org.ewb.testing.Keyboard.burst("bm\nUC\nwj-\n");
    assertEquals("BM-MSC", stored().value(study("Hu 2013"), "cell_type"));
    assertEquals("UC-MSC", stored().value(study("张 2012"), "cell_type"));
    assertEquals("WJ-MSC", stored().value(study("Carlsson 2015"), "cell_type"));
    select(robot, 0, 3); // Hu 2013 · Dose
    org.ewb.testing.Keyboard.burst("1.1e6\t40\u21e4\u21e4bm\n2.6e7\tXYZW\n8.94\n");
    assertEquals("1.1e6", stored().value(study("Hu 2013"), "dose"));
    assertEquals("40", stored().value(study("Hu 2013"), "n"));
    assertEquals("BM-MSC", stored().value(study("Hu 2013"), "cell_type"));
    // Enter after the run of Tabs went back to the column the run began in (Dose), next row
    assertEquals("2.6e7", stored().value(study("张 2012"), "dose"));
    assertEquals("XYZW", stored().value(study("张 2012"), "n"), "kept as typed, flagged");
    assertEquals("8.94", stored().value(study("Carlsson 2015"), "dose"));
    assertEquals("UC-MSC", stored().value(study("张 2012"), "cell_type"));
    assertTrue(robot.lookup(".invalid").tryQuery().isPresent(), "XYZW is flagged");
  }

  /** Human speed: 150 ms between keys, the pace at which keys were lost before (issue 9). */
  @Test
  void numbersTypedAtHumanSpeedAfterTabAreKept(FxRobot robot) throws Exception {
    select(robot, 0, 3); // Hu 2013 · Dose
    for (char c : "22\t8\n8.65\t1\n1.35\t2\n".toCharArray()) {
      org.ewb.testing.Keyboard.burst(String.valueOf(c));
      Thread.sleep(150);
    }
    assertEquals("22", stored().value(study("Hu 2013"), "dose"));
    assertEquals("8", stored().value(study("Hu 2013"), "n"));
    assertEquals("8.65", stored().value(study("张 2012"), "dose"));
    assertEquals("1", stored().value(study("张 2012"), "n"));
    assertEquals("1.35", stored().value(study("Carlsson 2015"), "dose"));
    assertEquals("2", stored().value(study("Carlsson 2015"), "n"));
  }

  @Test
  void typingIntoACellStoresTheValueAndEnterMovesDown(FxRobot robot) {
    select(robot, 0, 3); // Hu 2013 · Dose
    robot.write("3.75").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("3.75", stored().value(study("Hu 2013"), "dose"));
    assertEquals(1, grid(robot).getFocusModel().getFocusedCell().getRow());
    robot.write("1.5").type(KeyCode.TAB);
    assertEquals("1.5", stored().value(study("张 2012"), "dose"));
    assertEquals(
        4,
        grid(robot)
            .getVisibleLeafIndex(grid(robot).getFocusModel().getFocusedCell().getTableColumn()));
  }

  @Test
  void pastingA3x4BlockFillsThreeStudiesAndFourColumns(FxRobot robot) {
    select(robot, 0, 1); // Hu 2013 · Status
    String block =
        "Excluded\tBM-MSC\t1.5\t12\n"
            + "Related review\tUC-MSC\t2\t13\n"
            + "Included\tWJ-MSC\t2.5\t14\n";
    robot.interact(
        () -> {
          ClipboardContent c = new ClipboardContent();
          c.putString(block);
          Clipboard.getSystemClipboard().setContent(c);
        });
    robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    ProjectData d = stored();
    assertEquals(StudyStatus.EXCLUDED, d.studiesById().get(study("Hu 2013")).status());
    assertEquals(StudyStatus.RELATED_REVIEW, d.studiesById().get(study("张 2012")).status());
    assertEquals("BM-MSC", d.value(study("Hu 2013"), "cell_type"));
    assertEquals("2", d.value(study("张 2012"), "dose"));
    assertEquals("14", d.value(study("Carlsson 2015"), "n"));
    assertEquals(12, grid(robot).getSelectionModel().getSelectedCells().size());
  }

  @Test
  void undoAndRedoOfAPasteRestoreEveryCell(FxRobot robot) {
    select(robot, 0, 2);
    robot.interact(() -> view(robot).sheet().pasteText("BM-MSC\t9\t99\nBM-MSC\t9\t99\n"));
    assertEquals("99", stored().value(study("张 2012"), "n"));
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    ProjectData undone = stored();
    assertEquals("WJ-MSC", undone.value(study("Hu 2013"), "cell_type"));
    assertEquals("2.6", undone.value(study("Hu 2013"), "dose"));
    assertEquals("29", undone.value(study("Hu 2013"), "n"));
    assertEquals("", undone.value(study("张 2012"), "n"));
    assertEquals("UC-MSC", undone.value(study("张 2012"), "cell_type"));
    robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("99", stored().value(study("张 2012"), "n"));
    assertEquals("BM-MSC", stored().value(study("Hu 2013"), "cell_type"));
  }

  @Test
  void anInvalidNumberIsKeptAsTypedAndFlagged(FxRobot robot) {
    select(robot, 2, 3); // Carlsson 2015 · Dose
    robot.write("2,6x").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("2,6x", stored().value(study("Carlsson 2015"), "dose"));
    Node cell = robot.lookup(".invalid").query();
    assertTrue(cell.getStyleClass().contains("invalid"));
    robot.interact(() -> view(robot).sheet().select(2, 3));
    Label problem = robot.lookup("#detailsProblem").query();
    assertTrue(problem.getText().contains("is not a number"), problem.getText());
  }

  @Test
  void f2EditsAndEscapeDiscards(FxRobot robot) {
    select(robot, 0, 4); // Hu 2013 · N = 29
    robot.type(KeyCode.F2).write("0").type(KeyCode.ESCAPE);
    assertEquals("29", stored().value(study("Hu 2013"), "n"));
    robot.type(KeyCode.F2).type(KeyCode.END).write("0").type(KeyCode.ENTER);
    assertEquals("290", stored().value(study("Hu 2013"), "n"));
  }

  @Test
  void fillDownAndDeleteChangeTheRange(FxRobot robot) {
    robot.interact(() -> view(robot).sheet().selectRange(new SpreadsheetTable.Range(0, 3, 2, 4)));
    robot.clickOn("#gridFilter");
    robot.interact(
        () -> {
          grid(robot).requestFocus();
          view(robot).sheet().selectRange(new SpreadsheetTable.Range(0, 3, 2, 4));
        });
    robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
    assertEquals("2.6", stored().value(study("Carlsson 2015"), "dose"));
    assertEquals("29", stored().value(study("张 2012"), "n"));
    robot.type(KeyCode.DELETE);
    assertEquals("", stored().value(study("Hu 2013"), "dose"));
    assertEquals("", stored().value(study("Carlsson 2015"), "n"));
  }

  @Test
  void addingAndRenamingAFieldShowsItAsAColumnAndStoresIt(FxRobot robot) {
    robot.clickOn("#addField");
    robot.clickOn("#fieldLabelEn").write("Route");
    robot.clickOn("#fieldLabelZh").write("途径");
    robot.clickOn("OK");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(
        stored().fields().stream()
            .anyMatch(f -> f.labelEn().equals("Route") && f.labelZh().equals("途径")));
    int last = grid(robot).getVisibleLeafColumns().size() - 1;
    assertEquals("Route", grid(robot).getVisibleLeafColumn(last).getText());
    select(robot, 0, last);
    robot.clickOn("#editField");
    robot.doubleClickOn("#fieldLabelEn").eraseText(5).write("Route of delivery");
    robot.clickOn("OK");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(stored().fields().stream().anyMatch(f -> f.labelEn().equals("Route of delivery")));
    assertEquals("Route of delivery", grid(robot).getVisibleLeafColumn(last).getText());
  }

  @Test
  void undoingAFieldDeletionBringsBackItsValues(FxRobot robot) {
    select(robot, 0, 2);
    robot.clickOn("#deleteField");
    robot.clickOn("OK");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(stored().fields().stream().noneMatch(f -> f.key().equals("cell_type")));
    robot.interact(() -> grid(robot).requestFocus());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("WJ-MSC", stored().value(study("Hu 2013"), "cell_type"));
    assertEquals("Cell type", grid(robot).getVisibleLeafColumn(2).getText());
  }

  @Test
  void reopeningTheFileShowsEveryEdit(FxRobot robot) {
    select(robot, 0, 3);
    robot.write("4.4").type(KeyCode.ENTER);
    robot.interact(
        () -> {
          view(robot).sheet().select(1, 1);
          view(robot).sheet().pasteText("Excluded\tBM-MSC\n");
        });
    robot.interact(
        () ->
            view(robot)
                .viewModel()
                .addField(
                    new org.ewb.model.CharacteristicField(
                        0, "", "Route", "途径", org.ewb.model.FieldType.TEXT, "", null, "", "", 0)));
    robot.interact(
        () -> {
          window.viewModel().close();
          window.viewModel().open(file);
          window.navigate(NavItem.Kind.CHARACTERISTICS, 0);
        });
    WaitForAsyncUtils.waitForFxEvents();
    CharacteristicsViewModel vm = view(robot).viewModel();
    Study hu = grid(robot).getItems().get(0);
    Study zhang = grid(robot).getItems().get(1);
    assertEquals("4.4", vm.text(hu, 3));
    assertEquals("Excluded", vm.text(zhang, 1));
    assertEquals("BM-MSC", vm.text(zhang, 2));
    assertEquals("Route", grid(robot).getVisibleLeafColumn(5).getText());
  }

  @Test
  void theStudyLabelStaysInViewWhenScrollingSideways(FxRobot robot) {
    robot.interact(
        () -> {
          for (int i = 0; i < 15; i++) {
            view(robot)
                .viewModel()
                .addField(
                    new org.ewb.model.CharacteristicField(
                        0,
                        "",
                        "Extra " + i,
                        "",
                        org.ewb.model.FieldType.TEXT,
                        "",
                        null,
                        "",
                        "",
                        0));
          }
        });
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.control.ScrollBar hbar =
        grid(robot).lookupAll(".scroll-bar").stream()
            .filter(b -> b instanceof javafx.scene.control.ScrollBar)
            .map(b -> (javafx.scene.control.ScrollBar) b)
            .filter(
                b ->
                    b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                        && b.getParent() instanceof javafx.scene.control.skin.VirtualFlow)
            .findFirst()
            .orElseThrow();
    Node label =
        robot
            .lookup(".frozen")
            .match(
                n ->
                    n instanceof javafx.scene.control.TableCell<?, ?> c
                        && "Hu 2013".equals(c.getText()))
            .query();
    double before = label.localToScene(0, 0).getX();
    robot.interact(() -> hbar.setValue(hbar.getMax()));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(hbar.getMax() > 100, "the grid is wider than the window");
    assertEquals(before, label.localToScene(0, 0).getX(), 1.0);
  }
}
