package org.ewb.logic.meta.overtime;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ewb.logic.meta.multivariate.CovarianceStructure;
import org.ewb.logic.meta.multivariate.MultivariateModel;
import org.ewb.logic.meta.multivariate.MultivariateResult;

/**
 * The result of {@code analyze --over-time}: the meta-analysis at each time point (per subgroup),
 * the multivariate model over all time points, and its sensitivity to the assumed within-study
 * correlation; as one JSON-ready map ({@link #fields}) or as text ({@link #text}).
 */
public record OverTimeReport(
    OverTimeAnalysis.Result perTimePoint,
    String model,
    MultivariateResult multivariate,
    List<MultivariateResult.SensitivityRow> sensitivity) {

  /** Within-study correlations of the sensitivity table (the chosen one is added). */
  public static final double[] SENSITIVITY_RHOS = {0, 0.25, 0.5, 0.75, 0.9};

  /**
   * Fits the multivariate model to the effect sizes of {@code perTimePoint} and its sensitivity
   * table.
   */
  public static OverTimeReport of(
      OverTimeAnalysis.Result perTimePoint,
      String model,
      CovarianceStructure structure,
      double rhoWithin) {
    MultivariateModel mv = MultivariateModel.of(structure).withRhoWithin(rhoWithin);
    var data = perTimePoint.timeSeries();
    MultivariateResult fit = mv.fit(data);
    List<Double> rhos = new ArrayList<>();
    for (double r : SENSITIVITY_RHOS) {
      rhos.add(r);
    }
    if (!rhos.contains(rhoWithin)) {
      rhos.add(rhoWithin);
      rhos.sort(Double::compare);
    }
    List<MultivariateResult.SensitivityRow> sens = new ArrayList<>();
    for (double r : rhos) {
      sens.add(
          new MultivariateResult.SensitivityRow(
              r, r == rhoWithin ? fit : mv.withRhoWithin(r).fit(data)));
    }
    return new OverTimeReport(perTimePoint, model, fit, sens);
  }

  /**
   * The meta-analysis per time point alone (per-arm values: the arms of one role are not one
   * study's effects over time, so no multivariate model is fitted).
   */
  public static OverTimeReport perTimePointOnly(
      OverTimeAnalysis.Result perTimePoint, String model) {
    return new OverTimeReport(perTimePoint, model, null, List.of());
  }

  /** The JSON object of {@code analyze --over-time --json}. */
  public Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", perTimePoint.outcome());
    m.put("measure", perTimePoint.measure());
    m.put("model", model);
    m.put("back_transform", perTimePoint.backTransform().name().toLowerCase(Locale.ROOT));
    m.put("subgroup", perTimePoint.subgroup());
    m.put("per_arm", perTimePoint.perArm());
    m.put("derived", perTimePoint.derivation().isEmpty() ? null : perTimePoint.derivation());
    List<Object> series = new ArrayList<>();
    for (OverTimeAnalysis.Series s : perTimePoint.series()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("label", s.label());
      List<Object> pts = new ArrayList<>();
      for (OverTimeAnalysis.Point p : s.points()) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("months", p.months());
        pm.put("label", p.label());
        pm.put("k", p.k());
        pm.put("estimate", p.estimate());
        pm.put("se", p.se());
        pm.put("ci_lb", p.ciLb());
        pm.put("ci_ub", p.ciUb());
        pm.put("pi_lb", p.piLb());
        pm.put("pi_ub", p.piUb());
        pm.put("tau2", p.tau2());
        pm.put("I2", p.i2());
        pts.add(pm);
      }
      sm.put("timepoints", pts);
      series.add(sm);
    }
    m.put("series", series);
    if (multivariate == null) {
      m.put("warnings", perTimePoint.notes());
      return m;
    }
    m.put("multivariate", mv(multivariate));
    List<Object> sens = new ArrayList<>();
    for (MultivariateResult.SensitivityRow r : sensitivity) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("rho_within", r.rhoWithin());
      sm.put("estimate", r.fit().beta());
      sm.put("se", r.fit().se());
      sm.put("tau2", r.fit().tau2());
      sm.put("rho", r.fit().rho());
      sm.put("QM_change", r.fit().qmChange());
      sm.put("QMp_change", r.fit().qmChangeP());
      sens.add(sm);
    }
    m.put("sensitivity", sens);
    m.put("warnings", perTimePoint.notes());
    return m;
  }

  private static Map<String, Object> mv(MultivariateResult f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("structure", f.structure().name());
    m.put("rho_within", f.rhoWithin());
    m.put("method", "REML");
    m.put("studies", f.studies());
    m.put("k", f.n());
    List<Object> rows = new ArrayList<>();
    for (MultivariateResult.TimeRow r : f.rows()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("months", r.months());
      rm.put("k", r.k());
      rm.put("estimate", r.estimate());
      rm.put("se", r.se());
      rm.put("zval", r.zval());
      rm.put("pval", r.pval());
      rm.put("ci_lb", r.ciLb());
      rm.put("ci_ub", r.ciUb());
      rm.put("pi_lb", r.piLb());
      rm.put("pi_ub", r.piUb());
      rows.add(rm);
    }
    m.put("timepoints", rows);
    m.put("tau2", f.tau2());
    m.put("rho", f.rho());
    m.put("QE", f.qe());
    m.put("QE_df", f.qeDf());
    m.put("QEp", f.qep());
    m.put("QM_change", f.qmChange());
    m.put("QM_change_df", f.qmChangeDf());
    m.put("QMp_change", f.qmChangeP());
    m.put("logLik_reml", f.logLikReml());
    m.put("iterations", f.iterations());
    m.put("converged", f.converged());
    return m;
  }

  /** The plain-text report. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(lang("overtime.report.title", perTimePoint.outcome(), perTimePoint.measure(), model))
        .append('\n');
    for (OverTimeAnalysis.Series s : perTimePoint.series()) {
      sb.append('\n').append(s.label()).append('\n');
      sb.append(lang("overtime.report.header")).append('\n');
      for (OverTimeAnalysis.Point p : s.points()) {
        sb.append(
                String.format(
                    Locale.ROOT,
                    "%8s %4d %9.4f %8.4f  [%9.4f, %9.4f]  [%9.4f, %9.4f] %8.4f %6.1f",
                    p.label(),
                    p.k(),
                    p.estimate(),
                    p.se(),
                    p.ciLb(),
                    p.ciUb(),
                    p.piLb(),
                    p.piUb(),
                    p.tau2(),
                    p.i2()))
            .append('\n');
      }
    }
    MultivariateResult f = multivariate;
    if (f == null) {
      if (perTimePoint.backTransform() == org.ewb.logic.meta.BackTransform.ILOGIT) {
        sb.append(lang("overtime.report.logitScale")).append('\n');
      }
      for (String n : perTimePoint.notes()) {
        sb.append(lang("overtime.report.note", n)).append('\n');
      }
      return sb.toString();
    }
    sb.append('\n')
        .append(
            lang(
                "overtime.report.mv", f.structure().name(), fmt(f.rhoWithin()), f.studies(), f.n()))
        .append('\n');
    sb.append(lang("overtime.report.mvHeader")).append('\n');
    for (MultivariateResult.TimeRow r : f.rows()) {
      sb.append(
              String.format(
                  Locale.ROOT,
                  "%8s %4d %9.4f %8.4f  [%9.4f, %9.4f] %8.4f",
                  fmt(r.months()),
                  r.k(),
                  r.estimate(),
                  r.se(),
                  r.ciLb(),
                  r.ciUb(),
                  r.pval()))
          .append('\n');
    }
    StringBuilder t2 = new StringBuilder();
    for (double t : f.tau2()) {
      t2.append(t2.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", t));
    }
    sb.append(lang("overtime.report.components", t2, String.format(Locale.ROOT, "%.4f", f.rho())))
        .append('\n');
    sb.append(
            lang(
                "overtime.report.change",
                String.format(Locale.ROOT, "%.4f", f.qmChange()),
                f.qmChangeDf(),
                String.format(Locale.ROOT, "%.4g", f.qmChangeP())))
        .append('\n');
    sb.append(
            lang(
                "overtime.report.qe",
                String.format(Locale.ROOT, "%.4f", f.qe()),
                f.qeDf(),
                String.format(Locale.ROOT, "%.4g", f.qep())))
        .append('\n');
    if (!f.converged()) {
      sb.append(lang("overtime.report.notConverged", f.iterations())).append('\n');
    }
    sb.append('\n').append(lang("overtime.report.sensitivity")).append('\n');
    for (MultivariateResult.SensitivityRow r : sensitivity) {
      StringBuilder est = new StringBuilder();
      for (double b : r.fit().beta()) {
        est.append(String.format(Locale.ROOT, " %9.4f", b));
      }
      sb.append(
              String.format(
                  Locale.ROOT,
                  "  rho_w = %4.2f:%s   QM = %.3f (p = %.4g)",
                  r.rhoWithin(),
                  est,
                  r.fit().qmChange(),
                  r.fit().qmChangeP()))
          .append('\n');
    }
    for (String n : perTimePoint.notes()) {
      sb.append(lang("overtime.report.note", n)).append('\n');
    }
    return sb.toString();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
