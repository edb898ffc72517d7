package org.ewb.ui.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.Study;
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
 * A text field holds an English and a Chinese text (ADR 0123): the grid shows and edits the one of
 * the window's language, marks a cell that shows the other language's text because its own is
 * missing, and the details pane shows the other text. Every step is read back from the file.
 */
@ExtendWith(ApplicationExtension.class)
class BilingualValuesTest {

  @TempDir static Path dir;
  private Path file;
  private MainWindow window;
  private WorkbenchSettings settings;

  @Start
  void start(Stage stage) {
    Localization.setLocale(Locale.ENGLISH);
    file = dir.resolve(UUID.randomUUID() + ".ewb");
    var repo = FakeRepositories.sample();
    CharacteristicField f =
        repo.insertField(
            new CharacteristicField(
                0, "route", "Route", "途径", FieldType.TEXT, "", List.of(), "", "", 9));
    long carlsson =
        repo.studies().stream()
            .filter(s -> s.label().equals("Carlsson 2015"))
            .findFirst()
            .get()
            .id();
    // a value typed only in Chinese
    repo.putValue(new CharacteristicValue(carlsson, f.id(), "", Provenance.NONE, "静脉注射"));
    ProjectFiles.write(repo.snapshot(), file).close();
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
    robot.interact(() -> Localization.setLocale(Locale.ENGLISH));
    settings.clear();
  }

  @SuppressWarnings("unchecked")
  private TableView<Study> grid() {
    return (TableView<Study>) window.stage().getScene().lookup("#characteristicsGrid");
  }

  /** The Route column (the last one). */
  private int route() {
    return grid().getVisibleLeafColumns().size() - 1;
  }

  private CharacteristicsView view(FxRobot robot) {
    return robot.lookup("#characteristicsView").query();
  }

  private void select(FxRobot robot, int row, int column) {
    robot.interact(() -> view(robot).sheet().select(row, column));
    robot.clickOn(grid()); // focus
    robot.interact(() -> view(robot).sheet().select(row, column));
  }

  private CharacteristicValue stored(String study) {
    ProjectData d = SqliteProjectStore.readSnapshot(file);
    long sid = d.studies().stream().filter(s -> s.label().equals(study)).findFirst().get().id();
    long fid = d.fields().stream().filter(f -> f.key().equals("route")).findFirst().get().id();
    return d.values().stream()
        .filter(v -> v.studyId() == sid && v.fieldId() == fid)
        .findFirst()
        .orElse(new CharacteristicValue(sid, fid, "", Provenance.NONE));
  }

  /** The cell of {@code row} in the Route column, as drawn. */
  private TableCell<?, ?> cell(FxRobot robot, int row) {
    robot.interact(() -> grid().scrollToColumn(grid().getVisibleLeafColumn(route())));
    WaitForAsyncUtils.waitForFxEvents();
    String text = view(robot).viewModel().text(grid().getItems().get(row), modelColumn());
    return robot.lookup(".sheet-cell").queryAll().stream()
        .map(n -> (TableCell<?, ?>) n)
        .filter(
            c ->
                c.getTableColumn() != null
                    && (Integer) c.getTableColumn().getUserData() == modelColumn()
                    && c.getIndex() == row
                    && text.equals(c.getText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no drawn cell for row " + row));
  }

  private int modelColumn() {
    return (Integer) grid().getVisibleLeafColumn(route()).getUserData();
  }

  private void switchTo(FxRobot robot, Locale locale) {
    robot.interact(() -> window.switchLanguage(locale));
    robot.interact(() -> window.navigate(NavItem.Kind.CHARACTERISTICS, 0));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void eachLanguageHasItsOwnTextAndAMissingOneIsMarked(FxRobot robot) {
    // English window: type the English text of Hu 2013
    select(robot, 0, route());
    robot.write("intravenous").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("intravenous", stored("Hu 2013").value());
    assertEquals("", stored("Hu 2013").valueZh());
    // Carlsson has only a Chinese text: shown, tagged 中, greyed
    TableCell<?, ?> carlsson = cell(robot, 2);
    assertEquals("静脉注射", carlsson.getText());
    assertTrue(carlsson.getStyleClass().contains("untranslated"));
    assertEquals("中", ((Label) carlsson.getGraphic()).getText());
    assertFalse(cell(robot, 0).getStyleClass().contains("untranslated"));

    // Chinese window: Hu shows its English text, marked, until the Chinese one is typed
    switchTo(robot, Localization.CHINESE);
    TableCell<?, ?> hu = cell(robot, 0);
    assertEquals("intravenous", hu.getText());
    assertTrue(hu.getStyleClass().contains("untranslated"));
    assertEquals("EN", ((Label) hu.getGraphic()).getText());
    select(robot, 0, route());
    Label other = robot.lookup("#detailsOtherLanguage").query();
    assertEquals("英文文本：intravenous", other.getText());
    robot.write("静脉输注").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("intravenous", stored("Hu 2013").value(), "the English text is kept");
    assertEquals("静脉输注", stored("Hu 2013").valueZh());
    assertFalse(cell(robot, 0).getStyleClass().contains("untranslated"));
    assertFalse(cell(robot, 2).getStyleClass().contains("untranslated"), "Carlsson has Chinese");

    // undo takes back only the Chinese text
    robot.interact(() -> grid().requestFocus());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("", stored("Hu 2013").valueZh());
    assertEquals("intravenous", stored("Hu 2013").value());

    // back in English: each language's own text
    switchTo(robot, Locale.ENGLISH);
    assertEquals("intravenous", cell(robot, 0).getText());
    assertEquals("静脉注射", cell(robot, 2).getText());
  }

  @Test
  void aTextTheSameInBothLanguagesCanBeConfirmedAndNumbersHaveOneValue(FxRobot robot) {
    select(robot, 0, route());
    robot.write("IV").type(KeyCode.ENTER);
    switchTo(robot, Localization.CHINESE);
    // the same text typed in Chinese is stored as the Chinese text (no longer marked)
    select(robot, 0, route());
    robot.write("IV").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("IV", stored("Hu 2013").valueZh());
    assertFalse(cell(robot, 0).getStyleClass().contains("untranslated"));
    // a number field has one value whatever the language
    select(robot, 0, 3);
    robot.write("3.3").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("3.3", SqliteProjectStore.readSnapshot(file).value(study("Hu 2013"), "dose"));
    switchTo(robot, Locale.ENGLISH);
    assertEquals(
        "3.3", view(robot).viewModel().text(grid().getItems().get(0), 3), "shown in English too");
  }

  @Test
  void aTextWithoutLettersIsOneTextForBothLanguages(FxRobot robot) {
    select(robot, 0, route());
    robot.write("12").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    switchTo(robot, Localization.CHINESE);
    // "12" reads the same in Chinese: shown plainly, not marked as missing a translation
    TableCell<?, ?> hu = cell(robot, 0);
    assertEquals("12", hu.getText());
    assertFalse(hu.getStyleClass().contains("untranslated"));
    // changed in the Chinese window, it changes for both languages
    select(robot, 0, route());
    robot.write("24").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("24", stored("Hu 2013").value());
    assertEquals("", stored("Hu 2013").valueZh());
    switchTo(robot, Locale.ENGLISH);
    assertEquals("24", cell(robot, 0).getText());
  }

  private long study(String label) {
    return SqliteProjectStore.readSnapshot(file).studies().stream()
        .filter(s -> s.label().equals(label))
        .findFirst()
        .get()
        .id();
  }
}
