package org.ewb.ui;

import static org.ewb.testing.WindowRobot.click;
import static org.ewb.testing.WindowRobot.clickCell;
import static org.ewb.testing.WindowRobot.clickDialogOk;
import static org.ewb.testing.WindowRobot.navigate;
import static org.ewb.testing.WindowRobot.selectComboItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.ewb.cli.ExitCodes;
import org.ewb.cli.MainCommand;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.ProjectData;
import org.ewb.persistence.SqliteProjectStore;
import org.ewb.testing.Keyboard;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.WorkbenchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/**
 * Bilingual text values from a file made by {@code new}, through the window only (ADR 0123): a text
 * field added by the dialog, English texts typed at robot speed, the window switched to Chinese, a
 * Chinese text typed over one of them (an input-method commit, as TestFX writes it), the other left
 * marked as untranslated; the file holds both texts, and {@code export csv --lang} prints each
 * language's text.
 */
@ExtendWith(ApplicationExtension.class)
class BilingualReviewFromEmptyTest {

  @TempDir static Path dir;
  private MainWindow window;
  private WorkbenchSettings settings;

  @Start
  void start(Stage stage) {
    Localization.setLocale(Locale.ENGLISH);
    settings = WorkbenchSettings.inMemory();
    settings.setLanguage("en");
    window =
        WorkbenchApp.open(stage, SqliteProjectStore::open, SqliteProjectStore::create, settings);
    stage.show();
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(() -> window.stage().hide());
    robot.interact(() -> window.viewModel().close());
    robot.interact(() -> Localization.setLocale(Locale.ENGLISH));
    settings.clear();
  }

  private static CommandLine cli() {
    CommandLine cli = MainCommand.commandLine();
    ExitCodes.install(cli);
    return cli;
  }

  @Test
  void englishTypedAtRobotSpeedThenChineseInTheChineseWindow(FxRobot robot) throws Exception {
    Path file = dir.resolve("bilingual.ewb");
    assertEquals(0, cli().execute("new", file.toString(), "--title", "Routes"));
    robot.interact(() -> window.viewModel().open(file));

    navigate(robot, "Studies");
    for (String label : List.of("Hu 2013", "Zhang 2016", "Li 2019")) {
      click(robot, "#addStudy");
      Keyboard.burst(label + "\n");
    }
    navigate(robot, "Characteristics");
    click(robot, "#addField");
    Keyboard.burst("Route");
    selectComboItem(robot, "#fieldType", FieldType.TEXT);
    clickDialogOk(robot);
    TableView<?> grid = robot.lookup("#characteristicsGrid").queryTableView();
    clickCell(robot, grid, 0, 2);
    Keyboard.burst("intravenous\nintrapancreatic\n12\n");

    robot.interact(() -> window.switchLanguage(Localization.CHINESE));
    WaitForAsyncUtils.waitForFxEvents();
    navigate(robot, "研究特征");
    TableView<?> zhGrid = robot.lookup("#characteristicsGrid").queryTableView();
    assertTrue(cell(robot, zhGrid, 0).getStyleClass().contains("untranslated"));
    assertFalse(
        cell(robot, zhGrid, 2).getStyleClass().contains("untranslated"), "12 needs no translation");
    clickCell(robot, zhGrid, 0, 2);
    robot.write("静脉注射");
    Keyboard.burst("\n");
    assertFalse(cell(robot, zhGrid, 0).getStyleClass().contains("untranslated"));
    assertTrue(cell(robot, zhGrid, 1).getStyleClass().contains("untranslated"));

    robot.interact(() -> window.viewModel().close());
    ProjectData d = SqliteProjectStore.readSnapshot(file);
    CharacteristicField route = d.fields().get(0);
    assertEquals("Route", route.labelEn());
    assertEquals(FieldType.TEXT, route.type());
    String[][] expected = {{"intravenous", "静脉注射"}, {"intrapancreatic", ""}, {"12", ""}};
    for (int i = 0; i < 3; i++) {
      long sid = d.studies().get(i).id();
      CharacteristicValue v =
          d.values().stream()
              .filter(x -> x.studyId() == sid && x.fieldId() == route.id())
              .findFirst()
              .orElseThrow();
      assertEquals(expected[i][0], v.value(), "English text of study " + i);
      assertEquals(expected[i][1], v.valueZh(), "Chinese text of study " + i);
    }

    // the exported body follows --lang, the other language standing in for a missing text
    for (String lang : List.of("en", "zh")) {
      Path out = dir.resolve("csv-" + lang);
      assertEquals(
          0,
          cli()
              .execute(
                  "export",
                  "csv",
                  "--project",
                  file.toString(),
                  "--out",
                  out.toString(),
                  "--lang",
                  lang,
                  "--tables",
                  "characteristics"));
      String csv = Files.readString(out.resolve("characteristics.csv"), StandardCharsets.UTF_8);
      assertTrue(csv.contains("en".equals(lang) ? "intravenous" : "静脉注射"), csv);
      assertFalse(csv.contains("en".equals(lang) ? "静脉注射" : "intravenous"), csv);
      assertTrue(csv.contains("intrapancreatic"), csv);
    }
  }

  /** The drawn cell of the Route column (the first field, grid column 2) in {@code row}. */
  private static TableCell<?, ?> cell(FxRobot robot, TableView<?> grid, int row) {
    var col = grid.getVisibleLeafColumn(2);
    WaitForAsyncUtils.waitForFxEvents();
    return grid.lookupAll(".table-cell").stream()
        .filter(
            n -> n instanceof TableCell<?, ?> c && c.getIndex() == row && c.getTableColumn() == col)
        .map(n -> (TableCell<?, ?>) n)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no drawn cell in row " + row));
  }
}
