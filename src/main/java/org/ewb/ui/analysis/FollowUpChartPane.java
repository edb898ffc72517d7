package org.ewb.ui.analysis;

import javafx.scene.layout.StackPane;
import org.ewb.logic.figure.ChartSeries;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/**
 * The interactive follow-up chart: a JFreeChart {@link ChartViewer} (tooltips on every point, mouse
 * drag zooms, scroll zooms, right-click menu) whose legend entries hide and show their series on a
 * click. The chart is the one the exports draw.
 */
public final class FollowUpChartPane extends StackPane {

  private final ChartViewer viewer;

  FollowUpChartPane(JFreeChart chart) {
    viewer = new ChartViewer(chart);
    viewer.setId("followup-chart");
    viewer
        .getCanvas()
        .addChartMouseListener(
            new ChartMouseListenerFX() {
              @Override
              public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof LegendItemEntity le) {
                  ChartSeries.toggle(chart, le.getSeriesKey());
                }
              }

              @Override
              public void chartMouseMoved(ChartMouseEventFX e) {}
            });
    getChildren().add(viewer);
  }

  public ChartViewer viewer() {
    return viewer;
  }
}
