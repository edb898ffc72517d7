package org.ewb.logic.figure;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Shows and hides the series of a follow-up chart by legend key: the line itself and, in a pooled
 * chart, its prediction interval and its studies (series keys ending in " · " + key), so that the
 * window's legend click and the export show the same lines.
 */
public final class ChartSeries {

  private ChartSeries() {}

  /** Whether the series {@code key} is drawn (true if the chart has no such series). */
  public static boolean isVisible(JFreeChart chart, Comparable<?> key) {
    XYPlot plot = chart.getXYPlot();
    for (int d = 0; d < plot.getDatasetCount(); d++) {
      XYDataset ds = plot.getDataset(d);
      if (ds == null) {
        continue;
      }
      int i = ds.indexOf(key);
      if (i >= 0) {
        return plot.getRenderer(d).isSeriesVisible(i);
      }
    }
    return true;
  }

  /** Hides a shown series, shows a hidden one; returns whether it is now visible. */
  public static boolean toggle(JFreeChart chart, Comparable<?> key) {
    boolean now = !isVisible(chart, key);
    setVisible(chart, key, now);
    return now;
  }

  public static void setVisible(JFreeChart chart, Comparable<?> key, boolean visible) {
    XYPlot plot = chart.getXYPlot();
    String suffix = " · " + key;
    int index = -1;
    for (int d = 0; d < plot.getDatasetCount(); d++) {
      XYDataset ds = plot.getDataset(d);
      if (ds != null && ds.indexOf(key) >= 0) {
        index = ds.indexOf(key);
        plot.getRenderer(d).setSeriesVisible(index, visible);
      }
    }
    LegendItemCollection legend = plot.getFixedLegendItems();
    if (legend != null) {
      for (int i = 0; i < legend.getItemCount(); i++) {
        LegendItem item = legend.get(i);
        if (key.equals(item.getSeriesKey())) {
          item.setLabelPaint(visible ? Color.BLACK : Color.LIGHT_GRAY);
        }
      }
      plot.setFixedLegendItems(legend);
    }
    if (plot.getDatasetCount() > OverTimeChart.POOLED && index >= 0) {
      XYDataset pi = plot.getDataset(OverTimeChart.PREDICTION);
      if (pi != null && index < pi.getSeriesCount()) {
        plot.getRenderer(OverTimeChart.PREDICTION).setSeriesVisible(index, visible);
      }
      XYDataset studies = plot.getDataset(OverTimeChart.STUDIES);
      XYItemRenderer sr = plot.getRenderer(OverTimeChart.STUDIES);
      for (int s = 0; studies != null && s < studies.getSeriesCount(); s++) {
        if (studies.getSeriesKey(s).toString().endsWith(suffix)) {
          sr.setSeriesVisible(s, visible);
        }
      }
    }
  }

  /** Hides in {@code to} every legend series hidden in {@code from} (same keys). */
  public static void copyVisibility(JFreeChart from, JFreeChart to) {
    XYPlot fp = from.getXYPlot();
    for (int d = 0; d < fp.getDatasetCount(); d++) {
      XYDataset ds = fp.getDataset(d);
      for (int s = 0; ds != null && s < ds.getSeriesCount(); s++) {
        Boolean v = fp.getRenderer(d).getSeriesVisible(s);
        if (v != null && !v && fp.getRenderer(d).isSeriesVisibleInLegend(s)) {
          setVisible(to, ds.getSeriesKey(s), false);
        }
      }
    }
  }
}
