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
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.ewb.logic.figure.ChartSeries;
import org.ewb.logic.figure.FigureRequest;
import org.ewb.logic.figure.OverTimeChart;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.persistence.SqliteProjectStore;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartCanvas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The follow-up chart in the window (issue 13) on a copy of the generated follow-up example: the
 * pooled chart is a ChartViewer; hovering a pooled point shows its tooltip with the pooled value;
 * clicking a legend entry hides that subgroup's line; controls that do not apply are disabled.
 */
@ExtendWith(ApplicationExtension.class)
class FollowUpChartViewTest {

  private ProjectRepository repo;
  private AnalysisViewModel vm;
  private AnalysisView view;
  private Stage stage;

  @Start
  void start(Stage primary) throws Exception {
    this.stage = new Stage();
    Path copy = Files.createTempFile("followup-view", ".ewb");
    Files.copy(
        Path.of("sample-projects/followup-example.ewb"),
        copy,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    repo = SqliteProjectStore.open(copy);
    vm = new AnalysisViewModel(repo);
    view = new AnalysisView(vm);
    stage.setScene(new Scene(view, 1200, 800));
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

  private ChartCanvas pooledChart(FxRobot robot) {
    robot.interact(
        () -> {
          vm.kindProperty().set(FigureRequest.Kind.FOLLOWUP);
          vm.subgroupProperty().set("dm_type");
          vm.pooledProperty().set(true);
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertNotNull(view.chartPane(), vm.messageProperty().get());
    return view.chartPane().viewer().getCanvas();
  }

  /** The centre of an entity in screen coordinates. */
  private static Point2D screen(ChartCanvas canvas, ChartEntity e) {
    Rectangle2D b = e.getArea().getBounds2D();
    return canvas.localToScreen(b.getCenterX(), b.getCenterY());
  }

  private static <T extends ChartEntity> T entity(
      ChartCanvas canvas, Class<T> type, java.util.function.Predicate<T> which) {
    for (Object o : canvas.getRenderingInfo().getEntityCollection().getEntities()) {
      if (type.isInstance(o) && which.test(type.cast(o))) {
        return type.cast(o);
      }
    }
    throw new AssertionError("no such entity in the drawn chart");
  }

  @Test
  void hoveringAPooledPointShowsItsPooledValueInTheTooltip(FxRobot robot) throws Exception {
    ChartCanvas canvas = pooledChart(robot);
    JFreeChart chart = canvas.getChart();
    XYItemEntity point =
        entity(
            canvas,
            XYItemEntity.class,
            e ->
                e.getDataset() == chart.getXYPlot().getDataset(OverTimeChart.POOLED)
                    && e.getSeriesIndex() == 0
                    && e.getItem() == 2);
    robot.moveTo(screen(canvas, point));
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> canvas.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip);
    Tooltip tip = (Tooltip) canvas.getProperties().get("javafx.scene.control.Tooltip");
    String text = tip.getText();
    // T1DM at 12 months, the engine's pooled MD at that time point
    assertTrue(text.startsWith("T1DM, 12 months: MD −"), text);
    assertTrue(text.contains("k = 4"), text);
    double shown = chart.getXYPlot().getDataset(OverTimeChart.POOLED).getYValue(0, 2);
    assertTrue(
        text.contains(String.format(java.util.Locale.ROOT, "%.3f", shown).replace("-", "−")), text);
  }

  @Test
  void clickingALegendEntryHidesThatSeriesAndItsStudies(FxRobot robot) {
    ChartCanvas canvas = pooledChart(robot);
    JFreeChart chart = canvas.getChart();
    assertTrue(ChartSeries.isVisible(chart, "T2DM"));
    LegendItemEntity t2 =
        entity(canvas, LegendItemEntity.class, e -> "T2DM".equals(e.getSeriesKey()));
    robot.moveTo(screen(canvas, t2)).clickOn();
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(ChartSeries.isVisible(chart, "T2DM"));
    assertTrue(ChartSeries.isVisible(chart, "T1DM"));
    var plot = chart.getXYPlot();
    var studies = plot.getDataset(OverTimeChart.STUDIES);
    for (int s = 0; s < studies.getSeriesCount(); s++) {
      boolean t2Study = studies.getSeriesKey(s).toString().endsWith(" · T2DM");
      assertEquals(
          !t2Study,
          plot.getRenderer(OverTimeChart.STUDIES).isSeriesVisible(s),
          studies.getSeriesKey(s).toString());
    }
    // a second click shows it again
    robot.moveTo(screen(canvas, t2)).clickOn();
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(ChartSeries.isVisible(chart, "T2DM"));
  }

  @Test
  void armChartTooltipGivesArmTimePointValueAndN(FxRobot robot) throws Exception {
    robot.interact(() -> vm.kindProperty().set(FigureRequest.Kind.FOLLOWUP));
    WaitForAsyncUtils.waitForFxEvents();
    ChartCanvas canvas = view.chartPane().viewer().getCanvas();
    XYItemEntity point =
        entity(canvas, XYItemEntity.class, e -> e.getSeriesIndex() == 0 && e.getItem() == 0);
    String tip = point.getToolTipText();
    assertTrue(tip.startsWith("Example A 2015: MSC, 3 months: "), tip);
    assertTrue(tip.contains("n = "), tip);
    assertTrue(tip.contains("generated"), tip);
    // "pooled" applies to follow-up charts only
    assertFalse(robot.lookup("#analysis-pooled").query().isDisabled());
    robot.interact(() -> vm.kindProperty().set(FigureRequest.Kind.FOREST));
    assertTrue(robot.lookup("#analysis-pooled").query().isDisabled());
  }

  @Test
  void snapshotOfTheWindowForTheReadme(FxRobot robot) throws Exception {
    pooledChart(robot);
    Path out = Path.of("target", "followup-window.png");
    robot.interact(
        () -> {
          var img = stage.getScene().snapshot(null);
          try {
            javax.imageio.ImageIO.write(
                javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    assertTrue(Files.size(out) > 10_000);
  }
}
