package org.ewb.logic.figure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.figure.ForestPlotModel.Column;
import org.ewb.logic.figure.ForestPlotModel.Group;
import org.ewb.logic.figure.ForestPlotModel.Interval;
import org.ewb.logic.figure.ForestPlotModel.StudyRow;
import org.ewb.logic.figure.ForestPlotModel.Summary;
import org.ewb.logic.l10n.Localization;

/**
 * Hand-built figure models for renderer tests, taken from the metafor reference files (so the
 * numbers drawn are real published results, not the engine's): BCG vaccine, RR, REML.
 */
final class ReferenceForestModels {

  private ReferenceForestModels() {}

  static JsonNode reference(String caseId) {
    try (InputStream in =
        ReferenceForestModels.class.getResourceAsStream("/metafor/" + caseId + ".json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The BCG forest plot (metafor case bcg__RR__REML), with labels replaced by {@code labels}. */
  static ForestPlotModel bcg(List<String> labels) {
    JsonNode ref = reference("bcg__RR__REML");
    List<StudyRow> rows = new ArrayList<>();
    int i = 0;
    long e = 0;
    long ne = 0;
    long c = 0;
    long nc = 0;
    for (JsonNode s : ref.get("studies")) {
      String label = labels == null ? s.get("study").asText() : labels.get(i);
      rows.add(
          new StudyRow(
              label,
              List.of(
                  s.get("ai").asText(),
                  s.get("n1i").asText(),
                  s.get("ci").asText(),
                  s.get("n2i").asText()),
              s.get("yi").asDouble(),
              s.get("ci_lb").asDouble(),
              s.get("ci_ub").asDouble(),
              s.get("weight_pct").asDouble()));
      e += s.get("ai").asLong();
      ne += s.get("n1i").asLong();
      c += s.get("ci").asLong();
      nc += s.get("n2i").asLong();
      i++;
    }
    JsonNode r = ref.get("results");
    String exp = Localization.lang("figure.experimental");
    String ctl = Localization.lang("figure.control");
    List<Column> cols =
        List.of(
            new Column(exp, Localization.lang("figure.events")),
            new Column(exp, Localization.lang("figure.total")),
            new Column(ctl, Localization.lang("figure.events")),
            new Column(ctl, Localization.lang("figure.total")));
    Summary total =
        new Summary(
            Localization.lang("figure.totalCi"),
            List.of(Long.toString(e), Long.toString(ne), Long.toString(c), Long.toString(nc)),
            r.get("estimate").asDouble(),
            r.get("ci_lb").asDouble(),
            r.get("ci_ub").asDouble(),
            100);
    return new ForestPlotModel(
        Localization.lang("figure.study"),
        cols,
        Localization.lang("figure.weight"),
        "Risk Ratio",
        "IV, Random (REML), 95% CI",
        Localization.lang("figure.ci95"),
        List.of(new Group("", rows, null, List.of())),
        List.of(total),
        new Interval(
            Localization.lang("figure.predictionInterval"),
            r.get("estimate").asDouble(),
            r.get("pi_lb").asDouble(),
            r.get("pi_ub").asDouble()),
        List.of(
            FigureText.heterogeneity(
                r.get("tau2").asDouble(),
                r.get("I2").asDouble(),
                r.get("QE").asDouble(),
                r.get("QE_df").asInt(),
                r.get("QEp").asDouble()),
            FigureText.overallEffect("z", r.get("zval").asDouble(), r.get("pval").asDouble())),
        true,
        0,
        Localization.lang("figure.favoursExperimental"),
        Localization.lang("figure.favoursControl"),
        2,
        Double.NaN,
        Localization.lang("figure.notEstimable"));
  }

  /** Funnel legend texts in the model's order. */
  static List<String> funnelLegend() {
    return List.of(
        Localization.lang("figure.funnel.studies"),
        Localization.lang("figure.funnel.filled"),
        Localization.lang("figure.funnel.limits"),
        Localization.lang("figure.funnel.egger"),
        Localization.lang("figure.funnel.p01"),
        Localization.lang("figure.funnel.p05"),
        Localization.lang("figure.funnel.p10"),
        Localization.lang("figure.funnel.pns"));
  }

  /** The BCG funnel plot: REML fit, Egger line (regtest, rma REML) and trim-and-fill studies. */
  static FunnelPlotModel bcgFunnel(boolean contours) {
    JsonNode ref = reference("bcg__RR__REML");
    JsonNode bias = reference("bcg__RR__bias").get("results");
    List<FunnelPlotModel.Point> pts = new ArrayList<>();
    for (JsonNode s : ref.get("studies")) {
      pts.add(
          new FunnelPlotModel.Point(
              s.get("study").asText(), s.get("yi").asDouble(), s.get("sei").asDouble()));
    }
    List<FunnelPlotModel.Point> filled = new ArrayList<>();
    for (JsonNode s : bias.get("trimfill_REML").get("filled")) {
      filled.add(
          new FunnelPlotModel.Point("", s.get("yi").asDouble(), Math.sqrt(s.get("vi").asDouble())));
    }
    JsonNode eg = bias.get("regtest_rma_REML");
    return new FunnelPlotModel(
        pts,
        filled,
        ref.get("results").get("estimate").asDouble(),
        0,
        true,
        contours,
        eg.get("fit_intercept").asDouble(),
        eg.get("fit_slope").asDouble(),
        Localization.lang("figure.logScale", "Risk Ratio"),
        Localization.lang("figure.funnel.se"),
        funnelLegend());
  }
}
