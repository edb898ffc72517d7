package org.ewb.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.MetaAnalysisRunner;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.StudyData;
import org.ewb.logic.meta.StudyTable;
import org.ewb.logic.meta.TestType;
import org.ewb.model.Arm;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.persistence.SqliteProjectStore;
import org.ewb.ui.WorkbenchApp;
import org.ewb.ui.extraction.OutcomeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The grid feeds the forest plot in the real window (headless) on a copy of the BCG sample: a
 * reviewer reads the pooled result in Analyses, types a new events value into the Tuberculosis
 * grid, comes back and sees the pooled result of the edited data; Ctrl+Z brings the original back.
 * The expected results are computed here from metafor's dat.bcg table, not read from the window.
 */
@ExtendWith(ApplicationExtension.class)
class GridToForestTest {

  @TempDir static Path dir;
  private MainWindow window;
  private WorkbenchSettings settings;
  private long tuberculosis;

  @Start
  void start(Stage stage) throws IOException {
    Localization.setLocale(Locale.ENGLISH);
    Path file = dir.resolve(UUID.randomUUID() + ".ewb");
    // a byte copy: opening the committed sample read-write would touch it
    Files.copy(Path.of("sample-projects", "bcg-vaccine.ewb"), file);
    settings = WorkbenchSettings.inMemory();
    settings.setLanguage("en");
    window =
        WorkbenchApp.open(stage, SqliteProjectStore::open, SqliteProjectStore::create, settings);
    stage.show();
    window.viewModel().open(file);
    tuberculosis =
        window.viewModel().outcomes().stream()
            .filter(o -> o.name().equals("Tuberculosis"))
            .findFirst()
            .orElseThrow()
            .id();
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(() -> window.stage().hide());
    robot.interact(() -> window.viewModel().close());
    settings.clear();
  }

  @Test
  void anEventsValueTypedInTheGridChangesThePooledTextAndUndoBringsItBack(FxRobot robot)
      throws IOException {
    String original = expectedSummary(null);
    String edited = expectedSummary(40.0);
    // metafor bcg__RR__REML: exp(-0.7145) = 0.4894 [0.3441, 0.6962]
    assertEquals("Risk Ratio 0.489 [0.344, 0.696]; τ² = 0.3132; I² = 92.2%", original);
    assertNotEquals(original, edited);

    robot.interact(() -> window.navigate(NavItem.Kind.ANALYSES, 0));
    Node analyses = window.centreView();
    assertEquals(original, summary(robot).getText());

    typeEvents(robot, "40");
    // the analysis view, while hidden, already heard the committed edit
    assertEquals(edited, ((Label) analyses.lookup("#analysis-summary")).getText());
    robot.interact(() -> window.navigate(NavItem.Kind.ANALYSES, 0));
    assertSame(analyses, window.centreView(), "the reviewer's analysis view is kept");
    assertEquals(edited, summary(robot).getText());

    robot.interact(() -> window.navigate(NavItem.Kind.OUTCOME, tuberculosis));
    robot.interact(() -> ((OutcomeView) window.centreView()).sheet().table().requestFocus());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.navigate(NavItem.Kind.ANALYSES, 0));
    assertEquals(original, summary(robot).getText());
  }

  /** Opens the Tuberculosis grid and types {@code value} over Aronson 1948's BCG-arm events. */
  private void typeEvents(FxRobot robot, String value) {
    robot.interact(() -> window.navigate(NavItem.Kind.OUTCOME, tuberculosis));
    ProjectData d = window.viewModel().project().snapshotWithoutOutcomeData();
    Study aronson =
        d.studies().stream()
            .filter(s -> s.label().equals("Aronson 1948"))
            .findFirst()
            .orElseThrow();
    Arm bcg =
        d.arms().stream()
            .filter(a -> a.studyId() == aronson.id() && a.label().equals("BCG vaccine"))
            .findFirst()
            .orElseThrow();
    long tp = d.timePointsOf(tuberculosis).get(0).id();
    robot.interact(
        () -> ((OutcomeView) window.centreView()).selectCell(aronson.id(), bcg.id(), tp, "events"));
    WaitForAsyncUtils.waitForFxEvents();
    robot.write(value).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static Label summary(FxRobot robot) {
    return robot.lookup("#analysis-summary").queryAs(Label.class);
  }

  /**
   * The summary line the engine gives for metafor's dat.bcg (RR, REML, z), with Aronson 1948's
   * vaccinated events replaced by {@code aronsonEvents} (the arm's total unchanged) when not null.
   */
  private static String expectedSummary(Double aronsonEvents) throws IOException {
    List<StudyData> studies = new ArrayList<>();
    try (Reader in =
        Files.newBufferedReader(
            Path.of("src", "test", "resources", "metafor", "bcg.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        double tpos = Double.parseDouble(r.get("tpos"));
        double totalE = tpos + Double.parseDouble(r.get("tneg"));
        double cpos = Double.parseDouble(r.get("cpos"));
        double totalC = cpos + Double.parseDouble(r.get("cneg"));
        if (aronsonEvents != null && r.get("label").equals("Aronson 1948")) {
          tpos = aronsonEvents;
        }
        studies.add(new StudyData.TwoByTwo(r.get("label"), tpos, totalE, cpos, totalC));
      }
    }
    StudyTable table =
        new StudyTable(StudyTable.Kind.BINARY, studies, Map.of(), List.of(), BackTransform.NONE);
    MetaResult m =
        MetaAnalysisRunner.run(
                table,
                new AnalysisOptions(Measure.RR, "REML", TestType.Z, null, null, false, null, false))
            .model();
    return String.format(
        Locale.ROOT,
        "Risk Ratio %.3f [%.3f, %.3f]; τ² = %.4f; I² = %.1f%%",
        Math.exp(m.estimate()),
        Math.exp(m.ciLb()),
        Math.exp(m.ciUb()),
        m.tau2(),
        m.i2());
  }
}
