package org.ewb.logic.meta.bias;

import static org.ewb.logic.meta.ResultFields.num;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.sensitivity.PooledSummary;

/**
 * Renders small-study-effect results as ordered maps whose keys are those of the metafor reference
 * files ({@code results} of {@code analysis = "bias"}: {@code regtest_rma_<METHOD>}, {@code
 * regtest_lm}, {@code ranktest}, {@code trimfill_<METHOD>}); used by {@code analyze --bias --json}
 * and by the golden test. A method that failed is rendered as {@code {"error": message}}.
 */
public final class BiasFields {

  private BiasFields() {}

  /** All parts of a report, keyed as in the reference files. */
  public static Map<String, Object> report(SmallStudyEffects.Report r, BackTransform bt) {
    String method = r.model().method().name();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("regtest_rma_" + method, part(r.regtestRma(), BiasFields::regtestRma));
    m.put("regtest_lm", part(r.regtestLm(), BiasFields::regtestLm));
    m.put("ranktest", part(r.ranktest(), BiasFields::ranktest));
    m.put("trimfill_" + method, part(r.trimfill(), t -> trimfill(t, bt)));
    return m;
  }

  public static Map<String, Object> regtestRma(EggerRmaTest.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "rma");
    m.put("predictor", "sei");
    if (Double.isNaN(r.df())) {
      m.put("zval", num(r.stat()));
    } else {
      m.put("tval", num(r.stat()));
      m.put("df", num(r.df()));
    }
    m.put("pval", num(r.pval()));
    m.put("limit_estimate", num(r.limitEstimate()));
    m.put("limit_ci_lb", num(r.limitCiLb()));
    m.put("limit_ci_ub", num(r.limitCiUb()));
    m.put("fit_intercept", num(r.limitEstimate()));
    m.put("fit_slope", num(r.slope()));
    m.put("fit_slope_se", num(r.slopeSe()));
    m.put("fit_tau2", num(r.tau2()));
    return m;
  }

  public static Map<String, Object> regtestLm(EggerRegressionTest.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "lm");
    m.put("predictor", "sei");
    m.put("tval", num(r.tval()));
    m.put("df", r.df());
    m.put("pval", num(r.pval()));
    m.put("limit_estimate", num(r.limitEstimate()));
    m.put("limit_ci_lb", num(r.limitCiLb()));
    m.put("limit_ci_ub", num(r.limitCiUb()));
    m.put("fit_intercept", num(r.limitEstimate()));
    m.put("fit_slope", num(r.slope()));
    m.put("fit_slope_se", num(r.slopeSe()));
    m.put("fit_residual_scale", num(r.residualScale()));
    return m;
  }

  public static Map<String, Object> ranktest(RankCorrelationTest.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tau", num(r.tau()));
    m.put("pval", num(r.pval()));
    m.put("exact", r.exact());
    return m;
  }

  public static Map<String, Object> trimfill(TrimAndFill.Result t, BackTransform bt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("estimator", t.estimator());
    m.put("side", t.side().label());
    m.put("k0", t.k0());
    m.put("se_k0", num(t.seK0()));
    m.put("p_k0", null);
    m.put("k_total", t.kTotal());
    m.putAll(pooled(t.fit(), bt));
    List<Map<String, Object>> filled = new ArrayList<>();
    for (TrimAndFill.FilledStudy f : t.filled()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("yi", num(f.yi()));
      s.put("vi", num(f.vi()));
      filled.add(s);
    }
    m.put("filled", filled);
    return m;
  }

  /** The pooled result of a fit with reference-file field names (see {@link PooledSummary}). */
  public static Map<String, Object> pooled(MetaResult f, BackTransform bt) {
    return PooledSummary.of(f).fields(bt);
  }

  private static <T> Object part(
      SmallStudyEffects.Part<T> p, java.util.function.Function<T, Map<String, Object>> render) {
    if (p.ok()) {
      return render.apply(p.result());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", p.error());
    return m;
  }
}
