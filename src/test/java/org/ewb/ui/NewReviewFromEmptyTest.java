package org.ewb.ui;

import static org.ewb.testing.WindowRobot.click;
import static org.ewb.testing.WindowRobot.clickCell;
import static org.ewb.testing.WindowRobot.clickDialogOk;
import static org.ewb.testing.WindowRobot.navigate;
import static org.ewb.testing.WindowRobot.selectComboIndex;
import static org.ewb.testing.WindowRobot.selectComboItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ewb.cli.ExitCodes;
import org.ewb.cli.MainCommand;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.MetaAnalysisRunner;
import org.ewb.logic.meta.StudyData;
import org.ewb.logic.meta.StudyTable;
import org.ewb.logic.meta.TestType;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CharacteristicField;
import org.ewb.model.FieldType;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.ewb.persistence.SqliteProjectStore;
import org.ewb.testing.Keyboard;
import org.ewb.ui.analysis.AnalysisView;
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
 * A reviewer's own review, from a file made by {@code new} to a forest plot, through the window
 * only: studies, two characteristic fields (one a choice), one continuous outcome with time points
 * 0, 3, 6 and 12 months, arms with roles (one study with three arms), every number typed by the
 * robot with no delay between keys (through Tab, Enter, arrows and type-to-edit), one pasted block,
 * undo and redo, MD / REML at 12 months. The file's exact content and the pooled estimate (against
 * the engine on the same numbers) are checked, then the file is closed, reopened and checked again.
 *
 * <p>The whole review is repeated {@code ewb.review.iterations} times (default 20) with other
 * numbers each time; a single lost or reordered keystroke fails it.
 */
@ExtendWith(ApplicationExtension.class)
class NewReviewFromEmptyTest {

  @TempDir static Path dir;
  private MainWindow window;
  private WorkbenchSettings settings;
  private int keystrokes;

  private static final String[] STUDIES = {"Hu 2013", "Zhang 2016", "Li 2019"};
  private static final String[] YEARS = {"2013", "2016", "2019"};
  private static final String[] COUNTRIES = {"China", "China", "Sweden"};
  private static final String[] DOSES = {"1.1e6", "2.6e7", "5e6"};
  private static final String[] TYPES = {"T1DM", "T2DM", "T1DM"};

  /** The arm rows of the outcome grid once entered: study index, label, role, randomised. */
  private record ArmRow(int study, String label, ArmRole role, int randomised) {}

  private static final List<ArmRow> ARMS =
      List.of(
          new ArmRow(0, "MSC", ArmRole.EXPERIMENTAL, 24),
          new ArmRow(0, "Control", ArmRole.CONTROL, 22),
          new ArmRow(1, "UC-MSC", ArmRole.EXPERIMENTAL, 30),
          new ArmRow(1, "Placebo", ArmRole.CONTROL, 30),
          new ArmRow(2, "Low dose", ArmRole.EXPERIMENTAL, 20),
          new ArmRow(2, "High dose", ArmRole.EXPERIMENTAL, 20),
          new ArmRow(2, "Control", ArmRole.CONTROL, 21));

  private static final double[] MONTHS = {0, 3, 6, 12};

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
    settings.clear();
  }

  @Test
  void aReviewFromAnEmptyFileToAForestPlotLosesNoKeystroke(FxRobot robot) {
    int iterations = Integer.getInteger("ewb.review.iterations", 20);
    long started = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      review(robot, 1000 + i);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "NewReviewFromEmptyTest: %d reviews, %d keystrokes at robot speed, 0 lost, %.1f s%n",
        iterations,
        keystrokes,
        seconds);
    assertTrue(keystrokes >= 500 * iterations, "at least 500 keystrokes per review: " + keystrokes);
  }

  // ---- one review ----

  private void review(FxRobot robot, long seed) {
    Random random = new Random(seed);
    Path file = dir.resolve("review-" + seed + ".ewb");
    CommandLine cli = MainCommand.commandLine();
    ExitCodes.install(cli);
    assertEquals(0, cli.execute("new", file.toString(), "--title", "MSC for diabetes " + seed));
    robot.interact(() -> window.viewModel().open(file));

    // Studies page: three studies, year and country typed in place
    navigate(robot, "Studies");
    for (String label : STUDIES) {
      click(robot, "#addStudy");
      type(label + "\n");
    }
    TableView<?> studies = robot.lookup("#studyTable").queryTableView();
    assertEquals(3, studies.getItems().size());
    clickCell(robot, studies, 0, 1);
    type(YEARS[0] + "\t" + COUNTRIES[0] + "\n" + YEARS[1] + "\t" + COUNTRIES[1] + "\n");
    clickCell(robot, studies, 2, 1);
    type(YEARS[2] + "\t" + COUNTRIES[2] + "\n");

    shoot(robot, seed, "first-review-1-studies-en.png");

    // Characteristics: a decimal field and a choice field, values typed
    navigate(robot, "Characteristics");
    click(robot, "#addField");
    type("Cell dose");
    selectComboItem(robot, "#fieldType", FieldType.DECIMAL);
    clickDialogOk(robot);
    click(robot, "#addField");
    type("Diabetes type");
    selectComboItem(robot, "#fieldType", FieldType.CHOICE);
    click(robot, "#fieldChoices");
    type("T1DM; T2DM");
    clickDialogOk(robot);
    TableView<?> chars = robot.lookup("#characteristicsGrid").queryTableView();
    clickCell(robot, chars, 0, 2);
    type(DOSES[0] + "\n" + DOSES[1] + "\n" + DOSES[2] + "\n");
    clickCell(robot, chars, 0, 3);
    // choice cells complete what is typed: "t1" becomes T1DM
    type("t1\nT2\nt\n");

    // Outcome: HbA1c (%), lower is better
    click(robot, "#navAddOutcome");
    type("HbA1c");
    click(robot, "#outcomeUnit");
    type("%");
    selectComboIndex(robot, "#outcomeDirection", 1);
    clickDialogOk(robot);
    for (double m : MONTHS) {
      click(robot, "#addTimePoint");
      type(fmt(m) + "\n");
    }
    TableView<?> grid = robot.lookup("#outcomeGrid").queryTableView();
    assertEquals(3, grid.getItems().size(), "every included study is a row before it has arms");

    // the first arm of each study is typed in its row's Arm cell
    clickCell(robot, grid, 0, 1);
    type("MSC\nUC-MSC\nLow dose\n");
    addArm(robot, grid, 0, "Control");
    addArm(robot, grid, 2, "Placebo");
    addArm(robot, grid, 4, "High dose");
    addArm(robot, grid, 4, "Control");
    assertEquals(7, grid.getItems().size());
    // roles: High dose was added as control, Control as other; fix them in the Role column
    clickCell(robot, grid, 5, 2);
    type("exp\ncon\n");
    clickCell(robot, grid, 0, 3);
    StringBuilder randomised = new StringBuilder();
    for (ArmRow a : ARMS) {
      randomised.append(a.randomised()).append('\n');
    }
    type(randomised.toString());

    // the data: six rows typed in one burst (Tab across, Enter back to the first data column,
    // the last row of it with arrows), the seventh pasted
    String[][] values = new String[ARMS.size()][];
    for (int r = 0; r < ARMS.size(); r++) {
      values[r] = rowValues(random, ARMS.get(r).randomised());
    }
    StringBuilder burst = new StringBuilder();
    for (int r = 0; r < 5; r++) {
      burst.append(String.join("\t", values[r])).append('\n');
    }
    clickCell(robot, grid, 0, 4);
    type(burst.toString());
    clickCell(robot, grid, 5, 4);
    type(String.join("\u2192", values[5]) + "\n");
    String pasted = String.join("\t", values[6]);
    robot.interact(
        () -> {
          ClipboardContent c = new ClipboardContent();
          c.putString(pasted + "\n");
          Clipboard.getSystemClipboard().setContent(c);
        });
    clickCell(robot, grid, 6, 4);
    robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(values[6][11], measurement(file, 6, 12).sd().text());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertNull(measurement(file, 6, 0), "undo removes the pasted row");
    robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();

    shoot(robot, seed, "first-review-3-outcome-en.png");
    ProjectData d = SqliteProjectStore.readSnapshot(file);
    assertFileHoldsTheReview(d, values, seed);

    // the analysis: MD, REML, 12 months
    navigate(robot, "Analyses");
    AnalysisView view = (AnalysisView) window.centreView();
    robot.interact(
        () -> {
          view.viewModel().outcomeProperty().set("HbA1c");
          view.viewModel().timePointProperty().set(12.0);
          view.viewModel().measureProperty().set("MD");
          view.viewModel().modelProperty().set("REML");
        });
    WaitForAsyncUtils.waitForFxEvents();
    AnalysisOutcome shown = view.viewModel().analysisProperty().get();
    assertNotNull(shown, () -> "no analysis: " + view.viewModel().messageProperty().get());
    AnalysisOutcome expected = expectedAt12Months(values);
    assertEquals(3, shown.table().studies().size());
    assertClose(expected.model().estimate(), shown.model().estimate(), "pooled MD");
    assertClose(expected.model().se(), shown.model().se(), "SE");
    assertClose(expected.model().tau2(), shown.model().tau2(), "tau2");
    assertTrue(
        view.viewModel()
            .summaryProperty()
            .get()
            .contains(String.format(Locale.ROOT, "%.3f", expected.model().estimate())),
        view.viewModel().summaryProperty().get());

    shoot(robot, seed, "first-review-4-forest-en.png");
    if (shots != null && seed == 1000) {
      robot.interact(() -> window.switchLanguage(Localization.CHINESE));
      WaitForAsyncUtils.waitForFxEvents();
      shoot(robot, seed, "first-review-4-forest-zh.png");
      navigate(robot, "HbA1c (%)");
      shoot(robot, seed, "first-review-3-outcome-zh.png");
      navigate(robot, "研究");
      shoot(robot, seed, "first-review-1-studies-zh.png");
      robot.interact(() -> window.switchLanguage(Locale.ENGLISH));
      WaitForAsyncUtils.waitForFxEvents();
    }

    // closed and reopened, everything is there
    robot.interact(() -> window.viewModel().close());
    robot.interact(() -> window.viewModel().open(file));
    ProjectData again = SqliteProjectStore.readSnapshot(file);
    assertFileHoldsTheReview(again, values, seed);
    navigate(robot, "HbA1c (%)");
    TableView<?> reopened = robot.lookup("#outcomeGrid").queryTableView();
    assertEquals(7, reopened.getItems().size());
    robot.interact(() -> window.viewModel().close());
  }

  // ---- expectations ----

  private void assertFileHoldsTheReview(ProjectData d, String[][] values, long seed) {
    assertEquals("MSC for diabetes " + seed, d.project().title());
    List<Study> studies = d.studies();
    assertEquals(3, studies.size());
    for (int i = 0; i < 3; i++) {
      Study s = studies.get(i);
      assertEquals(STUDIES[i], s.label());
      assertEquals(Integer.valueOf(YEARS[i]), s.year());
      assertEquals(COUNTRIES[i], s.country());
    }
    assertEquals(2, d.fields().size());
    CharacteristicField dose = d.fields().get(0);
    CharacteristicField type = d.fields().get(1);
    assertEquals("Cell dose", dose.labelEn());
    assertEquals(FieldType.DECIMAL, dose.type());
    assertEquals(FieldType.CHOICE, type.type());
    assertEquals(List.of("T1DM", "T2DM"), type.choices());
    for (int i = 0; i < 3; i++) {
      assertEquals(DOSES[i], d.value(studies.get(i).id(), dose.key()), "dose as typed");
      assertEquals(TYPES[i], d.value(studies.get(i).id(), type.key()), "completed choice");
    }
    assertEquals(1, d.outcomes().size());
    Outcome o = d.outcomes().get(0);
    assertEquals("HbA1c", o.name());
    assertEquals("%", o.unit());
    assertEquals(OutcomeKind.CONTINUOUS, o.kind());
    assertTrue(o.lowerIsBetter());
    List<TimePoint> tps = d.timePointsOf(o.id());
    assertEquals(List.of(0.0, 3.0, 6.0, 12.0), tps.stream().map(TimePoint::months).toList());
    assertEquals(ARMS.size(), d.arms().size());
    for (int r = 0; r < ARMS.size(); r++) {
      ArmRow want = ARMS.get(r);
      Arm arm = armOf(d, r);
      assertEquals(want.role(), arm.role(), want.label());
      assertEquals(Integer.valueOf(want.randomised()), arm.randomised(), want.label());
    }
    assertEquals(ARMS.size() * 4, d.measurements().size(), "one measurement per arm and time");
    int lost = 0;
    List<String> wrong = new ArrayList<>();
    for (int r = 0; r < ARMS.size(); r++) {
      Arm arm = armOf(d, r);
      for (int t = 0; t < 4; t++) {
        TimePoint tp = tps.get(t);
        Measurement m =
            d.measurements().stream()
                .filter(x -> x.armId() == arm.id() && x.timePointId() == tp.id())
                .findFirst()
                .orElseThrow();
        String[] got = {m.n().text(), m.mean().text(), m.sd().text()};
        for (int k = 0; k < 3; k++) {
          String typed = values[r][t * 3 + k];
          if (!typed.equals(got[k])) {
            lost++;
            wrong.add(
                arm.label()
                    + "@"
                    + tp.months()
                    + "["
                    + k
                    + "]: typed "
                    + typed
                    + " stored "
                    + got[k]);
          }
        }
      }
    }
    assertEquals(0, lost, () -> "cells stored differently from what was typed: " + wrong);
  }

  private static Arm armOf(ProjectData d, int row) {
    ArmRow want = ARMS.get(row);
    Study s = d.studies().get(want.study());
    return d.armsOf(s.id()).stream()
        .filter(a -> a.label().equals(want.label()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no arm " + want.label() + " in " + s.label()));
  }

  private static Measurement measurement(Path file, int row, double months) {
    ProjectData d = SqliteProjectStore.readSnapshot(file);
    Arm arm = armOf(d, row);
    long tp =
        d.timePoints().stream().filter(t -> t.months() == months).findFirst().orElseThrow().id();
    return d.measurements().stream()
        .filter(m -> m.armId() == arm.id() && m.timePointId() == tp)
        .findFirst()
        .orElse(null);
  }

  /**
   * The engine on the same numbers, at 12 months: Hu and Zhang as typed; Li's two experimental arms
   * combined by the Cochrane Handbook's formula (Table 6.5.a), computed here independently.
   */
  private static AnalysisOutcome expectedAt12Months(String[][] v) {
    List<StudyData> studies = new ArrayList<>();
    studies.add(arms(STUDIES[0], v[0], v[1]));
    studies.add(arms(STUDIES[1], v[2], v[3]));
    double n1 = num(v[4][9]);
    double m1 = num(v[4][10]);
    double s1 = num(v[4][11]);
    double n2 = num(v[5][9]);
    double m2 = num(v[5][10]);
    double s2 = num(v[5][11]);
    double n = n1 + n2;
    double mean = (n1 * m1 + n2 * m2) / n;
    double sd =
        Math.sqrt(
            ((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2 + n1 * n2 / n * (m1 - m2) * (m1 - m2))
                / (n - 1));
    studies.add(
        new StudyData.ContinuousArms(
            STUDIES[2], mean, sd, n, num(v[6][10]), num(v[6][11]), num(v[6][9])));
    StudyTable table =
        new StudyTable(
            StudyTable.Kind.CONTINUOUS, studies, Map.of(), List.of(), BackTransform.NONE);
    return MetaAnalysisRunner.run(
        table, new AnalysisOptions(Measure.MD, "REML", TestType.Z, null, null, false, null, false));
  }

  private static StudyData arms(String label, String[] e, String[] c) {
    return new StudyData.ContinuousArms(
        label, num(e[10]), num(e[11]), num(e[9]), num(c[10]), num(c[11]), num(c[9]));
  }

  private static double num(String s) {
    return Double.parseDouble(s);
  }

  private static void assertClose(double want, double got, String what) {
    assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), what);
  }

  /** n, mean, SD at 0, 3, 6 and 12 months, written the ways reviewers write them. */
  private static String[] rowValues(Random random, int randomised) {
    String[] v = new String[12];
    for (int t = 0; t < 4; t++) {
      int n = randomised - random.nextInt(3);
      double mean = 6.5 + random.nextInt(300) / 100.0;
      double sd = 0.5 + random.nextInt(150) / 100.0;
      v[t * 3] = Integer.toString(n);
      v[t * 3 + 1] = random.nextBoolean() ? String.format(Locale.ROOT, "%.2f", mean) : fmt(mean);
      v[t * 3 + 2] = fmt(sd);
    }
    return v;
  }

  private static String fmt(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  // ---- driving the window ----

  /** Where the README's screenshots go ({@code -Dewb.screenshots=DIR}); null: none taken. */
  private static final String shots = System.getProperty("ewb.screenshots");

  /** Saves a picture of the window (or the dialog in front of it) in the first review. */
  private static void shoot(FxRobot robot, long seed, String name) {
    if (shots == null || seed != 1000) {
      return;
    }
    WaitForAsyncUtils.waitForFxEvents();
    javafx.stage.Window w =
        robot.listTargetWindows().stream()
            .filter(javafx.stage.Window::isShowing)
            .findFirst()
            .orElseThrow();
    javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
    robot.interact(() -> img[0] = w.getScene().getRoot().snapshot(null, null));
    try {
      java.nio.file.Files.createDirectories(Path.of(shots));
      javax.imageio.ImageIO.write(
          javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null),
          "png",
          Path.of(shots, name).toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void type(String keys) {
    keystrokes += Keyboard.count(keys);
    Keyboard.burst(keys);
  }

  private void addArm(FxRobot robot, TableView<?> grid, int row, String label) {
    clickCell(robot, grid, row, 0);
    click(robot, "#addArm");
    type(label + "\n");
  }
}
