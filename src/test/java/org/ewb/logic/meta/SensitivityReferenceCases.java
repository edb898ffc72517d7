package org.ewb.logic.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewb.logic.meta.MetaforReferenceTest.Mismatches;
import org.ewb.logic.meta.sensitivity.CumulativeMetaAnalysis;
import org.ewb.logic.meta.sensitivity.LeaveOneOut;
import org.ewb.logic.meta.sensitivity.SensitivityRow;

/**
 * Checks one {@code analysis = "leave1out"} or {@code "cumul"} reference case (REML, test z): every
 * field of every row, against {@code results_strict}. A row that metafor could not fit has null
 * values; the engine must then also fail on that row (and vice versa), otherwise the difference is
 * reported. Called from {@link MetaforReferenceTest#dispatch}.
 */
final class SensitivityReferenceCases {

  private SensitivityReferenceCases() {}

  static void check(String analysis, JsonNode c, Mismatches mm) {
    List<EffectSize> es =
        EffectSizes.compute(
            ReferenceCases.measure(c),
            ReferenceCases.studyData(c),
            ReferenceCases.escalcOptions(c));
    List<EffectSize> used = es.stream().filter(EffectSize::included).toList();
    double[] yi = used.stream().mapToDouble(EffectSize::yi).toArray();
    double[] vi = used.stream().mapToDouble(EffectSize::vi).toArray();
    List<String> labels = used.stream().map(EffectSize::label).toList();
    BackTransform bt = ReferenceCases.backTransform(c);
    RandomEffectsModel model = ReferenceCases.model(c);

    List<SensitivityRow> rows =
        analysis.equals("leave1out")
            ? LeaveOneOut.of(model).run(yi, vi, labels)
            : CumulativeMetaAnalysis.of(model).run(yi, vi, labels);
    JsonNode expRows = ReferenceCases.expected(c).get("rows");
    if (expRows.size() != rows.size()) {
      mm.add("rows: expected " + expRows.size() + ", got " + rows.size());
      return;
    }
    for (int i = 0; i < rows.size(); i++) {
      mm.compareObject("rows[" + i + "]", expRows.get(i), row(rows.get(i), bt), 1e-10);
    }
  }

  static Map<String, Object> row(SensitivityRow r, BackTransform bt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("row", r.row());
    m.put("study", r.study());
    if (r.failed()) {
      for (String key :
          List.of(
              "estimate",
              "se",
              "zval",
              "pval",
              "ci_lb",
              "ci_ub",
              "Q",
              "Qp",
              "tau2",
              "I2",
              "H2",
              "estimate_bt",
              "ci_lb_bt",
              "ci_ub_bt")) {
        m.put(key, null);
      }
      return m;
    }
    m.putAll(fitFields(r.fit(), bt));
    m.put("Q", r.fit().qe());
    m.put("Qp", r.fit().qep());
    return m;
  }

  /** Pooled estimate, its test and CI, heterogeneity and back-transformed values of a fit. */
  static Map<String, Object> fitFields(MetaResult f, BackTransform bt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("estimate", f.estimate());
    m.put("se", f.se());
    m.put("zval", f.stat());
    m.put("pval", f.pval());
    m.put("ci_lb", f.ciLb());
    m.put("ci_ub", f.ciUb());
    m.put("tau2", f.tau2());
    m.put("I2", f.i2());
    m.put("H2", f.h2());
    m.put("estimate_bt", bt.apply(f.estimate()));
    m.put("ci_lb_bt", bt.apply(f.ciLb()));
    m.put("ci_ub_bt", bt.apply(f.ciUb()));
    return m;
  }
}
