package org.ewb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.testing.FakeRepositories;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.NavItem;
import org.ewb.ui.main.WorkbenchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start-up path of a large project (ADR 0132): the window's frame is built and styled while the
 * project is still read, and the project is installed into it before the first frame. The frame is
 * kept (same navigator, already styled), the navigator lists the project's outcomes, and the study
 * list is built once: not again by the outcome list's change that follows the install.
 */
@ExtendWith(ApplicationExtension.class)
class WindowBeforeProjectTest {

  private MainWindow window;
  private Node navigatorBefore;
  private Node centreAfterInstall;
  private int studyViewsBuilt;
  private javafx.scene.control.Skin<?> skinBefore;

  @Start
  void start(Stage stage) {
    Localization.setLocale(Locale.ENGLISH);
    WorkbenchSettings settings = WorkbenchSettings.inMemory();
    settings.setLanguage("en");
    window =
        WorkbenchApp.open(
            stage, p -> FakeRepositories.sample(), (p, t) -> FakeRepositories.empty(t), settings);
    stage.getScene().getRoot().applyCss(); // as WorkbenchApp.start does while the file is read
    navigatorBefore = stage.getScene().lookup("#navigator");
    skinBefore = ((TreeView<?>) navigatorBefore).getSkin();
    assertNotNull(skinBefore, "styled: the style pass made the navigator's skin");
    window.installCenterView(
        NavItem.Kind.STUDIES,
        item -> {
          studyViewsBuilt++;
          return new org.ewb.ui.extraction.StudiesView(window.viewModel());
        });
    studyViewsBuilt = 0;
    window.viewModel().install(FakeRepositories.sample());
    centreAfterInstall = window.centreView();
    stage.show();
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(() -> window.stage().hide());
  }

  @Test
  void theProjectIsInstalledIntoTheStyledFrameAndTheStudyListBuiltOnce(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    assertNotNull(centreAfterInstall);
    assertNotNull(
        centreAfterInstall.lookup("#studyTable"), "the study list before the first frame");
    assertSame(centreAfterInstall, window.centreView(), "the study list was not built again");
    assertEquals(1, studyViewsBuilt, "one study list for the install");
    TableView<?> table = robot.lookup("#studyTable").queryTableView();
    assertEquals(window.viewModel().project().studies().size(), table.getItems().size());
    assertTrue(table.getItems().size() > 0);

    @SuppressWarnings("unchecked")
    TreeView<NavItem> navigator = (TreeView<NavItem>) robot.lookup("#navigator").query();
    assertSame(navigatorBefore, navigator, "the frame was kept");
    assertSame(skinBefore, navigator.getSkin(), "and its styling");
    List<String> outcomes =
        navigator.getRoot().getChildren().stream()
            .filter(i -> i.getValue().kind() == NavItem.Kind.OUTCOMES)
            .flatMap(i -> i.getChildren().stream())
            .map(TreeItem::getValue)
            .map(NavItem::text)
            .toList();
    List<String> expected =
        window.viewModel().project().outcomes().stream()
            .map(
                o ->
                    o.name(Localization.language())
                        + (o.unit().isEmpty() ? "" : " (" + o.unit() + ")"))
            .toList();
    assertEquals(expected, outcomes);
    assertTrue(!expected.isEmpty(), "the sample has outcomes");
    assertEquals(NavItem.Kind.STUDIES, window.selectedItem().kind());
  }

  @Test
  void closingTheProjectGoesBackToTheWelcomeInTheSameFrame(FxRobot robot) {
    robot.interact(() -> window.viewModel().close());
    assertNull(window.viewModel().project());
    assertSame(navigatorBefore, robot.lookup("#navigator").query());
    assertNull(window.centreView().lookup("#studyTable"));
    TreeView<?> navigator = robot.lookup("#navigator").queryAs(TreeView.class);
    long outcomeNodes =
        navigator.getRoot().getChildren().stream().mapToLong(i -> i.getChildren().size()).sum();
    assertEquals(1, outcomeNodes, "only Studies › Characteristics is left");
  }
}
