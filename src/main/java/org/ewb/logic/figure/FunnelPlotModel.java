package org.ewb.logic.figure;

import java.util.List;

/**
 * What a funnel plot shows: study effects on the analysis scale against their standard errors
 * (inverted axis), the pooled estimate with pseudo 95% limits, and optionally contour-enhanced
 * significance regions around {@code nullValue} (Peters et al. 2008,
 * doi:10.1016/j.jclinepi.2007.11.010), Egger's regression line {@code x = intercept + slope * se}
 * (metafor {@code regtest} with predictor sei) and the studies added by trim and fill (drawn open).
 *
 * @param legend legend texts, in this order: studies, filled studies, pseudo 95% limits, Egger
 *     line, p &lt; 0.01, 0.01 &le; p &lt; 0.05, 0.05 &le; p &lt; 0.10, p &ge; 0.10
 */
public record FunnelPlotModel(
    List<Point> studies,
    List<Point> filled,
    double pooled,
    double nullValue,
    boolean logScale,
    boolean contours,
    double eggerIntercept,
    double eggerSlope,
    String xLabel,
    String yLabel,
    List<String> legend) {

  public FunnelPlotModel {
    studies = List.copyOf(studies);
    filled = List.copyOf(filled);
    xLabel = ForestPlotModel.nz(xLabel);
    yLabel = ForestPlotModel.nz(yLabel);
    legend = List.copyOf(legend);
    if (legend.size() != 8) {
      throw new IllegalArgumentException("funnel legend needs 8 texts, got " + legend.size());
    }
  }

  /** One study: label, effect on the analysis scale, standard error. */
  public record Point(String label, double yi, double sei) {}

  public boolean hasEgger() {
    return Double.isFinite(eggerIntercept) && Double.isFinite(eggerSlope);
  }

  public String allText() {
    StringBuilder sb = new StringBuilder(xLabel).append(yLabel);
    legend.forEach(sb::append);
    studies.forEach(p -> sb.append(p.label()));
    return sb.toString();
  }
}
