package org.ewb.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.ewb.logic.figure.FigureRequest;
import org.ewb.logic.figure.OverTimeChart;
import org.ewb.logic.meta.overtime.BaselineFixture;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.persistence.SqliteProjectStore;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pooled mean per arm in the window (issue 13), on a copy of the follow-up example with a
 * baseline visit: the reviewer picks "Mean per arm" in the measure chooser, the chart shows one
 * line per arm role, a hovered point's tooltip gives the pooled mean; the change-from-baseline
 * toggle and its r field are enabled only where they apply.
 */
@ExtendWith(ApplicationExtension.class)
class FollowUpPerArmViewTest {

  private ProjectRepository repo;
  private AnalysisViewModel vm;
  private AnalysisView view;
  private Stage stage;
  private Path dir;

  @Start
  void start(Stage primary) throws Exception {
    this.stage = new Stage();
    dir = Files.createTempDirectory("followup-per-arm");
    repo = SqliteProjectStore.open(BaselineFixture.writeWithBaseline(dir));
    vm = new AnalysisViewModel(repo);
    view = new AnalysisView(vm);
    stage.setScene(new Scene(view, 1200, 900));
    stage.show();
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    robot.interact(
        () -> {
          stage.hide();
          repo.close();
        });
  }

  @Test
  void pickingMeanPerArmShowsTwoRoleLinesWithTooltips(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          vm.kindProperty().set(FigureRequest.Kind.FOLLOWUP);
          vm.pooledProperty().set(true);
        });
    WaitForAsyncUtils.waitForFxEvents();
    CheckBox change = robot.lookup("#analysis-change").queryAs(CheckBox.class);
    TextField rho = robot.lookup("#analysis-change-rho").queryAs(TextField.class);
    assertFalse(change.isDisabled(), "MD over time can show change");
    assertTrue(rho.isDisabled(), "r applies only with change from baseline");

    robot.clickOn("#analysis-measure");
    robot.clickOn("Mean per arm");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("MN", vm.measureProperty().get());
    assertNotNull(view.chartPane(), vm.messageProperty().get());
    ChartCanvas canvas = view.chartPane().viewer().getCanvas();
    JFreeChart chart = canvas.getChart();
    XYDataset pooled = chart.getXYPlot().getDataset(OverTimeChart.POOLED);
    assertEquals(2, pooled.getSeriesCount());
    assertEquals("Experimental arms", pooled.getSeriesKey(0));
    assertEquals("Control arms", pooled.getSeriesKey(1));

    XYItemEntity point = null;
    for (Object o : canvas.getRenderingInfo().getEntityCollection().getEntities()) {
      if (o instanceof XYItemEntity e
          && e.getDataset() == pooled
          && e.getSeriesIndex() == 1
          && e.getItem() == 3) {
        point = e;
      }
    }
    // points at 0 (baseline), 3, 6, 12, 24 months: item 3 is 12 months
    assertNotNull(point, "the control arms' 12-month point is drawn");
    Rectangle2D b = point.getArea().getBounds2D();
    Point2D at = canvas.localToScreen(b.getCenterX(), b.getCenterY());
    robot.moveTo(at);
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> canvas.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip);
    String text = ((Tooltip) canvas.getProperties().get("javafx.scene.control.Tooltip")).getText();
    assertTrue(text.startsWith("Control arms, 12 months: MN "), text);
    assertTrue(text.contains("k = 8"), text);
    String shown =
        String.format(java.util.Locale.ROOT, "%.3f", pooled.getYValue(1, 3)).replace("-", "−");
    assertTrue(text.contains(shown), text);

    // change from baseline applies to the mean per arm; its r field follows the toggle
    robot.clickOn(change);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(rho.isDisabled());
    assertTrue(
        chart != view.chartPane().viewer().getCanvas().getChart(), "the chart is drawn again");
    String y =
        view.chartPane().viewer().getCanvas().getChart().getXYPlot().getRangeAxis().getLabel();
    assertTrue(y.contains("change in HbA1c from baseline"), y);
    assertEquals(0.5, vm.request().changeRho());

    // not on the arm chart (values as reported per study)
    robot.interact(() -> vm.pooledProperty().set(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(change.isDisabled());
    assertTrue(rho.isDisabled());
  }
}
