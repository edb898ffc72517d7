package org.ewb.logic.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewb.logic.meta.MetaforReferenceTest.Mismatches;
import org.ewb.logic.meta.bias.EggerRegressionTest;
import org.ewb.logic.meta.bias.EggerRmaTest;
import org.ewb.logic.meta.bias.RankCorrelationTest;
import org.ewb.logic.meta.bias.TrimAndFill;

/**
 * Checks one {@code analysis = "bias"} reference case: regtest (rma with REML and EE, lm), ranktest
 * and trim-and-fill (REML, EE). Effect sizes are computed by the engine from the raw study data;
 * every field of every sub-object is compared with {@code results_strict} (present for all bias
 * cases) by {@link Mismatches#compareObject}, so a field the code does not produce is reported,
 * never skipped. Called from {@link MetaforReferenceTest#dispatch}.
 */
final class BiasReferenceCases {

  private BiasReferenceCases() {}

  static void check(JsonNode c, Mismatches mm) {
    List<EffectSize> es =
        EffectSizes.compute(
            ReferenceCases.measure(c),
            ReferenceCases.studyData(c),
            ReferenceCases.escalcOptions(c));
    List<EffectSize> used = es.stream().filter(EffectSize::included).toList();
    double[] yi = used.stream().mapToDouble(EffectSize::yi).toArray();
    double[] vi = used.stream().mapToDouble(EffectSize::vi).toArray();
    BackTransform bt = ReferenceCases.backTransform(c);
    JsonNode exp = ReferenceCases.expected(c);

    for (TauMethod m : List.of(TauMethod.REML, TauMethod.EE)) {
      String name = "regtest_rma_" + m.name();
      EggerRmaTest.Result r = EggerRmaTest.of(RandomEffectsModel.of(m)).test(yi, vi);
      mm.compareObject(name, exp.get(name), regtestRma(r), 1e-10);
    }
    mm.compareObject("regtest_lm", exp.get("regtest_lm"), regtestLm(yi, vi), 1e-10);

    RankCorrelationTest.Result rank = RankCorrelationTest.withDefaults().test(yi, vi);
    JsonNode rankExp = exp.get("ranktest");
    mm.compareObject("ranktest", rankExp, Map.of("tau", rank.tau(), "pval", rank.pval()), 1e-10);
    boolean metaforWarnedTies = rankExp.path("warnings").size() > 0;
    if (metaforWarnedTies == rank.exact()) {
      mm.add(
          "ranktest: exact p-value = "
              + rank.exact()
              + " but metafor warnings = "
              + rankExp.get("warnings"));
    }

    for (TauMethod m : List.of(TauMethod.REML, TauMethod.EE)) {
      String name = "trimfill_" + m.name();
      JsonNode tfExp = exp.get(name);
      if (tfExp.has("error")) {
        mm.add(name + ": metafor failed (" + tfExp.get("error") + "); not comparable");
        continue;
      }
      TrimAndFill.Result tf = TrimAndFill.of(RandomEffectsModel.of(m)).run(yi, vi);
      mm.compareObject(name, tfExp, trimfill(tf, bt), 1e-10);
      JsonNode filled = tfExp.get("filled");
      if (filled.size() != tf.filled().size()) {
        mm.add(name + ".filled: expected " + filled.size() + ", got " + tf.filled().size());
        continue;
      }
      for (int i = 0; i < filled.size(); i++) {
        TrimAndFill.FilledStudy f = tf.filled().get(i);
        mm.compareObject(
            name + ".filled[" + i + "]", filled.get(i), Map.of("yi", f.yi(), "vi", f.vi()), 1e-10);
      }
    }
  }

  static Map<String, Object> regtestRma(EggerRmaTest.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zval", r.stat());
    m.put("pval", r.pval());
    m.put("limit_estimate", r.limitEstimate());
    m.put("limit_ci_lb", r.limitCiLb());
    m.put("limit_ci_ub", r.limitCiUb());
    m.put("fit_intercept", r.limitEstimate());
    m.put("fit_slope", r.slope());
    m.put("fit_slope_se", r.slopeSe());
    m.put("fit_tau2", r.tau2());
    return m;
  }

  static Map<String, Object> regtestLm(double[] yi, double[] vi) {
    EggerRegressionTest.Result r = EggerRegressionTest.withDefaults().test(yi, vi);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tval", r.tval());
    m.put("df", r.df());
    m.put("pval", r.pval());
    m.put("limit_estimate", r.limitEstimate());
    m.put("limit_ci_lb", r.limitCiLb());
    m.put("limit_ci_ub", r.limitCiUb());
    m.put("fit_intercept", r.limitEstimate());
    m.put("fit_slope", r.slope());
    m.put("fit_slope_se", r.slopeSe());
    m.put("fit_residual_scale", r.residualScale());
    return m;
  }

  static Map<String, Object> trimfill(TrimAndFill.Result tf, BackTransform bt) {
    MetaResult f = tf.fit();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", tf.side().label());
    m.put("k0", tf.k0());
    m.put("se_k0", tf.seK0());
    m.put("p_k0", null);
    m.put("k_total", tf.kTotal());
    m.putAll(SensitivityReferenceCases.fitFields(f, bt));
    m.put("QE", f.qe());
    m.put("QEp", f.qep());
    return m;
  }
}
